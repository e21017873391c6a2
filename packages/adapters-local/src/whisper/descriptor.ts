import type { AdapterDescriptor, SpeechToText } from "@confide/core";
import { whisperSettings, type WhisperVariables } from "./settings.ts";

/** Speech to text by a Whisper-compatible server (`CONFIDE_SPEECH=whisper`). */
export const whisperDescriptor = {
  port: "speech",
  name: "whisper",
  settings: whisperSettings,
  async create(settings) {
    const { createWhisperSpeechToText } = await import("./whisper-speech-to-text.ts");
    const apiKey = settings.CONFIDE_WHISPER_API_KEY;
    return createWhisperSpeechToText({
      baseUrl: settings.CONFIDE_WHISPER_URL,
      model: settings.CONFIDE_WHISPER_MODEL,
      ffmpegPath: settings.CONFIDE_FFMPEG_BINARY,
      ...(apiKey === undefined ? {} : { apiKey }),
    });
  },
} satisfies AdapterDescriptor<SpeechToText, WhisperVariables>;
