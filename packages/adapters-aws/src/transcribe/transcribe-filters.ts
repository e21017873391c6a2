import { ConfideError } from "@confide/core/ports";
import type { TranscribeClient } from "./transcribe-client.ts";
import type { CheckedTranscribeSettings } from "./settings.ts";

export interface VocabularyFilters {
  /**
   * The vocabulary filter of each language: `vocabularyFilters`, and `vocabularyFilterName` for
   * its own language, which Transcribe is asked once (GetVocabularyFilter). A failure is thrown
   * and asked again next time.
   */
  byLanguage(signal: AbortSignal | undefined): Promise<ReadonlyMap<string, string>>;
  /** Every configured filter exists, in the language it is configured for. @throws ConfideError `dependency.unavailable`. */
  check(signal: AbortSignal | undefined): Promise<void>;
}

/** The configured vocabulary filters of profanities, one per language. */
export function createVocabularyFilters(settings: CheckedTranscribeSettings, client: TranscribeClient): VocabularyFilters {
  const configured: ReadonlyMap<string, string> = new Map(Object.entries(settings.vocabularyFilters ?? {}));
  let filtersByLanguage: Promise<ReadonlyMap<string, string>> | undefined;

  function byLanguage(signal: AbortSignal | undefined): Promise<ReadonlyMap<string, string>> {
    const legacy = settings.vocabularyFilterName;
    if (legacy === undefined) return Promise.resolve(configured);
    filtersByLanguage ??= client.readVocabularyFilter(legacy, "read the vocabulary filter", signal).then(
      (answer) => {
        const filters = new Map(configured);
        if (answer.LanguageCode !== undefined && !filters.has(answer.LanguageCode)) filters.set(answer.LanguageCode, legacy);
        return filters;
      },
      (error: unknown) => {
        filtersByLanguage = undefined;
        throw error;
      },
    );
    return filtersByLanguage;
  }

  async function check(signal: AbortSignal | undefined): Promise<void> {
    const filters = await byLanguage(signal);
    for (const [language, name] of filters) {
      const answer = await client.readVocabularyFilter(name, "read a vocabulary filter", signal).catch((error: unknown) => {
        throw new ConfideError("dependency.unavailable", `The Transcribe vocabulary filter ${name} (for ${language}) cannot be used: ${ConfideError.is(error) ? error.message : String(error)}`, {
          retryable: ConfideError.is(error) ? error.retryable : false,
          cause: error,
          details: { dependency: "transcribe", filter: name, language },
        });
      });
      if (answer.LanguageCode !== language) {
        throw new ConfideError("dependency.unavailable", `The Transcribe vocabulary filter ${name} is in ${String(answer.LanguageCode)}, not ${language}: a filter works for its own language only.`, {
          details: { dependency: "transcribe", filter: name, language, filterLanguage: answer.LanguageCode ?? null },
        });
      }
    }
  }

  return { byLanguage, check };
}
