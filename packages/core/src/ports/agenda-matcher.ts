import type { SpeakerRole } from "../domain/transcript.ts";

/** One item of a live session's agenda ("today's topics"), as the therapist wrote it. */
export interface AgendaItemText {
  id: string;
  text: string;
}

/** A final segment of a live session, as the matcher reads it. */
export interface AgendaSegment {
  id: string;
  role: SpeakerRole;
  text: string;
}

/** An agenda item a segment covers, with the words that matched (shown as the evidence). */
export interface AgendaMatch {
  itemId: string;
  segmentId: string;
  /** The words of the segment that matched the item (lemmas or phrases), for display. */
  matchedTerms: string[];
}

/**
 * Tells which of today's agenda items a segment of a live conversation covers.
 * Called once per final segment with the items not yet covered; the embedded adapter matches
 * lemmas and phrases, a language-model adapter may match meaning. Never generates text for the
 * therapist to say.
 */
export interface AgendaMatcher {
  /** The adapter's name, e.g. "embedded". */
  readonly provider: string;

  /**
   * @param items the items still open; may be empty (answers []).
   * @returns the items `segment` covers, each once; [] when none. Deterministic adapters answer
   * the same matches for the same input.
   * @throws ConfideError `provider.*` for a failing model service (retryable for outages).
   */
  match(
    items: AgendaItemText[],
    segment: AgendaSegment,
    options?: { language?: string; signal?: AbortSignal },
  ): Promise<AgendaMatch[]>;
}
