import { isPrivateNetworkUrl } from "@confide/core/adapter-kit";
import type { AdapterDescriptor, SpeechToText } from "@confide/core/ports";
import { whisperSettings, type WhisperSettings } from "./settings.ts";

/** Speech to text by a Whisper-compatible server (`CONFIDE_SPEECH=whisper`). */
export const whisperDescriptor = {
  port: "speech",
  name: "whisper",
  settings: whisperSettings,
  // A server on this machine or the clinic's private network keeps the data in; any other host is a cloud service.
  sendsSessionDataOut: (settings) => !isPrivateNetworkUrl(settings.baseUrl),
  async create(settings) {
    const { createWhisperSpeechToText } = await import("./whisper-speech-to-text.ts");
    return createWhisperSpeechToText(settings);
  },
} satisfies AdapterDescriptor<SpeechToText, WhisperSettings>;
