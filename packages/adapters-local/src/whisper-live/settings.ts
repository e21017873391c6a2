import { z } from "zod";
import { whisperSettings } from "../whisper/settings.ts";
import { utteranceCutterSettings } from "../live-utterances/utterance-cutter-settings.ts";

/**
 * The settings of the Whisper-compatible live engine: what `createWhisperLiveSpeechToText`
 * takes and what its environment variables set (each setting's `env`). The server, model, key,
 * readiness wait and fetch are the batch Whisper adapter's settings.
 */
export const whisperLiveSettings = z
  .object({
    baseUrl: whisperSettings.shape.baseUrl,
    model: whisperSettings.shape.model,
    apiKey: whisperSettings.shape.apiKey,
    ...utteranceCutterSettings,
    /** Longest wait for one utterance's transcription (a live final later than that is no use). */
    utteranceTimeoutMs: z.number().int().min(1).default(30_000),
    checkTimeoutMs: whisperSettings.shape.checkTimeoutMs,
    fetch: whisperSettings.shape.fetch,
  })
  .describe("a Whisper-compatible server, sent each utterance as pauses end it (finals only)");

/** What code creating the engine passes (defaults may be left out). */
export type WhisperLiveSettings = z.input<typeof whisperLiveSettings>;
