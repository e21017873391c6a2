import { otherPersons } from "./mood-lexicon.ts";
import type { ReadToken } from "./segment-reader.ts";

/** How many words before a word of feeling its subject (or, for the mood, a denying word) is looked for. */
export const subjectReach = 4;
/** First-person subjects: right after a word of feeling, they make it the patient's ("how unhappy I am"). */
const firstPersons = new Set(["i", "i'm", "i’m", "im"]);
/** Personal pronouns and the people `otherPersons` names: the nearest before a word of feeling is its subject ("it makes me sad": "me"). */
const persons = new Set([...firstPersons, "me", "we", "us", "you", ...otherPersons]);

const isIn = (words: ReadonlySet<string>, token: ReadToken) => words.has(token.lemma) || words.has(token.value.toLowerCase());

/**
 * True when the word of feeling at `index` (`length` words long) is said of someone else: the
 * nearest person within `subjectReach` words before it is one of `otherPersons` ("he was happy
 * with someone else", "my son always seems happy") — unless a first-person subject comes right
 * after it ("how unhappy I am"). The mood and the emotional themes read a feeling's subject so.
 */
export function saidOfSomeoneElse(tokens: readonly ReadToken[], index: number, length: number): boolean {
  const after = tokens.slice(index + length, index + length + 2);
  if (after.some((token) => isIn(firstPersons, token))) return false;
  const subject = tokens.slice(Math.max(0, index - subjectReach), index).filter((token) => isIn(persons, token)).at(-1);
  return subject !== undefined && isIn(otherPersons, subject);
}
