import { describe, expect, it } from "vitest";
import { assertBlobKey } from "./blob-key.ts";

describe("blob keys", () => {
  it.each([
    "sessions/s-1/audio.wav",
    "a",
    "A-Z_a.z-0.9",
    "..hidden/x..y/...",
    "x".repeat(1024),
  ])("accepts %s", (key) => {
    expect(() => assertBlobKey(key)).not.toThrow();
  });

  it.each([
    ["empty", ""],
    ["a parent segment", "sessions/../users.json"],
    ["a leading parent segment", "../etc/passwd"],
    ["a lone parent segment", ".."],
    ["a current-directory segment", "sessions/./audio.wav"],
    ["a lone dot", "."],
    ["an absolute path", "/etc/passwd"],
    ["a trailing slash", "sessions/"],
    ["an empty segment", "sessions//audio.wav"],
    ["a NUL byte", "sessions/a\u0000.wav"],
    ["a backslash", "sessions\\..\\x"],
    ["a space", "my audio.wav"],
    ["a non-ASCII letter", "séance.wav"],
    ["a newline at the end", "audio.wav\n"],
    ["more than 1,024 characters", "x".repeat(1025)],
  ])("refuses %s with blob.invalid_key", (_name, key) => {
    expect(() => assertBlobKey(key)).toThrow(expect.objectContaining({ code: "blob.invalid_key", message: "The storage key is not valid." }));
  });

  it("echoes at most the first 100 characters of a refused key", () => {
    const key = `${"y".repeat(150)}/..`;
    expect(() => assertBlobKey(key)).toThrow(expect.objectContaining({ details: { key: "y".repeat(100) } }));
  });
});
