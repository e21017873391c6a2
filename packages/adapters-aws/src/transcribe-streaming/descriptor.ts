import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { transcribeStreamingSettings, type TranscribeStreamingVariables } from "./settings.ts";

/** Live speech by Amazon Transcribe Streaming (`CONFIDE_LIVE=transcribe`). */
export const transcribeStreamingDescriptor = {
  port: "live",
  name: "transcribe",
  settings: transcribeStreamingSettings,
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createTranscribeStreamingLiveSpeechToText } = await import("./transcribe-streaming-live-speech-to-text.ts");
    const region = settings.CONFIDE_TRANSCRIBE_REGION;
    const endpoint = settings.CONFIDE_TRANSCRIBE_STREAMING_ENDPOINT;
    return createTranscribeStreamingLiveSpeechToText({
      ...(region === undefined ? {} : { region }),
      ...(endpoint === undefined ? {} : { endpoint }),
    });
  },
} satisfies AdapterDescriptor<LiveSpeechToText, TranscribeStreamingVariables>;
