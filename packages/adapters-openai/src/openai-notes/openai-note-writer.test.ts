import { checkedReflection, type ClinicalNotes, type NoteItem, riskFlagsOf, verifyNotes } from "@confide/core";
import { isNotAssessed } from "@confide/core/adapter-kit";
import { createPlainWordsClaimReader } from "@confide/core/testing";
import type { NoteWriterInput } from "@confide/core/ports";
import { describeNoteWriterContract, expectConfideError, riskDialogue } from "@confide/contracts";
import { fakeItemsOf, startFakeOpenAiChatServer, type FakeOpenAiChatServer } from "@confide/contracts/fakes";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openAiNotesDescriptor } from "./descriptor.ts";
import { createOpenAiNoteWriter } from "./openai-note-writer.ts";
import type { OpenAiNotesSettings } from "./settings.ts";
import { confidePrompt, reflectionJsonSchema, reflectionPrompt } from "@confide/llm-notes";

let fake: FakeOpenAiChatServer;
beforeAll(async () => {
  fake = await startFakeOpenAiChatServer();
});
beforeEach(() => {
  fake.reply = { kind: "notes" };
  fake.received.length = 0;
});
afterAll(() => fake.close());

const writerOf = (settings: Partial<OpenAiNotesSettings> = {}) =>
  createOpenAiNoteWriter({ baseUrl: fake.url, model: "notes-model", timeoutMs: 5_000, ...settings });

const claims = createPlainWordsClaimReader();
const provenance = { provider: "openai", model: "fake-notes-model", promptVersion: confidePrompt.version, writtenAt: new Date(0) };

async function verifiedNotes(input: NoteWriterInput = riskDialogue, settings: Partial<OpenAiNotesSettings> = {}): Promise<ClinicalNotes> {
  const { notes } = await writerOf(settings).write(input);
  return verifyNotes(notes, { speakers: input.speakers, segments: input.segments, revision: 1 }, provenance, claims);
}

/** Every transcript word of the dialogue, to prove none reaches an error. */
const transcriptWords = riskDialogue.segments.map((segment) => segment.text);
function expectNoTranscriptIn(error: unknown) {
  const text = `${String(error)} ${JSON.stringify(error)}`;
  for (const words of transcriptWords) expect(text).not.toContain(words.slice(0, 20));
}

describeNoteWriterContract({
  name: "openai (fake OpenAI-compatible server)",
  claims,
  create: async () => writerOf(),
});

describe("openai NoteWriter on the fake server", () => {
  it("asks for strict JSON-schema output with evidence required, at a low temperature, segments numbered by id", async () => {
    await writerOf().write(riskDialogue);
    expect(fake.received).toHaveLength(1);
    const body = fake.received[0]!.body;
    expect(body.model).toBe("notes-model");
    expect(body.temperature).toBe(0.1);
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.strict).toBe(true);
    const item = body.response_format.json_schema.schema.properties.items.items;
    expect(item.required).toContain("evidence");
    expect(item.properties.field.enum).toContain("keyTopics");
    expect(item.properties.evidence.items.required).toEqual(["segmentId", "quote"]);
    expect(fake.received[0]!.lines.map((line) => line.segmentId)).toEqual(riskDialogue.segments.map((segment) => segment.id));
    expect(body.messages[1].content).toContain("[seg-4] patient: Honestly, I have been thinking about ending my life.");
  });

  it("a reasoning deployment (o-series) refusing max_tokens and the temperature: sent once more as it asks, then remembered", async () => {
    const writer = writerOf({ model: "o4-mini-notes" });

    const first = await writer.write(riskDialogue);
    await writer.write(riskDialogue);

    expect(first.notes.keyTopics).not.toEqual([]);
    const bodies = fake.received.map((request) => request.body);
    // Refused twice (max_tokens, then the temperature), answered the third time; the second write asks right at once.
    expect(bodies.map((body) => [body.max_tokens, body.max_completion_tokens, body.temperature])).toEqual([
      [2048, undefined, 0.1],
      [undefined, 2048, 0.1],
      [undefined, 2048, undefined],
      [undefined, 2048, undefined],
    ]);
  });

  it("a deployment configured as a reasoning one is asked with max_completion_tokens and no temperature from the first request", async () => {
    await writerOf({ model: "gpt-5-notes", reasoningModel: true }).write(riskDialogue);

    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]!.body).toMatchObject({ max_completion_tokens: 2048 });
    expect(fake.received[0]!.body).not.toHaveProperty("max_tokens");
    expect(fake.received[0]!.body).not.toHaveProperty("temperature");
  });

  it("another 400 is not retried: provider.rejected after one request", async () => {
    fake.reply = { kind: "rejected", status: 400, code: "unsupported_parameter", message: "Unsupported parameter: 'logprobs'." };
    await expectConfideError(writerOf().write(riskDialogue), "provider.rejected");
    expect(fake.received).toHaveLength(1);
  });

  it("well-formed notes: every item grounded, spans where the quotes are, provenance model and prompt version", async () => {
    const written = await writerOf().write(riskDialogue);
    expect(written.promptVersion).toBe(confidePrompt.version);
    expect(written.model).toBe("fake-notes-model");
    const notes = verifyNotes(written.notes, { ...riskDialogue, revision: 1 }, provenance, claims);
    expect(notes.quality).toEqual({ grounded: 13, unverified: 0, notAssessed: 5 });
    const flag = riskFlagsOf(notes)[0]!;
    expect(flag).toMatchObject({ type: "self_harm", severity: "high", quote: "ending my life", verification: { status: "grounded" } });
    const seg4 = riskDialogue.segments[3]!.text;
    expect(seg4.slice(flag.evidence[0]!.start, flag.evidence[0]!.end)).toBe("ending my life");
  });

  it("a quote that is not in the transcript: the item is kept, unverified by core", async () => {
    fake.reply = {
      kind: "notes",
      edit: (notes) => {
        fakeItemsOf(notes, "significantQuotes")[0]!.quote = "I feel great about work";
        fakeItemsOf(notes, "significantQuotes")[0]!.evidence[0].quote = "I feel great about work";
      },
    };
    const notes = await verifiedNotes();
    expect(notes.quality).toEqual({ grounded: 12, unverified: 1, notAssessed: 5 });
    const quotes = notes.significantQuotes as Exclude<ClinicalNotes["significantQuotes"], { status: "not_assessed" }>;
    expect(quotes[0]!.verification).toEqual({ status: "unverified", reason: "The quoted words do not appear in the cited segments." });
  });

  it("an evidence quote not in its segment, on an item that repeats no words: unverified, not silently a whole-segment citation", async () => {
    fake.reply = { kind: "notes", edit: (notes) => void (fakeItemsOf(notes, "keyTopics")[0]!.evidence[0].quote = "my manager") };
    const notes = await verifiedNotes();
    expect(notes.quality).toEqual({ grounded: 12, unverified: 1, notAssessed: 5 });
    const topics = notes.keyTopics as Exclude<ClinicalNotes["keyTopics"], { status: "not_assessed" }>;
    expect(topics[0]).toMatchObject({ quote: "my manager", verification: { status: "unverified", reason: "The quoted words do not appear in the cited segments." } });
  });

  it("evidence pointing at a segment that does not exist: unverified", async () => {
    fake.reply = { kind: "notes", edit: (notes) => void (fakeItemsOf(notes, "keyTopics")[0]!.evidence[0].segmentId = "seg-99") };
    const notes = await verifiedNotes();
    expect(notes.quality).toEqual({ grounded: 12, unverified: 1, notAssessed: 5 });
    const topics = notes.keyTopics as Exclude<ClinicalNotes["keyTopics"], { status: "not_assessed" }>;
    expect(topics[0]!.verification).toEqual({ status: "unverified", reason: "The cited segment seg-99 does not exist." });
  });

  it("evidence attributed to the wrong speaker: unverified", async () => {
    // The patient's quote of seg-2 cited as seg-1, the therapist's question, with a quote from it.
    fake.reply = {
      kind: "notes",
      edit: (notes) => {
        fakeItemsOf(notes, "significantQuotes")[0]!.evidence = [{ segmentId: "seg-1", quote: "How have you been sleeping" }];
        fakeItemsOf(notes, "significantQuotes")[0]!.quote = "How have you been sleeping";
      },
    };
    const notes = await verifiedNotes();
    expect(notes.quality).toEqual({ grounded: 12, unverified: 1, notAssessed: 5 });
    const quotes = notes.significantQuotes as Exclude<ClinicalNotes["significantQuotes"], { status: "not_assessed" }>;
    expect(quotes[0]!.verification).toEqual({ status: "unverified", reason: "Segment seg-1 was said by the therapist, not the patient." });
  });

  it("a risk flag without evidence: kept (no repair asked), unverified", async () => {
    fake.reply = { kind: "notes", edit: (notes) => void (fakeItemsOf(notes, "riskFlags")[0]!.evidence = []) };
    const notes = await verifiedNotes();
    expect(fake.received).toHaveLength(1);
    expect(notes.quality).toEqual({ grounded: 12, unverified: 1, notAssessed: 5 });
    expect(riskFlagsOf(notes)).toHaveLength(1);
    expect(riskFlagsOf(notes)[0]).toMatchObject({ type: "self_harm", verification: { status: "unverified", reason: "The item cites no transcript segment." } });
  });

  it("malformed JSON: one repair request telling what was wrong, then the repaired notes", async () => {
    fake.reply = (_request, index) => (index === 0 ? { kind: "content", content: '{"keyTopics": {"assessed": tr' } : { kind: "notes" });
    const notes = await verifiedNotes();
    expect(fake.received).toHaveLength(2);
    const repair = fake.received[1]!.body.messages;
    expect(repair.map((message: { role: string }) => message.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(repair[3].content).toContain("not valid JSON");
    expect(notes.quality).toEqual({ grounded: 13, unverified: 0, notAssessed: 5 });
  });

  it("malformed JSON twice: provider.bad_response, not retryable, no model words in the error", async () => {
    fake.reply = { kind: "content", content: "Sure! The patient said she has been thinking about ending my life" };
    const error = await expectConfideError(writerOf().write(riskDialogue), "provider.bad_response");
    expect(error.retryable).toBe(false);
    expect(fake.received).toHaveLength(2);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("ending my life");
    expectNoTranscriptIn(error);
  });

  it("schema-violating output: the repair request names the paths, then provider.bad_response", async () => {
    fake.reply = { kind: "notes", edit: (notes) => void (fakeItemsOf(notes, "keyTopics")[0]!.evidence = "seg-2") };
    const error = await expectConfideError(writerOf().write(riskDialogue), "provider.bad_response");
    expect(fake.received).toHaveLength(2);
    expect(fake.received[1]!.body.messages[3].content).toContain("items.0.evidence");
    expect(error.message).toContain("items.0.evidence");
    expectNoTranscriptIn(error);
  });

  it("schema-violating output repaired on the second answer", async () => {
    fake.reply = (_request, index) =>
      index === 0 ? { kind: "notes", edit: (notes) => void (notes.sessionMood.value = "gloomy") } : { kind: "notes" };
    const notes = await verifiedNotes();
    expect(fake.received).toHaveLength(2);
    expect(notes.quality).toEqual({ grounded: 13, unverified: 0, notAssessed: 5 });
  });

  it("429 with Retry-After: retryable provider.throttled with retryAfterMs, the SDK retrying nothing", async () => {
    fake.reply = { kind: "throttled", retryAfter: "7" };
    const error = await expectConfideError(writerOf().write(riskDialogue), "provider.throttled");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(7_000);
    expect(fake.received).toHaveLength(1);
    expectNoTranscriptIn(error);
  });

  it("429 with retry-after-ms: that delay", async () => {
    fake.reply = { kind: "throttled", retryAfterMs: "1500", retryAfter: "2" };
    const error = await expectConfideError(writerOf().write(riskDialogue), "provider.throttled");
    expect(error.retryAfterMs).toBe(1_500);
  });

  it("5xx: retryable provider.unavailable; 401: provider.rejected, not retryable", async () => {
    fake.reply = { kind: "server-error", status: 503 };
    expect((await expectConfideError(writerOf().write(riskDialogue), "provider.unavailable")).retryable).toBe(true);
    fake.reply = { kind: "rejected", status: 401, message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" };
    const rejected = await expectConfideError(writerOf().write(riskDialogue), "provider.rejected");
    expect(rejected.retryable).toBe(false);
    expect(rejected.details?.errorCode).toBe("invalid_api_key");
  });

  it("a server that cannot be reached: retryable provider.unavailable", async () => {
    const error = await expectConfideError(
      createOpenAiNoteWriter({ baseUrl: "http://127.0.0.1:9/v1", model: "m", timeoutMs: 5_000 }).write(riskDialogue),
      "provider.unavailable",
    );
    expect(error.retryable).toBe(true);
  });

  it("a hang past the timeout: retryable provider.timeout after about the timeout", async () => {
    fake.reply = { kind: "hang" };
    const started = Date.now();
    const error = await expectConfideError(writerOf({ timeoutMs: 300 }).write(riskDialogue), "provider.timeout");
    expect(error.retryable).toBe(true);
    expect(error.details?.timeoutMs).toBe(300);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("a caller's abort: provider.interrupted", async () => {
    fake.reply = { kind: "hang" };
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("shutdown")), 100);
    await expectConfideError(writerOf().write(riskDialogue, { signal: controller.signal }), "provider.interrupted");
  });

  it("a transcript too long for one request: overlapping windows, every line sent, notes merged without duplicates", async () => {
    const long = longDialogue(60);
    // The window: 3,292 context tokens less 512 for the answer, 512 of framing and the longest format prompt (803).
    const { notes } = await writerOf({ contextTokens: 3_292, maxOutputTokens: 512 }).write(long);
    const windows = fake.received.map((request) => request.lines.map((line) => line.segmentId));
    expect(windows.length).toBeGreaterThanOrEqual(3);
    // Every segment in some window; consecutive windows share lines.
    expect(new Set(windows.flat())).toEqual(new Set(long.segments.map((segment) => segment.id)));
    for (let index = 1; index < windows.length; index += 1) {
      expect(windows[index]!.filter((id) => windows[index - 1]!.includes(id)).length).toBeGreaterThan(0);
    }
    const verified = verifyNotes(notes, { ...long, revision: 1 }, provenance, claims);
    // The self-harm line is in the overlap of windows 1 and 2: one flag; the harm line of window 3 another.
    expect(windows.filter((ids) => ids.includes("seg-46"))).toHaveLength(2);
    expect(riskFlagsOf(verified).map((flag) => [flag.type, flag.evidence[0]!.segmentId, flag.verification.status])).toEqual([
      ["self_harm", "seg-46", "grounded"],
      ["harm_to_others", "seg-102", "grounded"],
    ]);
    // Mood over the whole: negative, negative, neutral; trajectory from part to part.
    expect(verified.sessionMood).toMatchObject({ value: "negative", text: "Across 3 parts of the session: negative, then negative, then neutral." });
    expect(verified.moodTrajectory).toMatchObject({ value: "improving" });
    const quotes = verified.significantQuotes as Exclude<ClinicalNotes["significantQuotes"], { status: "not_assessed" }>;
    expect(new Set(quotes.map((quote) => quote.quote)).size).toBe(quotes.length);
    expect(quotes.length).toBe(long.segments.filter((segment) => segment.speaker === "S2").length);
    expect(isNotAssessed(verified.sessionMood)).toBe(false);
    // Every merged item cites words that carry it (read by core's plain-words reader; how the claim
    // reader every profile uses judges a word like the fake's topic "afterwards" is its own test).
    const unsupported = [...(verified.keyTopics as NoteItem[]), ...(verified.patientSummary as NoteItem[])].filter((item) => item.support === "unsupported");
    expect(unsupported).toEqual([]);
    expect(verified.quality).toEqual({ grounded: 71, unverified: 0, notAssessed: 5 });
  });
});

/** A dialogue of `turns` line pairs, a self-harm statement at turn 22 and a harm-to-others one at turn 50. */
function longDialogue(turns: number): NoteWriterInput {
  const segments: NoteWriterInput["segments"] = [];
  for (let turn = 0; turn < turns; turn += 1) {
    const at = turn * 20_000;
    segments.push({ id: `seg-${2 * turn + 1}`, speaker: "S1", startMs: at, endMs: at + 5_000, text: `Tell me more about day ${turn} of the week and how it went for you.` });
    const text =
      turn === 22
        ? `On day ${turn} I have been thinking about ending my life, and that scared me.`
        : turn === 50
          ? `On day ${turn} my brother shouted and I wanted to hurt him, so I left.`
          : `On day ${turn} I went walking number${turn} in the park and felt somewhat calmer afterwards.`;
    segments.push({ id: `seg-${2 * turn + 2}`, speaker: "S2", startMs: at + 5_000, endMs: at + 15_000, text });
  }
  return { language: "en-US", speakers: riskDialogue.speakers, segments, sentiment: [] };
}

describe("openai NoteWriter's suggested reflection on the fake server", () => {
  const reflectionInput = {
    language: "en-US",
    speakers: riskDialogue.speakers,
    segments: riskDialogue.segments.slice(-2).map(({ id, speaker, text }) => ({ id, speaker, text })),
  };

  it("asks with the reflection's strict schema and reads the reflection the model answers", async () => {
    const reflection = await writerOf().reflect(reflectionInput);
    const body = fake.received[0]!.body;
    expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "suggested_reflection", strict: true, schema: reflectionJsonSchema } });
    expect(body.messages[0].content).toBe(reflectionPrompt.system);
    expect(reflection).toEqual({ text: "Next week I'm going to call my sister and tell her how I feel.", cites: ["seg-6"] });
    expect(checkedReflection(reflection!, reflectionInput, claims)).toEqual(reflection);
  });

  it("a reflection citing the therapist's line is dropped; one the cited words do not carry fails core's check (read by wink-nlp)", async () => {
    fake.reply = { kind: "content", content: JSON.stringify({ text: "You will make a safety plan.", cites: ["seg-5"] }) };
    expect(await writerOf().reflect(reflectionInput)).toBeNull();
    fake.reply = { kind: "content", content: JSON.stringify({ text: "You never want to see your sister again.", cites: ["seg-6"] }) };
    const unsupported = await writerOf().reflect(reflectionInput);
    expect(unsupported).not.toBeNull();
    expect(checkedReflection(unsupported!, reflectionInput, claims)).toBeNull();
  });
});

describe("openai notes descriptor", () => {
  it("requires the URL and the model, defaults temperature 0.1, no SDK retries, 8192 context tokens", () => {
    expect(openAiNotesDescriptor.settings.safeParse({}).success).toBe(false);
    expect(openAiNotesDescriptor.settings.parse({ baseUrl: "http://127.0.0.1:9/v1", model: "m" })).toEqual({
      baseUrl: "http://127.0.0.1:9/v1",
      model: "m",
      timeoutMs: 120_000,
      checkTimeoutMs: 5_000,
      contextTokens: 8192,
      maxOutputTokens: 2048,
      reasoningModel: false,
      overlapSegments: 3,
      temperature: 0.1,
      maxRetries: 0,
    });
    // As the variables give them: text.
    expect(openAiNotesDescriptor.settings.parse({ baseUrl: "http://127.0.0.1:9/v1", model: "m", reasoningModel: "true", maxRetries: "2" })).toMatchObject({
      reasoningModel: true,
      maxRetries: 2,
    });
  });

  it("sends to the server, model and key its settings name; check() reads the model list", async () => {
    const writer = await openAiNotesDescriptor.create(
      openAiNotesDescriptor.settings.parse({
        baseUrl: fake.url,
        model: "llama-3.1-8b-instruct",
        apiKey: "key-1",
        temperature: "0",
      }),
    );
    await writer.check();
    await writer.write(riskDialogue);
    expect(fake.received[0]!.headers.authorization).toBe("Bearer key-1");
    expect(fake.received[0]!.body.model).toBe("llama-3.1-8b-instruct");
    expect(fake.received[0]!.body.temperature).toBe(0);
    await writer.close();
  });

  it("sends no Authorization header without a key (whatever OPENAI_API_KEY says)", async () => {
    await writerOf().write(riskDialogue);
    expect(fake.received[0]!.headers.authorization).toBeUndefined();
  });

  it("refuses a server URL that is not http(s), an empty model and settings out of range, naming the setting", () => {
    for (const [settings, setting] of [
      [{ baseUrl: "ftp://127.0.0.1/v1", model: "m" }, "baseUrl"],
      [{ baseUrl: "http://127.0.0.1:9/v1", model: "  " }, "model"],
      [{ baseUrl: "http://127.0.0.1:9/v1", model: "m", temperature: 2.5 }, "temperature"],
      [{ baseUrl: "http://127.0.0.1:9/v1", model: "m", contextTokens: 512 }, "contextTokens"],
      [{ baseUrl: "http://127.0.0.1:9/v1", model: "m", overlapSegments: -1 }, "overlapSegments"],
    ] as const) {
      expect(() => createOpenAiNoteWriter(settings)).toThrow(expect.objectContaining({ code: "validation.invalid_input", details: { setting } }));
    }
  });

  it("check() of an unreachable server: dependency.unavailable", async () => {
    await expectConfideError(createOpenAiNoteWriter({ baseUrl: "http://127.0.0.1:9/v1", model: "m" }).check(), "dependency.unavailable");
  });
});
