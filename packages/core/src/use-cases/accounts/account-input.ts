import { normalizeEmail, type Role } from "../../domain/user.ts";
import { invalidInput } from "../../errors.ts";

/** One `@`, no spaces, a dot in the domain: the shape, not deliverability. */
const emailShape = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * @returns the email trimmed and lower-cased.
 * @throws ConfideError `validation.invalid_input` when it is not shaped like an address.
 */
export function checkEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized.length > 254 || !emailShape.test(normalized)) throw invalidInput("The email address is not valid.", "email");
  return normalized;
}

/**
 * @returns the display name trimmed.
 * @throws ConfideError `validation.invalid_input` unless it has 1–200 characters.
 */
export function checkDisplayName(displayName: string): string {
  const trimmed = displayName.trim();
  const length = [...trimmed].length;
  if (length < 1 || length > 200) throw invalidInput("The display name must have 1 to 200 characters.", "displayName");
  return trimmed;
}

/** @throws ConfideError `validation.invalid_input` unless the consent terms name has 1–200 characters. */
export function checkConsentTerms(terms: string): string {
  const trimmed = terms.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw invalidInput("The consent terms must have 1 to 200 characters.", "consent.terms");
  return trimmed;
}

const roles: readonly Role[] = ["therapist", "patient", "admin"];

/** @throws ConfideError `validation.invalid_input` for anything but therapist, patient or admin. */
export function checkRole(role: string): Role {
  const found = roles.find((candidate) => candidate === role);
  if (found === undefined) throw invalidInput("The role must be therapist, patient or admin.", "role");
  return found;
}

export const defaultPageLimit = 50;

/**
 * @returns the page size, `defaultPageLimit` when absent.
 * @throws ConfideError `validation.invalid_input` unless it is an integer in 1–100.
 */
export function checkPageLimit(limit: number | undefined): number {
  if (limit === undefined) return defaultPageLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidInput("The page size must be 1 to 100.", "limit");
  return limit;
}
