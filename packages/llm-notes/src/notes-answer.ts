/**
 * What the model must answer: the JSON schema sent as structured output (`response_format` of
 * chat completions, the tool's `inputSchema` of Bedrock Converse; strict: every property
 * required, no others, nullable as `["…", "null"]`), the zod schema that checks the answer, and
 * the mapping of a checked answer onto the port's `NotesDraft`.
 *
 * Evidence is asked as `{ segmentId, quote }`: models copy words far more reliably than they
 * count characters. The adapter turns each quote into the character span the port wants
 * (`locateQuote`); it never drops an item because its evidence looks wrong — core's
 * `verifyNotes` is the one judge of that.
 */
import {
  moodTrajectories,
  normalizeForQuote,
  notAssessed,
  noteListFields,
  riskSeverities,
  riskTypes,
  sessionMoods,
  type Evidence,
  type NoteItemDraft,
  type NotesDraft,
  type NoteField,
  type RiskFlagDraft,
  type RiskSeverity,
  type RiskType,
} from "@confide/core/ports";
import { z } from "zod";

const nullableString = { type: ["string", "null"] } as const;
const speakerSchema = { type: ["string", "null"], enum: ["patient", "therapist", null] } as const;

const evidenceSchema = {
  type: "array",
  minItems: 1,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["segmentId", "quote"],
    properties: {
      segmentId: { type: "string", description: "the id in brackets of the line cited" },
      quote: { type: "string", description: "words copied exactly from that line" },
    },
  },
} as const;

const itemProperties = {
  text: { type: "string" },
  speaker: speakerSchema,
  quote: nullableString,
  evidence: evidenceSchema,
} as const;

const itemSchema = {
  type: "object",
  additionalProperties: false,
  required: ["text", "speaker", "quote", "evidence"],
  properties: itemProperties,
} as const;

const riskItemSchema = {
  type: "object",
  additionalProperties: false,
  required: ["type", "severity", "text", "speaker", "quote", "evidence"],
  properties: {
    type: { type: "string", enum: [...riskTypes] },
    severity: { type: "string", enum: [...riskSeverities] },
    ...itemProperties,
  },
} as const;

function listFieldSchema(items: object) {
  return {
    type: "object",
    additionalProperties: false,
    required: ["assessed", "reason", "items"],
    properties: { assessed: { type: "boolean" }, reason: nullableString, items: { type: "array", items } },
  } as const;
}

function valueFieldSchema(values: readonly string[]) {
  return {
    type: "object",
    additionalProperties: false,
    required: ["assessed", "reason", "value", "text", "evidence"],
    properties: {
      assessed: { type: "boolean" },
      reason: nullableString,
      value: { type: ["string", "null"], enum: [...values, null] },
      text: nullableString,
      evidence: { type: "array", items: evidenceSchema.items },
    },
  } as const;
}

/** The JSON schema of the model's answer, for `response_format: { type: "json_schema" }`. */
export const notesJsonSchema = {
  type: "object",
  additionalProperties: false,
  required: [...noteListFields, "sessionMood", "moodTrajectory", "riskFlags"],
  properties: {
    ...Object.fromEntries(noteListFields.map((name) => [name, listFieldSchema(itemSchema)])),
    sessionMood: valueFieldSchema(sessionMoods),
    moodTrajectory: valueFieldSchema(moodTrajectories),
    riskFlags: listFieldSchema(riskItemSchema),
  },
} as const;

export const notesJsonSchemaName = "clinical_notes";

const answerEvidence = z.object({ segmentId: z.string().min(1), quote: z.string() });
const answerSpeaker = z.enum(["patient", "therapist"]).nullable();
const answerItem = z.object({
  text: z.string().min(1),
  speaker: answerSpeaker,
  quote: z.string().nullable(),
  evidence: z.array(answerEvidence).min(1),
});
/**
 * A risk flag is never lost to a schema check: one without evidence passes here (core marks it
 * unverified), a type outside the list is `other`, a severity outside it `high` (the therapist
 * sees it first rather than never).
 */
const answerRiskItem = answerItem.extend({
  type: z.string().transform((value): RiskType => ((riskTypes as readonly string[]).includes(value) ? (value as RiskType) : "other")),
  severity: z.string().transform((value): RiskSeverity => ((riskSeverities as readonly string[]).includes(value) ? (value as RiskSeverity) : "high")),
  evidence: z.array(answerEvidence),
});
const listField = <T extends z.ZodType>(item: T) =>
  z.object({ assessed: z.boolean(), reason: z.string().nullable(), items: z.array(item) });
const valueField = (values: readonly string[]) =>
  z.object({
    assessed: z.boolean(),
    reason: z.string().nullable(),
    value: z.enum(values as [string, ...string[]]).nullable(),
    text: z.string().nullable(),
    evidence: z.array(answerEvidence),
  });

/** The zod schema of the model's answer (the JSON schema above, checked on our side). */
export const notesAnswer = z.object({
  ...(Object.fromEntries(noteListFields.map((name) => [name, listField(answerItem)])) as {
    [K in (typeof noteListFields)[number]]: ReturnType<typeof listField<typeof answerItem>>;
  }),
  sessionMood: valueField(sessionMoods),
  moodTrajectory: valueField(moodTrajectories),
  riskFlags: listField(answerRiskItem),
});

export type NotesAnswer = z.output<typeof notesAnswer>;
type AnswerEvidence = z.output<typeof answerEvidence>;
type AnswerItem = z.output<typeof answerItem>;

/**
 * Where `quote` stands in `text`: the shortest span of `text` whose normalised form
 * (`normalizeForQuote`) contains the normalised quote on word boundaries.
 * @returns `[start, end)` in UTF-16 offsets, or null when the words are not there.
 */
export function locateQuote(quote: string, text: string): { start: number; end: number } | null {
  const needle = normalizeForQuote(quote);
  if (needle === "") return null;
  // Word starts and ends of the text, in original offsets.
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const wanted = needle.split(" ").length;
  for (let first = 0; first + wanted <= words.length; first += 1) {
    const span = { start: words[first]!.start, end: words[first + wanted - 1]!.end };
    if (normalizeForQuote(text.slice(span.start, span.end)) === needle) return span;
  }
  return null;
}

/** What the mapping needs of the transcript: each segment's text by id. */
export type SegmentTexts = ReadonlyMap<string, string>;

/**
 * The evidence of one item. A quote found in its segment becomes its span; one that is not (or
 * a segment that does not exist) becomes the whole segment — or a zero span on an unknown id —
 * and is handed to core as the item's `quote`, so that core's check fails the item, with the
 * reason, instead of this adapter silently repairing or dropping it.
 */
function mapEvidence(evidence: readonly AnswerEvidence[], texts: SegmentTexts): { evidence: Evidence[]; failedQuote: string | undefined } {
  let failedQuote: string | undefined;
  const spans = evidence.map((cited): Evidence => {
    const text = texts.get(cited.segmentId);
    if (text === undefined) return { segmentId: cited.segmentId, start: 0, end: 1 };
    const span = locateQuote(cited.quote, text);
    if (span !== null) return { segmentId: cited.segmentId, ...span };
    failedQuote ??= cited.quote;
    return { segmentId: cited.segmentId, start: 0, end: Math.max(1, text.length) };
  });
  return { evidence: spans, failedQuote };
}

function mapItem(item: AnswerItem, texts: SegmentTexts): NoteItemDraft {
  const { evidence, failedQuote } = mapEvidence(item.evidence, texts);
  const quote = failedQuote ?? (item.quote === null || item.quote.trim() === "" ? undefined : item.quote);
  return {
    text: item.text,
    evidence,
    ...(item.speaker === null ? {} : { speaker: item.speaker }),
    ...(quote === undefined ? {} : { quote }),
  };
}

const unassessedReason = "The model did not assess this field.";

function mapList<Item extends AnswerItem, Draft extends NoteItemDraft>(
  field: { assessed: boolean; reason: string | null; items: Item[] },
  map: (item: Item) => Draft,
): NoteField<Draft[]> {
  if (!field.assessed) return notAssessed(field.reason?.trim() || unassessedReason);
  return field.items.map(map);
}

function mapValue<Value extends string>(
  field: { assessed: boolean; reason: string | null; value: string | null; text: string | null; evidence: AnswerEvidence[] },
  texts: SegmentTexts,
): NoteField<NoteItemDraft & { value: Value }> {
  if (!field.assessed || field.value === null) return notAssessed(field.reason?.trim() || unassessedReason);
  const { evidence, failedQuote } = mapEvidence(field.evidence, texts);
  return {
    value: field.value as Value,
    text: field.text?.trim() || field.value,
    evidence,
    ...(failedQuote === undefined ? {} : { quote: failedQuote }),
  };
}

/**
 * The port's notes from one checked answer; every item kept, evidence as spans.
 * @returns the draft (core verifies it).
 */
export function notesFromAnswer(answer: NotesAnswer, texts: SegmentTexts): NotesDraft {
  const lists = Object.fromEntries(
    noteListFields.map((name) => [name, mapList(answer[name], (item) => mapItem(item, texts))]),
  ) as Pick<NotesDraft, (typeof noteListFields)[number]>;
  return {
    ...lists,
    sessionMood: mapValue(answer.sessionMood, texts),
    moodTrajectory: mapValue(answer.moodTrajectory, texts),
    riskFlags: mapList(answer.riskFlags, (flag): RiskFlagDraft => ({
      ...mapItem(flag, texts),
      type: flag.type,
      severity: flag.severity,
    })),
  };
}

/**
 * What is wrong with an answer, for the repair request and the error: paths and zod's words,
 * never the values (they may repeat the transcript).
 */
export function describeIssues(error: z.ZodError, limit = 8): string {
  const issues = error.issues.slice(0, limit).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : "";
  return `${issues.join("; ")}${more}`;
}
