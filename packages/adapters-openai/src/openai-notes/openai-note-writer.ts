/**
 * NoteWriter over any OpenAI-compatible chat-completions server (`CONFIDE_NOTES=openai`, issue
 * 11): OpenAI, Azure OpenAI's v1 endpoint, vLLM, llama.cpp server, Ollama, LocalAI. This module
 * is the transport: one chat-completions request with strict JSON-schema structured output
 * (`response_format: { type: "json_schema" }`), and the model list as readiness. The prompt per
 * note format, the windows, the answer's check, the repair and the mapping onto the port are
 * `@confide/llm-notes`, shared with the Azure OpenAI and Bedrock writers.
 *
 * Nothing here logs, and the SDK's own logging is off: neither the transcript nor the model's
 * words reach a log line or an error message.
 */
import { parseSettings } from "@confide/core/adapter-kit";
import type { NoteWriter } from "@confide/core/ports";
import { chatCompletionAnswer, chatCompletionBody, createLlmNoteWriter, createModelKindParameters, type ModelAnswer, type ModelRequest } from "@confide/llm-notes";
import OpenAI from "openai";
import { errorFromRequest } from "./openai-notes-errors.ts";
import { openAiNotesSettings, type OpenAiNotesSettings } from "./settings.ts";

const provider = "openai";
/** The SDK insists on a key; this one is never sent (its header is removed). */
const noKey = "no-key";

/** The OpenAI-compatible NoteWriter (see the module comment). @throws ConfideError `validation.invalid_input` for bad settings. */
export function createOpenAiNoteWriter(settings: OpenAiNotesSettings): NoteWriter {
  const resolved = parseSettings(openAiNotesSettings, settings);
  // The API root without a trailing `/`; the placeholder key when none is set.
  const baseURL = new URL(resolved.baseUrl).href.replace(/\/+$/, "");
  const apiKey = resolved.apiKey ?? noKey;
  const client = new OpenAI({
    baseURL,
    apiKey,
    organization: null,
    project: null,
    // The shared writer's deadline ends each request; the SDK's own timeout only backs it up.
    timeout: resolved.timeoutMs + 1_000,
    maxRetries: resolved.maxRetries,
    // Its debug level logs request bodies (the transcript): never, whatever OPENAI_LOG says.
    logLevel: "off",
    // The SDK insists on a key; without one configured, its placeholder is not sent.
    ...(apiKey === noKey ? { defaultHeaders: { authorization: null } } : {}),
    ...(resolved.fetch === undefined ? {} : { fetch: resolved.fetch }),
  });

  // What the model takes: `max_completion_tokens` and no temperature for a reasoning model, learnt from its first refusal when not configured.
  const parameters = createModelKindParameters(resolved.reasoningModel, resolved.maxOutputTokens, resolved.temperature);

  /** One request as the shared writer asks it (within its deadline); `finish_reason` read as OpenAI documents it (`length`, `content_filter`). */
  async function complete(request: ModelRequest & { signal: AbortSignal }): Promise<ModelAnswer> {
    const answer = await parameters.send((kind) => client.chat.completions.create({ ...chatCompletionBody(resolved.model, request), ...kind }, { signal: request.signal }));
    return chatCompletionAnswer(answer);
  }

  return createLlmNoteWriter({
    provider,
    service: "The model server",
    model: resolved.model,
    contextTokens: resolved.contextTokens,
    maxOutputTokens: resolved.maxOutputTokens,
    overlapSegments: resolved.overlapSegments,
    timeoutMs: resolved.timeoutMs,
    checkTimeoutMs: resolved.checkTimeoutMs,
    complete,
    check: (signal) => client.models.list({ signal }),
    checkWhat: "the model list",
    toError: errorFromRequest,
  });
}
