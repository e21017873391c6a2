import { describe, expect, it } from "vitest";
import { missingPartWords } from "./missing-part.ts";

describe("what the session page says of a missing part", () => {
  it("never says 'yet' of a failed session, and says processing stopped", () => {
    for (const part of ["transcript", "sentiment", "notes"] as const) {
      expect(missingPartWords("failed", part)).not.toMatch(/yet/);
      expect(missingPartWords("failed", part)).toMatch(/processing stopped/);
    }
  });

  it("says 'yet' while the session is processed, and 'for this session' once it is ready without the part", () => {
    expect(missingPartWords("writing_notes", "notes")).toBe("No notes yet: they are written once the transcript is ready.");
    expect(missingPartWords("transcribing", "transcript")).toMatch(/still being processed/);
    expect(missingPartWords("ready", "notes")).toBe("No notes were written for this session.");
    expect(missingPartWords("finalized", "sentiment")).toBe("The patient's sentiment was not measured for this session.");
  });
});
