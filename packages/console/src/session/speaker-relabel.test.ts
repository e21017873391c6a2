import { describe, expect, it } from "vitest";
import { relabelChanges, speakerName, speakerNumber, swappedRoles } from "./speaker-relabel.ts";

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
  it("names the role in plain words, and a speaker of unknown role by its place, never by the engine's label", () => {
    expect(speakerName(speakers, "S1")).toBe("Therapist");
    expect(speakerName(speakers, "S2")).toBe("Patient");
    expect(speakerName(speakers, "S3")).toBe("Speaker 3");
    expect(speakerName(speakers, "S9")).toBe("Speaker 4");
    expect(speakerNumber([{ label: "ch1", role: "patient" }], "ch1")).toBe("Speaker 1");
  });

  it("numbers two speakers of the same role", () => {
    const two = [
      { label: "ch0", role: "patient" as const },
      { label: "ch1", role: "patient" as const },
    ];
    expect([speakerName(two, "ch0"), speakerName(two, "ch1")]).toEqual(["Patient 1", "Patient 2"]);
  });
});
