import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "./password.ts";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const encoded = await hashPassword("correct horse battery", { cost: 1024 });
    expect(encoded).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(await verifyPassword("correct horse battery", encoded)).toBe(true);
    expect(await verifyPassword("correct horse batterz", encoded)).toBe(false);
    expect(await verifyPassword("", encoded)).toBe(false);
  });

  it("salts every hash, so the same password hashes differently", async () => {
    const [first, second] = await Promise.all([
      hashPassword("same password here", { cost: 1024 }),
      hashPassword("same password here", { cost: 1024 }),
    ]);
    expect(first).not.toBe(second);
    expect(Buffer.from(first.split("$")[4] ?? "", "base64")).toHaveLength(16);
  });

  it("works at the production cost N=2^15", async () => {
    const encoded = await hashPassword("production cost password", { cost: 2 ** 15 });
    expect(encoded.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("production cost password", encoded)).toBe(true);
  });

  it("treats a malformed or foreign hash as a mismatch", async () => {
    for (const encoded of ["", "bcrypt$2b$10$abc", "scrypt$1000$8$1$c2FsdA==$a2V5", "scrypt$1024$8$1$$", "scrypt$1073741824$8$1$c2FsdA==$a2V5"]) {
      expect(await verifyPassword("anything at all", encoded)).toBe(false);
    }
  });

  it("refuses a cost that is not a power of two", async () => {
    await expect(hashPassword("a fine password", { cost: 1000 })).rejects.toMatchObject({ code: "validation.invalid_input" });
  });
});

describe("password policy", () => {
  const owner = { email: "robin.ortega@example.org", displayName: "Robin Ortega" };
  const check = (password: string, minLength = 12) => () => checkPasswordPolicy(password, { minLength, owner });
  const refusedFor = (rule: string) => expect.objectContaining({ code: "auth.weak_password", details: expect.objectContaining({ rule }) });

  it("accepts a hard-to-guess password of the minimum length", () => {
    expect(check("vq7#Lm2!xR9p")).not.toThrow();
  });

  it.each([
    ["too short", "vq7#Lm2!xR9", "too_short"],
    ["one character repeated", "aaaaaaaaaaaaaaaa", "one_character"],
    ["longer than 1,024 characters", "ab".repeat(513), "too_long"],
    ["that is a common password with digits", "password1234", "guessable"],
    ["of keyboard patterns", "qwertyuiop12", "guessable"],
    ["that is the account's email", "robin.ortega@example.org", "personal_data"],
    ["that contains the email's local part", "robin.ortega-1987!", "personal_data"],
    ["that contains the display name", "Robin Ortega rocks 2024", "personal_data"],
    ["that contains a word of the name in another case", "ORTEGA-vq7#Lm2!x", "personal_data"],
  ])("refuses a password %s", (_name, password, rule) => {
    expect(check(password)).toThrow(refusedFor(rule));
  });

  it("says why a guessable password is refused, with zxcvbn's feedback", () => {
    let refused: unknown;
    try {
      check("password1234")();
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      code: "auth.weak_password",
      message: expect.stringMatching(/too easy to guess\. .*commonly used password/),
      details: { rule: "guessable", minScore: 3, score: expect.any(Number) },
    });
  });

  it("never asks for fewer than 12 characters, whatever the setting", () => {
    expect(check("vq7#Lm2!xR", 8)).toThrow(refusedFor("too_short"));
  });

  it("counts characters, not bytes", () => {
    expect(check("🔒🔑🗝️🔐🛡️🧷")).toThrow(expect.objectContaining({ code: "auth.weak_password" }));
    expect(check("🔒🔑🔐🛡🧷🔓🔏🗄📁📂🗃🗂")).not.toThrow();
  });
});
