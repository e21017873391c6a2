import type { ClaimSupport } from "./claim-support.ts";
import type { SpeakerRole } from "./transcript.ts";

/**
 * Clinical notes: the fields of the notes service Confide replaces (key topics,
 * topic summary, strategies, emotional themes, triggers, action items, significant quotes,
 * session mood, mood trajectory, follow-up topics, unresolved concerns, risk flags, therapist
 * notes, patient summary), each item citing the transcript that supports it.
 *
 * A `NoteWriter` returns a `NotesDraft`; core checks every citation (`verifyNotes`) and stores
 * the resulting `ClinicalNotes`, where each item says whether its evidence held.
 */

/**
 * A character span `[start, end)` of one segment's text that supports an item: `start` and
 * `end` are UTF-16 offsets into `Segment.text`, `0 ≤ start < end ≤ text.length`.
 */
export interface Evidence {
  segmentId: string;
  start: number;
  end: number;
}

/** True when two spans cite some of the same characters of one segment (spans that only touch do not). */
export function evidenceOverlaps(a: Evidence, b: Evidence): boolean {
  return a.segmentId === b.segmentId && a.start < b.end && b.start < a.end;
}

/** A field the writer could not fill, and why: never an empty list that looks like "nothing". */
export interface NotAssessed {
  status: "not_assessed";
  reason: string;
}

/** A field's value, or why it has none. */
export type NoteField<T> = T | NotAssessed;

/** One claim of the notes as a writer states it: a topic, a sentence of a summary, a quote… */
export interface NoteItemDraft {
  /** The claim in the writer's words; for a quote, the words quoted. */
  text: string;
  /** What supports it; at least one span for the item to be grounded. */
  evidence: Evidence[];
  /** Whose words the item attributes (a patient's quote): every cited segment must be theirs. */
  speaker?: Exclude<SpeakerRole, "unknown">;
  /**
   * Words said in the session that the item repeats: they must appear in the cited segments
   * (compared without case, punctuation or spacing differences). Quotes and risk flags carry one.
   */
  quote?: string;
}

export type SessionMood = "very_negative" | "negative" | "neutral" | "positive" | "very_positive" | "mixed";
export type MoodTrajectory = "improving" | "declining" | "stable" | "fluctuating";
export type RiskType = "self_harm" | "harm_to_others" | "abuse" | "substance" | "other";
export type RiskSeverity = "low" | "moderate" | "high";

export const riskTypes: readonly RiskType[] = ["self_harm", "harm_to_others", "abuse", "substance", "other"];
export const riskSeverities: readonly RiskSeverity[] = ["low", "moderate", "high"];
export const sessionMoods: readonly SessionMood[] = ["very_negative", "negative", "neutral", "positive", "very_positive", "mixed"];
export const moodTrajectories: readonly MoodTrajectory[] = ["improving", "declining", "stable", "fluctuating"];

/**
 * One time window of the reading behind a session mood: the patient's words of feeling said in
 * it, weighed as the mood line weighs them. A writer that reads the mood word by word gives these
 * so the mood chart, the mood line and the trajectory are one reading.
 */
export interface MoodWindow {
  startMs: number;
  endMs: number;
  /** Pleasant less unpleasant weight over all the weight, from -1 (all unpleasant) to 1; -1 when a current risk is stated in it. */
  balance: number;
  /** The moods shown in it, the heaviest first, in a clinician's words ("distressed", "low", "hopeful"); [] when the patient spoke with no words of feeling. */
  moods: string[];
}

export interface MoodDraft extends NoteItemDraft {
  value: SessionMood;
  /** The reading per time window of the patient's speech (windows where the patient said nothing left out), when the writer reads it so. */
  windows?: MoodWindow[];
}

export interface TrajectoryDraft extends NoteItemDraft {
  value: MoodTrajectory;
}

export interface RiskFlagDraft extends NoteItemDraft {
  type: RiskType;
  severity: RiskSeverity;
}

/** The list fields, by name: each a list of items, or not assessed. */
export const noteListFields = [
  "keyTopics",
  "topicSummary",
  "strategies",
  "emotionalThemes",
  "triggers",
  "actionItems",
  "significantQuotes",
  "followUpTopics",
  "unresolvedConcerns",
  "therapistNotes",
  "patientSummary",
] as const;

export type NoteListField = (typeof noteListFields)[number];

/**
 * A list field, or `interventions`: what the therapist did in the session, a line per kind of
 * act, each quoting the therapist's words that show it ("Reflected: “It sounds like you feel
 * stuck.”", "Asked: “Have you had thoughts of ending your life?”"). That one is optional: a writer
 * that does not write it leaves it out, and notes written before it existed have none.
 */
export type NoteItemsField = NoteListField | "interventions";

/**
 * What a NoteWriter returns. `topicSummary`, `therapistNotes` and `patientSummary` are lists of
 * sentences, each with its own evidence.
 */
export type NotesDraft = { [F in NoteListField]: NoteField<NoteItemDraft[]> } & {
  /** What the therapist did (`NoteItemsField`), when the writer writes it. */
  interventions?: NoteField<NoteItemDraft[]>;
  sessionMood: NoteField<MoodDraft>;
  moodTrajectory: NoteField<TrajectoryDraft>;
  riskFlags: NoteField<RiskFlagDraft[]>;
};

/** Whether an item's evidence held when core checked it. */
export type Verification = { status: "grounded" } | { status: "unverified"; reason: string };

/** An item after core checked its evidence: kept either way, marked. */
export type Verified<Draft extends NoteItemDraft> = Draft & { verification: Verification };

/**
 * A claim after core checked its evidence and how well the cited words carry it
 * (`claimSupport`). An `unsupported` claim is also `unverified` (the reason says the cited words
 * do not carry it). `support` is absent when the citation itself failed (nothing to judge the
 * claim by: the verification says why) and on notes written before claims were checked.
 */
export type Supported<Draft extends NoteItemDraft> = Verified<Draft> & { support?: ClaimSupport };

export type NoteItem = Supported<NoteItemDraft>;
/** Mood and trajectory measure the patient's sentiment scores, not words said: no `support`. */
export type MoodNote = Verified<MoodDraft>;
export type TrajectoryNote = Verified<TrajectoryDraft>;
export type RiskFlag = Supported<RiskFlagDraft>;

/** How much of the notes stands on the transcript. */
export interface NotesQuality {
  /** Items whose every citation held. */
  grounded: number;
  /** Items kept but marked: a citation failed or was missing, or the cited words do not carry the claim. */
  unverified: number;
  /** Fields the writer did not fill. */
  notAssessed: number;
}

/** Who wrote the notes, from what. */
export interface NotesProvenance {
  /** The NoteWriter adapter, e.g. "embedded". */
  provider: string;
  /** The model or method version, e.g. "extractive-1". */
  model: string;
  /** The version of the prompt or rules the writer used. */
  promptVersion: string;
  writtenAt: Date;
}

/** The therapist's own words on the notes, kept apart from what the writer grounded. */
export interface NotesReview {
  /** Replaces the written therapist notes when set. */
  therapistNotes: string | null;
  /** What the patient reads after finalize instead of the written summary, when set. */
  patientSummary: string | null;
  editedAt: Date;
  editedBy: string;
}

export type ClinicalNotes = { [F in NoteListField]: NoteField<NoteItem[]> } & {
  /** What the therapist did (`NoteItemsField`); absent when the writer does not write it. */
  interventions?: NoteField<NoteItem[]>;
  sessionMood: NoteField<MoodNote>;
  moodTrajectory: NoteField<TrajectoryNote>;
  riskFlags: NoteField<RiskFlag[]>;
  quality: NotesQuality;
  provenance: NotesProvenance;
  /** The transcript revision the notes were written from. */
  transcriptRevision: number;
  /** True once the transcript changed (an edit, a relabel) after the notes were written. */
  stale: boolean;
  /** The therapist's edits, or null. */
  review: NotesReview | null;
};

export function isNotAssessed(value: unknown): value is NotAssessed {
  return typeof value === "object" && value !== null && (value as { status?: unknown }).status === "not_assessed";
}

/** A field the writer could not fill, with the reason. */
export function notAssessed(reason: string): NotAssessed {
  return { status: "not_assessed", reason };
}

/** Notes with every field not assessed for one reason (e.g. a transcript with no speech). */
export function allNotAssessed(reason: string): NotesDraft {
  const field = notAssessed(reason);
  const lists = Object.fromEntries(noteListFields.map((name) => [name, field])) as { [F in NoteListField]: NotAssessed };
  return { ...lists, sessionMood: field, moodTrajectory: field, riskFlags: field };
}

/**
 * What the patient reads of the notes: the therapist's own patient summary when they wrote
 * one, otherwise the written summary's grounded sentences, in order — never an unverified one,
 * never anything else of the notes.
 * @returns the text, or null when there is none.
 */
export function patientSummaryOf(notes: Pick<ClinicalNotes, "patientSummary" | "review">): string | null {
  const own = notes.review?.patientSummary;
  if (typeof own === "string" && own.trim() !== "") return own.trim();
  if (isNotAssessed(notes.patientSummary)) return null;
  const sentences = notes.patientSummary.filter((item) => item.verification.status === "grounded").map((item) => item.text.trim());
  return sentences.length === 0 ? null : sentences.join(" ");
}

/** The notes marked stale: the transcript they were written from has changed. */
export function staleNotes(notes: ClinicalNotes | null | undefined): ClinicalNotes | null {
  return notes ? { ...notes, stale: true } : null;
}
