import type { SentimentResult } from "../domain/sentiment.ts";

/** Measures sentiment of texts. */
export interface LanguageAnalyzer {
  readonly provider: string;

  /**
   * Scores each text. Adapters split the input into the provider's batch and size limits.
   * @returns one result per input text, in the same order; an empty input gives [].
   * @throws ConfideError `provider.*` (retryable as for SpeechToText).
   */
  sentiment(texts: string[], options: { language: string; signal?: AbortSignal }): Promise<SentimentResult[]>;

  /**
   * Resolves when the analyzer is usable (its model loads, its endpoint answers); used by
   * readiness checks. Analyses nothing.
   * @throws ConfideError `dependency.unavailable` otherwise.
   */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
