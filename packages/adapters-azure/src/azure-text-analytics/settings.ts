import { z } from "zod";

/** The environment variables of the Azure Text Analytics language analyzer. */
export const azureTextAnalyticsSettings = z
  .object({
    CONFIDE_AZURE_LANGUAGE_ENDPOINT: z
      .url({ protocol: /^https?$/ })
      .describe("the Language resource's endpoint, `https://<resource>.cognitiveservices.azure.com`"),
    CONFIDE_AZURE_LANGUAGE_KEY: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe(
        "a key of the Language resource; unset: sign in with Microsoft Entra ID (`DefaultAzureCredential`: managed identity, `AZURE_*` variables, developer sign-in) with the role Cognitive Services User",
      )
      .meta({ shownDefault: "— (Entra ID sign-in)" }),
    CONFIDE_AZURE_LANGUAGE_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1)
      .max(600_000)
      .default(30_000)
      .describe("milliseconds one request (≤ 10 documents) may take, the SDK's retries included; past it the analysis fails retryable"),
    CONFIDE_AZURE_LANGUAGE_MAX_RETRIES: z.coerce
      .number()
      .int()
      .min(0)
      .max(5)
      .default(0)
      .describe("retries the SDK makes itself for 429 and 5xx; 0 hands them to Confide's retry policy with the service's Retry-After"),
  })
  .describe("Azure AI Language Text Analytics");

export type AzureTextAnalyticsVariables = z.output<typeof azureTextAnalyticsSettings>;
