import type { ClaimWord } from "../ports/claim-reader.ts";

/** Marks that end a sentence; one holding "?" ends a question. */
const sentenceEnd = /[.!?…]+/g;

/**
 * The sentences of a text as a claim reader read its words: a sentence ends after ".", "!", "?" or
 * "…"; one ending in "?" is asked. Words after the last mark make the last sentence. The plan
 * check and the mood check read a cited turn's sentences so.
 */
export function claimSentences(text: string, words: readonly ClaimWord[]): Array<{ words: ClaimWord[]; asked: boolean }> {
  const ends = [...text.matchAll(sentenceEnd)].map((mark) => ({ at: (mark.index ?? 0) + mark[0].length, asked: mark[0].includes("?") }));
  const sentences: Array<{ words: ClaimWord[]; asked: boolean }> = [];
  let endIndex = 0;
  let current: { words: ClaimWord[]; asked: boolean } | null = null;
  for (const word of words) {
    while (endIndex < ends.length && ends[endIndex]!.at <= word.start) {
      endIndex += 1;
      current = null;
    }
    if (current === null) {
      current = { words: [], asked: ends[endIndex]?.asked ?? false };
      sentences.push(current);
    }
    current.words.push(word);
  }
  return sentences;
}
