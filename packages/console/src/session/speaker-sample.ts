/** The longest a speaker's sample plays: enough to recognise a voice. */
export const sampleMaxMs = 4_000;

interface SegmentLike {
  id: string;
  speaker: string;
  startMs: number;
  endMs: number;
  speakerUncertain?: boolean;
}

/**
 * A few seconds of one speaker, to hear who "Speaker 1" is: the start of their longest segment
 * whose speaker is certain (any of theirs when none is), at most `sampleMaxMs`. Null when the
 * speaker has no segment.
 */
export function speakerSample(segments: readonly SegmentLike[], label: string): { segmentId: string; startMs: number; endMs: number } | null {
  const theirs = segments.filter((segment) => segment.speaker === label && segment.endMs > segment.startMs);
  const certain = theirs.filter((segment) => !segment.speakerUncertain);
  const pool = certain.length > 0 ? certain : theirs;
  const longest = pool.reduce<SegmentLike | null>((best, segment) => (best === null || segment.endMs - segment.startMs > best.endMs - best.startMs ? segment : best), null);
  if (!longest) return null;
  return { segmentId: longest.id, startMs: longest.startMs, endMs: Math.min(longest.endMs, longest.startMs + sampleMaxMs) };
}
