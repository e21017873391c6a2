import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { ConfideError } from "../errors.ts";
import { estimatePasswordStrength, minPasswordScore } from "./password-strength.ts";

/** Block size and parallelism of scrypt; the cost N comes from settings. */
const blockSize = 8;
const parallelization = 1;
const saltBytes = 16;
const keyBytes = 32;
/** No setting may lower the minimum length below this (NIST SP 800-63B asks 8; OWASP ASVS 5 asks 12 without MFA). */
export const minPasswordLengthFloor = 12;
/** Longest password accepted: scrypt is fine with more, but nobody types this much. */
export const maxPasswordLength = 1024;
/** Largest cost a stored hash may name; guards verification against a corrupt or hostile record. */
const maxCost = 2 ** 20;

function deriveKey(password: string, salt: Buffer, options: { cost: number; blockSize: number; parallelization: number }): Promise<Buffer> {
  const scryptOptions: ScryptOptions = {
    N: options.cost,
    r: options.blockSize,
    p: options.parallelization,
    // scrypt needs 128 * r * (N + p + 2) bytes (OpenSSL); Node's default ceiling (32 MiB) refuses
    // N=2^15, r=8, and a ceiling of 256 * N * r * p refused the smallest costs (N=2, p=1). Twice the need.
    maxmem: 256 * options.blockSize * (options.cost + options.parallelization + 2),
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keyBytes, scryptOptions, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function isCost(value: number): boolean {
  return Number.isInteger(value) && value >= 2 && value <= maxCost && (value & (value - 1)) === 0;
}

/**
 * Hashes a password with scrypt and a random 16-byte salt.
 * @returns `scrypt$N$r$p$saltB64$hashB64`, which carries everything verification needs.
 * @throws ConfideError `validation.invalid_input` when `cost` is not a power of two in [2, 2^20].
 */
export async function hashPassword(password: string, options: { cost: number }): Promise<string> {
  if (!isCost(options.cost)) {
    throw new ConfideError("validation.invalid_input", "The password cost must be a power of two between 2 and 2^20.", {
      details: { cost: options.cost },
    });
  }
  const salt = randomBytes(saltBytes);
  const key = await deriveKey(password, salt, { cost: options.cost, blockSize, parallelization });
  return ["scrypt", options.cost, blockSize, parallelization, salt.toString("base64"), key.toString("base64")].join("$");
}

interface ParsedHash {
  cost: number;
  blockSize: number;
  parallelization: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | null {
  const parts = encoded.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [cost, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : Number.NaN));
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const key = Buffer.from(parts[5] ?? "", "base64");
  if (cost === undefined || r === undefined || p === undefined) return null;
  if (!isCost(cost) || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return null;
  if (salt.length === 0 || key.length === 0) return null;
  return { cost, blockSize: r, parallelization: p, salt, key };
}

/**
 * Checks a password against a hash made by `hashPassword`, in time that does not depend on
 * where the two differ.
 * @returns true on a match; false on a mismatch or a malformed hash.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (parsed === null) return false;
  const candidate = await deriveKey(password, parsed.salt, parsed);
  return candidate.length === parsed.key.length && timingSafeEqual(candidate, parsed.key);
}

/** Who the password is for: it must not contain, or be guessable from, these. */
export interface PasswordOwner {
  email: string;
  displayName: string;
}

/** Pieces of personal data shorter than this are too common to refuse inside a password. */
const minPersonalPieceLength = 4;

/** The email, its local part, the display name and each of its words, lower-cased. */
function personalPieces(owner: PasswordOwner): string[] {
  const email = owner.email.trim().toLowerCase();
  const name = owner.displayName.trim().toLowerCase();
  const pieces = [email, email.split("@")[0] ?? "", name, ...name.split(/\s+/), ...(email.split("@")[0] ?? "").split(/[._+-]+/)];
  return [...new Set(pieces.filter((piece) => [...piece].length >= minPersonalPieceLength))];
}

/**
 * The password rules: at least `minLength` characters (never fewer than 12), at most 1,024, not
 * one character repeated, not containing the owner's email, its local part or name, and hard to
 * guess: a zxcvbn score of at least 3, with the owner's data counted as words an attacker tries
 * first. Length counts characters (code points), not bytes.
 * @throws ConfideError `auth.weak_password` (the promise rejects), with the rule broken in `details.rule`
 * (`too_short`, `too_long`, `one_character`, `personal_data`, `guessable`) and a message that
 * says why.
 */
export async function checkPasswordPolicy(password: string, options: { minLength: number; owner: PasswordOwner }): Promise<void> {
  const minLength = Math.max(options.minLength, minPasswordLengthFloor);
  const characters = [...password];
  const weak = (rule: string, message: string, details: Record<string, unknown> = {}) =>
    new ConfideError("auth.weak_password", message, { details: { rule, minLength, maxLength: maxPasswordLength, ...details } });
  if (characters.length < minLength) throw weak("too_short", `The password must have at least ${minLength} characters.`);
  if (characters.length > maxPasswordLength) {
    throw weak("too_long", `The password must have at most ${maxPasswordLength} characters.`);
  }
  if (new Set(characters).size === 1) throw weak("one_character", "The password must not repeat a single character.");
  const lowered = password.toLowerCase();
  const pieces = personalPieces(options.owner);
  if (pieces.some((piece) => lowered.includes(piece))) {
    throw weak("personal_data", "The password must not contain your email address or your name.");
  }
  const strength = await estimatePasswordStrength(password, pieces);
  if (strength.score < minPasswordScore) {
    const why = [strength.warning, ...strength.suggestions].filter((line): line is string => !!line).join(" ");
    throw weak("guessable", `The password is too easy to guess.${why === "" ? "" : ` ${why}`}`, {
      score: strength.score,
      minScore: minPasswordScore,
      ...(strength.warning ? { warning: strength.warning } : {}),
      suggestions: strength.suggestions,
    });
  }
}
