import type { TranscriptDraft, Word } from "./transcript.ts";

type DraftSegment = TranscriptDraft["segments"][number];

export interface SegmentWordsOptions {
  /** A pause of at least this long between two words starts a new segment. */
  gapMs: number;
  /** A segment that would grow past this length ends before the word that would make it so. */
  maxSegmentMs: number;
  /** Keep each segment's words (word timings) on it. */
  withWords: boolean;
}

/**
 * Groups a speaker's words (in any order; they are sorted by start) into transcript segments:
 * a pause of at least `gapMs` between two words, or a segment reaching `maxSegmentMs`, starts a
 * new one. A segment's text is its words joined by spaces; its confidence the mean word
 * confidence (a word without one counts as 0), to three decimals. For engines that give words
 * but no sentences.
 */
export function segmentWords(words: Word[], speaker: string, options: SegmentWordsOptions): DraftSegment[] {
  const groups: Word[][] = [];
  let current: Word[] = [];
  for (const word of [...words].sort((a, b) => a.startMs - b.startMs)) {
    const first = current[0];
    const last = current[current.length - 1];
    if (
      first &&
      last &&
      (word.startMs - last.endMs >= options.gapMs || word.endMs - first.startMs > options.maxSegmentMs)
    ) {
      groups.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) groups.push(current);

  return groups.map((group) => {
    const confidence = group.reduce((sum, word) => sum + (word.confidence ?? 0), 0) / group.length;
    const segment: DraftSegment = {
      speaker,
      startMs: group[0]?.startMs ?? 0,
      endMs: group[group.length - 1]?.endMs ?? 0,
      text: group.map((word) => word.text).join(" "),
      confidence: Math.round(confidence * 1000) / 1000,
    };
    if (options.withWords) segment.words = group;
    return segment;
  });
}
