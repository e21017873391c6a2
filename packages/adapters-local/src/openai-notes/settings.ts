import { z } from "zod";

const positiveInteger = z.coerce.number().int().positive();

/** The environment variables of the OpenAI-compatible NoteWriter. */
export const openAiNotesSettings = z
  .object({
    CONFIDE_OPENAI_NOTES_URL: z
      .url({ protocol: /^https?$/ })
      .describe(
        "API root of an OpenAI-compatible chat-completions server, with `/v1`: `https://api.openai.com/v1`, `https://<resource>.openai.azure.com/openai/v1`, vLLM `http://host:8000/v1`, llama.cpp `http://host:8080/v1`, Ollama `http://host:11434/v1`, LocalAI",
      ),
    CONFIDE_OPENAI_NOTES_MODEL: z.string().trim().min(1).describe("model name (the Azure deployment name); it must support JSON-schema structured output"),
    CONFIDE_OPENAI_NOTES_API_KEY: z.string().trim().min(1).optional().describe("bearer key, if the server needs one").meta({ shownDefault: "— (none sent)" }),
    CONFIDE_OPENAI_NOTES_TIMEOUT_MS: positiveInteger
      .max(3_600_000)
      .default(120_000)
      .describe("milliseconds one request (one window of the transcript, or its repair) may take; past it the notes fail retryable"),
    CONFIDE_OPENAI_NOTES_CONTEXT_TOKENS: positiveInteger
      .min(1024)
      .default(8192)
      .describe("the model's context window; longer transcripts are sent in overlapping windows that fit it (tokens estimated as characters / 3)"),
    CONFIDE_OPENAI_NOTES_MAX_OUTPUT_TOKENS: positiveInteger.min(256).default(2048).describe("tokens kept for each answer (`max_tokens`)"),
    CONFIDE_OPENAI_NOTES_REASONING_MODEL: z
      .stringbool()
      .default(false)
      .describe(
        "`true` for a reasoning model (o-series, GPT-5): `max_completion_tokens` instead of `max_tokens`, no temperature; `false` still learns it from the model's first `unsupported_parameter` refusal",
      ),
    CONFIDE_OPENAI_NOTES_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1).describe("sampling temperature; keep it low"),
    CONFIDE_OPENAI_NOTES_MAX_RETRIES: z.coerce
      .number()
      .int()
      .min(0)
      .max(5)
      .default(0)
      .describe("retries the SDK makes itself for 429, 5xx and connection errors; 0 hands them to Confide's retry policy with the server's Retry-After"),
  })
  .describe("an OpenAI-compatible chat-completions server with JSON-schema output");

export type OpenAiNotesVariables = z.output<typeof openAiNotesSettings>;
