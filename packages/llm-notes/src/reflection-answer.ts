/**
 * What the model answers for a suggested reflection: the JSON schema sent as structured output
 * (in the same strict subset as the notes' schema: every property required, nullable as
 * `["string", "null"]`, no unsupported keyword), and the reading of the answer. The reading
 * keeps the writer's side of the rule: an answer that is not this JSON, has no text, or cites a
 * line that was not sent or is not the patient's is no reflection. Whether the cited words carry
 * the text is core's claim check (`checkedReflection`), made on every writer's reflection.
 */
import { citesPatientOnly } from "@confide/core/adapter-kit";
import type { Reflection, ReflectionInput } from "@confide/core/ports";
import { z } from "zod";

/** The JSON schema of the reflection answer; `text` null: none to suggest. */
export const reflectionJsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["text", "cites"],
  properties: {
    text: { type: ["string", "null"] },
    cites: { type: "array", items: { type: "string" } },
  },
} as const;

export const reflectionJsonSchemaName = "suggested_reflection";

const reflectionAnswer = z.object({ text: z.string().nullable(), cites: z.array(z.string()) });

/**
 * The reflection an answer's content holds, or null: not JSON of the schema, no text (the model
 * has none to suggest), no cite, or a cite that is not a patient segment of `input`.
 * Never throws, and never quotes the content anywhere.
 */
export function reflectionFromAnswer(content: string | null, input: ReflectionInput): Reflection | null {
  if (content === null || content.trim() === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    // The SyntaxError quotes the text: it goes nowhere.
    return null;
  }
  const checked = reflectionAnswer.safeParse(json);
  if (!checked.success || checked.data.text === null || checked.data.text.trim() === "") return null;
  const cites = [...new Set(checked.data.cites)];
  if (!citesPatientOnly(cites, input)) return null;
  return { text: checked.data.text.trim(), cites };
}
