/** A word as the plan rules read it: its lemma and its value as said. */
export type MatchedWord = { lemma: string; value: string };

/**
 * True when the word is `options` (one word) or one of them (a set), by its lemma or by its value
 * as said in lower case: the one reading of a word against the plan rules' word lists.
 */
export const is = (word: MatchedWord | undefined, options: ReadonlySet<string> | string): boolean =>
  word !== undefined && (typeof options === "string" ? word.lemma === options || word.value.toLowerCase() === options : options.has(word.lemma) || options.has(word.value.toLowerCase()));
