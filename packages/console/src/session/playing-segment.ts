/** What the player needs of a transcript segment. */
export interface TimedSegment {
  id: string;
  startMs: number;
  endMs: number;
}

/**
 * The segment being heard at `timeMs`: the one with `startMs ≤ timeMs < endMs`. Segments are
 * in transcript order (by start); where two overlap (cross-talk), the later-starting one wins.
 * @returns its index, or -1 in a pause between segments, before the first or after the last.
 */
export function segmentIndexAt(segments: readonly TimedSegment[], timeMs: number): number {
  if (!Number.isFinite(timeMs)) return -1;
  // The last segment starting at or before timeMs (binary search), then back over those that
  // have ended (a long segment overlapping later ones may still be running).
  let low = 0;
  let high = segments.length - 1;
  let candidate = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle] as TimedSegment;
    if (segment.startMs <= timeMs) {
      candidate = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  for (let index = candidate; index >= 0; index -= 1) {
    const segment = segments[index] as TimedSegment;
    if (timeMs < segment.endMs) return index;
  }
  return -1;
}

/** Seconds on the media element for a segment's start. */
export function seekSecondsFor(segment: TimedSegment): number {
  return segment.startMs / 1000;
}
