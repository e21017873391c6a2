/**
 * NoteWriter on an Azure OpenAI chat deployment (`CONFIDE_NOTES=azure-openai`), through the
 * official `openai` package's `AzureOpenAI` client (imported when the writer is created):
 * `POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…` with strict
 * JSON-schema structured output (`response_format: { type: "json_schema" }`). Sign-in by the
 * resource's key (`api-key` header) or, without one, Entra ID tokens for
 * `https://cognitiveservices.azure.com/.default` from `DefaultAzureCredential` (the shared
 * `azureTokenSource`, each token kept until two minutes before it expires). A reasoning
 * deployment (o-series, GPT-5; `reasoningModel`, else learnt from its first 400) is sent
 * `max_completion_tokens` and no temperature, on an API version that serves it.
 *
 * This module is the transport; the prompt per note format, the windows, the answer's check,
 * the repair and the mapping onto the port are `@confide/llm-notes`, as for the other LLM writers.
 * Nothing here logs, and the SDK's logging is off.
 */
import { parseSettings } from "@confide/core/adapter-kit";
import type { NoteWriter } from "@confide/core/ports";
import { chatCompletionAnswer, chatCompletionBody, createLlmNoteWriter, createModelKindParameters, type ModelAnswer, type ModelRequest } from "@confide/llm-notes";
import { cognitiveServicesScope } from "../azure-speech/azure-speech-config.ts";
import { azureTokenSource } from "../entra-id/azure-token-source.ts";
import { toAzureOpenAiError } from "./azure-openai-errors.ts";
import { azureOpenAiSettings, defaultApiVersions, type AzureOpenAiSettings } from "./settings.ts";

const provider = "azure-openai";

/** The Azure OpenAI NoteWriter (see the module comment). @throws ConfideError `validation.invalid_input` for bad settings. */
export async function createAzureOpenAiNoteWriter(settings: AzureOpenAiSettings): Promise<NoteWriter> {
  const { endpoint, deployment, key, credential, temperature, timeoutMs, checkTimeoutMs, contextTokens, maxOutputTokens, reasoningModel, ...rest } = parseSettings(
    azureOpenAiSettings,
    settings,
  );
  const apiVersion = rest.apiVersion ?? (reasoningModel ? defaultApiVersions.reasoning : defaultApiVersions.chat);
  // What the deployment takes: `max_completion_tokens` and no temperature for a reasoning one, learnt from its first refusal when not set.
  const parameters = createModelKindParameters(reasoningModel, maxOutputTokens, temperature);

  const { AzureOpenAI } = await import("openai");
  const token = key === undefined ? azureTokenSource(credential, cognitiveServicesScope, "Azure OpenAI", provider) : undefined;
  const client = new AzureOpenAI({
    endpoint: new URL(endpoint).href.replace(/\/+$/, ""),
    deployment,
    apiVersion,
    ...(token === undefined ? { apiKey: key } : { azureADTokenProvider: async () => (await token()).token }),
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
    const answer = await parameters.send((kind) => client.chat.completions.create({ ...chatCompletionBody(deployment, request), ...kind }, { signal: request.signal }));
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
