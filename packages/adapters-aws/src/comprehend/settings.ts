import { isPassedObject } from "@confide/core/adapter-kit";
import type { ComprehendClient } from "@aws-sdk/client-comprehend";
import { z } from "zod";

/**
 * The settings of the Amazon Comprehend language analyzer: what `createComprehendLanguageAnalyzer`
 * takes and what its environment variables set (each setting's `env`). Credentials are not among
 * the variables: the SDK's default provider chain finds them (role, SSO, profile, environment).
 */
export const comprehendSettings = z
  .object({
    region: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("Comprehend's region, e.g. `eu-west-1`")
      .meta({ env: "CONFIDE_COMPREHEND_REGION", shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    endpoint: z
      .url()
      .optional()
      .describe("another endpoint (a VPC endpoint); unset for Comprehend's own in the region")
      .meta({ env: "CONFIDE_COMPREHEND_ENDPOINT" }),
    requestTimeoutMs: z.coerce
      .number<number>()
      .int()
      .min(1)
      .max(600_000)
      .default(30_000)
      .describe("milliseconds one request (≤ 25 documents) may take, the SDK's attempts included; past it the analysis fails retryable")
      .meta({ env: "CONFIDE_COMPREHEND_TIMEOUT_MS" }),
    maxAttempts: z.coerce
      .number<number>()
      .int()
      .min(1)
      .max(5)
      .default(2)
      .describe("attempts the SDK makes per request for throttling, 5xx and network errors (1: no retry); then Confide's retry policy takes over")
      .meta({ env: "CONFIDE_COMPREHEND_MAX_ATTEMPTS" }),
    /** Milliseconds to wait for a connection. */
    connectionTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
    /** Static credentials (tests); default: the SDK's default provider chain. */
    credentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string(), sessionToken: z.string().optional() }).optional(),
    /** A ready client (tests); the settings above are then unused. */
    client: z.custom<ComprehendClient>(isPassedObject).optional(),
  })
  .describe("Amazon Comprehend");

/** What code creating the analyzer passes (defaults may be left out). */
export type ComprehendSettings = z.input<typeof comprehendSettings>;
