/**
 * NoteWriter over any OpenAI-compatible chat-completions server (`CONFIDE_NOTES=openai`, issue
 * 11): OpenAI, Azure OpenAI's v1 endpoint, vLLM, llama.cpp server, Ollama, LocalAI. The
 * transcript goes in as numbered lines `[segment id] role: text`, in overlapping windows that fit
 * the context; the answer is strict JSON-schema structured output in which every item cites
 * segment ids and the words it rests on. An answer that is not JSON or breaks the schema gets one
 * repair request (the problem sent back), then fails `provider.bad_response`. The windows' notes
 * are merged; core verifies every citation afterwards (this adapter drops nothing).
 *
 * Nothing here logs, and the SDK's own logging is off: neither the transcript nor the model's
 * words reach a log line or an error message.
 */
import { allNotAssessed, ConfideError, notAssessed, withDeadline, type NotesDraft, type NoteWriter, type NoteWriterInput, type NoteWriterResult, type SpeakerRole, invalidSetting } from "@confide/core";
import OpenAI, { APIError } from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { integerSetting } from "../settings/integer-setting.ts";
import { badResponse, errorFromRequest } from "./openai-notes-errors.ts";
import { openAiNotesPromptVersion, openAiNotesSystemPrompt, promptLine, repairMessage, windowMessage } from "./openai-notes-prompt.ts";
import { describeIssues, notesAnswer, notesFromAnswer, notesJsonSchema, notesJsonSchemaName, type SegmentTexts } from "./openai-notes-schema.ts";
import { estimateTokens, mergeWindowNotes, splitIntoWindows } from "./openai-notes-windows.ts";

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
/** Tokens kept free besides the estimate: chat template, message framing, the schema a server may inject. */
const framingTokens = 512;

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
  const windowTokens = contextTokens - maxOutputTokens - framingTokens - estimateTokens(openAiNotesSystemPrompt);
  if (windowTokens < 128) throw invalidSetting("contextTokens", "contextTokens leaves too little room for the transcript after the answer and the instructions.");
  return {
    baseURL: base.href.replace(/\/+$/, ""),
    model: settings.model.trim(),
    apiKey: settings.apiKey === undefined || settings.apiKey === "" ? noKey : settings.apiKey,
    timeoutMs: integerSetting("timeoutMs", settings.timeoutMs, 120_000, 1),
    checkTimeoutMs: integerSetting("checkTimeoutMs", settings.checkTimeoutMs, 5_000, 1),
    maxOutputTokens,
    windowTokens,
    overlapSegments: integerSetting("overlapSegments", settings.overlapSegments, 3, 0),
    temperature,
    maxRetries: integerSetting("maxRetries", settings.maxRetries, 0, 0),
    reasoningModel: settings.reasoningModel ?? false,
  };
}

/** What one answer's text is worth: the checked answer, or the problem (paths and rules, no values). */
function readAnswer(content: string | null | undefined, finishReason: string | null | undefined) {
  if (content === null || content === undefined || content.trim() === "") {
    return { ok: false as const, problem: `the answer was empty (finish reason ${finishReason ?? "none"})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    // The SyntaxError quotes the text: it is not passed on.
    const cut = finishReason === "length" ? " (cut off at the token limit)" : "";
    return { ok: false as const, problem: `the answer is not valid JSON${cut}` };
  }
  const checked = notesAnswer.safeParse(json);
  if (!checked.success) return { ok: false as const, problem: `the answer does not match the schema: ${describeIssues(checked.error)}` };
  return { ok: true as const, answer: checked.data };
}

/** The OpenAI-compatible NoteWriter (see the module comment). @throws ConfideError `validation.invalid_input` for bad settings. */
export function createOpenAiNoteWriter(settings: OpenAiNoteWriterSettings): NoteWriter {
  const resolved = resolve(settings);
  const client = new OpenAI({
    baseURL: resolved.baseURL,
    apiKey: resolved.apiKey,
    organization: null,
    project: null,
    // withDeadline ends each request; the SDK's own timeout only backs it up.
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

  async function complete(messages: ChatCompletionMessageParam[], what: string, signal: AbortSignal | undefined) {
    return withDeadline(
      resolved.timeoutMs,
      signal,
      async (deadline) => {
        // At most two lessons (the token limit, the temperature), then the answer stands.
        for (let lessons = 0; ; lessons += 1) {
          try {
            return await client.chat.completions.create(
              {
                model: resolved.model,
                messages,
                ...(sendsTemperature ? { temperature: resolved.temperature } : {}),
                [tokenLimit]: resolved.maxOutputTokens,
                response_format: { type: "json_schema", json_schema: { name: notesJsonSchemaName, strict: true, schema: notesJsonSchema } },
              },
              { signal: deadline },
            );
          } catch (error) {
            if (lessons < 2 && learnFrom(error)) continue;
            throw error;
          }
        }
      },
      (error, timedOutAfterMs) => errorFromRequest(error, what, timedOutAfterMs),
    );
  }

  /** One window: a request, and one repair request when the answer is unusable. */
  async function writeWindow(userMessage: string, texts: SegmentTexts, what: string, signal: AbortSignal | undefined) {
    const messages: ChatCompletionMessageParam[] = [
      { role: "system", content: openAiNotesSystemPrompt },
      { role: "user", content: userMessage },
    ];
    const first = await complete(messages, what, signal);
    const firstChoice = first.choices[0];
    let read = readAnswer(firstChoice?.message.content, firstChoice?.finish_reason);
    if (!read.ok) {
      const repair: ChatCompletionMessageParam[] = [
        ...messages,
        { role: "assistant", content: firstChoice?.message.content ?? "" },
        { role: "user", content: repairMessage(read.problem) },
      ];
      const second = await complete(repair, `the repair of ${what}`, signal);
      const secondChoice = second.choices[0];
      read = readAnswer(secondChoice?.message.content, secondChoice?.finish_reason);
      if (!read.ok) throw badResponse(read.problem);
    }
    return { notes: notesFromAnswer(read.answer, texts), model: typeof first.model === "string" && first.model !== "" ? first.model : resolved.model };
  }

  return {
    provider,
    async write(input: NoteWriterInput, options = {}): Promise<NoteWriterResult> {
      const signal = options.signal;
      if (signal?.aborted) throw new ConfideError("provider.interrupted", "Writing the notes was stopped.", { cause: signal.reason });
      const spoken = input.segments.filter((segment) => segment.text.trim() !== "");
      if (spoken.length === 0) {
        return { notes: allNotAssessed("The transcript has no speech."), model: resolved.model, promptVersion: openAiNotesPromptVersion };
      }
      const roleOf = new Map<string, SpeakerRole>(input.speakers.map((speaker) => [speaker.label, speaker.role]));
      const lines = spoken.map((segment) => promptLine(segment, roleOf.get(segment.speaker)));
      // One line break per line besides the text.
      const windows = splitIntoWindows(lines.map((line) => estimateTokens(line) + 1), resolved.windowTokens, resolved.overlapSegments);
      const texts: SegmentTexts = new Map(input.segments.map((segment) => [segment.id, segment.text]));
      const drafts: NotesDraft[] = [];
      let model = resolved.model;
      try {
        for (const [index, window] of windows.entries()) {
          const message = windowMessage(input, lines.slice(window.start, window.end), { index, count: windows.length });
          const what = windows.length === 1 ? "the notes" : `the notes of part ${index + 1} of ${windows.length}`;
          const written = await writeWindow(message, texts, what, signal);
          if (index === 0) model = written.model;
          drafts.push(written.notes);
        }
      } catch (error) {
        if (signal?.aborted) throw new ConfideError("provider.interrupted", "Writing the notes was stopped.", { cause: signal.reason });
        throw error;
      }
      return { notes: mergeWindowNotes(drafts), model, promptVersion: openAiNotesPromptVersion };
    },
    async check(options = {}) {
      try {
        await withDeadline(
          resolved.checkTimeoutMs,
          options.signal,
          (deadline) => client.models.list({ signal: deadline }),
          (error, timedOutAfterMs) => errorFromRequest(error, "the model list", timedOutAfterMs),
        );
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const reason = ConfideError.is(error) ? error.message : "the model server did not answer";
        throw new ConfideError("dependency.unavailable", `The notes model server is not usable: ${reason}`, { cause: error, details: { provider } });
      }
    },
    async close() {},
  };
}
