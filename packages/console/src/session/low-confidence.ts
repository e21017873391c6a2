/** Below this confidence a word is marked for the therapist to check. */
export const lowConfidenceThreshold = 0.5;

export interface ConfidentWord {
  text: string;
  startMs: number;
  endMs: number;
  confidence?: number;
}

export interface WordPiece {
  text: string;
  startMs: number;
  /** Confidence as a whole percentage, when the engine gave one. */
  percent?: number;
  /** Heard with a confidence below `lowConfidenceThreshold`. */
  low: boolean;
}

/**
 * A segment's text as pieces to show: its words with their confidence when the engine gave
 * words (an edited segment has none), else the whole text as one piece.
 */
export function wordPieces(segment: { text: string; startMs: number; words?: ConfidentWord[] }): WordPiece[] {
  const words = segment.words ?? [];
  if (words.length === 0) return [{ text: segment.text, startMs: segment.startMs, low: false }];
  return words.map((word) => ({
    text: word.text,
    startMs: word.startMs,
    ...(word.confidence === undefined ? {} : { percent: Math.round(word.confidence * 100) }),
    low: word.confidence !== undefined && word.confidence < lowConfidenceThreshold,
  }));
}

/** How many words of a segment are marked: for the segment's summary line ("2 unsure words"). */
export function lowConfidenceCount(segment: { words?: ConfidentWord[] }): number {
  return (segment.words ?? []).filter((word) => word.confidence !== undefined && word.confidence < lowConfidenceThreshold).length;
}

/** Words still marked unsure in the whole transcript: what the sign-off review counts. */
export function unsureWordCount(transcript: { segments: Array<{ words?: ConfidentWord[] }> } | null | undefined): number {
  return (transcript?.segments ?? []).reduce((total, segment) => total + lowConfidenceCount(segment), 0);
}
