import type { AdapterDescriptor, SpeechToText } from "@confide/core/ports";
import { transcribeSettings, type TranscribeSettings } from "./settings.ts";

/** Speech to text by Amazon Transcribe batch jobs (`CONFIDE_SPEECH=transcribe`). */
export const transcribeDescriptor = {
  port: "speech",
  name: "transcribe",
  settings: transcribeSettings,
  // A cloud service: the recording or transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings, context) {
    const { createTranscribeSpeechToText } = await import("./transcribe-speech-to-text.ts");
    // The host's logger, unless the settings bring their own.
    return createTranscribeSpeechToText({ ...settings, logger: settings.logger ?? context.logger });
  },
} satisfies AdapterDescriptor<SpeechToText, TranscribeSettings>;
