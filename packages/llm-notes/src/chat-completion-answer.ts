import type { ModelAnswer } from "./llm-note-writer.ts";

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
