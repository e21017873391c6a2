/**
 * NoteWriter on an Azure OpenAI chat deployment (`CONFIDE_NOTES=azure-openai`), through the
 * official `openai` package's `AzureOpenAI` client (imported when the writer is created):
 * `POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…` with strict
 * JSON-schema structured output (`response_format: { type: "json_schema" }`). Sign-in by the
 * resource's key (`api-key` header) or, without one, Entra ID tokens for
 * `https://cognitiveservices.azure.com/.default` from `DefaultAzureCredential` (the shared
 * `azureTokenSource`, each token kept until two minutes before it expires).
 *
 * This module is the transport; the prompt per note format, the windows, the answer's check,
 * the repair and the mapping onto the port are `@confide/llm-notes`, as for the other LLM writers.
 * Nothing here logs, and the SDK's logging is off.
 */
import { ConfideError, invalidSetting, wholeNumberSetting, type NoteWriter } from "@confide/core/ports";
import type { TokenCredential } from "@azure/identity";
import { chatCompletionAnswer, createLlmNoteWriter, notesJsonSchema, notesJsonSchemaName, type ModelAnswer, type ModelRequest } from "@confide/llm-notes";
import { cognitiveServicesScope } from "../azure-speech/azure-speech-config.ts";
import { azureTokenSource } from "../entra-id/azure-token-source.ts";
import { toAzureOpenAiError } from "./azure-openai-errors.ts";

export interface AzureOpenAiNoteWriterSettings {
  /** The resource's endpoint, `https://<resource>.openai.azure.com`. */
  endpoint: string;
  /** The chat deployment's name. */
  deployment: string;
  /** The data-plane `api-version`. Default 2024-10-21. */
  apiVersion?: string;
  /** The resource's key; without it, Entra ID (`credential`, else `DefaultAzureCredential`). */
  key?: string;
  /** Entra ID credential instead of `DefaultAzureCredential` (tests, a managed identity of your choice). */
  credential?: TokenCredential;
  /** Longest wait for one request (a window or its repair). Default 120000. */
  timeoutMs?: number;
  /** Longest wait of `check()`. Default 5000. */
  checkTimeoutMs?: number;
  /** The deployment's context window in tokens. Default 128000. */
  contextTokens?: number;
  /** Tokens reserved for each answer (`max_tokens`). Default 4096. */
  maxOutputTokens?: number;
  /** Sampling temperature. Default 0.1. */
  temperature?: number;
}

const provider = "azure-openai";



/** The Azure OpenAI NoteWriter (see the module comment). @throws ConfideError `validation.invalid_input` for bad settings. */
export async function createAzureOpenAiNoteWriter(settings: AzureOpenAiNoteWriterSettings): Promise<NoteWriter> {
  let endpoint: URL;
  try {
    endpoint = new URL(settings.endpoint);
  } catch (error) {
    throw new ConfideError("validation.invalid_input", "The Azure OpenAI endpoint is not a valid URL.", { cause: error, details: { setting: "endpoint" } });
  }
  if (endpoint.protocol !== "https:" && endpoint.protocol !== "http:") throw invalidSetting("endpoint", "The Azure OpenAI endpoint must be https://.");
  const deployment = settings.deployment.trim();
  if (deployment === "") throw invalidSetting("deployment", "A deployment name is required.");
  const temperature = settings.temperature ?? 0.1;
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > 2) throw invalidSetting("temperature", "temperature must be between 0 and 2.");
  const timeoutMs = wholeNumberSetting("timeoutMs", settings.timeoutMs, 120_000, 1, 3_600_000);
  const checkTimeoutMs = wholeNumberSetting("checkTimeoutMs", settings.checkTimeoutMs, 5_000, 1, 600_000);
  const contextTokens = wholeNumberSetting("contextTokens", settings.contextTokens, 128_000, 1024, 10_000_000);
  const maxOutputTokens = wholeNumberSetting("maxOutputTokens", settings.maxOutputTokens, 4096, 256, 1_000_000);

  const { AzureOpenAI } = await import("openai");
  const token = settings.key === undefined ? azureTokenSource(settings.credential, cognitiveServicesScope, "Azure OpenAI", provider) : undefined;
  const client = new AzureOpenAI({
    endpoint: endpoint.href.replace(/\/+$/, ""),
    deployment,
    apiVersion: settings.apiVersion ?? "2024-10-21",
    ...(token === undefined ? { apiKey: settings.key } : { azureADTokenProvider: async () => (await token()).token }),
    // The shared writer's deadline ends each request; the SDK's own timeout only backs it up.
    timeout: timeoutMs + 1_000,
    // Retries are core's policy, with the service's retry-after.
    maxRetries: 0,
    // Its debug level logs request bodies (the transcript): never, whatever OPENAI_LOG says.
    logLevel: "off",
    organization: null,
    project: null,
  });

  async function complete(request: ModelRequest & { signal: AbortSignal }): Promise<ModelAnswer> {
    const answer = await client.chat.completions.create(
      {
        model: deployment,
        messages: [{ role: "system", content: request.system }, ...request.messages],
        temperature,
        max_tokens: maxOutputTokens,
        response_format: { type: "json_schema", json_schema: { name: notesJsonSchemaName, strict: true, schema: notesJsonSchema } },
      },
      { signal: request.signal },
    );
    return chatCompletionAnswer(answer);
  }

  return createLlmNoteWriter({
    provider,
    service: "Azure OpenAI",
    model: deployment,
    contextTokens,
    maxOutputTokens,
    timeoutMs,
    checkTimeoutMs,
    complete,
    check: (signal) => client.models.list({ signal }),
    checkWhat: "the model list",
    toError: toAzureOpenAiError,
  });
}
