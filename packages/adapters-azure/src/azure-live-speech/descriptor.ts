import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { azureLiveSpeechSettings, type AzureLiveSpeechSettings } from "./settings.ts";

/** Live speech by Azure Speech conversation transcription (`CONFIDE_LIVE=azure`). */
export const azureLiveSpeechDescriptor = {
  port: "live",
  name: "azure",
  settings: azureLiveSpeechSettings,
  // Azure's own endpoint, a sovereign cloud's or a Speech container's: counted as sending out, as the batch adapter is.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createAzureLiveSpeechToText } = await import("./azure-live-speech-to-text.ts");
    return createAzureLiveSpeechToText(settings);
  },
} satisfies AdapterDescriptor<LiveSpeechToText, AzureLiveSpeechSettings>;
