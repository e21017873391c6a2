import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { isPrivateNetworkUrl } from "../private-network-url.ts";
import { cutterOptions } from "../live-utterances/utterance-cutter-settings.ts";
import { whisperLiveSettings, type WhisperLiveVariables } from "./settings.ts";

/** Live speech by a Whisper-compatible server, utterance by utterance (`CONFIDE_LIVE=whisper`). */
export const whisperLiveDescriptor = {
  port: "live",
  name: "whisper",
  settings: whisperLiveSettings,
  // As the batch Whisper adapter: a server on this machine or the clinic's private network keeps the data in.
  sendsSessionDataOut: (settings) => !isPrivateNetworkUrl(settings.CONFIDE_WHISPER_URL),
  async create(settings) {
    const { createWhisperLiveSpeechToText } = await import("./whisper-live-speech-to-text.ts");
    const apiKey = settings.CONFIDE_WHISPER_API_KEY;
    return createWhisperLiveSpeechToText({
      baseUrl: settings.CONFIDE_WHISPER_URL,
      model: settings.CONFIDE_WHISPER_MODEL,
      cutter: cutterOptions(settings),
      ...(apiKey === undefined ? {} : { apiKey }),
    });
  },
} satisfies AdapterDescriptor<LiveSpeechToText, WhisperLiveVariables>;
