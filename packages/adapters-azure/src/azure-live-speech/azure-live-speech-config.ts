import { ConfideError, invalidSetting } from "@confide/core/ports";
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
  /**
   * Audio one connection carries before the recognition moves to a new one: real-time
   * diarization handles at most 240 minutes (Speech quotas and limits). Default 235 minutes.
   */
  maxConnectionAudioMs?: number;
}

export interface ResolvedAzureLiveSpeechSettings {
  region: string | undefined;
  host: URL | undefined;
  key: string;
  wordTimestamps: boolean;
  maxConnectionAudioMs: number;
}

/** Checks the settings; throws `validation.invalid_input` naming the setting (never its value). */
export function resolveAzureLiveSpeechSettings(settings: AzureLiveSpeechSettings): ResolvedAzureLiveSpeechSettings {
  if (settings.key.length === 0) throw invalidSetting("key", "The Azure Speech key is empty.");
  let host: URL | undefined;
  if (settings.host !== undefined) {
    try {
      host = new URL(settings.host);
    } catch {
      throw invalidSetting("host", "The Azure live speech host is not a URL.");
    }
    if (host.protocol !== "ws:" && host.protocol !== "wss:") throw invalidSetting("host", "The Azure live speech host must be a ws:// or wss:// URL.");
  } else if (settings.region === undefined) {
    throw invalidSetting("region", "The Azure live speech adapter needs a region or a host.");
  } else {
    const problem = regionProblem(settings.region);
    if (problem !== undefined) throw invalidSetting("region", `The Azure Speech region ${problem}.`);
  }
  const maxConnectionAudioMs = settings.maxConnectionAudioMs ?? 235 * 60_000;
  if (!Number.isInteger(maxConnectionAudioMs) || maxConnectionAudioMs < 1_000 || maxConnectionAudioMs > 240 * 60_000) {
    throw invalidSetting("maxConnectionAudioMs", "maxConnectionAudioMs is a whole number of milliseconds from 1,000 to 240 minutes.");
  }
  return { region: settings.region, host, key: settings.key, wordTimestamps: settings.wordTimestamps ?? true, maxConnectionAudioMs };
}
