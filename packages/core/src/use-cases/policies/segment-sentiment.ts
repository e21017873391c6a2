import type { ConfideDeps } from "../../deps.ts";
import type { SentimentResult } from "../../domain/sentiment.ts";
import type { Segment } from "../../domain/transcript.ts";
import { ConfideError } from "../../errors.ts";

/**
 * Scores the text of each segment with `deps.language`, in order; asks nothing when there are
 * no segments. Used by the pipeline's analysis and by the rescoring after a review change.
 * @returns one result per segment.
 * @throws ConfideError `provider.*` from the analyzer; `provider.bad_response` when it answers
 * a different number of results than texts sent.
 */
export async function scoreSegments(
  deps: Pick<ConfideDeps, "language">,
  segments: readonly Segment[],
  options: { language: string; signal?: AbortSignal },
): Promise<SentimentResult[]> {
  if (segments.length === 0) return [];
  const results = await deps.language.sentiment(
    segments.map((segment) => segment.text),
    options,
  );
  if (results.length !== segments.length) {
    throw new ConfideError("provider.bad_response", "The language analyzer returned the wrong number of results.", {
      details: { sent: segments.length, received: results.length },
    });
  }
  return results;
}
