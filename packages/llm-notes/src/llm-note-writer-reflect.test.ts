import { checkedReflection } from "@confide/core";
import { ConfideError, type ReflectionInput } from "@confide/core/ports";
import { createPlainWordsClaimReader } from "@confide/core/testing";
import { expectConfideError } from "@confide/contracts";
import { startFakeAzureOpenAiServer, type FakeAzureOpenAiReply, type FakeAzureOpenAiServer } from "@confide/contracts/fakes";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { chatCompletionAnswer, type ChatCompletionLike } from "./chat-completion-answer.ts";
import { createLlmNoteWriter, type ModelRequest } from "./llm-note-writer.ts";
import { reflectionPrompt } from "./prompts/reflection.ts";
import { reflectionJsonSchema, reflectionJsonSchemaName } from "./reflection-answer.ts";

/**
 * The shared writer's reflection through the Azure OpenAI fake (`@confide/contracts/fakes`),
 * which refuses what the service refuses: a structured-output schema outside the strict subset,
 * a prompt without `json_schema`, a key it does not know. The transport is the smallest
 * chat-completions request (`fetch`), so what is tested is this package's prompt, schema and
 * reading; each adapter's own transport is tested in its package.
 */
let fake: FakeAzureOpenAiServer;
beforeAll(async () => {
  fake = await startFakeAzureOpenAiServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.received.length = 0;
});

/** What the service refused, as a transport's error map would classify it (no body text). */
class RefusedByService extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`The service answered ${status}.`);
    this.status = status;
  }
}

async function complete(request: ModelRequest & { signal: AbortSignal }) {
  const response = await fetch(`${fake.url}/openai/deployments/notes-gpt-4o/chat/completions?api-version=2024-10-21`, {
    method: "POST",
    headers: { "api-key": fake.key, "content-type": "application/json" },
    body: JSON.stringify({
      messages: [{ role: "system", content: request.system }, ...request.messages],
      max_tokens: 512,
      temperature: 0.1,
      response_format: { type: "json_schema", json_schema: { name: request.answerFormat.name, strict: true, schema: request.answerFormat.schema } },
    }),
    signal: request.signal,
  });
  if (!response.ok) throw new RefusedByService(response.status);
  return chatCompletionAnswer((await response.json()) as ChatCompletionLike);
}

const writer = createLlmNoteWriter({
  provider: "test-llm",
  service: "The test service",
  model: "notes-gpt-4o",
  contextTokens: 16_384,
  maxOutputTokens: 2_048,
  complete,
  check: async () => {},
  checkWhat: "the check",
  timeoutMs: 5_000,
  checkTimeoutMs: 1_000,
  toError: (error) =>
    error instanceof RefusedByService ? new ConfideError("provider.rejected", error.message, { details: { status: error.status } }) : error,
});

const input: ReflectionInput = {
  language: "en-US",
  speakers: [
    { label: "A", role: "therapist" },
    { label: "B", role: "patient" },
  ],
  segments: [
    { id: "seg-1", speaker: "A", text: "What would be different if you drank less?" },
    { id: "seg-2", speaker: "B", text: "I'd have more time with my kids, and I want that." },
    { id: "seg-3", speaker: "A", text: "Cutting down could help your sleep too." },
  ],
};
const claims = createPlainWordsClaimReader();
const answering = (answer: unknown): FakeAzureOpenAiReply => ({ kind: "content", content: typeof answer === "string" ? answer : JSON.stringify(answer) });

// Nothing of the prompt or the answer may reach a log: the writer has no logger, and must not print.
const printed = ["log", "info", "warn", "error", "debug"].map((method) => vi.spyOn(console, method as "log"));
afterEach(() => {
  for (const spy of printed) expect(spy).not.toHaveBeenCalled();
});

describe("the shared language-model writer's reflection, through the Azure OpenAI fake", () => {
  it("asks with the reflection's prompt and strict schema (which the service accepts), every line numbered with its role", async () => {
    fake.reply = answering({ text: "You want more time with your kids.", cites: ["seg-2"] });
    await writer.reflect(input);
    expect(fake.received).toHaveLength(1);
    const body = fake.received[0]!.body;
    expect(body.messages[0]).toEqual({ role: "system", content: reflectionPrompt.system });
    expect(body.response_format.json_schema).toMatchObject({ name: reflectionJsonSchemaName, strict: true });
    expect(fake.received[0]!.lines).toEqual([
      { segmentId: "seg-1", role: "therapist", text: "What would be different if you drank less?" },
      { segmentId: "seg-2", role: "patient", text: "I'd have more time with my kids, and I want that." },
      { segmentId: "seg-3", role: "therapist", text: "Cutting down could help your sleep too." },
    ]);
  });

  it("the fake refuses what the service refuses: a schema name outside a-z, 0-9, _ and -, or a schema outside the strict subset", async () => {
    const refusedWith = async (answerFormat: ModelRequest["answerFormat"]) => {
      const request = { system: "s", messages: [{ role: "user" as const, content: "[seg-2] patient: hi" }], answerFormat, what: "w", signal: new AbortController().signal };
      return complete(request).then(() => null, (error: unknown) => (error instanceof RefusedByService ? error.status : error));
    };
    expect(await refusedWith({ name: "suggested reflection", tool: "t", description: "d", schema: reflectionJsonSchema })).toBe(400);
    expect(await refusedWith({ name: reflectionJsonSchemaName, tool: "t", description: "d", schema: { ...reflectionJsonSchema, required: ["text"] } })).toBe(400);
    expect(await refusedWith({ name: reflectionJsonSchemaName, tool: "t", description: "d", schema: reflectionJsonSchema })).toBeNull();
  });

  it("a reflection the patient's cited words carry passes the writer and core's claim check", async () => {
    fake.reply = answering({ text: "You want more time with your kids.", cites: ["seg-2"] });
    const reflection = await writer.reflect(input);
    expect(reflection).toEqual({ text: "You want more time with your kids.", cites: ["seg-2"] });
    expect(checkedReflection(reflection!, input, claims)).toEqual(reflection);
  });

  it("one whose cited words do not support it is dropped by the claim check", async () => {
    fake.reply = answering({ text: "You want to stop drinking for good.", cites: ["seg-2"] });
    const reflection = await writer.reflect(input);
    expect(reflection).not.toBeNull();
    expect(checkedReflection(reflection!, input, claims)).toBeNull();
  });

  it("one citing the therapist's words, or a line that was not sent, is dropped by the writer", async () => {
    fake.reply = answering({ text: "Cutting down could help your sleep.", cites: ["seg-3"] });
    expect(await writer.reflect(input)).toBeNull();
    fake.reply = answering({ text: "You want more time with your kids.", cites: ["seg-2", "seg-9"] });
    expect(await writer.reflect(input)).toBeNull();
  });

  it("none to offer, an answer that is not the schema's JSON, or one cut off: null, and no second request", async () => {
    fake.reply = answering({ text: null, cites: [] });
    expect(await writer.reflect(input)).toBeNull();
    fake.reply = answering("You want more time with your kids.");
    expect(await writer.reflect(input)).toBeNull();
    fake.reply = { kind: "content", content: '{"text": "You want more', finishReason: "length" };
    expect(await writer.reflect(input)).toBeNull();
    expect(fake.received).toHaveLength(3);
  });

  it("no patient line: no request", async () => {
    expect(await writer.reflect({ ...input, segments: input.segments.filter((segment) => segment.speaker === "A") })).toBeNull();
    expect(fake.received).toHaveLength(0);
  });

  it("an answer the content filter withholds: provider.rejected naming the filter, with none of the patient's words", async () => {
    fake.reply = { kind: "answer-filtered" };
    const error = await expectConfideError(writer.reflect(input), "provider.rejected");
    expect(error.details).toMatchObject({ reason: "content_filter", where: "answer" });
    const text = `${String(error)} ${JSON.stringify(error)}`;
    for (const segment of input.segments) expect(text).not.toContain(segment.text.slice(0, 20));
  });

  it("a prompt the service refuses is the transport's error; an aborted request is provider.interrupted", async () => {
    fake.reply = { kind: "prompt-filtered" };
    const refused = await expectConfideError(writer.reflect(input), "provider.rejected");
    expect(refused.details).toEqual({ status: 400 });
    fake.reply = { kind: "hang" };
    const stop = new AbortController();
    const asked = writer.reflect(input, { signal: stop.signal });
    await vi.waitFor(() => expect(fake.received).toHaveLength(2));
    stop.abort();
    await expectConfideError(asked, "provider.interrupted");
  });
});
