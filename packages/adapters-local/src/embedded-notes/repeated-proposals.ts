import type { ReadSegment, ReadSentence, ReadToken } from "./segment-reader.ts";

/**
 * Whether a patient's own commitment takes up, in their own words, what the therapist proposed
 * earlier in the session: "Have you thought about reaching out to hiring agencies?" … "I will try
 * to reach out for hiring agencies for a new job." The rule's words.
 */

/** Parts of speech whose words carry what an act is about. */
const contentParts = new Set(["VERB", "NOUN", "PROPN", "ADJ"]);
/** Words too general to tie a commitment to a proposal: "I will try to do that", "get some help". */
const generalWords = new Set(["try", "do", "go", "get", "make", "be", "have", "will", "would", "could", "can", "feel", "think", "want", "need", "thing", "way", "time", "good", "help", "really", "something", "lot", "take", "keep", "let", "see"]);
/** How many content words a commitment must share with a proposal to repeat it. */
export const sharedWords = 2;

const contentLemmas = (tokens: readonly ReadToken[]) =>
  new Set(tokens.filter((token) => contentParts.has(token.pos) && !token.stopWord && token.lemma.length > 2 && !generalWords.has(token.lemma)).map((token) => token.lemma));

/**
 * The therapist's proposals of a session (the sentences `proposes` finds in the therapist's
 * turns), read once; the answer is true when a sentence at segment `index` shares at least
 * `sharedWords` content words (by lemma, not `generalWords`) with a proposal made before it.
 */
export function earlierProposals(segments: readonly ReadSegment[], proposes: (sentence: ReadSentence) => boolean): (sentence: ReadSentence, index: number) => boolean {
  const proposals = segments.flatMap((segment, index) =>
    segment.role === "therapist" ? segment.sentences.filter(proposes).map((sentence) => ({ index, lemmas: [...contentLemmas(sentence.tokens)] })) : [],
  );
  return (sentence, index) => {
    const said = contentLemmas(sentence.tokens);
    if (said.size < sharedWords) return false;
    return proposals.some((proposal) => proposal.index < index && proposal.lemmas.filter((lemma) => said.has(lemma)).length >= sharedWords);
  };
}
