import type { RiskSpan } from "./current-risk.ts";
import {
  isNotAssessed,
  noteListFields,
  type ClinicalNotes,
  type NoteField,
  type NoteItemDraft,
  type NoteListField,
  type NotesDraft,
  type NotesProvenance,
  type NotesQuality,
  type RiskFlag,
  type Supported,
  type Verification,
  type Verified,
} from "./clinical-notes.ts";
import type { ClaimReader } from "../ports/claim-reader.ts";
import { claimSupport, readingOnce, type CitedSegment, type ClaimKind } from "./claim-support.ts";
import { moodCarried } from "./mood-support.ts";
import type { Segment, SpeakerRole, Transcript } from "./transcript.ts";

/**
 * The one rule for comparing a quote with what was said: Unicode-normalised (NFKC), lower-cased,
 * every run of characters that is not a letter or a digit (punctuation, spaces, line breaks)
 * made one space, trimmed. "I'm  FINE," and "i m fine" compare equal.
 * @returns the normalised text ("" for text without letters or digits).
 */
export function normalizeForQuote(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("en-US")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** True when `quote` appears in `text` under `normalizeForQuote`, on word boundaries. */
export function quoteAppearsIn(quote: string, text: string): boolean {
  const needle = normalizeForQuote(quote);
  if (needle === "") return false;
  return ` ${normalizeForQuote(text)} `.includes(` ${needle} `);
}

/** What `verifyItem` reads of the transcript. */
export type EvidenceSource = Pick<Transcript, "speakers" | "segments">;

interface TranscriptIndex {
  segmentsById: Map<string, Segment>;
  positionOf: Map<Segment, number>;
  roleOf: Map<string, SpeakerRole>;
}

/**
 * Lookups by segment id and speaker label, made once per transcript object, not once per item
 * (transcripts are never changed in place: edits make new ones).
 */
const indexes = new WeakMap<EvidenceSource, TranscriptIndex>();

function indexOf(transcript: EvidenceSource): TranscriptIndex {
  let index = indexes.get(transcript);
  if (!index) {
    index = {
      segmentsById: new Map(transcript.segments.map((segment) => [segment.id, segment])),
      positionOf: new Map(transcript.segments.map((segment, position) => [segment, position])),
      roleOf: new Map(transcript.speakers.map((speaker) => [speaker.label, speaker.role])),
    };
    indexes.set(transcript, index);
  }
  return index;
}

/** The segment of `transcript` with this id, from its index (made once per transcript), or undefined. */
export function segmentOf(transcript: EvidenceSource, segmentId: string): Segment | undefined {
  return indexOf(transcript).segmentsById.get(segmentId);
}

/** The role of whoever said the segment with this id, from the same index: `unknown` for a segment or speaker the transcript does not have. */
export function roleOfSegment(transcript: EvidenceSource, segmentId: string): SpeakerRole {
  const index = indexOf(transcript);
  const segment = index.segmentsById.get(segmentId);
  return (segment && index.roleOf.get(segment.speaker)) ?? "unknown";
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/**
 * Checks one item's evidence against the transcript, in this order, the first
 * failure giving the reason:
 * - it cites at least one span, each `{ segmentId: string, start, end }` with whole numbers;
 * - every cited segment exists, and `0 ≤ start < end ≤` the length of its text;
 * - when the item attributes its words (`speaker`), every cited segment's speaker has that role;
 * - when it repeats words (`quote`), they appear in the text of a cited segment, or of the cited
 *   segments read together in transcript order, under `normalizeForQuote`.
 * @returns `grounded`, or `unverified` with the reason. Never throws.
 */
export function verifyItem(item: NoteItemDraft, transcript: EvidenceSource): Verification {
  const evidence: unknown = (item as { evidence?: unknown }).evidence;
  if (!Array.isArray(evidence) || evidence.length === 0) return unverified("The item cites no transcript segment.");
  const { segmentsById, positionOf, roleOf } = indexOf(transcript);
  const cited: Segment[] = [];
  for (const span of evidence as unknown[]) {
    const { segmentId, start, end } = (typeof span === "object" && span !== null ? span : {}) as Record<string, unknown>;
    if (typeof segmentId !== "string" || !isWholeNumber(start) || !isWholeNumber(end)) {
      return unverified("A citation is not a segment id with whole-number start and end.");
    }
    const segment = segmentsById.get(segmentId);
    if (!segment) return unverified(`The cited segment ${segmentId} does not exist.`);
    if (start < 0 || end <= start || end > segment.text.length) {
      return unverified(`The span ${start}-${end} is outside segment ${segmentId} (${segment.text.length} characters).`);
    }
    if (item.speaker !== undefined) {
      const role = roleOf.get(segment.speaker) ?? "unknown";
      if (role !== item.speaker) {
        return unverified(`Segment ${segmentId} was said by the ${role === "unknown" ? "unknown speaker" : role}, not the ${item.speaker}.`);
      }
    }
    if (!cited.includes(segment)) cited.push(segment);
  }
  if (item.quote !== undefined) {
    const inOrder = [...cited].sort((a, b) => (positionOf.get(a) ?? 0) - (positionOf.get(b) ?? 0));
    const found =
      inOrder.some((segment) => quoteAppearsIn(item.quote as string, segment.text)) ||
      quoteAppearsIn(item.quote, inOrder.map((segment) => segment.text).join(" "));
    if (!found) return unverified("The quoted words do not appear in the cited segments.");
  }
  return { status: "grounded" };
}

function unverified(reason: string): Verification {
  return { status: "unverified", reason };
}

/** Why an item whose citation held is unverified: the cited words do not carry what it says. */
export const unsupportedReason = "The cited words do not support what the item says.";

/** The cited segments of an item whose evidence held, in citation order, once each. */
function citedSegments(item: NoteItemDraft, transcript: EvidenceSource): CitedSegment[] {
  const { segmentsById, roleOf } = indexOf(transcript);
  const segments = [...new Set(item.evidence.map((span) => segmentsById.get(span.segmentId)))].filter((segment) => segment !== undefined);
  return segments.map((segment) => ({ text: segment.text, role: roleOf.get(segment.speaker) ?? "unknown" }));
}

/**
 * An item's evidence check (`verifyItem`) and, when it held, its claim support (`claimSupport`):
 * an unsupported claim is unverified, with `unsupportedReason`. An item whose evidence failed is
 * unverified with that reason and gets no `support` (there are no cited words to judge it by).
 */
export function verifyClaim<Draft extends NoteItemDraft>(
  item: Draft,
  transcript: EvidenceSource,
  reader: ClaimReader,
  kind: ClaimKind = "statement",
): Supported<Draft> {
  const verification = verifyItem(item, transcript);
  if (verification.status === "unverified") return { ...item, verification };
  const support = claimSupport(item, citedSegments(item, transcript), reader, kind);
  return { ...item, verification: support === "unsupported" ? unverified(unsupportedReason) : verification, support };
}

function count(quality: NotesQuality, verification: Verification): void {
  if (verification.status === "grounded") quality.grounded += 1;
  else quality.unverified += 1;
}

/** Why a plan line, or a line to confirm, citing a turn of threats is held back (`verifyNotes`' `harmToOthers`). */
export const threatReason = "It cites a turn where the patient spoke of harming someone else: that is for the risk review, not the plan.";

function verifyClaims<Draft extends NoteItemDraft>(
  field: NoteField<Draft[]>,
  transcript: EvidenceSource,
  reader: ClaimReader,
  quality: NotesQuality,
  kind: ClaimKind,
  threatening: ReadonlySet<string> = new Set(),
): NoteField<Array<Supported<Draft>>> {
  if (isNotAssessed(field)) {
    quality.notAssessed += 1;
    return { status: "not_assessed", reason: field.reason };
  }
  return field.map((item) => {
    const checked = verifyClaim(item, transcript, reader, kind);
    const held = item.evidence.some((span) => threatening.has(span.segmentId));
    const verification = held ? unverified(threatReason) : checked.verification;
    count(quality, verification);
    return { ...checked, verification };
  });
}

/** The fields of what was agreed and what is to confirm: never a threat's words (`threatReason`). */
const planFields: ReadonlySet<NoteListField> = new Set(["actionItems", "followUpTopics"]);

/** The fields whose items name topics (`ClaimKind`): "sleep" is a topic whether or not the patient sleeps. */
const topicFields: ReadonlySet<NoteListField> = new Set(["keyTopics", "followUpTopics"]);

/** Mood and trajectory: a measure of sentiment, so their evidence is checked but not their words. */
function verifyMeasure<Draft extends NoteItemDraft>(field: NoteField<Draft>, transcript: EvidenceSource, quality: NotesQuality): NoteField<Verified<Draft>> {
  if (isNotAssessed(field)) {
    quality.notAssessed += 1;
    return { status: "not_assessed", reason: field.reason };
  }
  const verification = verifyItem(field, transcript);
  count(quality, verification);
  return { ...field, verification };
}

/**
 * The session mood: its evidence (`verifyItem`), then whether the cited words carry its value
 * (`moodCarried`): a mood the cited words do not show is unverified, never shown as fact.
 */
function verifyMood(field: NotesDraft["sessionMood"], transcript: EvidenceSource, reader: ClaimReader, quality: NotesQuality): ClinicalNotes["sessionMood"] {
  if (isNotAssessed(field)) {
    quality.notAssessed += 1;
    return { status: "not_assessed", reason: field.reason };
  }
  const checked = verifyItem(field, transcript);
  const verification = checked.status === "grounded" && !moodCarried(field.text, citedSegments(field, transcript), reader) ? unverified(unsupportedReason) : checked;
  count(quality, verification);
  return { ...field, verification };
}

/**
 * Checks every item of a writer's notes against the transcript they were written from, in one
 * place for every NoteWriter (provider-neutral): each item's evidence (`verifyItem`) and, for
 * every list item (what the therapist did included, when written), summary sentence and risk flag, how well the cited words carry its claim
 * (`claimSupport`, read by `reader`), recorded as its `support`. Nothing is dropped: an item
 * whose evidence fails or whose claim is unsupported is kept, marked `unverified` with the
 * reason (risk flags included — they go to the therapist either way); a field the writer did not
 * fill stays `not_assessed`. The mood's evidence is checked and whether its cited words show it
 * (`moodCarried`); the trajectory's evidence is checked; neither carries a `support`. A plan
 * line or line to confirm citing a segment where the risk screen read the patient speaking of
 * harming someone else (`harmToOthers`, core's `harmToOthersSpans`) is unverified
 * (`threatReason`), whatever writer wrote it: a threat is never shown as the plan.
 * @returns the notes with a `quality` block (grounded / unverified items, not assessed fields),
 * fresh (`stale: false`) and without review. Never throws.
 */
export function verifyNotes(
  draft: NotesDraft,
  transcript: EvidenceSource & Pick<Transcript, "revision">,
  provenance: NotesProvenance,
  reader: ClaimReader,
  { harmToOthers = [] }: { harmToOthers?: readonly RiskSpan[] } = {},
): ClinicalNotes {
  const quality: NotesQuality = { grounded: 0, unverified: 0, notAssessed: 0 };
  const reading = readingOnce(reader);
  const threatening = new Set(harmToOthers.map((span) => span.segmentId));
  const lists = Object.fromEntries(
    noteListFields.map((name) => [
      name,
      verifyClaims(draft[name], transcript, reading, quality, topicFields.has(name) ? "topic" : name === "actionItems" ? "plan" : "statement", planFields.has(name) ? threatening : undefined),
    ]),
  ) as Pick<ClinicalNotes, (typeof noteListFields)[number]>;
  return {
    ...lists,
    ...(draft.interventions === undefined ? {} : { interventions: verifyClaims(draft.interventions, transcript, reading, quality, "statement") }),
    sessionMood: verifyMood(draft.sessionMood, transcript, reading, quality),
    moodTrajectory: verifyMeasure(draft.moodTrajectory, transcript, quality),
    riskFlags: verifyClaims(draft.riskFlags, transcript, reading, quality, "statement"),
    quality,
    provenance,
    transcriptRevision: transcript.revision,
    stale: false,
    review: null,
  };
}

/** The risk flags of the notes, grounded or not ([] when the field was not assessed). */
export function riskFlagsOf(notes: Pick<ClinicalNotes, "riskFlags">): RiskFlag[] {
  return isNotAssessed(notes.riskFlags) ? [] : notes.riskFlags;
}
