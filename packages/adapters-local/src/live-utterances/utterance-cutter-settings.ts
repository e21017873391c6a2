import { speechProbabilityCutterDefaults, type SpeechProbabilityCutterOptions, utteranceCutterDefaults, type UtteranceCutterOptions } from "@confide/core/adapter-kit";
import { z } from "zod";

const positiveMs = z.coerce.number<number>().int().positive();

/**
 * The settings of the utterance cutting shared by the utterance-level live engines (embedded,
 * whisper), each set by its `CONFIDE_LIVE_*` variable, defined once and spread into each one's
 * settings schema.
 */
export const utteranceCutterSettings = {
  pauseMs: positiveMs
    .default(utteranceCutterDefaults.pauseMs)
    .describe("live engines `embedded`/`whisper`: a pause this long ends an utterance, which is then recognised (its final comes this much after the speech at the least)")
    .meta({ env: "CONFIDE_LIVE_PAUSE_MS" }),
  maxUtteranceMs: positiveMs
    .default(utteranceCutterDefaults.maxUtteranceMs)
    .describe("live engines `embedded`/`whisper`: speech without a pause is cut into utterances this long")
    .meta({ env: "CONFIDE_LIVE_MAX_UTTERANCE_MS" }),
  thresholdDbfs: z.coerce
    .number<number>()
    .max(0)
    .default(utteranceCutterDefaults.thresholdDbfs)
    .describe("live engines `embedded`/`whisper`: 20 ms of audio at least this loud (RMS, dBFS) is speech; lower it for quiet microphones, raise it for noisy rooms")
    .meta({ env: "CONFIDE_LIVE_VAD_THRESHOLD_DBFS" }),
};

/**
 * The settings of the cutting on Silero VAD's speech probabilities (the live engine `embedded`
 * when the model is installed: `confide models install`).
 */
export const speechModelCutterSettings = {
  speechEndMs: positiveMs
    .default(speechProbabilityCutterDefaults.endSilenceMs)
    .describe("live engine `embedded` with its speech model installed: this long without speech (as the model hears it) ends an utterance, in place of `CONFIDE_LIVE_PAUSE_MS`")
    .meta({ env: "CONFIDE_LIVE_SPEECH_END_MS" }),
};

/** The probability cutter options of those settings (the longest utterance is shared). */
export function speechCutterOptions(settings: { speechEndMs: number; maxUtteranceMs: number }): SpeechProbabilityCutterOptions {
  return { endSilenceMs: settings.speechEndMs, maxUtteranceMs: settings.maxUtteranceMs };
}

/** The cutter options of those settings. */
export function cutterOptions(settings: { pauseMs: number; maxUtteranceMs: number; thresholdDbfs: number }): UtteranceCutterOptions {
  return { pauseMs: settings.pauseMs, maxUtteranceMs: settings.maxUtteranceMs, thresholdDbfs: settings.thresholdDbfs };
}
