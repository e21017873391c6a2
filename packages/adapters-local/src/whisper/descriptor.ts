import type { AdapterDescriptor, SpeechToText } from "@confide/core/ports";
import { isPrivateNetworkUrl } from "../private-network-url.ts";
import { whisperSettings, type WhisperVariables } from "./settings.ts";

/** Speech to text by a Whisper-compatible server (`CONFIDE_SPEECH=whisper`). */
export const whisperDescriptor = {
  port: "speech",
  name: "whisper",
  settings: whisperSettings,
  // A server on this machine or the clinic's private network keeps the data in; any other host is a cloud service.
  sendsSessionDataOut: (settings) => !isPrivateNetworkUrl(settings.CONFIDE_WHISPER_URL),
  async create(settings) {
    const { createWhisperSpeechToText } = await import("./whisper-speech-to-text.ts");
    const apiKey = settings.CONFIDE_WHISPER_API_KEY;
    return createWhisperSpeechToText({
      baseUrl: settings.CONFIDE_WHISPER_URL,
      model: settings.CONFIDE_WHISPER_MODEL,
      ffmpegPath: settings.CONFIDE_FFMPEG_BINARY,
      responseFormat: settings.CONFIDE_WHISPER_RESPONSE_FORMAT,
      ...(apiKey === undefined ? {} : { apiKey }),
    });
  },
} satisfies AdapterDescriptor<SpeechToText, WhisperVariables>;
