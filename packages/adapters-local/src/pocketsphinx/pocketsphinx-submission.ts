import type { SpeechWarning, TranscriptionSettings } from "@confide/core/ports";
import { unsupportedLanguageError } from "./pocketsphinx-errors.ts";

/** The only model PocketSphinx has here (Debian `pocketsphinx-en-us`). */
export const modelLanguage = "en-US";
export const isEnglish = (language: string) => /^en(-|_|$)/i.test(language.trim());

/** Settings PocketSphinx cannot honour, reported rather than silently ignored. */
export function settingWarnings(settings: TranscriptionSettings): SpeechWarning[] {
  const warnings: SpeechWarning[] = [];
  const candidates = settings.candidateLanguages ?? [];
  if (candidates.length > 0) {
    if (!candidates.some(isEnglish)) throw unsupportedLanguageError(candidates);
    warnings.push({
      type: "unsupported",
      feature: "languageIdentification",
      message: `PocketSphinx does not identify languages; the recording was transcribed as ${modelLanguage}.`,
    });
  } else if (!isEnglish(settings.language)) {
    throw unsupportedLanguageError([settings.language]);
  } else if (settings.language.trim().toLowerCase() !== modelLanguage.toLowerCase()) {
    warnings.push({
      type: "other",
      feature: "language",
      message: `Only the ${modelLanguage} model is installed; ${settings.language} was transcribed with it.`,
    });
  }
  if (settings.channelLayout === "mono" && settings.diarization) {
    warnings.push({
      type: "unsupported",
      feature: "diarization",
      message:
        "PocketSphinx does not separate speakers in one channel: the whole recording is speaker S1. " +
        'Record one speaker per channel (channelLayout "per-channel") to separate them.',
    });
  }
  if (settings.punctuation === "automatic") {
    warnings.push({
      type: "unsupported",
      feature: "punctuation",
      message: "PocketSphinx does not punctuate: segments are lower-case words without punctuation.",
    });
  }
  if (settings.profanity !== "none") {
    warnings.push({
      type: "unsupported",
      feature: "profanity",
      message: `PocketSphinx does not filter profanity; words are transcribed as heard (profanity "${settings.profanity}" was not applied).`,
    });
  }
  return warnings;
}

