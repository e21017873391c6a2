import type { AdapterDescriptor, SpeechToText } from "@confide/core/ports";
import { azureSpeechSettings, type AzureSpeechSettings } from "./settings.ts";

/** Speech to text by Azure Speech batch transcription (`CONFIDE_SPEECH=azure-speech`). */
export const azureSpeechDescriptor = {
  port: "speech",
  name: "azure-speech",
  settings: azureSpeechSettings,
  // A cloud service: the recording or transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings, context) {
    const { createAzureSpeechToText } = await import("./azure-speech-to-text.ts");
    return createAzureSpeechToText({ ...settings, logger: context.logger });
  },
} satisfies AdapterDescriptor<SpeechToText, AzureSpeechSettings>;
