import type { TokenCredential } from "@azure/identity";
import { z } from "zod";
import { passedObject } from "../azure-blob/settings.ts";

const positiveInteger = z.coerce.number<number>().int().positive();

/**
 * The settings of the Azure OpenAI NoteWriter: what `createAzureOpenAiNoteWriter` takes and what
 * its environment variables set (each setting's `env`). Sign-in by `key`, else Entra ID
 * (`credential`, else `DefaultAzureCredential`).
 */
export const azureOpenAiSettings = z
  .object({
    /** The resource's endpoint, `https://<resource>.openai.azure.com`. */
    endpoint: z
      .url({ protocol: /^https?$/ })
      .describe("the Azure OpenAI resource's endpoint, `https://<resource>.openai.azure.com` (setting it makes `azure-openai` the azure profile's notes writer)")
      .meta({ env: "CONFIDE_AZURE_OPENAI_ENDPOINT" }),
    /** The chat deployment's name. */
    deployment: z
      .string()
      .trim()
      .min(1)
      .describe("the chat model deployment's name; its model must support structured outputs (`json_schema`: gpt-4o 2024-08-06, gpt-4o-mini, gpt-4.1 and later)")
      .meta({ env: "CONFIDE_AZURE_OPENAI_DEPLOYMENT" }),
    /** The data-plane `api-version`. Default 2024-10-21. */
    apiVersion: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, { message: "must be an API version such as 2024-10-21" })
      .default("2024-10-21")
      .describe("the data-plane API version (`api-version`); 2024-10-21 is the first GA version with structured outputs")
      .meta({ env: "CONFIDE_AZURE_OPENAI_API_VERSION" }),
    /** The resource's key; without it, Entra ID (`credential`, else `DefaultAzureCredential`). */
    key: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("the resource's key (`api-key` header); without it, Entra ID sign-in with `DefaultAzureCredential` (role Cognitive Services OpenAI User)")
      .meta({ env: "CONFIDE_AZURE_OPENAI_KEY", shownDefault: "— (Entra ID)" }),
    /** Longest wait for one request (a window or its repair). Default 120000. */
    timeoutMs: positiveInteger
      .max(3_600_000)
      .default(120_000)
      .describe("milliseconds one request (one window of the transcript, or its repair) may take; past it the notes fail retryable")
      .meta({ env: "CONFIDE_AZURE_OPENAI_TIMEOUT_MS" }),
    /** The deployment's context window in tokens. Default 128000. */
    contextTokens: positiveInteger
      .min(4096)
      .max(10_000_000)
      .default(128_000)
      .describe("the deployment's context window; longer transcripts are sent in overlapping windows that fit it (tokens estimated as characters / 3)")
      .meta({ env: "CONFIDE_AZURE_OPENAI_CONTEXT_TOKENS" }),
    /** Tokens reserved for each answer (`max_tokens`). Default 4096. */
    maxOutputTokens: positiveInteger
      .min(256)
      .max(1_000_000)
      .default(4096)
      .describe("tokens kept for each answer (`max_tokens`)")
      .meta({ env: "CONFIDE_AZURE_OPENAI_MAX_OUTPUT_TOKENS" }),
    /** Sampling temperature. Default 0.1. */
    temperature: z.coerce
      .number<number>()
      .min(0)
      .max(2)
      .default(0.1)
      .describe("sampling temperature; keep it low")
      .meta({ env: "CONFIDE_AZURE_OPENAI_TEMPERATURE" }),
    /** Entra ID credential instead of `DefaultAzureCredential` (tests, a managed identity of your choice). */
    credential: passedObject<TokenCredential>().optional(),
    /** Longest wait of `check()`. Default 5000. */
    checkTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
  })
  .describe("Azure OpenAI chat completions with structured output");

/** What code creating the writer passes (defaults may be left out). */
export type AzureOpenAiSettings = z.input<typeof azureOpenAiSettings>;
