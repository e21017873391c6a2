import { ConfideError, type SpeechWarning, type TranscriptionSettings } from "@confide/core/ports";

/** Diarization of 2024-11-15: at most this many speakers. */
const maxDiarizationSpeakers = 35;
/** Continuous language identification takes 2 to 10 candidates. */
const maxCandidateLocales = 10;
/** Batch transcription reads at most two channels. */
const maxChannels = 2;
/**
 * Batch transcription's limits per audio file (Speech service quotas and limits, "Batch
 * transcription": maximum audio input file size 1 GB; with diarization, at most 240 minutes per
 * file). A recording past them is refused before a job is made, never a job that fails late.
 */
export const batchLimits = { maxFileBytes: 1_000_000_000, maxDiarizedDurationMs: 240 * 60_000 } as const;

/** The body of `POST /speechtotext/transcriptions:submit?api-version=2024-11-15`. */
export interface TranscriptionSubmission {
  displayName: string;
  locale: string;
  contentUrls: string[];
  properties: {
    timeToLiveHours: number;
    wordLevelTimestampsEnabled: boolean;
    displayFormWordLevelTimestampsEnabled: boolean;
    channels?: number[];
    punctuationMode: "None" | "Automatic";
    profanityFilterMode: "None" | "Masked" | "Removed";
    diarization?: { enabled: boolean; maxSpeakers?: number };
    languageIdentification?: { candidateLocales: string[]; mode: "Continuous" };
  };
}

const profanityModes = { none: "None", masked: "Masked", removed: "Removed" } as const;
const punctuationModes = { automatic: "Automatic", none: "None" } as const;

/**
 * Checks that Azure can transcribe a recording of `channels` as `settings` ask, before
 * anything is read or staged.
 * @throws ConfideError `provider.unsupported` for a per-channel recording of more than two channels.
 */
export function assertTranscribable(settings: TranscriptionSettings, channels: number | null): void {
  if (settings.channelLayout === "per-channel" && channels !== null && channels > maxChannels) {
    throw new ConfideError(
      "provider.unsupported",
      `Azure batch transcription reads at most ${maxChannels} channels; this one-speaker-per-channel recording has ${channels}.`,
      { retryable: false, details: { provider: "azure-speech", channels } },
    );
  }
}

/**
 * True when the job for a recording of `channels` will ask for diarization: speakers asked for,
 * and one channel (a per-channel layout of a mono recording included). A stereo recording is
 * read as two channels instead: Azure fails diarization of stereo audio.
 */
export function willDiarize(settings: TranscriptionSettings, channels: number | null): boolean {
  const perChannel = settings.channelLayout === "per-channel" && channels !== 1;
  const multiChannel = channels !== null && channels > 1;
  return !perChannel && !multiChannel && settings.diarization && settings.maxSpeakers >= 2;
}

/**
 * Checks a recording against batch transcription's limits (`batchLimits`) before anything is
 * staged or submitted. Core measures every recording's length at upload; an unknown one (a
 * session stored before that, a host without a probe) is not refused (the service then decides).
 * @throws ConfideError `provider.unsupported`, not retryable, `details.reason`
 * `recording_too_large` (over 1 GB) or `recording_too_long_to_diarize` (over 240 minutes with
 * diarization), with words a therapist can act on.
 */
export function assertWithinBatchLimits(
  settings: TranscriptionSettings,
  audio: { sizeBytes: number; durationMs: number | null; channels: number | null },
  limits: { maxFileBytes: number; maxDiarizedDurationMs: number } = batchLimits,
): void {
  if (audio.sizeBytes > limits.maxFileBytes) {
    throw new ConfideError(
      "provider.unsupported",
      `The recording is ${(audio.sizeBytes / 1e9).toFixed(1)} GB; the speech service transcribes files of at most ${lengthOf(limits.maxFileBytes / 1e9, "GB")}. Record in a compressed format (MP3, M4A) or in shorter parts.`,
      { retryable: false, details: { provider: "azure-speech", reason: "recording_too_large", sizeBytes: audio.sizeBytes, maxBytes: limits.maxFileBytes } },
    );
  }
  if (audio.durationMs !== null && audio.durationMs > limits.maxDiarizedDurationMs && willDiarize(settings, audio.channels)) {
    throw new ConfideError(
      "provider.unsupported",
      `The recording lasts ${lengthOf(audio.durationMs / 60_000, "minutes")}; the speech service separates speakers in recordings of at most ${lengthOf(limits.maxDiarizedDurationMs / 60_000, "minutes")}. Split it into shorter parts, or transcribe it without separating speakers.`,
      { retryable: false, details: { provider: "azure-speech", reason: "recording_too_long_to_diarize", durationMs: audio.durationMs, maxDurationMs: limits.maxDiarizedDurationMs } },
    );
  }
}

/** A length in words: whole numbers as they are, smaller ones to two decimals ("240 minutes", "0.03 minutes"). */
function lengthOf(value: number, unit: string): string {
  return `${value >= 1 ? Math.round(value) : Number(value.toFixed(2))} ${unit}`;
}

/**
 * Maps the session's transcription settings to a 2024-11-15 submission:
 * language → `locale`; two or more `candidateLanguages` → continuous
 * `languageIdentification` (the first 10); `profanity` → `profanityFilterMode`; `punctuation`
 * → `punctuationMode`; `wordTimestamps` → `wordLevelTimestampsEnabled`. A per-channel
 * recording → `channels: [0, 1]`, one speaker per channel, no diarization. A mono recording →
 * `channels: [0]`, with `diarization: { enabled, maxSpeakers }` when asked; a recording with two
 * channels that is said to be mono → both channels, no diarization (Azure fails diarization
 * of such audio). What this leaves out is reported by `settingWarnings` from the job's
 * properties, which `poll` reads back.
 * @throws as `assertTranscribable`.
 */
export function planSubmission(
  settings: TranscriptionSettings,
  audio: { url: string; channels: number | null },
  options: { timeToLiveHours: number; displayName: string },
): TranscriptionSubmission {
  const properties: TranscriptionSubmission["properties"] = {
    timeToLiveHours: options.timeToLiveHours,
    wordLevelTimestampsEnabled: settings.wordTimestamps,
    // Display-form words match the segment's text ("sleeping?", "20"); the lexical words give
    // their confidence.
    displayFormWordLevelTimestampsEnabled: settings.wordTimestamps,
    punctuationMode: punctuationModes[settings.punctuation],
    profanityFilterMode: profanityModes[settings.profanity],
  };
  assertTranscribable(settings, audio.channels);
  const perChannel = settings.channelLayout === "per-channel" && audio.channels !== 1;
  const multiChannel = audio.channels !== null && audio.channels > 1;
  properties.channels = perChannel || multiChannel ? [0, 1] : [0];
  if (willDiarize(settings, audio.channels)) {
    properties.diarization = { enabled: true, maxSpeakers: Math.min(settings.maxSpeakers, maxDiarizationSpeakers) };
  }

  const candidates = [...new Set(settings.candidateLanguages ?? [])];
  let locale = settings.language;
  if (candidates.length === 1) locale = candidates[0]!;
  if (candidates.length > 1) {
    // 2–10 candidates "including the main locale for the transcription" (2024-11-15): the
    // session's language when it is a candidate, else the first candidate.
    if (!candidates.includes(locale)) locale = candidates[0]!;
    const used = candidates.slice(0, maxCandidateLocales);
    if (!used.includes(locale)) used[maxCandidateLocales - 1] = locale;
    properties.languageIdentification = { candidateLocales: used, mode: "Continuous" };
  }
  return { displayName: options.displayName, locale, contentUrls: [audio.url], properties };
}

/** What a job's `properties` say it was asked to do (as `GET /transcriptions/{id}` answers). */
export interface JobProperties {
  channels?: number[];
  diarization?: { enabled?: boolean; maxSpeakers?: number };
  languageIdentification?: { candidateLocales?: string[] };
}

/** True when the job reads both channels of a one-speaker-per-channel recording. */
export function isPerChannelJob(settings: TranscriptionSettings, properties: JobProperties): boolean {
  return settings.channelLayout === "per-channel" && (properties.channels ?? [0, 1]).includes(1);
}

/** True when the job separates speakers by diarization. */
export function isDiarizedJob(properties: JobProperties): boolean {
  return properties.diarization?.enabled === true;
}

/**
 * The settings the job does not honour as the session asked, found by comparing them with
 * the job's properties: a per-channel layout transcribed as mono (a one-channel recording),
 * diarization left out (a recording with two channels), fewer speakers or candidate languages
 * than asked (Azure's limits: 35 and 10).
 */
export function settingWarnings(settings: TranscriptionSettings, properties: JobProperties): SpeechWarning[] {
  const warnings: SpeechWarning[] = [];
  const channels = properties.channels ?? [0, 1];
  if (settings.channelLayout === "per-channel" && !channels.includes(1)) {
    warnings.push({
      type: "unsupported",
      feature: "channelLayout",
      message: "The recording has one channel; it was transcribed as a mono recording.",
    });
  }
  if (settings.channelLayout === "mono" && settings.diarization && settings.maxSpeakers >= 2) {
    if (!isDiarizedJob(properties)) {
      warnings.push({
        type: "unsupported",
        feature: "diarization",
        message: "Azure diarizes one-channel recordings only; this one has two channels, each transcribed as one speaker.",
      });
    } else if ((properties.diarization?.maxSpeakers ?? settings.maxSpeakers) < settings.maxSpeakers) {
      warnings.push({
        type: "other",
        feature: "maxSpeakers",
        message: `Azure separates at most ${maxDiarizationSpeakers} speakers; asked for up to ${settings.maxSpeakers}.`,
      });
    }
  }
  const candidates = new Set(settings.candidateLanguages ?? []).size;
  const used = properties.languageIdentification?.candidateLocales?.length ?? 0;
  if (candidates > 1 && used < candidates) {
    warnings.push({
      type: "other",
      feature: "candidateLanguages",
      message: `Azure identifies the language among at most ${maxCandidateLocales} candidates; the first ${used} of ${candidates} were used.`,
    });
  }
  return warnings;
}
