/**
 * What a live session suggests to the therapist while it runs, in one shape for every source:
 * `safety` (the next question of a suicide-risk screening, by rule), `agenda` (a topic planned
 * for today and not yet covered, near the planned end) and `reflection` (a language model's
 * reflection of the patient's words, where a deployment has one and the patient consented).
 * A suggestion is advice on screen for the therapist, never written into the record as a finding.
 */
export type LiveSuggestionKind = "safety" | "agenda" | "reflection";

// A type alias, not an interface: the live host sends it as a JSON record (aliases take index signatures).
export type LiveSuggestion = {
  /** Stable within the session: the same advice keeps its id. */
  id: string;
  kind: LiveSuggestionKind;
  /** What to do or ask, in plain words. */
  text: string;
  /** Why it is suggested now, in plain words. */
  why: string;
  /** The segments it answers to (the patient's words that raised it). */
  cites: string[];
  /** When it was made. */
  at: Date;
  /** A safety note that the answers so far point to urgent action (shown first, marked). */
  urgent?: boolean;
};

/** Why a suggestion was taken back: the therapist asked it, it no longer applies, or it was covered. */
export type LiveSuggestionWithdrawal = "asked" | "answered" | "covered" | "superseded";

/** A moment of the session as a suggestion's `why` names it: minutes and seconds of audio, "12:05". */
export function sessionClockTime(ms: number): string {
  return `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, "0")}`;
}
