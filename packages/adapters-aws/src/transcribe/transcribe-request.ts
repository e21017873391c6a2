import type { LanguageCode } from "@aws-sdk/client-transcribe";
import { ConfideError, type SpeechWarning, type TranscriptionSettings } from "@confide/core/ports";

/** Transcribe's bounds on `MaxSpeakerLabels`. */
const fewestSpeakerLabels = 2;
const mostSpeakerLabels = 30;
/** Transcribe identifies channels in recordings of at most two. */
const mostChannels = 2;

/** The members of StartTranscriptionJob that follow from the session's settings. */
export interface TranscribeJobParameters {
  /** BCP-47 codes as the session holds them; Transcribe refuses one it does not know (BadRequestException). */
  LanguageCode?: LanguageCode;
  IdentifyLanguage?: boolean;
  LanguageOptions?: LanguageCode[];
  /** With language identification: the vocabulary filter of each candidate language that has one. */
  LanguageIdSettings?: Partial<Record<LanguageCode, { VocabularyFilterName: string }>>;
  Settings: {
    ShowSpeakerLabels?: boolean;
    MaxSpeakerLabels?: number;
    ChannelIdentification?: boolean;
    VocabularyFilterName?: string;
    VocabularyFilterMethod?: "mask" | "remove";
  };
}

export interface TranscribeJobPlan {
  parameters: TranscribeJobParameters;
  /** Settings Transcribe will not honour as asked. */
  warnings: SpeechWarning[];
  /** The recording is read one speaker per channel (`ChannelIdentification`). */
  perChannel: boolean;
}

function languageParameters(settings: TranscriptionSettings): Pick<TranscribeJobParameters, "LanguageCode" | "IdentifyLanguage" | "LanguageOptions"> {
  const candidates = [...new Set(settings.candidateLanguages ?? [])];
  if (candidates.length >= 2) return { IdentifyLanguage: true, LanguageOptions: candidates as LanguageCode[] };
  return { LanguageCode: (candidates[0] ?? settings.language) as LanguageCode };
}

/**
 * Maps the session's transcription settings to StartTranscriptionJob members, and lists the
 * ones Transcribe cannot honour:
 * - `language`, or `candidateLanguages` (two or more: `IdentifyLanguage` + `LanguageOptions`;
 *   one: that `LanguageCode`);
 * - `channelLayout: per-channel` → `ChannelIdentification` (a one-channel recording falls back
 *   to the mono mapping, with a warning); mono with `diarization` → `ShowSpeakerLabels` +
 *   `MaxSpeakerLabels` (`maxSpeakers` within Transcribe's 2–30) — the two exclude each other;
 *   `minSpeakers` above 1 is reported (Transcribe takes no minimum);
 * - `profanity: masked | removed` → the vocabulary filter configured for the language
 *   (`vocabularyFilters`, language → filter name; a filter works for its own language only):
 *   with one language in `Settings.VocabularyFilterName`, with language identification in
 *   `LanguageIdSettings[<candidate>].VocabularyFilterName` for each candidate that has one — the
 *   method (`mask` / `remove`) in `Settings` either way. A language without a filter gets no
 *   masking and an `unsupported` warning that says so; with identification the warning can only
 *   be known once the job says which language it found: it is computed at `poll`, from what the
 *   job was asked (`planTranscriptionJob` with the identified language and the filter it named).
 *   No filter for `profanity: none`;
 * - `punctuation` and `wordTimestamps` are applied when the transcript is read.
 * @param channels the recording's channels when known.
 * @throws ConfideError `provider.unsupported` for a per-channel recording of more than two channels.
 */
export function planTranscriptionJob(
  settings: TranscriptionSettings,
  channels: number | null,
  vocabularyFilters: ReadonlyMap<string, string>,
): TranscribeJobPlan {
  const warnings: SpeechWarning[] = [];
  const jobSettings: TranscribeJobParameters["Settings"] = {};
  let perChannel = false;

  if (settings.channelLayout === "per-channel") {
    if (channels !== null && channels > mostChannels) {
      throw new ConfideError(
        "provider.unsupported",
        `Amazon Transcribe separates at most ${mostChannels} channels; this recording has ${channels}.`,
        { retryable: false, details: { provider: "transcribe", channels } },
      );
    }
    if (channels === 1) {
      warnings.push({
        type: "unsupported",
        feature: "channelLayout",
        message: "The recording has one channel; its speakers were separated by diarization instead.",
      });
    } else {
      perChannel = true;
      jobSettings.ChannelIdentification = true;
    }
  }

  if (!perChannel && settings.diarization) {
    const maxSpeakers = Math.max(1, settings.maxSpeakers);
    if (maxSpeakers > 1) {
      jobSettings.ShowSpeakerLabels = true;
      jobSettings.MaxSpeakerLabels = Math.min(mostSpeakerLabels, Math.max(fewestSpeakerLabels, maxSpeakers));
      if (maxSpeakers > mostSpeakerLabels) {
        warnings.push({
          type: "other",
          feature: "maxSpeakers",
          message: `Amazon Transcribe separates at most ${mostSpeakerLabels} speakers; ${maxSpeakers} were allowed.`,
        });
      }
    }
    if (settings.minSpeakers > 1) {
      warnings.push({
        type: "unsupported",
        feature: "minSpeakers",
        message: `Amazon Transcribe takes no minimum number of speakers; it was asked for up to ${jobSettings.MaxSpeakerLabels ?? 1}.`,
      });
    }
  }

  const language = languageParameters(settings);
  let languageIdSettings: TranscribeJobParameters["LanguageIdSettings"];
  if (settings.profanity !== "none") {
    const method = settings.profanity === "masked" ? "mask" : "remove";
    const asked = settings.profanity;
    if (language.LanguageOptions !== undefined) {
      const filtered = language.LanguageOptions.flatMap((candidate) => {
        const name = vocabularyFilters.get(candidate);
        return name === undefined ? [] : [[candidate, { VocabularyFilterName: name }] as const];
      });
      if (filtered.length > 0) {
        languageIdSettings = Object.fromEntries(filtered);
        jobSettings.VocabularyFilterMethod = method;
      }
      const unfiltered = language.LanguageOptions.filter((candidate) => !vocabularyFilters.has(candidate));
      if (unfiltered.length > 0) {
        warnings.push({
          type: "unsupported",
          feature: "profanity",
          message: `No Transcribe vocabulary filter is configured for ${unfiltered.join(", ")}: if the recording is in ${unfiltered.length === 1 ? "that language" : "one of them"}, its transcript is verbatim (asked: ${asked}).`,
        });
      }
    } else {
      const code = language.LanguageCode!;
      const name = vocabularyFilters.get(code);
      if (name === undefined) {
        warnings.push({
          type: "unsupported",
          feature: "profanity",
          message: `No Transcribe vocabulary filter is configured for ${code}; the transcript is verbatim, nothing was ${asked} (asked: ${asked}).`,
        });
      } else {
        jobSettings.VocabularyFilterName = name;
        jobSettings.VocabularyFilterMethod = method;
      }
    }
  }

  return { parameters: { ...language, ...(languageIdSettings === undefined ? {} : { LanguageIdSettings: languageIdSettings }), Settings: jobSettings }, warnings, perChannel };
}
