import type { ReadToken } from "./segment-reader.ts";

/**
 * Words of conversation that carry no content of their own: hesitations ("um", "hmm"),
 * backchannels and bare agreement ("yeah", "okay", "mm-hmm", "right"), politeness ("thanks",
 * "sorry"), address words ("mate") and discourse markers ("like", "honestly"). Lemmas or
 * lower-cased words. Changing it changes `embeddedRulesVersion`.
 */
export const fillerWords: ReadonlySet<string> = new Set([
  "hmm", "mm", "mmm", "mhm", "hmm-hmm", "um", "umm", "uh", "er", "erm", "ah", "oh", "ooh", "ha", "eh",
  "yeah", "yes", "yep", "yup", "no", "nah", "nope", "okay", "ok", "alright", "right", "sure", "fine", "well", "so",
  "thanks", "thank", "thankyou", "thanku", "thx", "thanx", "thnx", "cheers", "sorry", "please", "hi", "hello", "bye",
  "mate", "man", "dude", "guy", "guys",
  "like", "honestly", "literally", "actually", "basically", "really", "just", "anyway", "whatever", "innit", "dunno", "know", "mean", "guess", "suppose", "kind", "sort",
  "god", "gosh", "wow", "fair", "exactly", "definitely", "course", "ugh",
  // contractions and chat: "gonna", "wanna", "huh", "lol"
  "gonna", "wanna", "gotta", "kinda", "sorta", "lotta", "outta", "huh", "hey", "ya", "yah", "yea", "yeh", "lol", "haha", "hahaha", "hehe", "lmao", "omg", "idk", "tbh", "btw", "aww", "aw", "oops", "whoa", "hm", "mhmm", "okey", "okie",
]);

/** A token with a letter or digit in it (not punctuation). */
export const isWord = (token: ReadToken) => /[\p{L}\p{N}]/u.test(token.value);

export const isFiller = (token: ReadToken) => fillerWords.has(token.lemma) || fillerWords.has(token.value.toLowerCase()) || /^(m+|h*m+-?h*m+|u+h*m*)$/i.test(token.value);

/**
 * Content words of some tokens: words that are neither stop words nor fillers ("I don't know"
 * and "Yeah, okay, thank you" have none; "I burned my wrist" has "burned" and "wrist").
 */
export function contentWords(tokens: readonly ReadToken[]): ReadToken[] {
  return tokens.filter((token) => isWord(token) && !token.stopWord && !isFiller(token));
}

/** The words of some tokens, punctuation left out. */
export function wordsOf(tokens: readonly ReadToken[]): ReadToken[] {
  return tokens.filter(isWord);
}
