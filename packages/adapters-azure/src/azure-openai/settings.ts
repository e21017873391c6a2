import { isPassedObject, switchText } from "@confide/core/adapter-kit";
import type { TokenCredential } from "@azure/identity";
import { z } from "zod";

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
    /**
     * The data-plane `api-version`. Default 2024-10-21 (GA, the first GA version with structured
     * outputs); 2025-03-01-preview for a reasoning deployment (the version "Azure OpenAI reasoning
     * models" recommends for every o-series model).
     */
    apiVersion: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, { message: "must be an API version such as 2024-10-21" })
      .optional()
      .describe("the data-plane API version (`api-version`); at least 2024-08-01-preview (structured outputs), for a reasoning deployment at least 2024-12-01-preview")
      .meta({ env: "CONFIDE_AZURE_OPENAI_API_VERSION", shownDefault: "`2024-10-21`; `2025-03-01-preview` for a reasoning deployment" }),
    /**
     * The deployment is a reasoning model (o-series, GPT-5): `max_completion_tokens`, no
     * temperature. False: learnt from the deployment's first 400 `unsupported_parameter`.
     */
    reasoningModel: z.preprocess(switchText, z.stringbool())
      .default(false)
      .describe(
        "`true` for a reasoning deployment (o-series, GPT-5): `max_completion_tokens` instead of `max_tokens`, no temperature, API version 2025-03-01-preview by default; `false` still learns the parameters from the deployment's first `unsupported_parameter` refusal",
      )
      .meta({ env: "CONFIDE_AZURE_OPENAI_REASONING_MODEL" }),
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
      .describe("tokens kept for each answer (`max_tokens`; `max_completion_tokens` for a reasoning deployment, whose reasoning spends part of it)")
      .meta({ env: "CONFIDE_AZURE_OPENAI_MAX_OUTPUT_TOKENS" }),
    /** Sampling temperature. Default 0.1. */
    temperature: z.coerce
      .number<number>()
      .min(0)
      .max(2)
      .default(0.1)
      .describe("sampling temperature; keep it low (not sent to a reasoning deployment, which takes none)")
      .meta({ env: "CONFIDE_AZURE_OPENAI_TEMPERATURE" }),
    /** Entra ID credential instead of `DefaultAzureCredential` (tests, a managed identity of your choice). */
    credential: z.custom<TokenCredential>(isPassedObject).optional(),
    /** Longest wait of `check()`. Default 5000. */
    checkTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
  })
  .superRefine((settings, context) => {
    const refusal = apiVersionRefusal(settings.apiVersion, settings.reasoningModel);
    if (refusal !== undefined) context.addIssue({ code: "custom", path: ["apiVersion"], message: refusal });
  })
  .describe("Azure OpenAI chat completions with structured output");

/** The first API version with `response_format: json_schema` ("How to use structured outputs with Azure OpenAI", "API support"). */
export const firstStructuredOutputApiVersion = "2024-08-01-preview";
/** The first API version "Azure OpenAI reasoning models" lists for the o-series ("`2024-12-01-preview` or later"). */
export const firstReasoningApiVersion = "2024-12-01-preview";
/** The API version of each kind of deployment when none is set. */
export const defaultApiVersions = { chat: "2024-10-21", reasoning: "2025-03-01-preview" } as const;

/** API versions in order of their date; a preview comes before the GA version of the same date. */
const versionOrder = (version: string) => `${version.slice(0, 10)}${version.endsWith("-preview") ? "0" : "1"}`;

/**
 * Why the documentation rules out `apiVersion` for the deployment's kind, in plain words.
 * @returns the refusal, or undefined when the version serves it (or none is set: the default does).
 */
export function apiVersionRefusal(apiVersion: string | undefined, reasoningModel: boolean): string | undefined {
  if (apiVersion === undefined) return undefined;
  if (versionOrder(apiVersion) < versionOrder(firstStructuredOutputApiVersion)) {
    return `API version ${apiVersion} cannot ask for the notes' structured output, which came with ${firstStructuredOutputApiVersion}; use ${defaultApiVersions.chat} or later`;
  }
  if (reasoningModel && versionOrder(apiVersion) < versionOrder(firstReasoningApiVersion)) {
    return `API version ${apiVersion} does not serve reasoning deployments, which need ${firstReasoningApiVersion} or later; use ${defaultApiVersions.reasoning} or leave the version unset`;
  }
  return undefined;
}

/** What code creating the writer passes (defaults may be left out). */
export type AzureOpenAiSettings = z.input<typeof azureOpenAiSettings>;
