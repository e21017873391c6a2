import { ConfideError, silentLogger, type Logger, invalidSetting, wholeNumberSetting } from "@confide/core/ports";
import type { TokenCredential } from "@azure/identity";
import type { AzureBlobStoreSettings } from "../azure-blob/azure-blob-config.ts";

/** The REST API version every request names. */
export const speechApiVersion = "2024-11-15";
/** The Microsoft Entra ID scope of Azure AI services (Cognitive Services). */
export const cognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

/**
 * Settings of the Azure Speech batch transcription adapter. Give `endpoint` or `region`;
 * `key`, or else Microsoft Entra ID through `credential`.
 */
export interface AzureSpeechSettings {
  /**
   * The Speech resource endpoint, e.g. `https://<resource>.cognitiveservices.azure.com`.
   * Overrides `region`. Needed for Entra ID sign-in (the regional endpoint takes keys only).
   */
  endpoint?: string;
  /** The resource's region, e.g. `westeurope`: the endpoint `https://<region>.api.cognitive.microsoft.com`. */
  region?: string;
  /** Sent as `Ocp-Apim-Subscription-Key`. Without it: a bearer token from `credential`. */
  key?: string;
  /** Default: `DefaultAzureCredential` of `@azure/identity`, loaded when first needed. */
  credential?: TokenCredential;
  /**
   * Reads result files of a Speech resource with its own storage account (BYOS), whose result
   * URLs carry no SAS: a token for Azure Storage. Default: `credential`, else
   * `DefaultAzureCredential`. Unused while result URLs are signed.
   */
  storageCredential?: TokenCredential;
  /**
   * Where recordings that are not in Azure Blob Storage (no `readUrl`) are copied for the
   * service to read, one blob per job, deleted when the job is discarded or has ended.
   * Without it such recordings are refused (`provider.unsupported`). The container must let
   * the store sign read URLs (an account key or Entra ID).
   */
  staging?: Pick<AzureBlobStoreSettings, "connectionString" | "accountUrl" | "credential" | "client" | "clientOptions" | "containerName">;
  /** How long the read URL handed to the service stays valid. Default 24 hours (at most 7 days). */
  audioUrlExpiresInSeconds?: number;
  /** `timeToLiveHours` of each job: the service deletes it by itself after that. Default 24 (6–744). */
  timeToLiveHours?: number;
  /** Longest wait for one request. Default 30 s. */
  requestTimeoutMs?: number;
  /** Shortest delay `poll` asks for between two polls of a running job. Default 5 s. */
  minPollIntervalMs?: number;
  /** Longest delay `poll` asks for (a job waiting in the service's queue). Default 60 s. */
  maxPollIntervalMs?: number;
  /**
   * Least time between two sweeps of the jobs whose deletion the service refused while they ran
   * (marked "delete when finished"); a sweep runs at the first call after it. Default 10 minutes.
   */
  deferredDeletionSweepIntervalMs?: number;
  /** Start of each job's `displayName` (then the submission time). Default "confide"; the cloud check names its run with it. */
  displayNamePrefix?: string;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
  /** Where a staged copy that could not be deleted at the end of its job is reported (by code, never a URL). Default: silent. */
  logger?: Logger;
}

export interface ResolvedAzureSpeechSettings {
  /** The endpoint without a trailing slash. */
  endpoint: string;
  key: string | undefined;
  credential: TokenCredential | undefined;
  storageCredential: TokenCredential | undefined;
  staging: AzureSpeechSettings["staging"];
  audioUrlExpiresInSeconds: number;
  timeToLiveHours: number;
  requestTimeoutMs: number;
  minPollIntervalMs: number;
  maxPollIntervalMs: number;
  deferredDeletionSweepIntervalMs: number;
  displayNamePrefix: string;
  fetch: typeof fetch;
  logger: Logger;
}

/** Why `region` is not an Azure region name; undefined when it is one. */
export function regionProblem(region: string): string | undefined {
  return /^[a-z][a-z0-9]{1,40}$/.test(region) ? undefined : "must be an Azure region name such as westeurope (lower-case letters and digits)";
}

/** Fills the defaults and checks the settings. @throws ConfideError `validation.invalid_input` naming the setting. */
export function resolveAzureSpeechSettings(settings: AzureSpeechSettings): ResolvedAzureSpeechSettings {
  let endpoint: string;
  if (settings.endpoint !== undefined) {
    if (!URL.canParse(settings.endpoint) || !/^https?:$/.test(new URL(settings.endpoint).protocol)) {
      throw invalidSetting("endpoint", "The Speech endpoint must be an http(s) URL such as https://<resource>.cognitiveservices.azure.com.");
    }
    endpoint = settings.endpoint.replace(/\/+$/, "");
  } else if (settings.region !== undefined) {
    const problem = regionProblem(settings.region);
    if (problem !== undefined) throw invalidSetting("region", `The Speech region ${problem}.`);
    endpoint = `https://${settings.region}.api.cognitive.microsoft.com`;
  } else {
    throw invalidSetting("endpoint", "Azure Speech needs an endpoint or a region.");
  }
  const key = settings.key === "" ? undefined : settings.key;
  const minPollIntervalMs = wholeNumberSetting("minPollIntervalMs", settings.minPollIntervalMs, 5_000, 0, 3_600_000);
  return {
    endpoint,
    key,
    credential: settings.credential,
    storageCredential: settings.storageCredential,
    staging: settings.staging,
    audioUrlExpiresInSeconds: wholeNumberSetting("audioUrlExpiresInSeconds", settings.audioUrlExpiresInSeconds, 24 * 3600, 60, 7 * 24 * 3600),
    timeToLiveHours: wholeNumberSetting("timeToLiveHours", settings.timeToLiveHours, 24, 6, 744),
    requestTimeoutMs: wholeNumberSetting("requestTimeoutMs", settings.requestTimeoutMs, 30_000, 1, 3_600_000),
    minPollIntervalMs,
    maxPollIntervalMs: wholeNumberSetting("maxPollIntervalMs", settings.maxPollIntervalMs, 60_000, minPollIntervalMs, 3_600_000),
    deferredDeletionSweepIntervalMs: wholeNumberSetting("deferredDeletionSweepIntervalMs", settings.deferredDeletionSweepIntervalMs, 10 * 60_000, 0, 24 * 3_600_000),
    displayNamePrefix: settings.displayNamePrefix ?? "confide",
    fetch: settings.fetch ?? globalThis.fetch,
    logger: settings.logger ?? silentLogger,
  };
}
