import type { SegmentSentiment } from "@confide/core/ports";
import type { ReadSegment } from "./segment-reader.ts";

/** A patient segment with its sentiment, in transcript order. */
export interface Scored {
  segment: ReadSegment;
  sentiment: SegmentSentiment;
  /** positive − negative, in [-1, 1]. */
  valence: number;
}

/** The whole of what was said in a segment: from its first sentence to its last. */
function wholeSpan(segment: ReadSegment): { start: number; end: number } | null {
  const first = segment.sentences[0];
  const last = segment.sentences[segment.sentences.length - 1];
  return first && last ? { start: first.start, end: last.end } : null;
}

/** The analysed segments not said by the therapist, in transcript order. */
export function scoredSegments(segments: readonly ReadSegment[], sentiment: readonly SegmentSentiment[]): Scored[] {
  const byId = new Map(sentiment.map((result) => [result.segmentId, result]));
  return segments.flatMap((segment) => {
    const result = byId.get(segment.id);
    if (!result || segment.role === "therapist" || wholeSpan(segment) === null) return [];
    return [{ segment, sentiment: result, valence: result.scores.positive - result.scores.negative }];
  });
}
