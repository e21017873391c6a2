import type { ClaimReader } from "../ports/claim-reader.ts";

/**
 * A claim reader for the plan rules' tests that keeps each word whole ("I'm", "you're", "'ll"), its
 * lemma its lower case: how a tagger may give a contraction, which the rules' data must read too.
 * Words end at white space and at `.`, `!`, `?`, `…` (and `,` when `commas` is set).
 */
export function wholeWordsReader({ commas = false }: { commas?: boolean } = {}): ClaimReader {
  const word = commas ? /[^\s.,!?…]+/g : /[^\s.!?…]+/g;
  return {
    name: "whole words",
    read: (text) =>
      [...text.matchAll(word)].map((match) => {
        const value = match[0];
        return { value, lemma: value.toLowerCase(), stem: value.toLowerCase(), partOfSpeech: "X", stopWord: false, negated: false, start: match.index ?? 0, end: (match.index ?? 0) + value.length };
      }),
  };
}
