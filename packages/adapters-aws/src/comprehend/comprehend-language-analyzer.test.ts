import { inspect } from "node:util";
import { ConfideError, type LanguageAnalyzer } from "@confide/core/ports";
import { clearlyNegative, clearlyPositive, describeLanguageAnalyzerContract, expectConfideError } from "@confide/contracts";
import { startFakeComprehendServer, type FakeComprehendServer } from "@confide/contracts/fakes";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ComprehendSettings } from "./settings.ts";
import { createComprehendLanguageAnalyzer } from "./comprehend-language-analyzer.ts";

let fake: FakeComprehendServer;

beforeAll(async () => {
  fake = await startFakeComprehendServer();
});

afterAll(async () => {
  await fake?.close();
});

beforeEach(() => {
  fake.fault = () => undefined;
  fake.documentError = () => undefined;
  // A document over 5,000 bytes fails the whole request, as DetectSentiment is seen to answer.
  fake.oversizedDocuments = "reject-request";
});

function analyzer(settings: Partial<ComprehendSettings> = {}): Promise<LanguageAnalyzer> {
  return createComprehendLanguageAnalyzer({ ...fake.clientConfig, ...settings });
}

interface SentRequest {
  TextList: string[];
  LanguageCode: string;
}

/** BatchDetectSentiment requests received from `from` on. */
const batches = (from: number) =>
  fake.received
    .slice(from)
    .filter((request) => request.operation === "BatchDetectSentiment")
    .map((request) => request.body as SentRequest);

const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describeLanguageAnalyzerContract({ name: "comprehend (fake Comprehend, real SDK)", create: () => analyzer() });

describe("Comprehend language analyzer", () => {
  const language = "en-US";

  it("sends 26 texts as 25 + 1 documents, in Comprehend's language code, results in order", async () => {
    const texts = Array.from({ length: 26 }, (_, index) => (index % 2 === 0 ? clearlyPositive[0] : clearlyNegative[1]) as string);
    const from = fake.received.length;

    const results = await (await analyzer()).sentiment(texts, { language });

    const sent = batches(from);
    expect(sent.map((request) => request.TextList.length)).toEqual([25, 1]);
    expect(sent.map((request) => request.LanguageCode)).toEqual(["en", "en"]);
    expect(sent.flatMap((request) => request.TextList)).toEqual(texts);
    expect(results.map((result) => result.label)).toEqual(texts.map((_, index) => (index % 2 === 0 ? "positive" : "negative")));
  });

  it("takes Comprehend's four scores one to one", async () => {
    const [mixed] = await (await analyzer()).sentiment(["I love my kids but I hate my job."], { language });
    expect(mixed).toEqual({ label: "mixed", scores: { positive: 0.25, neutral: 0.05, negative: 0.2, mixed: 0.5 } });
  });

  it("counts the 5,000 limit in bytes: 2,500 'é' go whole, 2,501 in two documents — the fake refuses any document over 5,000 bytes", async () => {
    const from = fake.received.length;
    const results = await (await analyzer()).sentiment(["é".repeat(2500), "é".repeat(2501)], { language: "fr-FR" });
    expect(results).toHaveLength(2);
    const [sent] = batches(from);
    expect(sent!.LanguageCode).toBe("fr");
    expect(sent!.TextList.map(utf8Bytes)).toEqual([5000, 5000, 2]);
  });

  it("splits a long text of emoji, CJK and accented sentences by bytes on sentence ends, never inside a character", async () => {
    const sentences = ["Je suis très fatigué, so tired and sad. ", "今日は良い日でした。", "I feel good 😀👍🏽 today! ", "Ça va mieux, merci. "];
    let text = "";
    for (let index = 0; utf8Bytes(text) < 12_000; index += 1) text += sentences[index % sentences.length];
    const from = fake.received.length;

    const [result] = await (await analyzer()).sentiment([text], { language });

    const pieces = batches(from)[0]!.TextList;
    expect(pieces.length).toBe(3);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) {
      expect(utf8Bytes(piece)).toBeLessThanOrEqual(5000);
      expect(hasLoneSurrogate(piece)).toBe(false);
      expect(piece).toMatch(/(\. |。|! )$/);
    }
    expect(result!.label).toBe("mixed");
  });

  it("sends only pieces within 5,000 bytes for any text (property, against the fake's byte check)", async () => {
    const tested = await analyzer();
    const unit = fc.oneof(fc.constantFrom("é", "語", "😀", "👨‍👩‍👧", "a", ". ", "。", " ", "good ", "sad "), fc.string({ unit: "grapheme", maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 3000 }), async (parts) => {
        const text = parts.join("");
        const from = fake.received.length;
        const results = await tested.sentiment([text], { language });
        expect(results).toHaveLength(1);
        for (const piece of batches(from).flatMap((request) => request.TextList)) {
          expect(utf8Bytes(piece)).toBeLessThanOrEqual(5000);
          expect(hasLoneSurrogate(piece)).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("a document in ErrorList fails the call (partial failure), never answering it neutral", async () => {
    const tested = await analyzer();
    fake.documentError = (text) => (text.includes("glitch") ? { ErrorCode: "INTERNAL_SERVER_ERROR", ErrorMessage: "Internal server error" } : undefined);
    const internal = await expectConfideError(tested.sentiment(["I am glad.", "A glitch here.", "I am sad."], { language }), "provider.unavailable");
    expect(internal.retryable).toBe(true);
    expect(internal.details).toMatchObject({ reason: "INTERNAL_SERVER_ERROR", textIndex: 1 });

    fake.documentError = (text) => (text.includes("glitch") ? { ErrorCode: "TEXT_SIZE_LIMIT_EXCEEDED", ErrorMessage: "too long" } : undefined);
    const refused = await expectConfideError(tested.sentiment(["I am glad.", "A glitch here."], { language }), "provider.rejected");
    expect(refused.retryable).toBe(false);
  });

  it("refuses a language Comprehend does not analyse before sending anything", async () => {
    const from = fake.received.length;
    const error = await expectConfideError((await analyzer()).sentiment(["Jag är glad."], { language: "sv-SE" }), "provider.unsupported");
    expect(error.retryable).toBe(false);
    expect(batches(from)).toEqual([]);
  });

  describe("failures of the service, with the SDK's attempts as the adapter sets them", () => {
    it.each(["ThrottlingException", "TooManyRequestsException"])("%s → provider.throttled, retryable, with a suggested wait", async (errorType) => {
      fake.fault = () => ({ kind: "throttled", errorType });
      const from = fake.received.length;
      const error = await expectConfideError((await analyzer({ maxAttempts: 1 })).sentiment(["Good."], { language }), "provider.throttled");
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBe(1_000);
      expect(error.details).toMatchObject({ reason: errorType });
      expect(batches(from)).toHaveLength(1);
    });

    it("throttling with the default 2 attempts: the SDK retries once and gives up bounded", async () => {
      fake.fault = () => ({ kind: "throttled" });
      const from = fake.received.length;
      const startedAt = Date.now();
      await expectConfideError((await analyzer()).sentiment(["Good."], { language }), "provider.throttled");
      expect(batches(from)).toHaveLength(2);
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    });

    it("one throttled answer then success: the call succeeds within the default attempts", async () => {
      const from = fake.received.length;
      fake.fault = (_request, index) => (index === from ? { kind: "throttled" } : undefined);
      const [result] = await (await analyzer()).sentiment([clearlyPositive[1] as string], { language });
      expect(result!.label).toBe("positive");
    });

    it("500 InternalServerException → provider.unavailable, retryable", async () => {
      fake.fault = () => ({ kind: "server-error" });
      const error = await expectConfideError((await analyzer({ maxAttempts: 1 })).sentiment(["Good."], { language }), "provider.unavailable");
      expect(error.retryable).toBe(true);
      expect(error.details).toMatchObject({ reason: "InternalServerException", status: 500 });
    });

    it("a hang ends at the request timeout as provider.timeout, also with more SDK attempts", async () => {
      fake.fault = () => ({ kind: "hang" });
      for (const maxAttempts of [1, 3]) {
        const startedAt = Date.now();
        const error = await expectConfideError((await analyzer({ requestTimeoutMs: 300, maxAttempts })).sentiment(["Good."], { language }), "provider.timeout");
        expect(error.retryable).toBe(true);
        expect(Date.now() - startedAt).toBeLessThan(3_000);
      }
    });

    it("the caller's abort ends a hanging request with the caller's reason", async () => {
      fake.fault = () => ({ kind: "hang" });
      const controller = new AbortController();
      const reason = new ConfideError("dependency.unavailable", "the worker is stopping", { retryable: true });
      setTimeout(() => controller.abort(reason), 100);
      await expect((await analyzer()).sentiment(["Good."], { language, signal: controller.signal })).rejects.toBe(reason);
    });

    it("a malformed body → provider.bad_response", async () => {
      fake.fault = () => ({ kind: "malformed" });
      await expectConfideError((await analyzer({ maxAttempts: 1 })).sentiment(["Good."], { language }), "provider.bad_response");
    });

    it("unknown credentials → provider.rejected, not retryable, naming no secret", async () => {
      const credentials = { accessKeyId: "AKIDNOTKNOWN", secretAccessKey: "secret-that-must-not-leak" };
      const error = await expectConfideError((await analyzer({ credentials })).sentiment(["Good."], { language }), "provider.rejected");
      expect(error.retryable).toBe(false);
      expect(error.details).toMatchObject({ reason: "UnrecognizedClientException" });
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain("secret-that-must-not-leak");
      expect(inspect(error, { depth: 20 })).not.toContain("secret-that-must-not-leak");
    });

    it("an endpoint that refuses connections → provider.unavailable, retryable", async () => {
      const error = await expectConfideError((await analyzer({ endpoint: "http://127.0.0.1:9", maxAttempts: 1 })).sentiment(["Good."], { language }), "provider.unavailable");
      expect(error.retryable).toBe(true);
    });
  });

  describe("check", () => {
    it("resolves without scoring anything (a batch over the limit, refused after authentication)", async () => {
      const from = fake.received.length;
      await (await analyzer()).check();
      const sent = batches(from);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.TextList).toHaveLength(26);
    });

    it("is dependency.unavailable for unknown credentials (not retryable) and an outage (retryable)", async () => {
      const wrong = await expectConfideError((await analyzer({ credentials: { accessKeyId: "AKIDNOTKNOWN", secretAccessKey: "x" } })).check(), "dependency.unavailable");
      expect(wrong.retryable).toBe(false);
      fake.fault = () => ({ kind: "server-error" });
      const down = await expectConfideError((await analyzer({ maxAttempts: 1 })).check(), "dependency.unavailable");
      expect(down.retryable).toBe(true);
    });
  });

  it("refuses a malformed endpoint and out-of-range numbers as validation.invalid_input", async () => {
    expect((await expectConfideError(createComprehendLanguageAnalyzer({ endpoint: "not a url" }), "validation.invalid_input")).details).toEqual({ setting: "endpoint" });
    expect((await expectConfideError(createComprehendLanguageAnalyzer({ maxAttempts: 0 }), "validation.invalid_input")).details).toEqual({ setting: "maxAttempts" });
  });
});
