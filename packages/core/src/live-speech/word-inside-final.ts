import type { Word } from "../domain/transcript.ts";

/**
 * A word a live service timed, placed inside the final that holds it: its start moved into
 * [final start, final end], its end into [word start, final end]. Service timings that stray
 * outside their phrase (rounding, a word cut at the phrase's edge) then still keep the port's
 * promise that a final's words lie inside its span, each ending no earlier than it starts.
 * The confidence is kept when the service gave one, left out otherwise.
 */
export function wordInsideFinal(
  word: { text: string; startMs: number; endMs: number; confidence?: number | undefined },
  final: { startMs: number; endMs: number },
): Word {
  const startMs = Math.min(Math.max(word.startMs, final.startMs), final.endMs);
  const endMs = Math.min(Math.max(word.endMs, startMs), final.endMs);
  return { text: word.text, startMs, endMs, ...(word.confidence === undefined ? {} : { confidence: word.confidence }) };
}
