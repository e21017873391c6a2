import type { ReflectionInput } from "@confide/core/ports";
import { censusOfSchema } from "@confide/contracts/fakes";
import { describe, expect, it } from "vitest";
import { reflectionFromAnswer, reflectionJsonSchema } from "./reflection-answer.ts";

const input: ReflectionInput = {
  language: "en-US",
  speakers: [
    { label: "A", role: "therapist" },
    { label: "B", role: "patient" },
  ],
  segments: [
    { id: "seg-1", speaker: "A", text: "How was it?" },
    { id: "seg-2", speaker: "B", text: "I felt proud of myself." },
  ],
};
const read = (answer: unknown) => reflectionFromAnswer(typeof answer === "string" ? answer : JSON.stringify(answer), input);

describe("reflectionFromAnswer", () => {
  it("reads the reflection, trimmed, its cites without repeats", () => {
    expect(read({ text: " You felt proud of yourself. ", cites: ["seg-2", "seg-2"] })).toEqual({ text: "You felt proud of yourself.", cites: ["seg-2"] });
  });

  it("is null for none, no text, no cite, a cite not the patient's or not sent, another shape, or no JSON", () => {
    expect(read({ text: null, cites: [] })).toBeNull();
    expect(read({ text: "  ", cites: ["seg-2"] })).toBeNull();
    expect(read({ text: "You felt proud.", cites: [] })).toBeNull();
    expect(read({ text: "You felt proud.", cites: ["seg-1"] })).toBeNull();
    expect(read({ text: "You felt proud.", cites: ["seg-7"] })).toBeNull();
    expect(read({ reflection: "You felt proud.", cites: ["seg-2"] })).toBeNull();
    expect(read("You felt proud.")).toBeNull();
    expect(reflectionFromAnswer(null, input)).toBeNull();
  });

  it("its schema keeps to the strict structured-output subset", () => {
    expect(censusOfSchema(reflectionJsonSchema).problems).toEqual([]);
  });
});
