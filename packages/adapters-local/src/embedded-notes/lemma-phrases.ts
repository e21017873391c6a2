import type { ReadToken } from "./segment-reader.ts";

/** A phrase as a sequence of wink-nlp lemmas, written with spaces: "end my life". */
export type LemmaPhrase = string;

/** A token matches a phrase word by its lemma or by its lower-cased value ("better" lemmatises to "good"). */
function matches(token: ReadToken | undefined, word: string): boolean {
  return token !== undefined && (token.lemma === word || token.value.toLowerCase() === word);
}

/**
 * The phrases with each one opening "i be" also as wink-nlp reads "I'm": one token, "i'm" (or
 * "i’m", or typed "im"), not two — "i be sure you can" is also "i'm sure you can".
 */
export function withContractedI(phrases: readonly LemmaPhrase[]): LemmaPhrase[] {
  return phrases.flatMap((phrase) => (phrase.startsWith("i be ") ? [phrase, ...["i'm", "i’m", "im"].map((subject) => `${subject} ${phrase.slice(5)}`)] : [phrase]));
}

/**
 * Where `phrase` starts in `tokens`, word by word (each word matching a token's lemma or its
 * lower-cased value), punctuation included as tokens: "self - harm".
 * @returns every start index, in order ([] when it does not occur).
 */
export function phraseStarts(tokens: readonly ReadToken[], phrase: LemmaPhrase): number[] {
  const words = phrase.split(" ");
  const starts: number[] = [];
  for (let index = 0; index + words.length <= tokens.length; index += 1) {
    if (words.every((word, offset) => matches(tokens[index + offset], word))) starts.push(index);
  }
  return starts;
}

/** Each list's phrases by their first word, built once per list (`phrasesMayStart`). */
const byFirstWord = new WeakMap<readonly LemmaPhrase[], ReadonlyMap<string, readonly LemmaPhrase[]>>();

/**
 * The phrases of a list whose first word is said in `tokens` (by lemma or lower-cased value), in
 * the list's order: the only ones `phraseStarts` can find there. A long list read against every
 * sentence costs then what the sentence's words call for, not what the list holds.
 */
export function phrasesMayStart(tokens: readonly ReadToken[], phrases: readonly LemmaPhrase[]): LemmaPhrase[] {
  let index = byFirstWord.get(phrases);
  if (index === undefined) {
    const built = new Map<string, LemmaPhrase[]>();
    for (const phrase of phrases) {
      const first = phrase.split(" ")[0]!;
      built.set(first, [...(built.get(first) ?? []), phrase]);
    }
    index = built;
    byFirstWord.set(phrases, index);
  }
  const found = new Set<LemmaPhrase>();
  for (const token of tokens) {
    for (const phrase of index.get(token.lemma) ?? []) found.add(phrase);
    for (const phrase of index.get(token.value.toLowerCase()) ?? []) found.add(phrase);
  }
  return phrases.filter((phrase) => found.has(phrase));
}

/**
 * The first words of some phrases, to skip at once a sentence that can hold none of them:
 * `mayHold(tokens, firstWordsOf(phrases))` is false when no token is a first word.
 */
export function firstWordsOf(phrases: readonly LemmaPhrase[]): ReadonlySet<string> {
  return new Set(phrases.map((phrase) => phrase.split(" ")[0]!));
}

/** False when no token (by lemma or lower-cased value) starts one of the phrases whose first words are given. */
export function mayHold(tokens: readonly ReadToken[], firstWords: ReadonlySet<string>): boolean {
  return tokens.some((token) => firstWords.has(token.lemma) || firstWords.has(token.value.toLowerCase()));
}

/** Lemmas that negate what follows. */
const negationCues = new Set(["not", "never", "no", "nor", "without", "nothing", "none", "nobody", "neither"]);

/** How far before a phrase a negation cue still negates it, in tokens. */
export const negationWindow = 3;

/**
 * True when the phrase starting at `index` is negated: wink-nlp puts its first token in the
 * scope of a negation, and the cue ("never", "not", "n't", "no"…) is at most `negationWindow`
 * tokens before it. The window keeps a negation early in a long sentence from cancelling what
 * comes later: in "I don't know why I want to die" wink-nlp's scope runs to the end, the window
 * does not, and the risk is not missed.
 */
export function isNegatedAt(tokens: readonly ReadToken[], index: number): boolean {
  if (!tokens[index]?.negated) return false;
  for (let back = 1; back <= negationWindow && index - back >= 0; back += 1) {
    if (negationCues.has(tokens[index - back]?.lemma ?? "")) return true;
  }
  return false;
}
