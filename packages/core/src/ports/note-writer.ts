import type { NotesDraft } from "../domain/clinical-notes.ts";
import type { RiskSpan } from "../domain/current-risk.ts";
import type { NoteFormat } from "../domain/note-formats.ts";
import type { Reflection, ReflectionInput } from "../domain/reflection.ts";
import type { SegmentSentiment } from "../domain/sentiment.ts";
import type { SpeakerRole } from "../domain/transcript.ts";

export type { Reflection, ReflectionInput } from "../domain/reflection.ts";

/** What a NoteWriter reads: the transcript with roles, and the patient's sentiment. */
export interface NoteWriterInput {
  /** BCP-47, e.g. "en-US". */
  language: string;
  speakers: Array<{ label: string; role: SpeakerRole }>;
  /** In transcript order. Evidence cites these ids and character offsets into `text`. */
  segments: Array<{ id: string; speaker: string; startMs: number; endMs: number; text: string }>;
  /** One result per analysed (patient) segment, by segment id; may be empty. */
  sentiment: SegmentSentiment[];
  /**
   * The progress-note format the notes will be laid out in (`formatNote`). The fields a writer
   * answers are the same for every format; a language-model writer words its prompt for it and
   * records that prompt's version. Absent: `confide`.
   */
  format?: NoteFormat;
  /**
   * Where the risk screen, run by core before the writer, found the patient (or a speaker of no
   * known role) speaking of a current risk to their own life or body (`currentRiskSpans`): spans
   * of `segments`. A writer may use them so that what it reads (the mood) never contradicts the
   * screen. Absent or empty when the screen found none or did not run.
   */
  currentRisks?: RiskSpan[];
  /**
   * Where the risk screen found the patient (or a speaker of no known role) speaking of harming
   * someone else now (`harmToOthersSpans`): spans of `segments`. A writer never records words of
   * a turn holding one as a plan, an agreement or a line to confirm — a threat is for the
   * clinician's risk review, not the plan. Absent or empty when the screen found none or did not run.
   */
  harmToOthers?: RiskSpan[];
}

/** What a NoteWriter answers: the notes and who wrote them. */
export interface NoteWriterResult {
  notes: NotesDraft;
  /** The model or method, e.g. "extractive-1", "llama-3.1-8b-instruct". */
  model: string;
  /** The version of the prompt template or rules, recorded with the notes. */
  promptVersion: string;
}

/**
 * Writes clinical notes from a transcript (docs/architecture.md#ports). Every list item and summary
 * sentence cites the segments (and character spans) that support it; a field the writer cannot
 * fill is `{ status: "not_assessed", reason }`, never an empty list standing for "nothing".
 * Risk flags are reported, never dropped. The writer's citations are not trusted: core checks
 * them (`verifyNotes`) and marks what fails `unverified`. A writer with a language model also
 * suggests reflections for live sessions (`reflect`), checked by core the same way.
 */
export interface NoteWriter {
  /** The adapter's name, recorded as the notes' provider (e.g. "embedded"). */
  readonly provider: string;

  /**
   * Writes notes for one transcript. Deterministic adapters answer the same notes for the same
   * input. A transcript with no segments gives notes whose fields are all `not_assessed`.
   * @returns the draft notes with the model and prompt version.
   * @throws ConfideError `provider.*` for a failing model service (`retryable` and
   * `retryAfterMs` for throttling and outages, `provider.bad_response` for output that could
   * not be repaired), `provider.interrupted` when `signal` aborts.
   */
  write(input: NoteWriterInput, options?: { signal?: AbortSignal }): Promise<NoteWriterResult>;

  /**
   * Suggests one reflection of the patient's last change talk or feeling (a live session's
   * suggestion to the therapist), citing the patient's segments it reflects. The reflection is
   * not trusted: core shows it only when its cites are patient segments of `input` and the cited
   * words carry its text (`checkedReflection`, the claim check of the notes). Neither the input
   * nor the answer is logged.
   * @returns the reflection, or null when the writer has none to offer (nothing worth
   * reflecting, or an answer that fails the writer's own reading).
   * @throws ConfideError `provider.unsupported` when the writer cannot reflect (no language
   * model: the embedded writer); otherwise as `write` (`provider.*` for a failing service,
   * `provider.interrupted` when `signal` aborts).
   */
  reflect(input: ReflectionInput, options?: { signal?: AbortSignal }): Promise<Reflection | null>;

  /**
   * Resolves when the writer is usable (its language model loads, its endpoint answers); used
   * by readiness checks. Writes nothing.
   * @throws ConfideError `dependency.unavailable` otherwise.
   */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
