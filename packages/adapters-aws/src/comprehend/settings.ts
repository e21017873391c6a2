import { z } from "zod";

/** The environment variables of the Amazon Comprehend language analyzer. Credentials are not among them: the SDK's default chain finds them. */
export const comprehendSettings = z
  .object({
    CONFIDE_COMPREHEND_REGION: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("Comprehend's region, e.g. `eu-west-1`")
      .meta({ shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    CONFIDE_COMPREHEND_ENDPOINT: z.url().optional().describe("another endpoint (a VPC endpoint); unset for Comprehend's own in the region"),
    CONFIDE_COMPREHEND_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1)
      .max(600_000)
      .default(30_000)
      .describe("milliseconds one request (≤ 25 documents) may take, the SDK's attempts included; past it the analysis fails retryable"),
    CONFIDE_COMPREHEND_MAX_ATTEMPTS: z.coerce
      .number()
      .int()
      .min(1)
      .max(5)
      .default(2)
      .describe("attempts the SDK makes per request for throttling, 5xx and network errors (1: no retry); then Confide's retry policy takes over"),
  })
  .describe("Amazon Comprehend");

export type ComprehendVariables = z.output<typeof comprehendSettings>;
