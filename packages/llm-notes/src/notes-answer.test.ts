import { riskDialogue } from "@confide/contracts";
import { censusOfSchema, deriveFakeNotes, fakeItemsOf, maxNestingLevels, maxObjectProperties, unsupportedSchemaKeywords } from "@confide/contracts/fakes";
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

  it("fits the strictest documented structured-output subset: at most 100 object properties, 5 levels, none of the unsupported keywords", () => {
    const census = censusOfSchema(notesJsonSchema);
    console.log(`notes schema: ${census.objectProperties} object properties, ${census.nestingLevels} levels, keywords ${census.keywords.join(", ")}`);
    expect(census.objectProperties).toBeLessThanOrEqual(maxObjectProperties);
    expect(census.nestingLevels).toBeLessThanOrEqual(maxNestingLevels);
    expect(census.keywords.filter((keyword) => (unsupportedSchemaKeywords as readonly string[]).includes(keyword))).toEqual([]);
    expect(census.keywords).toEqual(["additionalProperties", "description", "enum", "items", "properties", "required", "type"]);
    expect(census.problems).toEqual([]);
    // The census itself sees what the subset refuses.
    expect(censusOfSchema({ type: "object", additionalProperties: false, required: ["a"], properties: { a: { type: "array", minItems: 1, items: { type: "string" } } } }).problems).toEqual([
      "In context=('properties', 'a'), 'minItems' is not permitted.",
    ]);
    const wide = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`p${index}`, { type: "string" }]));
    expect(censusOfSchema({ type: "object", additionalProperties: false, required: Object.keys(wide), properties: wide }).problems).toEqual([
      "The schema has 101 object properties; at most 100 are permitted.",
    ]);
  });

  it("requires evidence on every item but a risk flag: zod refuses one without it (the subset cannot say so), naming the path", () => {
    const withoutEvidence = deriveFakeNotes(lines);
    fakeItemsOf(withoutEvidence, "keyTopics")[0]!.evidence = [];
    const checked = notesAnswer.safeParse(withoutEvidence);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((issue) => issue.path.join("."))).toEqual(["items.0.evidence"]);

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

  it("lets a risk flag without evidence through (core marks it unverified)", () => {
    const answer = deriveFakeNotes(lines);
    fakeItemsOf(answer, "riskFlags")[0]!.evidence = [];
    expect(validate(answer)).toBe(true);
    expect(notesAnswer.safeParse(answer).success).toBe(true);
  });

  it("keeps a risk flag of an unknown type or severity as `other` / `high` rather than failing the notes", () => {
    const answer = deriveFakeNotes(lines);
    fakeItemsOf(answer, "riskFlags")[0]!.type = "suicidal_ideation";
    fakeItemsOf(answer, "riskFlags")[0]!.severity = "critical";
    expect(validate(answer)).toBe(false);
    const checked = notesAnswer.parse(answer);
    expect(checked.items.find((item) => item.field === "riskFlags")).toMatchObject({ type: "other", severity: "high" });
  });
});
