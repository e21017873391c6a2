/**
 * What a chat-completions request may carry, by the kind of model behind it — the one rule the
 * OpenAI-compatible and the Azure OpenAI writers share. Reasoning models (OpenAI and Azure OpenAI
 * o-series, GPT-5) take `max_completion_tokens`, never `max_tokens`, and no sampling temperature:
 * Azure's "Azure OpenAI reasoning models" page says "Reasoning models will only work with the
 * `max_completion_tokens` parameter" and lists `temperature` and `max_tokens` under "Not
 * Supported". Other models (and self-hosted servers: vLLM, llama.cpp, Ollama) read `max_tokens`.
 *
 * The kind is a setting; left at "not a reasoning model", it is learnt from the service's first
 * 400 naming the parameter (`code: "unsupported_parameter"`, `param: "max_tokens"` — "Use
 * 'max_completion_tokens' instead"; `unsupported_parameter` or `unsupported_value` with
 * `param: "temperature"`), the request sent once more as the model asks, and remembered for the
 * writer's life.
 */

/** The parameters that depend on the model's kind. */
export interface ModelKindParameters {
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
}

/** What the `openai` client's `APIError` carries that the lesson reads. */
interface RefusalLike {
  status?: unknown;
  code?: unknown;
  param?: unknown;
}

/** Lessons one request may take (the token limit, then the temperature) before its answer stands. */
const maxLessons = 2;

/**
 * The kind-dependent parameters of one writer, learnt at most once per parameter.
 * @param reasoningModel the configured kind: true sends `max_completion_tokens` and no temperature from the first request.
 */
export function createModelKindParameters(reasoningModel: boolean, maxOutputTokens: number, temperature: number) {
  let tokenLimit: "max_tokens" | "max_completion_tokens" = reasoningModel ? "max_completion_tokens" : "max_tokens";
  let sendsTemperature = !reasoningModel;

  /** @returns true when the refusal named a parameter the model does not take (now dropped): send again. */
  function learnFrom(error: unknown): boolean {
    if (typeof error !== "object" || error === null) return false;
    const { status, code, param } = error as RefusalLike;
    if (status !== 400) return false;
    if (code === "unsupported_parameter" && param === "max_tokens" && tokenLimit === "max_tokens") {
      tokenLimit = "max_completion_tokens";
      return true;
    }
    if ((code === "unsupported_value" || code === "unsupported_parameter") && param === "temperature" && sendsTemperature) {
      sendsTemperature = false;
      return true;
    }
    return false;
  }

  /** The parameters to send now. */
  const current = (): ModelKindParameters => ({ ...(sendsTemperature ? { temperature } : {}), [tokenLimit]: maxOutputTokens });

  return {
    current,
    /**
     * Sends `request` with the current parameters; a 400 naming one the model does not take is
     * learnt and the request sent again (at most twice), any other failure thrown as is.
     */
    async send<Answer>(request: (parameters: ModelKindParameters) => Promise<Answer>): Promise<Answer> {
      for (let lessons = 0; ; lessons += 1) {
        try {
          return await request(current());
        } catch (error) {
          if (lessons < maxLessons && learnFrom(error)) continue;
          throw error;
        }
      }
    },
  };
}
