/**
 * An OpenAI-compatible chat-completions server for tests: a real HTTP server on 127.0.0.1 that
 * the real `openai` client talks to. `POST /v1/chat/completions` records the request and answers
 * as scripted; `GET /v1/models` lists one model.
 * A `response_format.json_schema.name` the API refuses is refused (`responseFormatNameRefusal`).
 *
 * Its "model" reads the prompt as a model would: it parses the transcript lines
 * `[<segment id>] <role>: <text>` of the last user message that has them, and derives notes
 * from them deterministically, each item citing the lines it comes from (`deriveFakeNotes`). A
 * test can change the derived notes (a wrong quote, a wrong segment…) or answer something else
 * entirely: raw text, an error status, nothing. Asked for a suggested reflection (its schema named
 * `suggested_reflection`), it answers one instead (`deriveFakeReflection`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson, startLocalHttpServer } from "./local-http-server.ts";

export interface FakeTranscriptLine {
  segmentId: string;
  role: string;
  text: string;
}

/** The notes JSON as the adapter's schema asks for it (kept loose: tests break it on purpose). */
export type FakeNotesAnswer = Record<string, any>;

export type FakeChatReply =
  /**
   * 200 with notes derived from the prompt, changed by `edit` when given; after `delayMs`. To a
   * request for a reflection: the derived reflection (`edit` is for notes).
   */
  | { kind: "notes"; edit?: (notes: FakeNotesAnswer, lines: FakeTranscriptLine[]) => FakeNotesAnswer | void; delayMs?: number; model?: string }
  /** 200 whose message content is this text as it is (broken JSON, JSON of another shape). */
  | { kind: "content"; content: string; finishReason?: string }
  /** 429 with Retry-After and/or retry-after-ms headers. */
  | { kind: "throttled"; retryAfter?: string; retryAfterMs?: string }
  | { kind: "server-error"; status?: number }
  /** An OpenAI-style error body with the status (401, 403, 400…). */
  | { kind: "rejected"; status: number; message?: string; type?: string; code?: string | null }
  /** Reads the request, then never answers. */
  | { kind: "hang" };

export interface ReceivedChatRequest {
  method: string;
  path: string;
  /** The query string's parameters (Azure's `api-version`). */
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (null for GET). */
  body: any;
  /** The transcript lines found in the prompt. */
  lines: FakeTranscriptLine[];
}

export interface FakeOpenAiChatServer {
  /** API root with `/v1`, e.g. http://127.0.0.1:41234/v1 */
  url: string;
  reply: FakeChatReply | ((request: ReceivedChatRequest, index: number) => FakeChatReply);
  /** Every chat-completions request, in arrival order (not the model list). */
  received: ReceivedChatRequest[];
  close(): Promise<void>;
}

/** Model (or Azure deployment) names the fake treats as reasoning models. */
export const reasoningModelPattern = /^(o\d|gpt-5)/i;

const linePattern = /^\[([^\]]+)\] (patient|therapist|unknown): (.*)$/;

/** The transcript lines of the prompt: those of the last user message that has any. */
export function parsePromptLines(messages: Array<{ role: string; content: unknown }>): FakeTranscriptLine[] {
  for (const message of [...messages].reverse()) {
    if (message.role !== "user" || typeof message.content !== "string") continue;
    const lines = message.content
      .split("\n")
      .map((line) => linePattern.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ segmentId: match[1]!, role: match[2]!, text: match[3]! }));
    if (lines.length > 0) return lines;
  }
  return [];
}

const cite = (line: FakeTranscriptLine, quote: string) => ({ segmentId: line.segmentId, quote });
const firstSentence = (text: string) => (/^.*?[.!?](\s|$)/.exec(text)?.[0] ?? text).trim();
const item = (text: string, line: FakeTranscriptLine, quote: string, speaker: string | null = null, itemQuote: string | null = null) => ({
  text,
  speaker,
  quote: itemQuote,
  type: null as string | null,
  severity: null as string | null,
  evidence: [cite(line, quote)],
});
const assessed = { assessed: true, reason: null };
const skipped = (reason: string) => ({ assessed: false, reason });
/** The items of one field, in the answer's one `items` list (`field` first, as the schema has it). */
const listed = (field: string, items: Array<Record<string, unknown>>) => items.map((entry) => ({ field, ...entry }));

/** The items of `field` in a fake answer (the same objects: a test may change them). */
export function fakeItemsOf(notes: FakeNotesAnswer, field: string): Array<Record<string, any>> {
  return (notes.items as Array<Record<string, any>>).filter((entry) => entry.field === field);
}

const riskPhrases: Array<{ pattern: RegExp; type: string }> = [
  { pattern: /\b(ending my life|kill myself|end it all|hurt myself)\b/i, type: "self_harm" },
  { pattern: /\b(hurt (him|her|them)|kill (him|her|them))\b/i, type: "harm_to_others" },
];
const commitment = /\b(I will|I'll|I'm going to|I am going to)\b[^.!?]*/i;
const negative = /\b(awful|badly|worr\w*|sad|exhaust\w*|ending my life)\b/i;

/**
 * Well-formed notes from transcript lines, deterministically: key topics (the longest word of
 * each patient line), a topic summary, significant quotes (the first sentence of each patient
 * line), action items (first-person commitments), a strategy (a therapist line about a plan),
 * risk flags (plain self-harm or harm phrases not negated by "never"), the mood (negative when a
 * patient line uses a negative word, else neutral), trajectory stable, a patient summary; the
 * other fields not assessed. Every quote is copied from its line.
 */
export function deriveFakeNotes(lines: FakeTranscriptLine[]): FakeNotesAnswer {
  const patient = lines.filter((line) => line.role === "patient");
  const therapist = lines.filter((line) => line.role === "therapist");
  const topics = patient.map((line) => {
    const word = [...line.text.matchAll(/[A-Za-z]{5,}/g)].map((match) => match[0]).sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
    return word === undefined ? null : item(word.toLowerCase(), line, word);
  }).filter((topic) => topic !== null);
  const risks = patient.flatMap((line) =>
    /\bnever\b/i.test(line.text)
      ? []
      : riskPhrases.flatMap(({ pattern, type }) => {
          const match = pattern.exec(line.text);
          return match === null ? [] : [{ ...item(`The patient said: ${match[0]}`, line, match[0], "patient", match[0]), type, severity: "high" }];
        }),
  );
  const actions = patient.flatMap((line) => {
    const match = commitment.exec(line.text);
    return match === null ? [] : [item(match[0].trim(), line, match[0].trim(), "patient", match[0].trim())];
  });
  const plans = therapist.flatMap((line) => (/\bplan\b/i.test(line.text) ? [item("Making a plan together", line, "plan", "therapist")] : []));
  const moodLine = patient.find((line) => negative.test(line.text));
  const moodEvidence = moodLine ? [cite(moodLine, negative.exec(moodLine.text)![0])] : patient.slice(0, 1).map((line) => cite(line, firstSentence(line.text)));
  return {
    items: [
      ...listed("keyTopics", topics),
      // The summary states what the patient said, in their words (a claim its citation carries for any claim reader).
      ...listed("topicSummary", patient.slice(0, 1).map((line) => item(firstSentence(line.text), line, firstSentence(line.text), "patient"))),
      ...listed("strategies", plans),
      ...listed("actionItems", actions),
      ...listed("significantQuotes", patient.map((line) => item(firstSentence(line.text), line, firstSentence(line.text), "patient", firstSentence(line.text)))),
      ...listed("patientSummary", patient.slice(0, 1).map((line) => item(`You talked about ${topics[0]?.text ?? "your week"}.`, line, firstSentence(line.text)))),
      ...listed("riskFlags", risks),
    ],
    keyTopics: assessed,
    topicSummary: assessed,
    strategies: assessed,
    emotionalThemes: skipped("The fake model does not read emotions."),
    triggers: skipped("The fake model does not read triggers."),
    actionItems: assessed,
    significantQuotes: assessed,
    followUpTopics: skipped("The fake model does not plan follow-ups."),
    unresolvedConcerns: skipped("The fake model does not read concerns."),
    therapistNotes: skipped("The fake model writes no clinical judgement."),
    patientSummary: assessed,
    riskFlags: assessed,
    sessionMood:
      moodEvidence.length === 0
        ? { assessed: false, reason: "No patient line.", value: null, text: null, evidence: [] }
        : { assessed: true, reason: null, value: moodLine ? "negative" : "neutral", text: moodLine ? "Mostly low." : "Even.", evidence: moodEvidence },
    moodTrajectory:
      moodEvidence.length === 0
        ? { assessed: false, reason: "No patient line.", value: null, text: null, evidence: [] }
        : { assessed: true, reason: null, value: "stable", text: "No clear change.", evidence: moodEvidence },
  };
}

/**
 * The 400 body a chat-completions service answers for a `response_format.json_schema.name` it
 * refuses, or null: the API reference's `ResponseFormatJsonSchema.name` — "The name of the
 * response format. Must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length
 * of 64." (OpenAI's API reference, and Azure OpenAI's `TextResponseFormatJsonSchema.name`) — in
 * the form of OpenAI's pattern refusals.
 */
export function responseFormatNameRefusal(name: unknown): object | null {
  if (typeof name === "string" && /^[a-zA-Z0-9_-]{1,64}$/.test(name)) return null;
  return {
    error: {
      message: "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]{1,64}$'.",
      type: "invalid_request_error",
      param: "response_format.json_schema.name",
      code: "invalid_value",
    },
  };
}

/** The names Confide's writers give a request for a suggested reflection: the structured output's schema, Bedrock's tool. */
export const fakeReflectionNames: ReadonlySet<string> = new Set(["suggested_reflection", "suggest_reflection"]);

/**
 * A suggested reflection from transcript lines, deterministically: the longest sentence of the
 * last patient line, said back in the patient's own words, citing that line; none
 * (`text: null`) when no patient line was given.
 */
export function deriveFakeReflection(lines: FakeTranscriptLine[]): { text: string | null; cites: string[] } {
  const last = lines.findLast((line) => line.role === "patient");
  if (last === undefined) return { text: null, cites: [] };
  const sentences = last.text.match(/[^.!?]+[.!?]?/g) ?? [last.text];
  const longest = sentences.map((sentence) => sentence.trim()).sort((a, b) => b.length - a.length)[0] ?? last.text;
  return { text: longest, cites: [last.segmentId] };
}

/** What the fake model answers to the request: the reflection when it asks for one by `name`, else the notes (changed by `edit`). */
export function fakeModelAnswer(name: unknown, lines: FakeTranscriptLine[], edit?: (notes: FakeNotesAnswer, lines: FakeTranscriptLine[]) => FakeNotesAnswer | void): unknown {
  if (fakeReflectionNames.has(String(name))) return deriveFakeReflection(lines);
  const derived = deriveFakeNotes(lines);
  return edit?.(derived, lines) ?? derived;
}

function completion(content: string, model: string, finishReason = "stop") {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: 100, completion_tokens: 100, total_tokens: 200 },
  };
}

export async function startFakeOpenAiChatServer(options: { reply?: FakeOpenAiChatServer["reply"]; model?: string } = {}): Promise<FakeOpenAiChatServer> {
  const model = options.model ?? "fake-notes-model";
  const fake: FakeOpenAiChatServer = { url: "", reply: options.reply ?? { kind: "notes" }, received: [], close: async () => {} };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    if (request.method === "GET" && path === "/v1/models") {
      request.resume();
      sendJson(response, 200, { object: "list", data: [{ id: model, object: "model", created: 0, owned_by: "fake" }] });
      return;
    }
    if (request.method !== "POST" || path !== "/v1/chat/completions") {
      request.resume();
      sendJson(response, 404, { error: { message: `No route ${request.method} ${path}`, type: "invalid_request_error", code: null } });
      return;
    }
    const body = JSON.parse((await readBody(request)).toString("utf8"));
    const received: ReceivedChatRequest = { method: "POST", path, query: Object.fromEntries(new URL(request.url ?? "/", "http://fake").searchParams), headers: { ...request.headers }, body, lines: parsePromptLines(body.messages ?? []) };
    const index = fake.received.push(received) - 1;
    // Reasoning models (o-series, GPT-5) refuse `max_tokens` and any temperature but 1, with the
    // 400 bodies OpenAI and Azure OpenAI answer.
    if (reasoningModelPattern.test(String(body.model ?? ""))) {
      if (body.max_tokens !== undefined) {
        sendJson(response, 400, {
          error: {
            message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
            type: "invalid_request_error",
            param: "max_tokens",
            code: "unsupported_parameter",
          },
        });
        return;
      }
      if (body.temperature !== undefined && body.temperature !== 1) {
        sendJson(response, 400, {
          error: {
            message: `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`,
            type: "invalid_request_error",
            param: "temperature",
            code: "unsupported_value",
          },
        });
        return;
      }
    }
    const nameRefusal = body.response_format?.type === "json_schema" ? responseFormatNameRefusal(body.response_format.json_schema?.name) : null;
    if (nameRefusal !== null) {
      sendJson(response, 400, nameRefusal);
      return;
    }
    const reply = typeof fake.reply === "function" ? fake.reply(received, index) : fake.reply;
    switch (reply.kind) {
      case "notes": {
        const notes = fakeModelAnswer(body.response_format?.json_schema?.name, received.lines, reply.edit);
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        sendJson(response, 200, completion(JSON.stringify(notes), reply.model ?? model));
        return;
      }
      case "content":
        sendJson(response, 200, completion(reply.content, model, reply.finishReason));
        return;
      case "throttled":
        sendJson(response, 429, { error: { message: "Rate limit reached for requests", type: "requests", code: "rate_limit_exceeded" } }, {
          ...(reply.retryAfter === undefined ? {} : { "retry-after": reply.retryAfter }),
          ...(reply.retryAfterMs === undefined ? {} : { "retry-after-ms": reply.retryAfterMs }),
        });
        return;
      case "server-error":
        sendJson(response, reply.status ?? 500, { error: { message: "The server had an error while processing your request.", type: "server_error", code: null } });
        return;
      case "rejected":
        sendJson(response, reply.status, { error: { message: reply.message ?? "Refused.", type: reply.type ?? "invalid_request_error", code: reply.code ?? null } });
        return;
      case "hang":
        return;
    }
  }

  const listener = await startLocalHttpServer(handle, (response, error) => sendJson(response, 500, { error: { message: `fake server: ${String(error)}` } }));
  fake.url = `${listener.url}/v1`;
  fake.close = listener.close;
  return fake;
}
