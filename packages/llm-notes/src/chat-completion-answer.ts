import type { ModelAnswer, ModelRequest } from "./llm-note-writer.ts";

/** What the writers read of an OpenAI chat completion (the `openai` package's `ChatCompletion`, also Azure OpenAI's). */
export interface ChatCompletionLike {
  choices: { finish_reason?: string | null; message: { content?: string | null } }[];
  model?: unknown;
}

/**
 * A chat completion as the shared writer reads it: the first choice's content, and its
 * `finish_reason` as OpenAI documents it — `length` (the output limit cut it: truncated),
 * `content_filter` (withheld: filtered), anything else complete.
 */
export function chatCompletionAnswer(answer: ChatCompletionLike): ModelAnswer {
  const choice = answer.choices[0];
  const finishReason = choice?.finish_reason ?? "";
  return {
    content: choice?.message.content ?? null,
    stop: finishReason === "length" ? "truncated" : finishReason === "content_filter" ? "filtered" : "complete",
    stopReason: finishReason,
    model: typeof answer.model === "string" ? answer.model : undefined,
  };
}

/**
 * The body of an OpenAI chat-completions request for one of the shared writer's requests (also
 * Azure OpenAI's): its system prompt first, then its messages, and the answer's strict JSON schema
 * as `response_format`. The sampling parameters (`temperature`, `max_tokens` or a reasoning
 * model's `max_completion_tokens`) are the caller's.
 */
export function chatCompletionBody(model: string, request: Pick<ModelRequest, "system" | "messages" | "answerFormat">) {
  return {
    model,
    messages: [{ role: "system" as const, content: request.system }, ...request.messages],
    response_format: { type: "json_schema" as const, json_schema: { name: request.answerFormat.name, strict: true, schema: request.answerFormat.schema } },
  };
}
