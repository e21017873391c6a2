import type { AdapterDescriptor, SpeechToText } from "@confide/core/ports";
import { azureSpeechSettings, type AzureSpeechVariables } from "./settings.ts";

/** Speech to text by Azure Speech batch transcription (`CONFIDE_SPEECH=azure-speech`). */
export const azureSpeechDescriptor = {
  port: "speech",
  name: "azure-speech",
  settings: azureSpeechSettings,
  // A cloud service: the recording or transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings, context) {
    const { createAzureSpeechToText } = await import("./azure-speech-to-text.ts");
    const connectionString = settings.CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING;
    const accountUrl = settings.CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL;
    const containerName = settings.CONFIDE_AZURE_SPEECH_STAGING_CONTAINER;
    return createAzureSpeechToText({
      ...(settings.CONFIDE_AZURE_SPEECH_ENDPOINT === undefined ? {} : { endpoint: settings.CONFIDE_AZURE_SPEECH_ENDPOINT }),
      ...(settings.CONFIDE_AZURE_SPEECH_REGION === undefined ? {} : { region: settings.CONFIDE_AZURE_SPEECH_REGION }),
      ...(settings.CONFIDE_AZURE_SPEECH_KEY === undefined ? {} : { key: settings.CONFIDE_AZURE_SPEECH_KEY }),
      maxPollIntervalMs: settings.CONFIDE_AZURE_SPEECH_MAX_POLL_INTERVAL_MS,
      logger: context.logger,
      ...(connectionString !== undefined
        ? { staging: { connectionString, containerName } }
        : accountUrl !== undefined
          ? { staging: { accountUrl, containerName } }
          : {}),
    });
  },
} satisfies AdapterDescriptor<SpeechToText, AzureSpeechVariables>;
