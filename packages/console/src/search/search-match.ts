/**
 * Where a search's words are in a session, as the sessions list shows it: the words of a text as
 * the server's search reads them (NFKC, lower-cased, split at anything that is not a letter, a
 * mark or a digit), so what is marked is what was matched.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** A text cut into parts, each marked when it is one of the searched words. */
export type MarkedText = Array<{ text: string; marked: boolean }>;

/** `text` with every whole word of `words` marked (case and width ignored), the rest as it is. */
export function markWords(text: string, words: readonly string[]): MarkedText {
  const wanted = new Set(words);
  const parts: MarkedText = [];
  for (const piece of text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
    if (piece === "") continue;
    const marked = wanted.has(piece.normalize("NFKC").toLowerCase());
    const last = parts.at(-1);
    if (last && last.marked === marked && !marked) last.text += piece;
    else parts.push({ text: piece, marked });
  }
  return parts;
}

export interface SegmentLike {
  id: string;
  text: string;
}

/**
 * The segment to open a search result at: the first that holds every searched word, else the one
 * that holds the most of them; null when none holds any (the match is in the title or the notes).
 */
export function matchingSegment<S extends SegmentLike>(segments: readonly S[], query: string): S | null {
  const words = [...new Set(searchWords(query))];
  if (words.length === 0) return null;
  let best: { segment: S; count: number } | null = null;
  for (const segment of segments) {
    const present = new Set(searchWords(segment.text));
    const count = words.filter((word) => present.has(word)).length;
    if (count === words.length) return segment;
    if (count > 0 && (best === null || count > best.count)) best = { segment, count };
  }
  return best?.segment ?? null;
}
