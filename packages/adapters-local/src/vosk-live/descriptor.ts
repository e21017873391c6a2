import { isPrivateNetworkUrl } from "@confide/core/adapter-kit";
import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { voskLiveSettings, type VoskLiveSettings } from "./settings.ts";

/** Live speech by a Vosk server, streamed: partials and finals as the audio arrives (`CONFIDE_LIVE=vosk`). */
export const voskLiveDescriptor = {
  port: "live",
  name: "vosk",
  settings: voskLiveSettings,
  // A server on this machine or the clinic's private network keeps the audio in.
  sendsSessionDataOut: (settings) => !isPrivateNetworkUrl(settings.url),
  async create(settings) {
    const { createVoskLiveSpeechToText } = await import("./vosk-live-speech-to-text.ts");
    return createVoskLiveSpeechToText(settings);
  },
} satisfies AdapterDescriptor<LiveSpeechToText, VoskLiveSettings>;
