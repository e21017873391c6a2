import { ConfideError } from "@confide/core";
import { regionProblem } from "../azure-speech/azure-speech-config.ts";

/**
 * Settings of the Azure live speech adapter (Speech SDK `ConversationTranscriber`). Give
 * `region`, or `host` for a Speech container, a sovereign cloud or a local fake. Key only (the
 * folder's README says why not Entra ID).
 */
export interface AzureLiveSpeechSettings {
  /** The Speech resource's region, e.g. `westeurope`: `wss://<region>.stt.speech.microsoft.com`. */
  region?: string;
  /** A `ws://` or `wss://` origin the SDK connects to instead (`SpeechConfig.fromHost`); overrides `region`. */
  host?: string;
  /** The resource's key (`Ocp-Apim-Subscription-Key`). */
  key: string;
  /** Ask for word timings (`requestWordLevelTimestamps`, detailed output). Default true. */
  wordTimestamps?: boolean;
}

export interface ResolvedAzureLiveSpeechSettings {
  region: string | undefined;
  host: URL | undefined;
  key: string;
  wordTimestamps: boolean;
}

function invalid(setting: string, message: string): ConfideError {
  return new ConfideError("validation.invalid_input", message, { details: { setting } });
}

/** Checks the settings; throws `validation.invalid_input` naming the setting (never its value). */
export function resolveAzureLiveSpeechSettings(settings: AzureLiveSpeechSettings): ResolvedAzureLiveSpeechSettings {
  if (settings.key.length === 0) throw invalid("key", "The Azure Speech key is empty.");
  let host: URL | undefined;
  if (settings.host !== undefined) {
    try {
      host = new URL(settings.host);
    } catch {
      throw invalid("host", "The Azure live speech host is not a URL.");
    }
    if (host.protocol !== "ws:" && host.protocol !== "wss:") throw invalid("host", "The Azure live speech host must be a ws:// or wss:// URL.");
  } else if (settings.region === undefined) {
    throw invalid("region", "The Azure live speech adapter needs a region or a host.");
  } else {
    const problem = regionProblem(settings.region);
    if (problem !== undefined) throw invalid("region", `The Azure Speech region ${problem}.`);
  }
  return { region: settings.region, host, key: settings.key, wordTimestamps: settings.wordTimestamps ?? true };
}
