/**
 * Amazon Bedrock Runtime for tests: a real HTTP server on 127.0.0.1 that the real
 * `@aws-sdk/client-bedrock-runtime` client talks to, speaking the REST-JSON protocol as the API
 * reference documents it:
 * - Converse (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html):
 *   `POST /model/{modelId}/converse` with `messages` (alternating, starting with `user`), `system`,
 *   `inferenceConfig` and `toolConfig` (`tools[].toolSpec.inputSchema.json`, `toolChoice.tool.name`
 *   naming one of them; https://docs.aws.amazon.com/bedrock/latest/userguide/tool-use.html);
 *   the answer is `output.message.content[]` (a `toolUse` block with the tool's `input`, or
 *   `text`), `stopReason` (`end_turn`, `tool_use`, `max_tokens`, `stop_sequence`,
 *   `guardrail_intervened`, `content_filtered`), `usage`, `metrics`.
 * - Errors (same page, "Errors", and "Common Errors"): `x-amzn-errortype` and `{ message }` —
 *   `ThrottlingException` 429, `ModelNotReadyException` 429, `ModelTimeoutException` 408,
 *   `ValidationException` 400, `AccessDeniedException` 403, `ResourceNotFoundException` 404,
 *   `InternalServerException` 500, `ServiceUnavailableException` 503, `ModelErrorException` 424;
 *   a missing or unknown SigV4 credential 403 (`MissingAuthenticationTokenException`,
 *   `UnrecognizedClientException`, `InvalidSignatureException`; signature not verified).
 * - Refusals it makes itself: an unknown model id (ValidationException "The provided model
 *   identifier is invalid."), a model the account has no access to (AccessDeniedException), a
 *   prompt longer than the model's context ("Input is too long for requested model."),
 *   `maxTokens` above the model's output limit, a conversation that does not start with `user` or
 *   does not alternate, a `toolChoice` naming no tool.
 * - `toolChoice` by model family ("ToolChoice - Amazon Bedrock", API reference): `tool` — "The
 *   Model must request the specified tool. Only supported by Anthropic Claude 3 and Amazon Nova
 *   models."; the page's earlier text — "ToolChoice is only supported by Anthropic Claude 3
 *   models and by Mistral AI Mistral Large." — so `any` for those and Mistral Large. Anything
 *   else is a ValidationException in the service's words: "This model doesn't support the
 *   toolConfig.toolChoice.tool field. Remove toolConfig.toolChoice.tool and try again." (the
 *   same for `any`). `auto` (the default, or no `toolChoice`) is any tool-use model's.
 * - `GET /async-invoke` (ListAsyncInvokes), a free authenticated read, for readiness.
 *
 * Its "model" reads the numbered transcript lines of the last user message as the OpenAI fake
 * does and answers the notes as the forced tool's input (`deriveFakeNotes`), or a reflection to
 * the reflection's tool (`deriveFakeReflection`).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AwsJsonError, checkSignature, fakeAwsCredentials, type FakeAwsCredentials } from "./aws-json-service.ts";
import { readBody, sendJson, startLocalHttpServer } from "./local-http-server.ts";
import { deriveFakeNotes, fakeModelAnswer, parsePromptLines, type FakeNotesAnswer, type FakeTranscriptLine } from "./openai-chat-server.ts";

export type FakeBedrockReply =
  /** The notes as the forced tool's input (`stopReason: "tool_use"`), changed by `edit`; after `delayMs`. */
  | { kind: "notes"; edit?: (notes: FakeNotesAnswer, lines: FakeTranscriptLine[]) => FakeNotesAnswer | void; delayMs?: number }
  /** A text block instead of the tool (`end_turn`). */
  | { kind: "text"; text: string }
  /** The tool's input cut off (half its fields), `stopReason: "max_tokens"`. */
  | { kind: "truncated" }
  /** A guardrail intervened: its blocked message as text, `stopReason: "guardrail_intervened"`. */
  | { kind: "guardrail" }
  /** The model's own filter withheld the answer: no content, `stopReason: "content_filtered"`. */
  | { kind: "content-filtered" }
  /** An error the service answers: its name, status and message. */
  | { kind: "error"; errorType: string; status: number; message?: string; retryAfter?: string }
  /** Reads the request, never answers. */
  | { kind: "hang" };

export interface ReceivedConverseRequest {
  modelId: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  /** The transcript lines of the last user message that has any. */
  lines: FakeTranscriptLine[];
}

export interface FakeBedrockRuntimeServer {
  url: string;
  region: string;
  credentials: FakeAwsCredentials;
  /**
   * Models it serves, by id, with their context and output limits; `access: false` is a model the
   * account has not enabled; `baseModel`, the foundation model behind an application inference profile.
   */
  models: Record<string, { contextTokens: number; maxOutputTokens: number; access?: boolean; baseModel?: string }>;
  reply: FakeBedrockReply | ((request: ReceivedConverseRequest, index: number) => FakeBedrockReply);
  /** Every Converse request that passed authentication, in arrival order. */
  received: ReceivedConverseRequest[];
  close(): Promise<void>;
}

/** The model id without a cross-region prefix (`eu.`, `us.`, `apac.`, `global.`) or an ARN's path. */
const baseModelId = (modelId: string) => modelId.replace(/^arn:[^/]*\//, "").replace(/^(eu|us|us-gov|apac|global|ca|jp|au)\./, "");
/** Families the ToolChoice page names: `tool` for Claude 3 and later and Nova; `any` also for Mistral Large. */
const forcesTool = (modelId: string) => /^(anthropic\.claude-(3|sonnet-4|opus-4|haiku-4|[4-9])|amazon\.nova-)/.test(baseModelId(modelId));
const takesAny = (modelId: string) => forcesTool(modelId) || /^mistral\.mistral-large/.test(baseModelId(modelId));

const errorStatus: Record<string, number> = {
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  IncompleteSignatureException: 403,
};

function sendError(response: ServerResponse, status: number, errorType: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, { message }, { "x-amzn-requestid": randomUUID(), "x-amzn-errortype": `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`, ...headers });
}

/** Text of a Converse message's content blocks, for the prompt reader. */
const textOf = (content: unknown) =>
  Array.isArray(content) ? content.map((block) => (typeof block?.text === "string" ? block.text : "")).join("\n") : "";

/** Tokens as the fake counts them: four characters a token. */
const tokensOf = (body: any) =>
  Math.ceil(([...(body.messages ?? []), { content: body.system ?? [] }] as Array<{ content: unknown }>).reduce((sum, message) => sum + textOf(message.content).length, 0) / 4);

function answer(content: unknown[], stopReason: string) {
  return {
    output: { message: { role: "assistant", content } },
    stopReason,
    usage: { inputTokens: 100, outputTokens: 100, totalTokens: 200 },
    metrics: { latencyMs: 42 },
  };
}

export async function startFakeBedrockRuntimeServer(
  options: { region?: string; models?: FakeBedrockRuntimeServer["models"]; reply?: FakeBedrockRuntimeServer["reply"] } = {},
): Promise<FakeBedrockRuntimeServer> {
  const fake: FakeBedrockRuntimeServer = {
    url: "",
    region: options.region ?? "eu-west-1",
    credentials: fakeAwsCredentials(),
    models: options.models ?? { "anthropic.claude-3-5-sonnet-20240620-v1:0": { contextTokens: 200_000, maxOutputTokens: 8192 } },
    reply: options.reply ?? { kind: "notes" },
    received: [],
    close: async () => {},
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const text = (await readBody(request)).toString("utf8");
    try {
      checkSignature(request.headers, { credentials: fake.credentials, signingName: "bedrock", region: fake.region });
    } catch (error) {
      if (!(error instanceof AwsJsonError)) throw error;
      sendError(response, errorStatus[error.type] ?? 403, error.type, error.message);
      return;
    }
    if (request.method === "GET" && path === "/async-invoke") {
      sendJson(response, 200, { asyncInvokeSummaries: [] }, { "x-amzn-requestid": randomUUID() });
      return;
    }
    const converse = /^\/model\/([^/]+)\/converse$/.exec(path);
    if (request.method !== "POST" || converse === null) {
      sendError(response, 404, "UnknownOperationException", `No operation at ${request.method} ${path}`);
      return;
    }
    const modelId = decodeURIComponent(converse[1]!);
    const model = fake.models[modelId];
    if (model === undefined) {
      sendError(response, 400, "ValidationException", "The provided model identifier is invalid.");
      return;
    }
    if (model.access === false) {
      sendError(response, 403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");
      return;
    }
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      sendError(response, 400, "SerializationException", "Unexpected content in the request body.");
      return;
    }
    const messages: Array<{ role: string; content: unknown }> = Array.isArray(body.messages) ? body.messages : [];
    if (messages.length === 0 || messages[0]!.role !== "user") {
      sendError(response, 400, "ValidationException", "A conversation must start with a user message. Try again with a conversation that starts with a user message.");
      return;
    }
    if (messages.some((message, index) => index > 0 && message.role === messages[index - 1]!.role)) {
      sendError(response, 400, "ValidationException", "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.");
      return;
    }
    const tools: Array<{ toolSpec?: { name?: string; inputSchema?: { json?: unknown } } }> = body.toolConfig?.tools ?? [];
    const forced = body.toolConfig?.toolChoice?.tool?.name;
    if (forced !== undefined && !tools.some((tool) => tool.toolSpec?.name === forced)) {
      sendError(response, 400, "ValidationException", "The tool specified in toolChoice is not in the list of tools.");
      return;
    }
    const choice = body.toolConfig?.toolChoice ?? {};
    const family = model.baseModel ?? modelId;
    const unsupported = choice.tool !== undefined && !forcesTool(family) ? "tool" : choice.any !== undefined && !takesAny(family) ? "any" : undefined;
    if (unsupported !== undefined) {
      sendError(response, 400, "ValidationException", `This model doesn't support the toolConfig.toolChoice.${unsupported} field. Remove toolConfig.toolChoice.${unsupported} and try again.`);
      return;
    }
    if (tools.some((tool) => typeof tool.toolSpec?.inputSchema?.json !== "object")) {
      sendError(response, 400, "ValidationException", "The value at toolConfig.tools.0.toolSpec.inputSchema.json must be a JSON object.");
      return;
    }
    const maxTokens = Number(body.inferenceConfig?.maxTokens ?? model.maxOutputTokens);
    if (maxTokens > model.maxOutputTokens) {
      sendError(response, 400, "ValidationException", `The maximum tokens you requested exceeds the model limit of ${model.maxOutputTokens}. Try again with a maximum tokens value that is lower than ${model.maxOutputTokens}.`);
      return;
    }
    if (tokensOf(body) + maxTokens > model.contextTokens) {
      sendError(response, 400, "ValidationException", "Input is too long for requested model.");
      return;
    }
    const received: ReceivedConverseRequest = {
      modelId,
      headers: { ...request.headers },
      body,
      lines: parsePromptLines(messages.map((message) => ({ role: message.role, content: textOf(message.content) }))),
    };
    const index = fake.received.push(received) - 1;
    const reply = typeof fake.reply === "function" ? fake.reply(received, index) : fake.reply;
    const toolName = forced ?? tools[0]?.toolSpec?.name ?? "notes";
    const toolUse = (input: unknown) => ({ toolUse: { toolUseId: `tooluse_${randomUUID().slice(0, 8)}`, name: toolName, input } });
    switch (reply.kind) {
      case "notes": {
        const notes = fakeModelAnswer(toolName, received.lines, reply.edit);
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        sendJson(response, 200, tools.length === 0 ? answer([{ text: JSON.stringify(notes) }], "end_turn") : answer([toolUse(notes)], "tool_use"));
        return;
      }
      case "text":
        sendJson(response, 200, answer([{ text: reply.text }], "end_turn"));
        return;
      case "truncated": {
        const entries = Object.entries(deriveFakeNotes(received.lines));
        sendJson(response, 200, answer([toolUse(Object.fromEntries(entries.slice(0, Math.floor(entries.length / 2))))], "max_tokens"));
        return;
      }
      case "guardrail":
        sendJson(response, 200, answer([{ text: "Sorry, the model cannot answer this question." }], "guardrail_intervened"));
        return;
      case "content-filtered":
        sendJson(response, 200, answer([], "content_filtered"));
        return;
      case "error":
        sendError(response, reply.status, reply.errorType, reply.message ?? `${reply.errorType}`, reply.retryAfter === undefined ? {} : { "retry-after": reply.retryAfter });
        return;
      case "hang":
        return;
    }
  }

  const listener = await startLocalHttpServer(handle, (response, error) => sendError(response, 500, "InternalServerException", `fake server: ${String(error)}`));
  fake.url = listener.url;
  fake.close = listener.close;
  return fake;
}
