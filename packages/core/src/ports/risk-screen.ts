import type { RiskFinding } from "../domain/risk-flag.ts";
import type { SpeakerRole } from "../domain/transcript.ts";

/** What a RiskScreen reads: the whole transcript with roles, so a question gives its answer context. */
export interface RiskScreenInput {
  /** BCP-47, e.g. "en-US". */
  language: string;
  speakers: Array<{ label: string; role: SpeakerRole }>;
  /** In transcript order. Findings cite these ids and UTF-16 offsets into `text`. */
  segments: Array<{ id: string; speaker: string; text: string }>;
}

/** What a RiskScreen answers. */
export type RiskScreenOutput =
  | {
      status: "screened";
      /** Every place the screen saw risk language, in transcript order ([] when it saw none). */
      findings: RiskFinding[];
      /** The version of the rules or model, recorded with the result. */
      version: string;
    }
  | {
      /** The screen cannot read this transcript (a language it does not know): never "nothing found". */
      status: "not_screened";
      reason: string;
      version: string;
    };

/**
 * Screens a transcript for risk language: a safety layer core runs on every
 * transcript in every profile, whatever note writer the deployment chose. An adapter reports what
 * it saw — category, current or past, whose risk (the speaker's own or someone else's), on what it
 * stands (`basis`), the words and where they were said. It may report words of any speaker: core
 * drops the therapist's and marks those of a speaker of no known role, checks every citation, and
 * merges a note writer's flags with these (never the other way round).
 *
 * Core alone decides what pages (`riskTier`): an adapter states the basis honestly —
 * `statement` only for the speaker's own explicit words of the category (never a second-person
 * reflection, "you told me you've been cutting"); `answer_to_named_question` only for a yes to a
 * question that itself names suicide, killing or hurting oneself, ending one's life or hurting
 * someone; `answer_to_other_question` for any other reply; `mention` for means, substance, abuse,
 * history and inferred context. A category inferred from the same words goes into the finding's
 * `reasons`, never into a finding of its own: one statement, at most one finding per subject.
 */
export interface RiskScreen {
  /** The adapter's name, recorded as the flags' source (`screen:embedded`). */
  readonly provider: string;

  /**
   * Screens one transcript. Deterministic adapters answer the same findings for the same input;
   * a transcript with no speech gives `screened` with no findings; a language the adapter cannot
   * read gives `not_screened` with the reason.
   * @throws ConfideError `provider.*` for a failing model service (`retryable` and
   * `retryAfterMs` for throttling and outages), `provider.interrupted` when `signal` aborts.
   */
  screen(input: RiskScreenInput, options?: { signal?: AbortSignal }): Promise<RiskScreenOutput>;

  /**
   * Resolves when the screen is usable (its rules or model load); used by readiness checks.
   * @throws ConfideError `dependency.unavailable` otherwise.
   */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
