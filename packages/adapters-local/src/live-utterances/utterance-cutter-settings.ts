import { utteranceCutterDefaults, type UtteranceCutterOptions } from "@confide/core/ports";
import { z } from "zod";

const positiveMs = z.coerce.number().int().positive();

/**
 * The variables of the utterance cutting shared by the utterance-level live engines (embedded,
 * whisper), defined once and spread into each one's settings schema.
 */
export const utteranceCutterSettings = {
  CONFIDE_LIVE_PAUSE_MS: positiveMs
    .default(utteranceCutterDefaults.pauseMs)
    .describe("live engines `embedded`/`whisper`: a pause this long ends an utterance, which is then recognised (its final comes this much after the speech at the least)"),
  CONFIDE_LIVE_MAX_UTTERANCE_MS: positiveMs
    .default(utteranceCutterDefaults.maxUtteranceMs)
    .describe("live engines `embedded`/`whisper`: speech without a pause is cut into utterances this long"),
  CONFIDE_LIVE_VAD_THRESHOLD_DBFS: z.coerce
    .number()
    .max(0)
    .default(utteranceCutterDefaults.thresholdDbfs)
    .describe("live engines `embedded`/`whisper`: 20 ms of audio at least this loud (RMS, dBFS) is speech; lower it for quiet microphones, raise it for noisy rooms"),
};

/** The cutter options of those variables. */
export function cutterOptions(settings: {
  CONFIDE_LIVE_PAUSE_MS: number;
  CONFIDE_LIVE_MAX_UTTERANCE_MS: number;
  CONFIDE_LIVE_VAD_THRESHOLD_DBFS: number;
}): UtteranceCutterOptions {
  return {
    pauseMs: settings.CONFIDE_LIVE_PAUSE_MS,
    maxUtteranceMs: settings.CONFIDE_LIVE_MAX_UTTERANCE_MS,
    thresholdDbfs: settings.CONFIDE_LIVE_VAD_THRESHOLD_DBFS,
  };
}
