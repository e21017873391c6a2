import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEnglish from "@zxcvbn-ts/language-en";

/** zxcvbn's scale: 0 (too guessable) … 4 (very unguessable). 3 is "safely unguessable" (about 10^8 guesses and more). */
export const minPasswordScore = 3;

export interface PasswordStrength {
  /** 0 … 4. */
  score: number;
  /** Why it is weak, in words, or null. */
  warning: string | null;
  suggestions: string[];
}

let estimator: ZxcvbnFactory | undefined;

/** Built on first use (its dictionaries take about half a second to load), then shared. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
    // Bounds the work per check (it runs on the event loop): with the defaults (256 characters,
    // 100 l33t substitutions) one random 64-character password took seconds. 64 characters that
    // are hard to guess make a strong password whatever follows.
    maxLength: 64,
    l33tMaxSubstitutions: 8,
  });
  return estimator;
}

/**
 * Estimates how guessable a password is with zxcvbn-ts (common and leaked passwords, English
 * words and names, keyboard patterns, dates, l33t), counting `userInputs` (the account's email,
 * name…) as words an attacker would try first.
 */
export function estimatePasswordStrength(password: string, userInputs: readonly string[]): PasswordStrength {
  const result = zxcvbn().check(password, [...userInputs]);
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
