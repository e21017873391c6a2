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
import { ConfideError, invalidSetting, type NoteWriter } from "@confide/core/ports";
import { chatCompletionAnswer, createLlmNoteWriter, notesJsonSchema, notesJsonSchemaName, type ModelAnswer, type ModelRequest } from "@confide/llm-notes";
import OpenAI, { APIError } from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { integerSetting } from "../settings/integer-setting.ts";
import { errorFromRequest } from "./openai-notes-errors.ts";

export interface OpenAiNoteWriterSettings {
  /** The server's API root including `/v1`, e.g. `http://127.0.0.1:8000/v1`, `https://api.openai.com/v1`. */
  baseUrl: string;
  /** The model name the server knows. */
  model: string;
  /** Sent as `Authorization: Bearer …`; unset, no Authorization header is sent. */
  apiKey?: string;
  /** Longest wait for one request (a window or a repair). Default 120000. */
  timeoutMs?: number;
  /** Longest wait of `check()`. Default 5000. */
  checkTimeoutMs?: number;
  /** The model's context window in tokens: prompt, transcript window and answer together. Default 8192. */
  contextTokens?: number;
  /** Tokens reserved for the answer (sent as `max_tokens`, or `max_completion_tokens` to a reasoning model). Default 2048. */
  maxOutputTokens?: number;
  /**
   * The model is a reasoning one (OpenAI / Azure OpenAI o-series, GPT-5): it takes
   * `max_completion_tokens`, not `max_tokens`, and only the default temperature. Default false:
   * the first 400 `unsupported_parameter` (or `unsupported_value` for the temperature) tells it,
   * and the request is sent once more as the model asks — remembered for the writer's life.
   */
  reasoningModel?: boolean;
  /** Lines each window repeats from the one before. Default 3. */
  overlapSegments?: number;
  /** Sampling temperature. Default 0.1. */
  temperature?: number;
  /** Retries the SDK makes itself (429, 5xx, connection). Default 0: Confide's retry policy does it. */
  maxRetries?: number;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

const provider = "openai";
/** The SDK insists on a key; this one is never sent (its header is removed). */
const noKey = "no-key";

function resolve(settings: OpenAiNoteWriterSettings) {
  let base: URL;
  try {
    base = new URL(settings.baseUrl);
  } catch (error) {
    throw new ConfideError("validation.invalid_input", "The model server URL (baseUrl) is not a valid URL.", { cause: error, details: { setting: "baseUrl" } });
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") throw invalidSetting("baseUrl", "The model server URL must be http:// or https://.");
  if (typeof settings.model !== "string" || settings.model.trim() === "") throw invalidSetting("model", "A model name is required.");
  const temperature = settings.temperature ?? 0.1;
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > 2) throw invalidSetting("temperature", "temperature must be between 0 and 2.");
  const contextTokens = integerSetting("contextTokens", settings.contextTokens, 8192, 1024);
  const maxOutputTokens = integerSetting("maxOutputTokens", settings.maxOutputTokens, 2048, 256);
  return {
    baseURL: base.href.replace(/\/+$/, ""),
    model: settings.model.trim(),
    apiKey: settings.apiKey === undefined || settings.apiKey === "" ? noKey : settings.apiKey,
    timeoutMs: integerSetting("timeoutMs", settings.timeoutMs, 120_000, 1),
    checkTimeoutMs: integerSetting("checkTimeoutMs", settings.checkTimeoutMs, 5_000, 1),
    contextTokens,
    maxOutputTokens,
    overlapSegments: integerSetting("overlapSegments", settings.overlapSegments, 3, 0),
    temperature,
    maxRetries: integerSetting("maxRetries", settings.maxRetries, 0, 0),
    reasoningModel: settings.reasoningModel ?? false,
  };
}

/** The OpenAI-compatible NoteWriter (see the module comment). @throws ConfideError `validation.invalid_input` for bad settings. */
export function createOpenAiNoteWriter(settings: OpenAiNoteWriterSettings): NoteWriter {
  const resolved = resolve(settings);
  const client = new OpenAI({
    baseURL: resolved.baseURL,
    apiKey: resolved.apiKey,
    organization: null,
    project: null,
    // The shared writer's deadline ends each request; the SDK's own timeout only backs it up.
    timeout: resolved.timeoutMs + 1_000,
    maxRetries: resolved.maxRetries,
    // Its debug level logs request bodies (the transcript): never, whatever OPENAI_LOG says.
    logLevel: "off",
    // The SDK insists on a key; without one configured, its placeholder is not sent.
    ...(resolved.apiKey === noKey ? { defaultHeaders: { authorization: null } } : {}),
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
  });

  // What the model takes, learnt from its first refusal when not configured (see `reasoningModel`).
  let tokenLimit: "max_tokens" | "max_completion_tokens" = resolved.reasoningModel ? "max_completion_tokens" : "max_tokens";
  let sendsTemperature = !resolved.reasoningModel;

  /**
   * Learns from a 400 naming a parameter the model does not take (OpenAI and Azure OpenAI:
   * `code: "unsupported_parameter"`, `param: "max_tokens"` — "Use 'max_completion_tokens'
   * instead"; `unsupported_value` for a temperature other than 1).
   * @returns true when the request should be sent again as the model asks.
   */
  function learnFrom(error: unknown): boolean {
    if (!(error instanceof APIError) || error.status !== 400) return false;
    if (error.code === "unsupported_parameter" && error.param === "max_tokens" && tokenLimit === "max_tokens") {
      tokenLimit = "max_completion_tokens";
      return true;
    }
    if ((error.code === "unsupported_value" || error.code === "unsupported_parameter") && error.param === "temperature" && sendsTemperature) {
      sendsTemperature = false;
      return true;
    }
    return false;
  }

  /** One request as the shared writer asks it (within its deadline); `finish_reason` read as OpenAI documents it (`length`, `content_filter`). */
  async function complete(request: ModelRequest & { signal: AbortSignal }): Promise<ModelAnswer> {
    const messages: ChatCompletionMessageParam[] = [{ role: "system", content: request.system }, ...request.messages];
    // At most two lessons (the token limit, the temperature), then the answer stands.
    for (let lessons = 0; ; lessons += 1) {
      try {
        const answer = await client.chat.completions.create(
          {
            model: resolved.model,
            messages,
            ...(sendsTemperature ? { temperature: resolved.temperature } : {}),
            [tokenLimit]: resolved.maxOutputTokens,
            response_format: { type: "json_schema", json_schema: { name: notesJsonSchemaName, strict: true, schema: notesJsonSchema } },
          },
          { signal: request.signal },
        );
        return chatCompletionAnswer(answer);
      } catch (error) {
        if (lessons < 2 && learnFrom(error)) continue;
        throw error;
      }
    }
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
