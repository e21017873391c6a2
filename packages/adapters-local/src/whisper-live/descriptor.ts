import { isPrivateNetworkUrl } from "@confide/core/adapter-kit";
import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { whisperLiveSettings, type WhisperLiveSettings } from "./settings.ts";

/** Live speech by a Whisper-compatible server, utterance by utterance (`CONFIDE_LIVE=whisper`). */
export const whisperLiveDescriptor = {
  port: "live",
  name: "whisper",
  settings: whisperLiveSettings,
  // As the batch Whisper adapter: a server on this machine or the clinic's private network keeps the data in.
  sendsSessionDataOut: (settings) => !isPrivateNetworkUrl(settings.baseUrl),
  async create(settings) {
    const { createWhisperLiveSpeechToText } = await import("./whisper-live-speech-to-text.ts");
    return createWhisperLiveSpeechToText(settings);
  },
} satisfies AdapterDescriptor<LiveSpeechToText, WhisperLiveSettings>;
