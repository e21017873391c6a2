import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/** zxcvbn's scale: 0 (too guessable) … 4 (very unguessable). 3 is "safely unguessable" (about 10^8 guesses and more). */
export const minPasswordScore = 3;

export interface PasswordStrength {
  /** 0 … 4. */
  score: number;
  /** Why it is weak, in words, or null. */
  warning: string | null;
  suggestions: string[];
}

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * Loaded and built on first use, then shared: importing its dictionaries decompresses them (a
 * fifth of a second and more), which a server should not pay at start-up for a check it makes
 * only when a password is set.
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= buildEstimator();
  return estimator;
}

async function buildEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, zxcvbnCommon, zxcvbnEnglish] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
    // Bounds the work per check (it runs on the event loop): with the defaults (256 characters,
    // 100 l33t substitutions) one random 64-character password took seconds. 64 characters that
    // are hard to guess make a strong password whatever follows.
    maxLength: 64,
    l33tMaxSubstitutions: 8,
  });
}

/**
 * Estimates how guessable a password is with zxcvbn-ts (common and leaked passwords, English
 * words and names, keyboard patterns, dates, l33t), counting `userInputs` (the account's email,
 * name…) as words an attacker would try first.
 */
export async function estimatePasswordStrength(password: string, userInputs: readonly string[]): Promise<PasswordStrength> {
  const result = (await zxcvbn()).check(password, [...userInputs]);
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
