import { noteFormats } from "@confide/core";
import { expectConfideError, riskDialogue } from "@confide/contracts";
import { deriveFakeNotes, parsePromptLines } from "@confide/contracts/fakes";
import { describe, expect, it } from "vitest";
import { createLlmNoteWriter, type ModelAnswer, type ModelRequest } from "./llm-note-writer.ts";
import { notePrompts } from "./note-prompts.ts";

/** A writer over a scripted model: `answer` gets each request and its index. */
function writerWith(answer: (request: ModelRequest, index: number) => ModelAnswer) {
  const requests: ModelRequest[] = [];
  const writer = createLlmNoteWriter({
    provider: "test-llm",
    service: "The test model",
    model: "test-model",
    contextTokens: 8192,
    maxOutputTokens: 2048,
    complete: async (request) => answer(request, requests.push(request) - 1),
    check: async () => {},
    timeoutMs: 60_000, checkTimeoutMs: 5_000, checkWhat: "the check", toError: (error: unknown) => error,
  });
  return { writer, requests };
}

/** Notes derived from the request's transcript lines, as the fake servers derive them. */
const wellFormed = (request: ModelRequest): ModelAnswer => ({
  content: JSON.stringify(deriveFakeNotes(parsePromptLines(request.messages))),
  stop: "complete",
  stopReason: "stop",
  model: "test-model-2025",
});

const transcriptWords = riskDialogue.segments.map((segment) => segment.text.slice(0, 20));
function expectNoTranscriptIn(error: unknown) {
  const text = `${String(error)} ${JSON.stringify(error)}`;
  for (const words of transcriptWords) expect(text).not.toContain(words);
}

describe("the shared language-model NoteWriter", () => {
  it("asks each format with its own versioned template and records that version; confide when none is asked", async () => {
    for (const format of noteFormats) {
      const { writer, requests } = writerWith(wellFormed);
      const result = await writer.write({ ...riskDialogue, format });
      expect(result.promptVersion).toBe(notePrompts[format].version);
      expect(requests[0]!.system).toContain(notePrompts[format].guidance);
      expect(result.model).toBe("test-model-2025");
    }
    const { writer } = writerWith(wellFormed);
    expect((await writer.write(riskDialogue)).promptVersion).toBe(notePrompts.confide.version);
    // Every template has its own version, and the formats a section cannot be filled from audio say so.
    expect(new Set(Object.values(notePrompts).map((template) => template.version)).size).toBe(noteFormats.length);
    expect(notePrompts.soap.guidance).toMatch(/Objective: not written from a recording/);
  });

  it("an answer cut off at the output limit: asked once more for shorter notes, without the cut-off text", async () => {
    const { writer, requests } = writerWith((request, index) =>
      index === 0 ? { content: '{"keyTopics": {"assessed": true, "items": [', stop: "truncated", stopReason: "length" } : wellFormed(request),
    );
    const { notes } = await writer.write(riskDialogue);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.messages).toHaveLength(1);
    expect(requests[1]!.messages[0]!.content).toContain("cut off at the output token limit");
    expect(requests[1]!.messages[0]!.content).toContain("[seg-4] patient:");
    expect(notes.keyTopics).not.toHaveProperty("status");
  });

  it("cut off twice: provider.bad_response naming the token limit, not retryable", async () => {
    const { writer, requests } = writerWith(() => ({ content: '{"keyTopics": ', stop: "truncated", stopReason: "max_tokens" }));
    const error = await expectConfideError(writer.write(riskDialogue), "provider.bad_response");
    expect(requests).toHaveLength(2);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("cut off at the output token limit (max_tokens)");
  });

  it("an answer withheld by the content filter: provider.rejected (content_filter), not retried, no words in the error", async () => {
    const { writer, requests } = writerWith(() => ({ content: null, stop: "filtered", stopReason: "content_filter" }));
    const error = await expectConfideError(writer.write(riskDialogue), "provider.rejected");
    expect(requests).toHaveLength(1);
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ provider: "test-llm", reason: "content_filter", where: "answer" });
    expectNoTranscriptIn(error);
  });

  it("a schema break: one repair showing the answer and naming the path; twice: bad_response without the model's words", async () => {
    const broken = (request: ModelRequest): ModelAnswer => {
      const notes = deriveFakeNotes(parsePromptLines(request.messages));
      notes.sessionMood.value = "gloomy: ending my life";
      return { content: JSON.stringify(notes), stop: "complete", stopReason: "stop" };
    };
    const { writer, requests } = writerWith(broken);
    const error = await expectConfideError(writer.write(riskDialogue), "provider.bad_response");
    expect(requests.map((request) => request.messages.map((message) => message.role))).toEqual([["user"], ["user", "assistant", "user"]]);
    expect(requests[1]!.messages[2]!.content).toContain("sessionMood.value");
    expect(error.message).toContain("sessionMood.value");
    expect(error.message).not.toContain("gloomy");
    expectNoTranscriptIn(error);
  });

  it("an empty transcript: no request, every field not assessed, the format's prompt version", async () => {
    const { writer, requests } = writerWith(wellFormed);
    const result = await writer.write({ ...riskDialogue, segments: [], sentiment: [], format: "dap" });
    expect(requests).toHaveLength(0);
    expect(result.promptVersion).toBe(notePrompts.dap.version);
    expect(result.notes.keyTopics).toMatchObject({ status: "not_assessed" });
  });

  it("check(): the adapter's failure becomes dependency.unavailable", async () => {
    const writer = createLlmNoteWriter({
      provider: "test-llm",
      service: "The test model",
      model: "m",
      contextTokens: 8192,
      maxOutputTokens: 2048,
      complete: async () => ({ content: null, stop: "complete", stopReason: "stop" }),
      timeoutMs: 60_000, checkTimeoutMs: 5_000, checkWhat: "the check", toError: (error: unknown) => error,
      check: async () => {
        throw new Error("socket hang up");
      },
    });
    await expectConfideError(writer.check(), "dependency.unavailable");
  });

  it("refuses a context too small for the longest format's prompt and the answer", () => {
    expect(() =>
      createLlmNoteWriter({ provider: "p", service: "s", model: "m", contextTokens: 2048, maxOutputTokens: 1024, complete: wellFormed as never, check: async () => {}, timeoutMs: 60_000, checkTimeoutMs: 5_000, checkWhat: "the check", toError: (error: unknown) => error }),
    ).toThrow(/contextTokens/);
  });
});
