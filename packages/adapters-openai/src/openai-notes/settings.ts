import { switchText } from "@confide/core/adapter-kit";
import { z } from "zod";

/** A whole number from code or from a variable's text. */
const wholeNumber = () => z.coerce.number<number>().int();

/**
 * The settings of the OpenAI-compatible NoteWriter: what `createOpenAiNoteWriter` takes and what
 * its environment variables set (each setting's `env`).
 */
export const openAiNotesSettings = z
  .object({
    /** The server's API root including `/v1`, e.g. `http://127.0.0.1:8000/v1`, `https://api.openai.com/v1`. */
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .describe(
        "API root of an OpenAI-compatible chat-completions server, with `/v1`: `https://api.openai.com/v1`, `https://<resource>.openai.azure.com/openai/v1`, vLLM `http://host:8000/v1`, llama.cpp `http://host:8080/v1`, Ollama `http://host:11434/v1`, LocalAI",
      )
      .meta({ env: "CONFIDE_OPENAI_NOTES_URL" }),
    /** The model name the server knows. */
    model: z
      .string()
      .trim()
      .min(1)
      .describe("model name (the Azure deployment name); it must support JSON-schema structured output")
      .meta({ env: "CONFIDE_OPENAI_NOTES_MODEL" }),
    /** Sent as `Authorization: Bearer …`; unset, no Authorization header is sent. */
    apiKey: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("bearer key, if the server needs one")
      .meta({ env: "CONFIDE_OPENAI_NOTES_API_KEY", shownDefault: "— (none sent)" }),
    /** Longest wait for one request (a window or a repair). */
    timeoutMs: wholeNumber()
      .positive()
      .max(3_600_000)
      .default(120_000)
      .describe("milliseconds one request (one window of the transcript, or its repair) may take; past it the notes fail retryable")
      .meta({ env: "CONFIDE_OPENAI_NOTES_TIMEOUT_MS" }),
    /** Longest wait of `check()`. */
    checkTimeoutMs: z.number().int().min(1).default(5_000),
    /** The model's context window in tokens: prompt, transcript window and answer together. */
    contextTokens: wholeNumber()
      .positive()
      .min(1024)
      .default(8192)
      .describe("the model's context window; longer transcripts are sent in overlapping windows that fit it (tokens estimated as characters / 3)")
      .meta({ env: "CONFIDE_OPENAI_NOTES_CONTEXT_TOKENS" }),
    /** Tokens reserved for the answer (sent as `max_tokens`, or `max_completion_tokens` to a reasoning model). */
    maxOutputTokens: wholeNumber()
      .positive()
      .min(256)
      .default(2048)
      .describe("tokens kept for each answer (`max_tokens`)")
      .meta({ env: "CONFIDE_OPENAI_NOTES_MAX_OUTPUT_TOKENS" }),
    /**
     * The model is a reasoning one (OpenAI / Azure OpenAI o-series, GPT-5): it takes
     * `max_completion_tokens`, not `max_tokens`, and only the default temperature. False: the
     * first 400 `unsupported_parameter` (or `unsupported_value` for the temperature) tells it,
     * and the request is sent once more as the model asks — remembered for the writer's life.
     */
    reasoningModel: z.preprocess(switchText, z.stringbool())
      .default(false)
      .describe(
        "`true` for a reasoning model (o-series, GPT-5): `max_completion_tokens` instead of `max_tokens`, no temperature; `false` still learns it from the model's first `unsupported_parameter` refusal",
      )
      .meta({ env: "CONFIDE_OPENAI_NOTES_REASONING_MODEL" }),
    /** Lines each window repeats from the one before. */
    overlapSegments: z.number().int().min(0).default(3),
    /** Sampling temperature. */
    temperature: z.coerce
      .number<number>()
      .min(0)
      .max(2)
      .default(0.1)
      .describe("sampling temperature; keep it low")
      .meta({ env: "CONFIDE_OPENAI_NOTES_TEMPERATURE" }),
    /** Retries the SDK makes itself (429, 5xx, connection); 0: Confide's retry policy does it. */
    maxRetries: wholeNumber()
      .min(0)
      .max(5)
      .default(0)
      .describe("retries the SDK makes itself for 429, 5xx and connection errors; 0 hands them to Confide's retry policy with the server's Retry-After")
      .meta({ env: "CONFIDE_OPENAI_NOTES_MAX_RETRIES" }),
    /** Replaces the global fetch (tests, proxies). */
    fetch: z.custom<typeof fetch>((value) => typeof value === "function").optional(),
  })
  .describe("an OpenAI-compatible chat-completions server with JSON-schema output");

/** What code creating the writer passes (defaults may be left out). */
export type OpenAiNotesSettings = z.input<typeof openAiNotesSettings>;
