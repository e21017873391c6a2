import { describe, expect, it } from "vitest";
import { ConfideError } from "../errors.ts";
import { fileSetting, invalidSetting, isPassedObject, parseSettings, switchText, type ValidatingSchema } from "./adapter-settings.ts";

const failing = (code: string) => () => {
  throw Object.assign(new Error(`failed: ${code}`), { code });
};

describe("adapter settings helpers", () => {
  it("invalidSetting names the setting, never a value", () => {
    const error = invalidSetting("endpoint", "The endpoint must be a URL.");
    expect(ConfideError.is(error, "validation.invalid_input")).toBe(true);
    expect(error.details).toEqual({ setting: "endpoint" });
  });

  it("fileSetting says why a file cannot be read, in words, and hands a readable file's text to its check", () => {
    const check = (text: string) => (text.startsWith("{") ? { value: text } : { problem: "not JSON" });
    expect(fileSetting("/a.json", failing("ENOENT"), check)).toEqual({ problem: "there is no file /a.json" });
    expect(fileSetting("/a", failing("EISDIR"), check)).toEqual({ problem: "/a is a folder, not a file" });
    expect(fileSetting("/a", failing("EACCES"), check)).toEqual({ problem: "/a cannot be read by this process (permissions)" });
    expect(fileSetting("/a", failing("EIO"), check)).toEqual({ problem: "/a cannot be read (failed: EIO)" });
    expect(fileSetting("/a", () => "{}", check)).toEqual({ value: "{}" });
    expect(fileSetting("/a", () => "x", check)).toEqual({ problem: "not JSON" });
  });

  // A Standard Schema written by hand (core depends on no validation library): maxAttempts 1…5, default 2.
  const attempts: ValidatingSchema<{ maxAttempts?: number }, { maxAttempts: number }> = {
    "~standard": {
      validate(value) {
        const given = (value as { maxAttempts?: unknown }).maxAttempts ?? 2;
        if (typeof given === "number" && Number.isInteger(given) && given >= 1 && given <= 5) return { value: { maxAttempts: given } };
        return { issues: [{ message: "Too big: expected number to be <=5.", path: [{ key: "maxAttempts" }] }] };
      },
    },
  };

  it("parseSettings fills defaults by the schema and names the first bad setting", () => {
    expect(parseSettings(attempts, {})).toEqual({ maxAttempts: 2 });
    expect(parseSettings(attempts, { maxAttempts: 5 })).toEqual({ maxAttempts: 5 });
    let error: unknown;
    try {
      parseSettings(attempts, { maxAttempts: 9 });
    } catch (caught) {
      error = caught;
    }
    expect(ConfideError.is(error, "validation.invalid_input")).toBe(true);
    expect((error as ConfideError).details).toEqual({ setting: "maxAttempts" });
    expect((error as Error).message).toBe("The setting maxAttempts is not valid: Too big: expected number to be <=5.");
  });

  it("parseSettings refuses an asynchronous schema", () => {
    const asynchronous: ValidatingSchema<object, object> = { "~standard": { validate: async () => ({ value: {} }) } };
    expect(() => parseSettings(asynchronous, {})).toThrow("must be synchronous");
  });

  it("isPassedObject takes any object, never a value a variable could give", () => {
    for (const value of [{}, [], new Map(), Object.create(null) as object]) expect(isPassedObject(value)).toBe(true);
    for (const value of [null, undefined, "client", 1, true, () => undefined]) expect(isPassedObject(value)).toBe(false);
  });

  it("switchText gives a boolean from code as text and leaves a variable's text as it is", () => {
    expect(switchText(true)).toBe("true");
    expect(switchText(false)).toBe("false");
    expect(switchText("yes")).toBe("yes");
    expect(switchText("")).toBe("");
  });
});
