import { z } from "zod";
import { whisperSettings } from "../whisper/settings.ts";
import { utteranceCutterSettings } from "../live-utterances/utterance-cutter-settings.ts";

/** The environment variables of the Whisper-compatible live engine. */
export const whisperLiveSettings = z
  .object({
    CONFIDE_WHISPER_URL: whisperSettings.shape.CONFIDE_WHISPER_URL,
    CONFIDE_WHISPER_MODEL: whisperSettings.shape.CONFIDE_WHISPER_MODEL,
    CONFIDE_WHISPER_API_KEY: whisperSettings.shape.CONFIDE_WHISPER_API_KEY,
    ...utteranceCutterSettings,
  })
  .describe("a Whisper-compatible server, sent each utterance as pauses end it (finals only)");

export type WhisperLiveVariables = z.output<typeof whisperLiveSettings>;
