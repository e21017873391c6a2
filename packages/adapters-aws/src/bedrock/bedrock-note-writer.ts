/**
 * NoteWriter on Amazon Bedrock (`CONFIDE_NOTES=bedrock`) through the Bedrock Runtime `Converse`
 * API (`@aws-sdk/client-bedrock-runtime`, imported when the writer is created). Structured
 * output is a tool: `toolConfig` holds one tool, `record_clinical_notes`, whose
 * `inputSchema.json` is the notes' JSON schema (`suggest_reflection` with the reflection's for a
 * live session's suggested reflection), asked as each model family's documentation allows
 * (`bedrock-tool-choice.ts`: `toolChoice.tool` for Claude 3+ and Nova, `any` for Mistral Large,
 * the default `auto` for Llama 3.1+; other families refused at start-up); the tool's `input` is
 * the answer. A model that answers text instead has that text read as the answer, checked and
 * repaired once if it is not the notes.
 * `stopReason` `max_tokens` is a cut-off answer; `guardrail_intervened` and `content_filtered`
 * are the service withholding it. Credentials and region come from the SDK's default chain.
 *
 * This module is the transport; the prompt per note format, the windows, the answer's check,
 * the repair and the mapping onto the port are `@confide/llm-notes`, as for the other LLM
 * writers. Nothing here logs, and the client is given no logger.
 */
import { parseSettings } from "@confide/core/adapter-kit";
import type { NoteWriter } from "@confide/core/ports";
import { createLlmNoteWriter, notesAnswerFormat, type ModelAnswer, type ModelRequest } from "@confide/llm-notes";
import type { ContentBlock, ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";
import { toBedrockError } from "./bedrock-errors.ts";
import { converseToolChoice, toolChoiceFor } from "./bedrock-tool-choice.ts";
import { bedrockSettings, type BedrockSettings } from "./settings.ts";

const provider = "bedrock";
/** The one tool the model is made to call for the notes; its input is the notes. */
export const notesToolName = notesAnswerFormat.tool;

/** The answer of one Converse call as the shared writer reads it: the input of the tool `toolName` (default the notes'), else the text. */
export function answerOf(output: ConverseCommandOutput, toolName = notesToolName): ModelAnswer {
  const blocks: ContentBlock[] = output.output?.message?.content ?? [];
  const toolUse = blocks.find((block) => block.toolUse?.name === toolName)?.toolUse;
  const text = blocks
    .map((block) => block.text ?? "")
    .join("")
    .trim();
  const stopReason = output.stopReason ?? "";
  return {
    content: toolUse?.input !== undefined ? JSON.stringify(toolUse.input) : text === "" ? null : text,
    stop: stopReason === "max_tokens" ? "truncated" : stopReason === "guardrail_intervened" || stopReason === "content_filtered" ? "filtered" : "complete",
    stopReason,
  };
}

/** The Bedrock NoteWriter (see the module comment). @throws ConfideError `validation.invalid_input` for bad settings. */
export async function createBedrockNoteWriter(input: BedrockSettings): Promise<NoteWriter> {
  const settings = parseSettings(bedrockSettings, input);
  const { modelId, temperature, timeoutMs, checkTimeoutMs, contextTokens, maxOutputTokens } = settings;
  const choice = toolChoiceFor(modelId, settings.toolChoice);

  const { BedrockRuntimeClient, ConverseCommand, ListAsyncInvokesCommand } = await import("@aws-sdk/client-bedrock-runtime");
  // Converse is one request and one answer: HTTP/1.1 as for the other AWS clients (this client's
  // default handler is HTTP/2, for the bidirectional streaming operations this writer does not use).
  const { NodeHttpHandler } = await import("@smithy/node-http-handler");
  const client =
    settings.client ??
    new BedrockRuntimeClient({
      ...(settings.region === undefined ? {} : { region: settings.region }),
      ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
      ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
      // Retries are core's policy (the same for every provider).
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: timeoutMs + 1_000, throwOnRequestTimeout: true }),
    });

  async function complete(request: ModelRequest & { signal: AbortSignal }): Promise<ModelAnswer> {
    const toolName = request.answerFormat.tool;
    const toolChoice = converseToolChoice(choice, toolName);
    const output = await client.send(
      new ConverseCommand({
        modelId,
        system: [{ text: request.system }],
        messages: request.messages.map((message) => ({ role: message.role, content: [{ text: message.content }] })),
        inferenceConfig: { maxTokens: maxOutputTokens, temperature },
        toolConfig: {
          tools: [
            {
              toolSpec: {
                name: toolName,
                description: request.answerFormat.description,
                inputSchema: { json: request.answerFormat.schema as never },
              },
            },
          ],
          ...(toolChoice === undefined ? {} : { toolChoice }),
        },
      }),
      { abortSignal: request.signal },
    );
    return answerOf(output, toolName);
  }

  return createLlmNoteWriter({
    provider,
    service: "Amazon Bedrock",
    model: modelId,
    contextTokens,
    maxOutputTokens,
    timeoutMs,
    checkTimeoutMs,
    complete,
    // A free authenticated read of Bedrock Runtime: the region's endpoint answers and the credentials sign.
    check: (abortSignal) => client.send(new ListAsyncInvokesCommand({ maxResults: 1 }), { abortSignal }),
    checkWhat: "the readiness check",
    toError: toBedrockError,
    async close() {
      if (settings.client === undefined) client.destroy();
    },
  });
}
