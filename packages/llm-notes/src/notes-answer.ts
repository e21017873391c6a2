/**
 * What the model must answer: the JSON schema sent as structured output (`response_format` of
 * chat completions, the tool's `inputSchema` of Bedrock Converse), the zod schema that checks the
 * answer, and the mapping of a checked answer onto the port's `NotesDraft`.
 *
 * The JSON schema keeps to the strictest documented structured-output subset (Microsoft's "How to
 * use structured outputs with Azure OpenAI"): every property required, no others, nullable as
 * `["…", "null"]`, none of the unsupported keywords (no `minItems`), at most 100 object
 * properties in total and five levels of nesting. That is why the items of every list field sit
 * in one `items` list, each naming its `field`, beside one `{ assessed, reason }` per field: one
 * item shape instead of twelve copies. The rules the subset cannot say ("at least one evidence"
 * on every item but a risk flag) are the zod check's, and an answer that breaks them gets the
 * repair request.
 *
 * Evidence is asked as `{ segmentId, quote }`: models copy words far more reliably than they
 * count characters. The adapter turns each quote into the character span the port wants
 * (`locateQuote`); it never drops an item because its evidence looks wrong — core's
 * `verifyNotes` is the one judge of that.
 */
import { moodTrajectories, normalizeForQuote, notAssessed, noteListFields, riskSeverities, riskTypes, sessionMoods } from "@confide/core/adapter-kit";
import type { Evidence, NoteField, NoteItemDraft, NotesDraft, RiskFlagDraft, RiskSeverity, RiskType } from "@confide/core/ports";
import { z } from "zod";

/** The fields whose items are listed in `items`, each naming one of them. */
export const itemFields = [...noteListFields, "riskFlags"] as const;
type ItemField = (typeof itemFields)[number];

const nullableString = { type: ["string", "null"] } as const;
const speakerSchema = { type: ["string", "null"], enum: ["patient", "therapist", null] } as const;

const evidenceSchema = {
  type: "array",
  description: "at least one line for every item",
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

const itemSchema = {
  type: "object",
  additionalProperties: false,
  required: ["field", "text", "speaker", "quote", "type", "severity", "evidence"],
  properties: {
    field: { type: "string", enum: [...itemFields], description: "the field of the notes this item belongs to" },
    text: { type: "string" },
    speaker: speakerSchema,
    quote: nullableString,
    type: { type: ["string", "null"], enum: [...riskTypes, null], description: "riskFlags only, else null" },
    severity: { type: ["string", "null"], enum: [...riskSeverities, null], description: "riskFlags only, else null" },
    evidence: evidenceSchema,
  },
} as const;

const fieldStatusSchema = {
  type: "object",
  additionalProperties: false,
  required: ["assessed", "reason"],
  properties: { assessed: { type: "boolean" }, reason: nullableString },
} as const;

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

/** The JSON schema of the model's answer, for `response_format: { type: "json_schema" }` and Bedrock's tool. */
export const notesJsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["items", ...itemFields, "sessionMood", "moodTrajectory"],
  properties: {
    items: { type: "array", items: itemSchema },
    ...Object.fromEntries(itemFields.map((name) => [name, fieldStatusSchema])),
    sessionMood: valueFieldSchema(sessionMoods),
    moodTrajectory: valueFieldSchema(moodTrajectories),
  },
} as const;

export const notesJsonSchemaName = "clinical_notes";

const answerEvidence = z.object({ segmentId: z.string().min(1), quote: z.string() });
const answerSpeaker = z.enum(["patient", "therapist"]).nullable();
/**
 * One item. Every item cites at least one line, except a risk flag: a risk flag is never lost to
 * a schema check — one without evidence passes here (core marks it unverified), a type outside
 * the list is `other`, a severity outside it `high` (the therapist sees it first rather than
 * never).
 */
const answerItem = z
  .object({
    field: z.enum(itemFields),
    text: z.string().min(1),
    speaker: answerSpeaker,
    quote: z.string().nullable(),
    type: z
      .string()
      .nullable()
      .transform((value): RiskType => ((riskTypes as readonly (string | null)[]).includes(value) ? (value as RiskType) : "other")),
    severity: z
      .string()
      .nullable()
      .transform((value): RiskSeverity => ((riskSeverities as readonly (string | null)[]).includes(value) ? (value as RiskSeverity) : "high")),
    evidence: z.array(answerEvidence),
  })
  .superRefine((item, context) => {
    if (item.field !== "riskFlags" && item.evidence.length === 0) {
      context.addIssue({ code: "custom", path: ["evidence"], message: "every item but a risk flag cites at least one line" });
    }
  });
const fieldStatus = z.object({ assessed: z.boolean(), reason: z.string().nullable() });
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
  items: z.array(answerItem),
  ...(Object.fromEntries(itemFields.map((name) => [name, fieldStatus])) as { [K in ItemField]: typeof fieldStatus }),
  sessionMood: valueField(sessionMoods),
  moodTrajectory: valueField(moodTrajectories),
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

/**
 * One list field: its items, whatever the model said of the field (an item is never dropped); no
 * items and not assessed is not assessed with the model's reason; assessed, found nothing.
 */
function mapList<Draft extends NoteItemDraft>(field: ItemField, answer: NotesAnswer, map: (item: AnswerItem) => Draft): NoteField<Draft[]> {
  const items = answer.items.filter((item) => item.field === field);
  const status = answer[field];
  if (items.length === 0 && !status.assessed) return notAssessed(status.reason?.trim() || unassessedReason);
  return items.map(map);
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
    noteListFields.map((name) => [name, mapList(name, answer, (item) => mapItem(item, texts))]),
  ) as Pick<NotesDraft, (typeof noteListFields)[number]>;
  return {
    ...lists,
    sessionMood: mapValue(answer.sessionMood, texts),
    moodTrajectory: mapValue(answer.moodTrajectory, texts),
    riskFlags: mapList("riskFlags", answer, (flag): RiskFlagDraft => ({
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
