import type { ClaimReader, ClaimWord } from "../ports/claim-reader.ts";

const stopWords = new Set(
  "i me my myself we our you your he him his she her it its they them their a an the and or but if of at by for with about to from in on up out so very really just this that these those is am are was were be been being have has had do does did will would can could should not no never n't".split(
    " ",
  ),
);
const negationCues = new Set(["not", "no", "never", "n't", "nothing", "without"]);
/** How many words after a cue are negated. */
const negationWindow = 3;

/**
 * A ClaimReader for tests that do not exercise the language (repositories, contracts, use
 * cases): words split on non-letters, lower-cased, a trailing "s" dropped as the lemma, function
 * words from a short list, a word negated within three words after "not", "n't", "never"… It is
 * string matching, not a language model: production reads with wink-nlp (adapters-local's
 * `createWinkClaimReader`), and the claim-support rule is tested with that reader.
 */
export function createPlainWordsClaimReader(): ClaimReader {
  return {
    name: "plain-words",
    read(text) {
      const words: ClaimWord[] = [];
      let sinceCue = Number.POSITIVE_INFINITY;
      for (const match of text.matchAll(/n't|[\p{L}\p{N}]+/gu)) {
        const value = match[0];
        const lower = value.toLowerCase();
        const cue = negationCues.has(lower);
        const lemma = cue ? (lower === "n't" ? "not" : lower) : lower.length > 3 && lower.endsWith("s") && !lower.endsWith("ss") ? lower.slice(0, -1) : lower;
        const stopWord = stopWords.has(lower);
        words.push({
          value,
          lemma,
          stem: lemma,
          partOfSpeech: stopWord ? "PART" : /^\p{N}+$/u.test(lower) ? "NUM" : "NOUN",
          stopWord,
          negated: !cue && sinceCue <= negationWindow,
          start: match.index,
          end: match.index + value.length,
        });
        sinceCue = cue ? 1 : sinceCue + 1;
      }
      return words;
    },
  };
}
