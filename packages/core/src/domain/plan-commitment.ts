import type { ClaimReader, ClaimWord } from "../ports/claim-reader.ts";
import type { SpeakerRole } from "./transcript.ts";

/**
 * A plan item states what was agreed: it stands only on words in which the patient commits to an
 * act or takes up a proposal. This is the rule's data.
 */

/** First-person subjects of a commitment, as a reader may give them ("I'm" may be one word). */
export const committingSubjects: ReadonlySet<string> = new Set(["i", "we", "i'm", "i’m", "im", "we're", "we’re", "i've", "i’ve"]);
/**
 * Markers of intent after the subject, within `markerReach` words: "I'll", "I will", "we shall",
 * "I'm gonna", "I'm going to", "I plan to", "I've decided to", "I promise", "I'll try". ("ll" is
 * how a plain reader reads "'ll".)
 */
export const intentMarkers: ReadonlySet<string> = new Set(["will", "ll", "’ll", "'ll", "shall", "gonna", "plan", "intend", "decide", "promise", "commit"]);
/** "going to" / "go to" after the subject marks intent too. */
export const goingLemmas: ReadonlySet<string> = new Set(["go", "going"]);
/** How many words after the subject a marker may come: "I really will", "I am going to", "I have decided to". */
export const markerReach = 3;
/** Assents to a proposal, as word sequences (by lemma or value): "good idea", "sounds good", "will do". */
export const assentSequences: readonly (readonly string[])[] = [
  ["good", "idea"],
  ["great", "idea"],
  ["good", "advice"],
  ["great", "advice"],
  ["sound", "good"],
  ["sounds", "good"],
  ["sound", "like", "a", "plan"],
  ["sounds", "like", "a", "plan"],
  ["will", "do"],
  ["will", "try"],
  ["can", "do", "that"],
  ["like", "the", "idea"],
  ["like", "that", "idea"],
];

const is = (word: ClaimWord | undefined, options: ReadonlySet<string> | string) =>
  word !== undefined && (typeof options === "string" ? word.lemma === options || word.value.toLowerCase() === options : options.has(word.lemma) || options.has(word.value.toLowerCase()));

/** True when the words commit: a first-person subject with a marker of intent within reach, not negated as a refusal of it ("I'm not going to stop" still commits to abstain). */
function commits(words: readonly ClaimWord[]): boolean {
  return words.some((word, index) => {
    if (!is(word, committingSubjects)) return false;
    const after = words.slice(index + 1, index + 1 + markerReach);
    return after.some((next, offset) => is(next, intentMarkers) || (is(next, goingLemmas) && is(after[offset + 1] ?? words[index + 2 + offset], "to")));
  });
}

/** True when the words hold an assent sequence. */
function assentsTo(words: readonly ClaimWord[]): boolean {
  return words.some((_, index) => assentSequences.some((sequence) => sequence.every((part, offset) => is(words[index + offset], part))));
}

/**
 * Whether a plan item's citation holds a commitment: a cited segment of the patient (or of a
 * speaker whose role is not known) whose words commit (`intentMarkers` after a first-person
 * subject) or assent to a proposal (`assentSequences`). A therapist's words alone never make a
 * plan: a proposal nobody took up is not one.
 */
export function citesCommitment(cited: readonly { text: string; role: SpeakerRole }[], reader: ClaimReader): boolean {
  return cited
    .filter((segment) => segment.role !== "therapist")
    .some((segment) => {
      const words = reader.read(segment.text);
      return commits(words) || assentsTo(words);
    });
}
