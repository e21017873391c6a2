import { isPassedObject } from "@confide/core/adapter-kit";
import type { TextAnalyticsClient, TextAnalyticsClientOptions } from "@azure/ai-text-analytics";
import type { TokenCredential } from "@azure/identity";
import { z } from "zod";

/**
 * The settings of the Azure Text Analytics language analyzer: what
 * `createAzureTextAnalyticsLanguageAnalyzer` takes and what its environment variables set (each
 * setting's `env`). `endpoint` with `key`, or signing in with `credential` /
 * `DefaultAzureCredential`; or a ready `client`.
 */
export const azureTextAnalyticsSettings = z
  .object({
    /** The Language (or multi-service AI services) resource's endpoint, `https://<name>.cognitiveservices.azure.com`. */
    endpoint: z
      .url({ protocol: /^https?$/ })
      .describe("the Language resource's endpoint, `https://<resource>.cognitiveservices.azure.com`")
      .meta({ env: "CONFIDE_AZURE_LANGUAGE_ENDPOINT" }),
    /** A resource key (`AzureKeyCredential`). Without it the analyzer signs in with Microsoft Entra ID. */
    key: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe(
        "a key of the Language resource; unset: sign in with Microsoft Entra ID (`DefaultAzureCredential`: managed identity, `AZURE_*` variables, developer sign-in) with the role Cognitive Services User",
      )
      .meta({ env: "CONFIDE_AZURE_LANGUAGE_KEY", shownDefault: "— (Entra ID sign-in)" }),
    /** Milliseconds one request (one batch of ≤ 10 documents) may take, the SDK's retries included. Default 30,000. */
    requestTimeoutMs: z.coerce
      .number<number>()
      .int()
      .min(1)
      .max(600_000)
      .default(30_000)
      .describe("milliseconds one request (≤ 10 documents) may take, the SDK's retries included; past it the analysis fails retryable")
      .meta({ env: "CONFIDE_AZURE_LANGUAGE_TIMEOUT_MS" }),
    /** Retries the SDK makes itself for 429 (waiting Retry-After), 5xx and network errors (see README: off, so a 429's Retry-After reaches core). Default 0. */
    maxRetries: z.coerce
      .number<number>()
      .int()
      .min(0)
      .max(5)
      .default(0)
      .describe("retries the SDK makes itself for 429 and 5xx; 0 hands them to Confide's retry policy with the service's Retry-After")
      .meta({ env: "CONFIDE_AZURE_LANGUAGE_MAX_RETRIES" }),
    /** With `endpoint` and no key. Default: `DefaultAzureCredential` of `@azure/identity`, loaded when needed. */
    credential: z.custom<TokenCredential>(isPassedObject).optional(),
    /** A ready client (tests, custom pipelines); `endpoint`, `key`, `credential` and `clientOptions` are then unused. */
    client: z.custom<TextAnalyticsClient>(isPassedObject).optional(),
    /** Options of the client made from `endpoint` (`allowInsecureConnection` for a local http endpoint, proxy). */
    clientOptions: z.custom<TextAnalyticsClientOptions>(isPassedObject).optional(),
  })
  .describe("Azure AI Language Text Analytics");

/** What code creating the analyzer passes (defaults may be left out). */
export type AzureTextAnalyticsSettings = z.input<typeof azureTextAnalyticsSettings>;
