import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { transcribeStreamingSettings, type TranscribeStreamingSettings } from "./settings.ts";

/** Live speech by Amazon Transcribe Streaming (`CONFIDE_LIVE=transcribe`). */
export const transcribeStreamingDescriptor = {
  port: "live",
  name: "transcribe",
  settings: transcribeStreamingSettings,
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createTranscribeStreamingLiveSpeechToText } = await import("./transcribe-streaming-live-speech-to-text.ts");
    return createTranscribeStreamingLiveSpeechToText(settings);
  },
} satisfies AdapterDescriptor<LiveSpeechToText, TranscribeStreamingSettings>;
