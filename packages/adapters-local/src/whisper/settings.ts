import { z } from "zod";
import { ffmpegSettings } from "../ffmpeg/ffmpeg-settings.ts";

/** The environment variables of the Whisper-compatible speech adapter. */
export const whisperSettings = z
  .object({
    CONFIDE_WHISPER_URL: z.url().describe("base URL of a Whisper-compatible server (`/v1/audio/transcriptions`)"),
    CONFIDE_WHISPER_MODEL: z.string().min(1).default("whisper-1").describe("model name sent to it"),
    CONFIDE_WHISPER_API_KEY: z.string().min(1).optional().describe("bearer key, if the server needs one"),
    CONFIDE_WHISPER_RESPONSE_FORMAT: z
      .enum(["verbose_json", "diarized_json"])
      .default("verbose_json")
      .describe("`diarized_json` for a server that separates speakers itself (OpenAI `gpt-4o-transcribe-diarize`); otherwise the embedded diarizer does"),
    ...ffmpegSettings,
  })
  .describe("a Whisper-compatible server");

export type WhisperVariables = z.output<typeof whisperSettings>;
