import { z } from "zod";
import { azureSpeechSettings } from "../azure-speech/settings.ts";

/**
 * The settings of the Azure live speech adapter (Speech SDK `ConversationTranscriber`): what
 * `createAzureLiveSpeechToText` takes and what its environment variables set (each setting's
 * `env`) — the batch adapter's region and key, plus a host. Give `region`, or `host` for a
 * Speech container, a sovereign cloud or a local fake. Key only (the folder's README says why
 * not Entra ID).
 */
export const azureLiveSpeechSettings = z
  .object({
    /** The Speech resource's region, e.g. `westeurope`: `wss://<region>.stt.speech.microsoft.com`. */
    region: azureSpeechSettings.shape.region,
    /** The resource's key (`Ocp-Apim-Subscription-Key`); required. */
    key: azureSpeechSettings.shape.key,
    /** A `ws://` or `wss://` origin the SDK connects to instead (`SpeechConfig.fromHost`); overrides `region`. */
    host: z
      .url({ protocol: /^wss?$/ })
      .optional()
      .describe(
        "a `wss://` (or `ws://`) origin for live transcription instead of the region's (`wss://<region>.stt.speech.microsoft.com`): a Speech container, a sovereign cloud, a test fake",
      )
      .meta({ env: "CONFIDE_AZURE_LIVE_SPEECH_HOST" }),
    /** Ask for word timings (`requestWordLevelTimestamps`, detailed output). Default true. */
    wordTimestamps: z.boolean().default(true),
    /**
     * Audio one connection carries before the recognition moves to a new one: real-time
     * diarization handles at most 240 minutes (Speech quotas and limits). Default 235 minutes.
     */
    maxConnectionAudioMs: z
      .number()
      .int()
      .min(1_000)
      .max(240 * 60_000)
      .default(235 * 60_000),
  })
  .superRefine((settings, context) => {
    if (settings.key === undefined) {
      context.addIssue({
        code: "custom",
        path: ["key"],
        message:
          "required by the azure live engine (the Speech SDK signs in with a key only); a deployment signed in with Entra ID alone sets CONFIDE_LIVE=none (no live sessions) or CONFIDE_LIVE=embedded",
      });
    }
    if (settings.region === undefined && settings.host === undefined) {
      context.addIssue({
        code: "custom",
        path: ["region"],
        message: "required by the azure live engine, or CONFIDE_AZURE_LIVE_SPEECH_HOST",
      });
    }
  })
  .describe("Azure Speech real-time conversation transcription (Speech SDK): live diarization, partials, per-channel");

/** What code creating the engine passes (defaults may be left out). */
export type AzureLiveSpeechSettings = z.input<typeof azureLiveSpeechSettings>;
