import { describe, expect, it } from "vitest";
import { relabelChanges, speakerName, swappedRoles } from "./speaker-relabel.ts";

const speakers = [
  { label: "S1", role: "therapist" as const },
  { label: "S2", role: "patient" as const },
  { label: "S3", role: "unknown" as const },
];

describe("relabelChanges", () => {
  it("sends only the speakers whose role changed", () => {
    expect(relabelChanges(speakers, { S1: "therapist", S2: "unknown" })).toEqual([{ label: "S2", role: "unknown" }]);
    expect(relabelChanges(speakers, {})).toEqual([]);
  });

  it("swaps therapist and patient and leaves the rest", () => {
    expect(relabelChanges(speakers, swappedRoles(speakers))).toEqual([
      { label: "S1", role: "patient" },
      { label: "S2", role: "therapist" },
    ]);
  });
});

describe("speakerName", () => {
  it("names the role and the engine's label", () => {
    expect(speakerName(speakers, "S2")).toBe("Patient (S2)");
    expect(speakerName(speakers, "S9")).toBe("Not known (S9)");
  });
});
