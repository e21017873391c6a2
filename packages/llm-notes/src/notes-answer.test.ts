import { riskDialogue } from "@confide/contracts";
import { deriveFakeNotes } from "@confide/contracts/fakes";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { notesAnswer, notesJsonSchema } from "./notes-answer.ts";

const lines = riskDialogue.segments.map((segment) => ({
  segmentId: segment.id,
  role: segment.speaker === "S2" ? "patient" : "therapist",
  text: segment.text,
}));

describe("the notes schema sent to the model and the one checked on our side", () => {
  // Strict mode: an unknown keyword or a mistake in the schema fails compilation.
  const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(notesJsonSchema);

  it("is a valid JSON schema that a well-formed answer meets, and zod accepts the same answer", () => {
    const answer = deriveFakeNotes(lines);
    expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
    expect(notesAnswer.safeParse(answer).success).toBe(true);
  });

  it("requires evidence on every item: both refuse an item without it, or with other fields", () => {
    const withoutEvidence = deriveFakeNotes(lines);
    withoutEvidence.keyTopics.items[0].evidence = [];
    expect(validate(withoutEvidence)).toBe(false);
    expect(notesAnswer.safeParse(withoutEvidence).success).toBe(false);

    const missingField = deriveFakeNotes(lines);
    delete missingField.riskFlags;
    expect(validate(missingField)).toBe(false);
    expect(notesAnswer.safeParse(missingField).success).toBe(false);

    const badMood = deriveFakeNotes(lines);
    badMood.sessionMood.value = "gloomy";
    expect(validate(badMood)).toBe(false);
    expect(notesAnswer.safeParse(badMood).success).toBe(false);
  });

  it("every object is closed and lists every property as required (strict structured output)", () => {
    const objects: Array<Record<string, unknown>> = [];
    const walk = (node: unknown) => {
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.type === "object") objects.push(record);
      for (const value of Object.values(record)) walk(value);
    };
    walk(notesJsonSchema);
    expect(objects.length).toBeGreaterThan(5);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      expect([...(object.required as string[])].sort()).toEqual(Object.keys(object.properties as object).sort());
    }
  });

  it("lets a risk flag without evidence through zod (core marks it unverified) while the JSON schema asks for evidence", () => {
    const answer = deriveFakeNotes(lines);
    answer.riskFlags.items[0].evidence = [];
    expect(validate(answer)).toBe(false);
    expect(notesAnswer.safeParse(answer).success).toBe(true);
  });

  it("keeps a risk flag of an unknown type or severity as `other` / `high` rather than failing the notes", () => {
    const answer = deriveFakeNotes(lines);
    answer.riskFlags.items[0].type = "suicidal_ideation";
    answer.riskFlags.items[0].severity = "critical";
    expect(validate(answer)).toBe(false);
    const checked = notesAnswer.parse(answer);
    expect(checked.riskFlags.items[0]).toMatchObject({ type: "other", severity: "high" });
  });
});
