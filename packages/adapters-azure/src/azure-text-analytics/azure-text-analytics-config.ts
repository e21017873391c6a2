import { ConfideError, invalidSetting, wholeNumberSetting } from "@confide/core/ports";
import type { TokenCredential } from "@azure/identity";
import type { TextAnalyticsClient, TextAnalyticsClientOptions } from "@azure/ai-text-analytics";

/** How long one request (one batch of ≤ 10 documents) may take, the SDK's retries included. */
export const defaultRequestTimeoutMs = 30_000;
/** The SDK's own retries per request (see README: off, so a 429's Retry-After reaches core). */
export const defaultMaxRetries = 0;

/**
 * Settings of the Azure Text Analytics language analyzer. Give `endpoint` (with `key`, or
 * signing in with `credential` / `DefaultAzureCredential`), or a ready `client`.
 */
export interface AzureTextAnalyticsSettings {
  /** The Language (or multi-service AI services) resource's endpoint, `https://<name>.cognitiveservices.azure.com`. */
  endpoint?: string;
  /** A resource key (`AzureKeyCredential`). Without it the analyzer signs in with Microsoft Entra ID. */
  key?: string;
  /** With `endpoint` and no key. Default: `DefaultAzureCredential` of `@azure/identity`, loaded when needed. */
  credential?: TokenCredential;
  /** A ready client (tests, custom pipelines); `endpoint`, `key`, `credential` and `clientOptions` are then unused. */
  client?: TextAnalyticsClient;
  /** Options of the client made from `endpoint` (`allowInsecureConnection` for a local http endpoint, proxy). */
  clientOptions?: TextAnalyticsClientOptions;
  /** Milliseconds one request may take, the SDK's retries included. Default 30,000. */
  requestTimeoutMs?: number;
  /** Retries the SDK makes itself for 429 (waiting Retry-After), 5xx and network errors. Default 0. */
  maxRetries?: number;
}

export type TextAnalyticsSource =
  | { kind: "key"; endpoint: string; key: string }
  | { kind: "credential"; endpoint: string; credential: TokenCredential | undefined }
  | { kind: "client"; client: TextAnalyticsClient };

export interface ResolvedAzureTextAnalyticsSettings {
  source: TextAnalyticsSource;
  clientOptions: TextAnalyticsClientOptions;
  requestTimeoutMs: number;
  maxRetries: number;
}

/**
 * Fills defaults and checks the settings.
 * @throws ConfideError `validation.invalid_input` naming the setting (never echoing the key).
 */
export function resolveAzureTextAnalyticsSettings(settings: AzureTextAnalyticsSettings): ResolvedAzureTextAnalyticsSettings {
  const requestTimeoutMs = wholeNumberSetting("requestTimeoutMs", settings.requestTimeoutMs, defaultRequestTimeoutMs, 1, 600_000);
  const maxRetries = wholeNumberSetting("maxRetries", settings.maxRetries, defaultMaxRetries, 0, 5);
  const clientOptions = settings.clientOptions ?? {};
  if (settings.client !== undefined) return { source: { kind: "client", client: settings.client }, clientOptions, requestTimeoutMs, maxRetries };
  const endpoint = settings.endpoint?.trim() ?? "";
  if (endpoint === "" || !URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    throw invalidSetting("endpoint", "The Azure Text Analytics endpoint must be an http(s) URL, e.g. https://<resource>.cognitiveservices.azure.com.");
  }
  if (settings.key !== undefined) {
    if (settings.key.trim() === "") throw invalidSetting("key", "The Azure Text Analytics key is empty.");
    return { source: { kind: "key", endpoint, key: settings.key.trim() }, clientOptions, requestTimeoutMs, maxRetries };
  }
  return { source: { kind: "credential", endpoint, credential: settings.credential }, clientOptions, requestTimeoutMs, maxRetries };
}
