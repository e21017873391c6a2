import { z } from "zod";
import { azureSpeechSettings } from "../azure-speech/settings.ts";

/** The environment variables of the Azure live speech adapter (the batch adapter's region and key, plus a host). */
export const azureLiveSpeechSettings = z
  .object({
    CONFIDE_AZURE_SPEECH_REGION: azureSpeechSettings.shape.CONFIDE_AZURE_SPEECH_REGION,
    CONFIDE_AZURE_SPEECH_KEY: azureSpeechSettings.shape.CONFIDE_AZURE_SPEECH_KEY,
    CONFIDE_AZURE_LIVE_SPEECH_HOST: z
      .url({ protocol: /^wss?$/ })
      .optional()
      .describe(
        "a `wss://` (or `ws://`) origin for live transcription instead of the region's (`wss://<region>.stt.speech.microsoft.com`): a Speech container, a sovereign cloud, a test fake",
      ),
  })
  .superRefine((variables, context) => {
    if (variables.CONFIDE_AZURE_SPEECH_KEY === undefined) {
      context.addIssue({
        code: "custom",
        path: ["CONFIDE_AZURE_SPEECH_KEY"],
        message:
          "required by the azure live engine (the Speech SDK signs in with a key only); a deployment signed in with Entra ID alone sets CONFIDE_LIVE=none (no live sessions) or CONFIDE_LIVE=embedded",
      });
    }
    if (variables.CONFIDE_AZURE_SPEECH_REGION === undefined && variables.CONFIDE_AZURE_LIVE_SPEECH_HOST === undefined) {
      context.addIssue({
        code: "custom",
        path: ["CONFIDE_AZURE_SPEECH_REGION"],
        message: "required by the azure live engine, or CONFIDE_AZURE_LIVE_SPEECH_HOST",
      });
    }
  })
  .describe("Azure Speech real-time conversation transcription (Speech SDK): live diarization, partials, per-channel");

export type AzureLiveSpeechVariables = z.output<typeof azureLiveSpeechSettings>;
