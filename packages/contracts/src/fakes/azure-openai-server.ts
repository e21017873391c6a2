/**
 * Azure OpenAI's data plane for tests: a real HTTP server on 127.0.0.1 that the real `openai`
 * package's `AzureOpenAI` client talks to, answering as the service documents it:
 * - Chat completions REST reference (api-version 2024-10-21):
 *   https://learn.microsoft.com/azure/ai-services/openai/reference#chat-completions —
 *   `POST {endpoint}/openai/deployments/{deployment-id}/chat/completions?api-version=…`, auth by
 *   `api-key: <key>` or `Authorization: Bearer <Entra ID token>`; `response_format` of type
 *   `json_schema` (structured outputs:
 *   https://learn.microsoft.com/azure/ai-services/openai/how-to/structured-outputs);
 *   `finish_reason` `stop`, `length` (the output limit cut the answer) or `content_filter`.
 * - Content filtering (https://learn.microsoft.com/azure/ai-services/openai/concepts/content-filter):
 *   a prompt the filter refuses is HTTP 400 with `error.code: "content_filter"`, `param: "prompt"`
 *   and `innererror.code: "ResponsibleAIPolicyViolation"` with `content_filter_result`; an answer
 *   it withholds is 200 with `finish_reason: "content_filter"`.
 * - Quotas (https://learn.microsoft.com/azure/ai-services/openai/quotas-limits and "Manage
 *   quota"): 429 with `retry-after` (seconds) and `retry-after-ms`.
 * - Refusals it makes itself: a missing or wrong key/token → 401 with the gateway's body; an
 *   unknown deployment → 404 `DeploymentNotFound`; an API version it does not serve → 404
 *   "Resource not found"; a prompt longer than the deployment's context → 400
 *   `context_length_exceeded`; a request without JSON-schema `response_format` → 400.
 * - Reasoning deployments (a model named `o<digit>…` or `gpt-5…`), as "Azure OpenAI reasoning
 *   models" (how-to/reasoning, "API & feature support") documents them: "Reasoning models will
 *   only work with the `max_completion_tokens` parameter", and under "Not Supported":
 *   "`temperature`, `top_p`, `presence_penalty`, `frequency_penalty`, `logprobs`, `top_logprobs`,
 *   `logit_bias`, `max_tokens`" — each refused with 400 `unsupported_parameter` naming it, the body
 *   the service answers ("Unsupported parameter: 'max_tokens' is not supported with this model.
 *   Use 'max_completion_tokens' instead."). Their API version row reads "`2024-12-01-preview` or
 *   later": an older one is 400 `BadRequest` "Model … is enabled only for api versions
 *   2024-12-01-preview and later".
 * - A `json_schema.name` not of a-z, A-Z, 0-9, `_` and `-`, at most 64 characters (the API
 *   reference's `TextResponseFormatJsonSchema.name`): 400 (`responseFormatNameRefusal`).
 * - A `json_schema` outside the structured-output subset (see `structured-output-subset.ts`,
 *   "How to use structured outputs with Azure OpenAI"): 400 "Invalid schema for response_format
 *   '<name>': …", `param: "response_format"`, the form of the service's schema refusals.
 * - `GET {endpoint}/openai/models?api-version=…` (Models - List) for readiness.
 *
 * Its "model" is the OpenAI fake's: it reads the numbered transcript lines of the prompt and
 * derives notes citing them (`deriveFakeNotes`), which a test may change or replace — or, asked
 * for a suggested reflection, a reflection (`deriveFakeReflection`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson, startLocalHttpServer } from "./local-http-server.ts";
import { deriveFakeNotes, fakeModelAnswer, parsePromptLines, responseFormatNameRefusal, reasoningModelPattern, type FakeNotesAnswer, type FakeTranscriptLine, type ReceivedChatRequest } from "./openai-chat-server.ts";
import { censusOfSchema } from "./structured-output-subset.ts";

/** What reasoning deployments refuse (the reasoning page's "Not Supported" list). */
const reasoningUnsupported = ["max_tokens", "temperature", "top_p", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "logit_bias"];
/** The first API version the reasoning page lists for o-series deployments. */
const firstReasoningApiVersion = "2024-12-01-preview";
/** API versions compare by their date; a preview comes before the GA version of the same date. */
const versionKey = (version: string) => `${version.slice(0, 10)}${version.endsWith("-preview") ? "0" : "1"}`;

export type FakeAzureOpenAiReply =
  /** 200 with notes derived from the prompt, changed by `edit` when given; after `delayMs` (a reflection when asked for one). */
  | { kind: "notes"; edit?: (notes: FakeNotesAnswer, lines: FakeTranscriptLine[]) => FakeNotesAnswer | void; delayMs?: number }
  /** 200 whose message content is this text (null: none) with this finish reason. */
  | { kind: "content"; content: string | null; finishReason?: "stop" | "length" | "content_filter" }
  /** The notes cut off in the middle, `finish_reason: "length"`. */
  | { kind: "truncated" }
  /** 400 `content_filter`: the prompt (the transcript) was refused by the filter. */
  | { kind: "prompt-filtered" }
  /** 200, `finish_reason: "content_filter"`: the answer was withheld. */
  | { kind: "answer-filtered" }
  /** 429 with `retry-after` and `retry-after-ms` as given. */
  | { kind: "throttled"; retryAfter?: string; retryAfterMs?: string }
  | { kind: "server-error"; status?: number }
  /** Reads the request, then never answers. */
  | { kind: "hang" };

export interface FakeAzureOpenAiServer {
  /** The resource endpoint, e.g. http://127.0.0.1:41234 (the client adds `/openai`). */
  url: string;
  key: string;
  /** A bearer token it admits, as an Entra ID token. */
  bearerToken: string;
  /** Deployments it serves, by name, with the model behind each and its context in tokens. */
  deployments: Record<string, { model: string; contextTokens: number }>;
  /** API versions it serves. */
  apiVersions: string[];
  reply: FakeAzureOpenAiReply | ((request: ReceivedChatRequest, index: number) => FakeAzureOpenAiReply);
  /** Every chat-completions request that passed authentication, in arrival order. */
  received: ReceivedChatRequest[];
  close(): Promise<void>;
}

const accessDenied = {
  error: {
    code: "401",
    message:
      "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.",
  },
};

const filterResult = {
  hate: { filtered: false, severity: "safe" },
  self_harm: { filtered: true, severity: "high" },
  sexual: { filtered: false, severity: "safe" },
  violence: { filtered: false, severity: "safe" },
};

function completion(content: string | null, model: string, finishReason: string) {
  return {
    id: "chatcmpl-fake-azure",
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: { ...filterResult, self_harm: { filtered: false, severity: "safe" } } }],
    choices: [
      {
        index: 0,
        finish_reason: finishReason,
        message: { role: "assistant", content, refusal: null },
        content_filter_results: finishReason === "content_filter" ? filterResult : {},
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 100, total_tokens: 200 },
  };
}

/** The prompt's tokens as the fake counts them: four characters a token. */
const promptTokens = (messages: Array<{ content?: unknown }>) =>
  Math.ceil(messages.reduce((sum, message) => sum + (typeof message.content === "string" ? message.content.length : 0), 0) / 4);

export async function startFakeAzureOpenAiServer(
  options: { key?: string; bearerToken?: string; deployments?: FakeAzureOpenAiServer["deployments"]; reply?: FakeAzureOpenAiServer["reply"] } = {},
): Promise<FakeAzureOpenAiServer> {
  const fake: FakeAzureOpenAiServer = {
    url: "",
    key: options.key ?? "fake-azure-openai-key",
    bearerToken: options.bearerToken ?? "fake-entra-token",
    deployments: options.deployments ?? { "notes-gpt-4o": { model: "gpt-4o-2024-08-06", contextTokens: 128_000 } },
    apiVersions: ["2024-10-21", "2024-12-01-preview", "2025-03-01-preview", "2025-04-01-preview"],
    reply: options.reply ?? { kind: "notes" },
    received: [],
    close: async () => {},
  };

  const admitted = (request: IncomingMessage) =>
    request.headers["api-key"] === fake.key || request.headers.authorization === `Bearer ${fake.bearerToken}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake");
    const path = url.pathname;
    const apiVersion = url.searchParams.get("api-version");
    const chat = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(path);
    const isModels = request.method === "GET" && path === "/openai/models";
    if (!isModels && !(request.method === "POST" && chat)) {
      request.resume();
      sendJson(response, 404, { error: { code: "404", message: "Resource not found" } });
      return;
    }
    const body = request.method === "POST" ? (await readBody(request)).toString("utf8") : (request.resume(), "");
    if (!admitted(request)) {
      sendJson(response, 401, accessDenied);
      return;
    }
    if (apiVersion === null || !fake.apiVersions.includes(apiVersion)) {
      sendJson(response, 404, { error: { code: "404", message: "Resource not found" } });
      return;
    }
    if (isModels) {
      sendJson(response, 200, {
        object: "list",
        data: Object.values(fake.deployments).map((deployment) => ({ id: deployment.model, object: "model", created_at: 0, status: "succeeded" })),
      });
      return;
    }
    const deployment = fake.deployments[decodeURIComponent(chat![1]!)];
    if (deployment === undefined) {
      sendJson(response, 404, {
        error: {
          code: "DeploymentNotFound",
          message: "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.",
        },
      });
      return;
    }
    const parsed = JSON.parse(body);
    const received: ReceivedChatRequest = { method: "POST", path, query: Object.fromEntries(url.searchParams), headers: { ...request.headers }, body: parsed, lines: parsePromptLines(parsed.messages ?? []) };
    const index = fake.received.push(received) - 1;
    const modelName = deployment.model.replace(/-\d{4}-\d{2}-\d{2}$/, "");
    if (reasoningModelPattern.test(deployment.model)) {
      if (versionKey(apiVersion) < versionKey(firstReasoningApiVersion)) {
        sendJson(response, 400, { error: { code: "BadRequest", message: `Model ${modelName} is enabled only for api versions ${firstReasoningApiVersion} and later` } });
        return;
      }
      const refused = reasoningUnsupported.find((name) => parsed[name] !== undefined);
      if (refused !== undefined) {
        sendJson(response, 400, {
          error: {
            message: `Unsupported parameter: '${refused}' is not supported with this model.${refused === "max_tokens" ? " Use 'max_completion_tokens' instead." : ""}`,
            type: "invalid_request_error",
            param: refused,
            code: "unsupported_parameter",
          },
        });
        return;
      }
    }
    const tokens = promptTokens(parsed.messages ?? []);
    if (tokens + Number(parsed.max_tokens ?? parsed.max_completion_tokens ?? 0) > deployment.contextTokens) {
      sendJson(response, 400, {
        error: {
          message: `This model's maximum context length is ${deployment.contextTokens} tokens. However, your messages resulted in ${tokens} tokens. Please reduce the length of the messages.`,
          type: "invalid_request_error",
          param: "messages",
          code: "context_length_exceeded",
        },
      });
      return;
    }
    if (parsed.response_format?.type !== "json_schema" || typeof parsed.response_format?.json_schema?.schema !== "object") {
      sendJson(response, 400, { error: { message: "Invalid value for 'response_format'.", type: "invalid_request_error", param: "response_format", code: null } });
      return;
    }
    const nameRefusal = responseFormatNameRefusal(parsed.response_format.json_schema.name);
    if (nameRefusal !== null) {
      sendJson(response, 400, nameRefusal);
      return;
    }
    const schemaProblem = censusOfSchema(parsed.response_format.json_schema.schema).problems[0];
    if (parsed.response_format.json_schema.strict === true && schemaProblem !== undefined) {
      sendJson(response, 400, {
        error: {
          message: `Invalid schema for response_format '${String(parsed.response_format.json_schema.name)}': ${schemaProblem}`,
          type: "invalid_request_error",
          param: "response_format",
          code: null,
        },
      });
      return;
    }
    const reply = typeof fake.reply === "function" ? fake.reply(received, index) : fake.reply;
    switch (reply.kind) {
      case "notes": {
        const notes = fakeModelAnswer(parsed.response_format.json_schema.name, received.lines, reply.edit);
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        sendJson(response, 200, completion(JSON.stringify(notes), deployment.model, "stop"));
        return;
      }
      case "content":
        sendJson(response, 200, completion(reply.content, deployment.model, reply.finishReason ?? "stop"));
        return;
      case "truncated": {
        const whole = JSON.stringify(deriveFakeNotes(received.lines));
        sendJson(response, 200, completion(whole.slice(0, Math.floor(whole.length / 2)), deployment.model, "length"));
        return;
      }
      case "answer-filtered":
        sendJson(response, 200, completion(null, deployment.model, "content_filter"));
        return;
      case "prompt-filtered":
        sendJson(response, 400, {
          error: {
            message:
              "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
            type: null,
            param: "prompt",
            code: "content_filter",
            status: 400,
            innererror: { code: "ResponsibleAIPolicyViolation", content_filter_result: filterResult },
          },
        });
        return;
      case "throttled":
        sendJson(
          response,
          429,
          {
            error: {
              code: "429",
              message: `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${apiVersion} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after ${reply.retryAfter ?? "1"} seconds.`,
            },
          },
          {
            ...(reply.retryAfter === undefined ? {} : { "retry-after": reply.retryAfter }),
            ...(reply.retryAfterMs === undefined ? {} : { "retry-after-ms": reply.retryAfterMs }),
          },
        );
        return;
      case "server-error":
        sendJson(response, reply.status ?? 500, { error: { code: "InternalServerError", message: "The server had an error while processing your request. Sorry about that!" } });
        return;
      case "hang":
        return;
    }
  }

  const listener = await startLocalHttpServer(handle, (response, error) => sendJson(response, 500, { error: { code: "InternalServerError", message: `fake server: ${String(error)}` } }));
  fake.url = listener.url;
  fake.close = listener.close;
  return fake;
}
