import { z } from "zod";

const positiveInteger = z.coerce.number().int().positive();

/** The environment variables of the Azure OpenAI NoteWriter. */
export const azureOpenAiSettings = z
  .object({
    CONFIDE_AZURE_OPENAI_ENDPOINT: z
      .url({ protocol: /^https?$/ })
      .describe("the Azure OpenAI resource's endpoint, `https://<resource>.openai.azure.com` (setting it makes `azure-openai` the azure profile's notes writer)"),
    CONFIDE_AZURE_OPENAI_DEPLOYMENT: z
      .string()
      .trim()
      .min(1)
      .describe("the chat model deployment's name; its model must support structured outputs (`json_schema`: gpt-4o 2024-08-06, gpt-4o-mini, gpt-4.1 and later)"),
    CONFIDE_AZURE_OPENAI_API_VERSION: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, { message: "must be an API version such as 2024-10-21" })
      .default("2024-10-21")
      .describe("the data-plane API version (`api-version`); 2024-10-21 is the first GA version with structured outputs"),
    CONFIDE_AZURE_OPENAI_KEY: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("the resource's key (`api-key` header); without it, Entra ID sign-in with `DefaultAzureCredential` (role Cognitive Services OpenAI User)")
      .meta({ shownDefault: "— (Entra ID)" }),
    CONFIDE_AZURE_OPENAI_TIMEOUT_MS: positiveInteger
      .max(3_600_000)
      .default(120_000)
      .describe("milliseconds one request (one window of the transcript, or its repair) may take; past it the notes fail retryable"),
    CONFIDE_AZURE_OPENAI_CONTEXT_TOKENS: positiveInteger
      .min(4096)
      .default(128_000)
      .describe("the deployment's context window; longer transcripts are sent in overlapping windows that fit it (tokens estimated as characters / 3)"),
    CONFIDE_AZURE_OPENAI_MAX_OUTPUT_TOKENS: positiveInteger.min(256).default(4096).describe("tokens kept for each answer (`max_tokens`)"),
    CONFIDE_AZURE_OPENAI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1).describe("sampling temperature; keep it low"),
  })
  .describe("Azure OpenAI chat completions with structured output");

export type AzureOpenAiVariables = z.output<typeof azureOpenAiSettings>;
