import { describe, expect, it } from "vitest";
import type { ReflectionInput } from "./reflection.ts";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import { checkedReflection, citesPatientOnly } from "./reflection-check.ts";

const reader = createPlainWordsClaimReader();
const input: ReflectionInput = {
  language: "en-US",
  speakers: [
    { label: "A", role: "therapist" },
    { label: "B", role: "patient" },
    { label: "C", role: "unknown" },
  ],
  segments: [
    { id: "seg-1", speaker: "A", text: "What would cutting down give you?" },
    { id: "seg-2", speaker: "B", text: "More time with my kids, and I'd sleep better." },
    { id: "seg-3", speaker: "B", text: "I don't want to keep drinking every night." },
    { id: "seg-4", speaker: "C", text: "I feel much better about my kids." },
  ],
};

describe("checkedReflection", () => {
  it("keeps a reflection the patient's cited words carry, trimmed, its cites without repeats", () => {
    expect(checkedReflection({ text: "  You want more time with your kids. ", cites: ["seg-2", "seg-2"] }, input, reader)).toEqual({
      text: "You want more time with your kids.",
      cites: ["seg-2"],
    });
    expect(checkedReflection({ text: "You don't want to keep drinking every night.", cites: ["seg-3"] }, input, reader)).not.toBeNull();
  });

  it("drops one that turns the patient's negation around", () => {
    expect(checkedReflection({ text: "You want to keep drinking every night.", cites: ["seg-3"] }, input, reader)).toBeNull();
  });

  it("drops one whose cited words do not say it (the words are said elsewhere, or nowhere)", () => {
    expect(checkedReflection({ text: "You don't want to keep drinking every night.", cites: ["seg-2"] }, input, reader)).toBeNull();
    expect(checkedReflection({ text: "You feel hopeless about work.", cites: ["seg-2"] }, input, reader)).toBeNull();
  });

  it("drops one citing the therapist, a speaker of unknown role, or a segment not given; and one with no words or no cite", () => {
    expect(checkedReflection({ text: "Cutting down would give you something.", cites: ["seg-1"] }, input, reader)).toBeNull();
    expect(checkedReflection({ text: "You feel much better about your kids.", cites: ["seg-4"] }, input, reader)).toBeNull();
    expect(checkedReflection({ text: "You want more time with your kids.", cites: ["seg-2", "seg-9"] }, input, reader)).toBeNull();
    expect(checkedReflection({ text: "You want more time with your kids.", cites: [] }, input, reader)).toBeNull();
    expect(checkedReflection({ text: "   ", cites: ["seg-2"] }, input, reader)).toBeNull();
  });
});

describe("citesPatientOnly", () => {
  it("is true only for a non-empty list of the patient's segments", () => {
    expect(citesPatientOnly(["seg-2", "seg-3"], input)).toBe(true);
    expect(citesPatientOnly(["seg-2", "seg-1"], input)).toBe(false);
    expect(citesPatientOnly(["seg-4"], input)).toBe(false);
    expect(citesPatientOnly(["seg-5"], input)).toBe(false);
    expect(citesPatientOnly([], input)).toBe(false);
  });
});
