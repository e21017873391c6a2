import { scryptSync } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
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
    await expect(hashPassword("a fine password", { cost: 1000 })).rejects.toMatchObject({
      code: "validation.invalid_input",
      message: "The password cost must be a power of two between 2 and 2^20.",
      details: { cost: 1000 },
    });
  });
});

describe("password policy", () => {
  const owner = { email: "robin.ortega@example.org", displayName: "Robin Ortega" };
  const check = (password: string, minLength = 12) => checkPasswordPolicy(password, { minLength, owner });
  const refusedFor = (rule: string) => expect.objectContaining({ code: "auth.weak_password", details: expect.objectContaining({ rule }) });

  it("accepts a hard-to-guess password of the minimum length", async () => {
    await expect(check("vq7#Lm2!xR9p")).resolves.toBeUndefined();
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
  ])("refuses a password %s", async (_name, password, rule) => {
    await expect(check(password)).rejects.toThrow(refusedFor(rule));
  });

  it("says why a guessable password is refused, with zxcvbn's feedback", async () => {
    await expect(check("password1234")).rejects.toMatchObject({
      code: "auth.weak_password",
      message: expect.stringMatching(/too easy to guess\. .*commonly used password/),
      details: { rule: "guessable", minScore: 3, score: expect.any(Number) },
    });
  });

  it("never asks for fewer than 12 characters, whatever the setting", async () => {
    await expect(check("vq7#Lm2!xR", 8)).rejects.toThrow(refusedFor("too_short"));
  });

  it("counts characters, not bytes", async () => {
    await expect(check("🔒🔑🗝️🔐🛡️🧷")).rejects.toThrow(expect.objectContaining({ code: "auth.weak_password" }));
    await expect(check("🔒🔑🔐🛡🧷🔓🔏🗄📁📂🗃🗂")).resolves.toBeUndefined();
  });
});

describe("password limits at their boundaries", () => {
  /** A hash made elsewhere (another cost setting, another version) with scrypt's own parameters. */
  function foreignHash(password: string, parameters: { cost: number; blockSize: number; parallelization: number }): string {
    const salt = Buffer.from("fixed salt 16 by");
    const key = scryptSync(password.normalize("NFC"), salt, 32, {
      N: parameters.cost,
      r: parameters.blockSize,
      p: parameters.parallelization,
      maxmem: 64 * 1024 * 1024,
    });
    return ["scrypt", parameters.cost, parameters.blockSize, parameters.parallelization, salt.toString("base64"), key.toString("base64")].join("$");
  }

  it("hashes at the smallest cost, 2, and refuses 1, 0, a fraction and more than 2^20", async () => {
    const encoded = await hashPassword("smallest cost password", { cost: 2 });
    expect(encoded.startsWith("scrypt$2$8$1$")).toBe(true);
    expect(await verifyPassword("smallest cost password", encoded)).toBe(true);
    for (const cost of [1, 0, -2, 2.5, 3, 2 ** 21, Number.NaN]) {
      await expect(hashPassword("a fine password", { cost }), `cost ${cost}`).rejects.toMatchObject({
        code: "validation.invalid_input",
        details: { cost },
      });
    }
  });

  it("verifies hashes made with other scrypt parameters within the accepted ranges", async () => {
    for (const parameters of [
      { cost: 2, blockSize: 1, parallelization: 1 },
      { cost: 4, blockSize: 32, parallelization: 1 },
      { cost: 4, blockSize: 1, parallelization: 16 },
    ]) {
      const encoded = foreignHash("made elsewhere", parameters);
      expect(await verifyPassword("made elsewhere", encoded), JSON.stringify(parameters)).toBe(true);
      expect(await verifyPassword("made elsewhere!", encoded), JSON.stringify(parameters)).toBe(false);
    }
  });

  it("treats a hash whose scrypt parameters are out of range as a mismatch, even for the right password", async () => {
    for (const parameters of [
      { cost: 4, blockSize: 33, parallelization: 1 },
      { cost: 4, blockSize: 1, parallelization: 17 },
    ]) {
      expect(await verifyPassword("made elsewhere", foreignHash("made elsewhere", parameters)), JSON.stringify(parameters)).toBe(false);
    }
    const valid = foreignHash("made elsewhere", { cost: 4, blockSize: 1, parallelization: 1 }).split("$");
    const withField = (index: number, value: string) => valid.map((part, at) => (at === index ? value : part)).join("$");
    for (const [index, value] of [
      [1, "1"],
      [1, "6"],
      [2, "0"],
      [3, "0"],
      [1, "000000004"],
      [1, "4x"],
      [2, ""],
      [4, ""],
      [5, ""],
    ] as const) {
      expect(await verifyPassword("made elsewhere", withField(index, value)), `field ${index} = ${value}`).toBe(false);
    }
    expect(await verifyPassword("made elsewhere", `${valid.join("$")}$extra`)).toBe(false);
    expect(await verifyPassword("made elsewhere", valid.slice(0, 5).join("$"))).toBe(false);
    expect(await verifyPassword("made elsewhere", ["Scrypt", ...valid.slice(1)].join("$"))).toBe(false);
    expect(await verifyPassword("made elsewhere", withField(1, "00000004"))).toBe(true);
  });

  it("refuses a stored hash whose key has another length", async () => {
    const parts = foreignHash("made elsewhere", { cost: 4, blockSize: 1, parallelization: 1 }).split("$");
    const key = Buffer.from(parts[5] ?? "", "base64");
    parts[5] = key.subarray(0, 16).toString("base64");
    expect(await verifyPassword("made elsewhere", parts.join("$"))).toBe(false);
  });

  const owner = { email: "robin.ortega@example.org", displayName: "Robin Ortega" };
  /** `length` characters that no dictionary or pattern matches. */
  const unguessable = (length: number) =>
    Array.from({ length }, (_, index) => "q7#Lm2!xR9pVw$3k"[(index * 7 + Math.floor(index / 16)) % 16]).join("");

  it("accepts exactly 1,024 characters and refuses 1,025", async () => {
    await expect(checkPasswordPolicy(unguessable(1_024), { minLength: 12, owner })).resolves.toBeUndefined();
    await expect(checkPasswordPolicy(unguessable(1_025), { minLength: 12, owner })).rejects.toThrow(
      expect.objectContaining({ code: "auth.weak_password", details: { rule: "too_long", minLength: 12, maxLength: 1_024 } }),
    );
  });

  it("says which minimum was broken, at a configured minimum above 12", async () => {
    await expect(checkPasswordPolicy(unguessable(15), { minLength: 16, owner })).rejects.toThrow(
      expect.objectContaining({
        message: "The password must have at least 16 characters.",
        details: { rule: "too_short", minLength: 16, maxLength: 1_024 },
      }),
    );
    await expect(checkPasswordPolicy(unguessable(16), { minLength: 16, owner })).resolves.toBeUndefined();
  });

  it("refuses a hash without a salt, even one that matches", async () => {
    const key = scryptSync("made elsewhere", Buffer.alloc(0), 32, { N: 4, r: 1, p: 1 });
    expect(await verifyPassword("made elsewhere", ["scrypt", 4, 1, 1, "", key.toString("base64")].join("$"))).toBe(false);
  });
});

describe("password policy and the owner's data", () => {
  const refused = async (password: string, owner: { email: string; displayName: string }) => {
    try {
      await checkPasswordPolicy(password, { minLength: 12, owner });
    } catch (error) {
      return error as { code: string; message: string; details: Record<string, unknown> };
    }
    return null;
  };

  it("finds the owner's data whatever its case and spacing", async () => {
    expect(await refused("zq!ortega#Vw29", { email: " Robin.Ortega@Example.ORG ", displayName: " Robin  Ortega " })).toMatchObject({
      code: "auth.weak_password",
      message: "The password must not contain your email address or your name.",
      details: { rule: "personal_data" },
    });
  });

  it("finds the whole local part and each of its pieces", async () => {
    expect((await refused("zq!al.bo#Vw29x", { email: "al.bo@example.org", displayName: "X Y" }))?.details.rule).toBe("personal_data");
    expect((await refused("zq!kowalski#Vw29", { email: "lee_kowalski+work@example.org", displayName: "L K" }))?.details.rule).toBe("personal_data");
  });

  it("counts pieces of four characters or more, not shorter ones", async () => {
    expect((await refused("zq!anna#Vw29xy", { email: "a.b@example.org", displayName: "Anna Li" }))?.details.rule).toBe("personal_data");
    expect(await refused("zq!li#Vw29xyQt", { email: "a.b@example.org", displayName: "Anna Li" })).toBeNull();
  });

  it("accepts a password zxcvbn scores 3, and explains a refusal with its suggestions alone when it gives no warning", async () => {
    const owner = { email: "robin@example.org", displayName: "Robin" };
    expect(await refused("bluebird kettle", owner)).toBeNull();
    const weak = await refused("trombone twelve", owner);
    expect(weak).toMatchObject({
      message: "The password is too easy to guess. Add more words that are less common. Avoid common character sequences.",
      details: { rule: "guessable", score: 2, minScore: 3, suggestions: ["Add more words that are less common.", "Avoid common character sequences."] },
    });
    expect(weak?.details).not.toHaveProperty("warning");
  });

  it("says what is wrong with a long or repetitive password", async () => {
    const owner = { email: "robin@example.org", displayName: "Robin" };
    expect((await refused("x".repeat(1_025), owner))?.message).toBe("The password must have at most 1024 characters.");
    expect((await refused("x".repeat(20), owner))?.message).toBe("The password must not repeat a single character.");
  });
});

/**
 * The estimator is built once per process and kept; each test here builds its own from a fresh
 * module, so that what it checks is the estimator's settings, not a copy built earlier.
 */
async function freshEstimate(password: string, userInputs: readonly string[] = []) {
  vi.resetModules();
  const { estimatePasswordStrength } = await import("./password-strength.ts");
  return estimatePasswordStrength(password, userInputs);
}

describe("password strength estimate", () => {
  it("reads common words spelled with digits and symbols as the words they spell", async () => {
    // Decoded, "m0nk3yb@n@n@5" is two common words: very guessable. Read literally, it scores 4.
    expect((await freshEstimate("m0nk3yb@n@n@5")).score).toBe(1);
  });

  it("judges a password by its first 64 characters: a hard tail after 64 guessable ones does not make it strong", async () => {
    const tail = "Xq7#vL9!mZ2@pR4$wT6%";
    expect((await freshEstimate(tail)).score).toBe(4);
    expect((await freshEstimate("a".repeat(64) + tail)).score).toBe(0);
  });

  it("knows common English words and passwords", async () => {
    expect((await freshEstimate("correcthorse")).score).toBe(1);
  });

  it("counts the owner's own words as words an attacker tries first", async () => {
    expect((await freshEstimate("Vorbwelt.Quazzik")).score).toBe(4);
    expect((await freshEstimate("Vorbwelt.Quazzik", ["vorbwelt", "quazzik"])).score).toBe(3);
  });
});
