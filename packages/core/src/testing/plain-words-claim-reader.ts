import type { ClaimReader, ClaimWord } from "../ports/claim-reader.ts";

const stopWords = new Set(
  "i me my myself we our you your he him his she her it its they them their a an the and or but if of at by for with about to from in on up out so very really just this that these those is am are was were be been being have has had do does did will would can could should not no never n't".split(
    " ",
  ),
);
const negationCues = new Set(["not", "no", "never", "n't", "nothing", "without"]);
/** Past forms the suffix rule below does not reach. */
const irregular: Record<string, string> = { said: "say", told: "tell", felt: "feel", went: "go" };
/** How many words after a cue are negated. */
const negationWindow = 3;

/** "worries" → "worry", "drinks" → "drink", "talked" → "talk"; other words as they are. */
function plainLemma(word: string): string {
  if (irregular[word] !== undefined) return irregular[word];
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * A ClaimReader for tests that do not exercise the language (repositories, contracts, use
 * cases): words split on non-letters ("don't" as "do" and "n't"), lower-cased, a few suffixes ("s", "ies", "ed") cut for the lemma, function
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
      for (const match of text.matchAll(/[\p{L}\p{N}]+?(?=n't)|n't|[\p{L}\p{N}]+/gu)) {
        const value = match[0];
        const lower = value.toLowerCase();
        const cue = negationCues.has(lower);
        const lemma = cue ? (lower === "n't" ? "not" : lower) : plainLemma(lower);
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
