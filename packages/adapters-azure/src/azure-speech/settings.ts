import { isPassedObject, silentLogger } from "@confide/core/adapter-kit";
import type { Logger } from "@confide/core/ports";
import type { TokenCredential } from "@azure/identity";
import type { BlobServiceClient, StoragePipelineOptions } from "@azure/storage-blob";
import { z } from "zod";
import { checkedBy, connectionStringProblem, containerNameProblem } from "../azure-blob/settings.ts";
import { defaultStagingContainer } from "./azure-speech-staging-name.ts";
import { batchLimits } from "./azure-speech-submission.ts";

/** Why `region` is not an Azure region name; undefined when it is one. */
export function regionProblem(region: string): string | undefined {
  return /^[a-z][a-z0-9]{1,40}$/.test(region) ? undefined : "must be an Azure region name such as westeurope (lower-case letters and digits)";
}

const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * The settings of the Azure Speech batch transcription adapter: what `createAzureSpeechToText`
 * takes and what its environment variables set (each setting's `env`). Give `endpoint` or
 * `region`; `key`, or else Microsoft Entra ID through `credential` (with an endpoint).
 *
 * The staging container (`staging…`) is where recordings that are not in Azure Blob Storage (no
 * `readUrl`) are copied for the service to read, one blob per job, deleted when the job is
 * discarded or has ended; it is used when one of `stagingConnectionString`, `stagingAccountUrl`
 * and `stagingClient` is given. Without it such recordings are refused (`provider.unsupported`).
 * The container must let the store sign read URLs (an account key or Entra ID).
 */
export const azureSpeechSettings = z
  .object({
    /**
     * The Speech resource endpoint, e.g. `https://<resource>.cognitiveservices.azure.com`.
     * Overrides `region`. Needed for Entra ID sign-in (the regional endpoint takes keys only).
     */
    endpoint: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        "the Speech resource's endpoint (`https://<resource>.cognitiveservices.azure.com`); overrides `CONFIDE_AZURE_SPEECH_REGION`; required for Entra ID sign-in",
      )
      .meta({ env: "CONFIDE_AZURE_SPEECH_ENDPOINT", shownDefault: "— (this or the region is required)" }),
    /** The resource's region, e.g. `westeurope`: the endpoint `https://<region>.api.cognitive.microsoft.com`. */
    region: checkedBy(regionProblem)
      .optional()
      .describe("the Speech resource's region (`westeurope`): the endpoint `https://<region>.api.cognitive.microsoft.com` (key only)")
      .meta({ env: "CONFIDE_AZURE_SPEECH_REGION", shownDefault: "— (this or the endpoint is required)" }),
    /** Sent as `Ocp-Apim-Subscription-Key`. Without it: a bearer token from `credential`. */
    key: z
      .string()
      .min(1)
      .optional()
      .describe("the Speech resource's key (`Ocp-Apim-Subscription-Key`); without it, Entra ID sign-in with `DefaultAzureCredential`")
      .meta({ env: "CONFIDE_AZURE_SPEECH_KEY" }),
    /** Default: `DefaultAzureCredential` of `@azure/identity`, loaded when first needed. */
    credential: z.custom<TokenCredential>(isPassedObject).optional(),
    /**
     * Reads result files of a Speech resource with its own storage account (BYOS), whose result
     * URLs carry no SAS: a token for Azure Storage. Default: `credential`, else
     * `DefaultAzureCredential`. Unused while result URLs are signed.
     */
    storageCredential: z.custom<TokenCredential>(isPassedObject).optional(),
    /** The staging container's connection string (with `AccountKey`: a SAS-only one signs no read URLs). */
    stagingConnectionString: checkedBy(connectionStringProblem)
      .optional()
      .describe(
        "a storage account connection string (with `AccountKey`) for the staging container, where recordings not stored in Azure Blob Storage are copied for the service to read",
      )
      .meta({ env: "CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING" }),
    /** `https://<account>.blob.core.windows.net` of the staging container, signed in with `stagingCredential`. */
    stagingAccountUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe("`https://<account>.blob.core.windows.net` for the staging container, signed in with `DefaultAzureCredential`, instead of a connection string")
      .meta({ env: "CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL" }),
    stagingContainerName: checkedBy(containerNameProblem)
      .default(defaultStagingContainer)
      .describe("the staging container; staged copies are deleted when their job ends or is discarded")
      .meta({ env: "CONFIDE_AZURE_SPEECH_STAGING_CONTAINER" }),
    /** With `stagingAccountUrl`. Default: `DefaultAzureCredential`, loaded when needed. */
    stagingCredential: z.custom<TokenCredential>(isPassedObject).optional(),
    /** A ready client of the staging account (tests, custom pipelines), instead of a connection string or URL. */
    stagingClient: z.custom<BlobServiceClient>(isPassedObject).optional(),
    /** Options of the staging account's client (retries, `tlsOptions`, proxy). */
    stagingClientOptions: z.custom<StoragePipelineOptions>(isPassedObject).optional(),
    /** How long the read URL handed to the service stays valid. Default 24 hours (at most 7 days). */
    audioUrlExpiresInSeconds: wholeNumber(60, 7 * 24 * 3600).default(24 * 3600),
    /** `timeToLiveHours` of each job: the service deletes it by itself after that. Default 24 (6–744). */
    timeToLiveHours: wholeNumber(6, 744).default(24),
    /** Longest wait for one request. Default 30 s. */
    requestTimeoutMs: wholeNumber(1, 3_600_000).default(30_000),
    /** Shortest delay `poll` asks for between two polls of a running job. Default 5 s. */
    minPollIntervalMs: wholeNumber(0, 3_600_000).default(5_000),
    /** Longest delay `poll` asks for (a job waiting in the service's queue); at least `minPollIntervalMs`. Default 60 s. */
    maxPollIntervalMs: z.coerce
      .number<number>()
      .int()
      .min(5000)
      .max(3_600_000)
      .default(60_000)
      .describe("longest delay between two polls of one job (a fresh job is polled every 5 s, then less often as it ages)")
      .meta({ env: "CONFIDE_AZURE_SPEECH_MAX_POLL_INTERVAL_MS" }),
    /**
     * Least time between two sweeps of the jobs whose deletion the service refused while they ran
     * (marked "delete when finished"); a sweep runs at the first call after it. Default 10 minutes.
     */
    deferredDeletionSweepIntervalMs: wholeNumber(0, 24 * 3_600_000).default(10 * 60_000),
    /** Start of each job's `displayName` (then the submission time). Default "confide"; the cloud check names its run with it. */
    displayNamePrefix: z.string().default("confide"),
    /** Batch transcription's limits (`batchLimits`); lower ones for tests, never higher. */
    limits: z
      .object({
        maxFileBytes: z.number().int().min(1).max(batchLimits.maxFileBytes).default(batchLimits.maxFileBytes),
        maxDiarizedDurationMs: z.number().int().min(1).max(batchLimits.maxDiarizedDurationMs).default(batchLimits.maxDiarizedDurationMs),
      })
      .default(batchLimits),
    /** Replaces the global fetch (tests, proxies). */
    fetch: z.custom<typeof fetch>((value) => typeof value === "function").default(() => globalThis.fetch),
    /** Where a staged copy that could not be deleted at the end of its job is reported (by code, never a URL). Default: silent. */
    logger: z.custom<Logger>(isPassedObject).default(() => silentLogger),
  })
  .superRefine((settings, context) => {
    if (settings.endpoint === undefined && settings.region === undefined) {
      context.addIssue({
        code: "custom",
        path: ["endpoint"],
        message: "required by the azure-speech adapter, or CONFIDE_AZURE_SPEECH_REGION with a key",
      });
    }
    if (settings.key === undefined && settings.endpoint === undefined) {
      context.addIssue({
        code: "custom",
        path: ["endpoint"],
        message: "required for Entra ID sign-in (no CONFIDE_AZURE_SPEECH_KEY): regional endpoints take keys only",
      });
    }
    const staging = (["stagingConnectionString", "stagingAccountUrl", "stagingClient"] as const).filter((name) => settings[name] !== undefined);
    if (staging.length > 1) {
      context.addIssue({
        code: "custom",
        path: ["stagingConnectionString"],
        message: staging.includes("stagingClient")
          ? `give one of stagingConnectionString, stagingAccountUrl and stagingClient; got ${staging.join(", ")}`
          : "give either this or CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL, not both",
      });
    }
    if (settings.maxPollIntervalMs < settings.minPollIntervalMs) {
      context.addIssue({
        code: "custom",
        path: ["maxPollIntervalMs"],
        message: `must be a whole number from minPollIntervalMs (${settings.minPollIntervalMs}) to 3600000`,
      });
    }
  })
  .describe("Azure Speech batch transcription, REST API 2024-11-15");

/** What code creating the adapter passes (defaults may be left out). */
export type AzureSpeechSettings = z.input<typeof azureSpeechSettings>;
