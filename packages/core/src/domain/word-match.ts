/** A word as the plan rules read it: its lemma and its value as said. */
export type MatchedWord = { lemma: string; value: string };

/**
 * True when the word is `options` (one word) or one of them (a set), by its lemma or by its value
 * as said in lower case: the one reading of a word against the plan rules' word lists.
 */
export const is = (word: MatchedWord | undefined, options: ReadonlySet<string> | string): boolean =>
  word !== undefined && (typeof options === "string" ? word.lemma === options || word.value.toLowerCase() === options : options.has(word.lemma) || options.has(word.value.toLowerCase()));

/** Where the first word from `from` stands that is none of `options` (the words' length when every one is): past leads or fillers, "So, okay, shall I…". */
export function pastWords(words: readonly MatchedWord[], from: number, ...options: ReadonlyArray<ReadonlySet<string>>): number {
  let at = from;
  while (options.some((set) => is(words[at], set))) at += 1;
  return at;
}

/** The days of the week, as the rules' word lists name a day to come. */
export const weekdays: readonly string[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
