import { ConfideError, invalidSetting, wholeNumberSetting } from "@confide/core/ports";
import type { ComprehendClient } from "@aws-sdk/client-comprehend";

/** How long one request (one batch of ≤ 25 documents) may take, the SDK's attempts included. */
export const defaultRequestTimeoutMs = 30_000;
/** Attempts per request: one SDK retry (throttling after ~0.5 s of jittered back-off, 5xx, network). */
export const defaultMaxAttempts = 2;
/** How long to wait for a connection. */
export const defaultConnectionTimeoutMs = 5_000;

/** Settings of the Amazon Comprehend language analyzer. Credentials: the SDK's default provider chain unless given. */
export interface ComprehendSettings {
  /** The region, e.g. `eu-west-1`; default: the SDK's (`AWS_REGION`, the shared config's profile). */
  region?: string;
  /** Another endpoint (a VPC endpoint, a local stand-in); default: Comprehend's for the region. */
  endpoint?: string;
  /** Static credentials (tests); default: the SDK's default provider chain (role, SSO, profile, environment). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A ready client (tests); the settings above are then unused. */
  client?: ComprehendClient;
  /** Milliseconds one request may take, the SDK's attempts included. Default 30,000. */
  requestTimeoutMs?: number;
  /** Attempts per request (1 = no SDK retry). Default 2. */
  maxAttempts?: number;
  /** Milliseconds to wait for a connection. Default 5,000. */
  connectionTimeoutMs?: number;
}

export interface ResolvedComprehendSettings {
  region: string | undefined;
  endpoint: string | undefined;
  credentials: ComprehendSettings["credentials"];
  client: ComprehendClient | undefined;
  requestTimeoutMs: number;
  maxAttempts: number;
  connectionTimeoutMs: number;
}

/** Fills defaults and checks the settings. @throws ConfideError `validation.invalid_input` naming the setting. */
export function resolveComprehendSettings(settings: ComprehendSettings): ResolvedComprehendSettings {
  if (settings.endpoint !== undefined && !URL.canParse(settings.endpoint)) throw invalidSetting("endpoint", "The Comprehend endpoint must be a URL.");
  if (settings.region !== undefined && settings.region.trim() === "") throw invalidSetting("region", "The Comprehend region is empty.");
  return {
    region: settings.region?.trim(),
    endpoint: settings.endpoint,
    credentials: settings.credentials,
    client: settings.client,
    requestTimeoutMs: wholeNumberSetting("requestTimeoutMs", settings.requestTimeoutMs, defaultRequestTimeoutMs, 1, 600_000),
    maxAttempts: wholeNumberSetting("maxAttempts", settings.maxAttempts, defaultMaxAttempts, 1, 5),
    connectionTimeoutMs: wholeNumberSetting("connectionTimeoutMs", settings.connectionTimeoutMs, defaultConnectionTimeoutMs, 1, 600_000),
  };
}
