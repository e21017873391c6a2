import { AzureKeyCredential, TextAnalyticsClient, type AnalyzeSentimentResult, type AnalyzeSentimentErrorResult } from "@azure/ai-text-analytics";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeTextAnalyticsServer, type FakeTextAnalyticsServer } from "./text-analytics-server.ts";

let language: FakeTextAnalyticsServer;

beforeAll(async () => {
  language = await startFakeTextAnalyticsServer();
});

afterAll(async () => {
  await language.close();
});

beforeEach(() => {
  language.fault = () => undefined;
});

/** The client as an adapter would build it; `maxRetries: 0` shows what the SDK's own retries hide. */
function client(options: { maxRetries?: number } = {}) {
  return new TextAnalyticsClient(language.url, new AzureKeyCredential(language.key), {
    allowInsecureConnection: true,
    ...(options.maxRetries === undefined ? {} : { retryOptions: { maxRetries: options.maxRetries } }),
  });
}

function succeeded(result: AnalyzeSentimentResult | AnalyzeSentimentErrorResult) {
  if (result.error !== undefined) throw new Error(`document ${result.id} failed: ${result.error.code}`);
  return result;
}

describe("fake Text Analytics v3.1 sentiment, through @azure/ai-text-analytics 5.1", () => {
  it("scores documents and sentences by the keyword rule, offsets in UTF-16 code units as the SDK asks", async () => {
    const text = "I slept better this week 😀. But I still feel anxious at night! Work is fine.";
    const results = await client().analyzeSentiment([
      { id: "a", text: "Thanks, I feel calm and hopeful.", language: "en" },
      { id: "b", text, language: "en" },
      { id: "c", text: "I am tired and sad.", language: "en" },
    ]);
    expect(results.map((result) => [result.id, succeeded(result).sentiment])).toEqual([
      ["a", "positive"],
      ["b", "mixed"],
      ["c", "negative"],
    ]);
    expect(results.modelVersion).toBe("2020-04-01");
    const mixed = succeeded(results[1]!);
    expect(mixed.sentences.map((sentence) => sentence.sentiment)).toEqual(["positive", "negative", "neutral"]);
    for (const sentence of mixed.sentences) expect(text.slice(sentence.offset, sentence.offset + sentence.length)).toBe(sentence.text);
    expect(mixed.sentences[0]!.confidenceScores).toEqual({ positive: 0.9, neutral: 0.08, negative: 0.02 });
    const total = mixed.confidenceScores.positive + mixed.confidenceScores.neutral + mixed.confidenceScores.negative;
    expect(total).toBeCloseTo(1, 1);

    const request = language.received.at(-1)!;
    expect(request.path).toBe("/text/analytics/v3.1/sentiment");
    expect(request.query).toMatchObject({ stringIndexType: "Utf16CodeUnit" });
    expect(request.headers["ocp-apim-subscription-key"]).toBe(language.key);
    expect(request.documents).toHaveLength(3);
  });

  it("sends opinionMining when asked and answers sentences with targets", async () => {
    const [result] = await client().analyzeSentiment([{ id: "1", text: "The session was good.", language: "en" }], { includeOpinionMining: true });
    expect(language.received.at(-1)!.query.opinionMining).toBe("true");
    expect(succeeded(result!).sentences[0]!.opinions).toEqual([]);
  });

  it("refuses more than 10 documents with the service's InvalidDocumentBatch error (5.1 reports the outer code)", async () => {
    const documents = Array.from({ length: 11 }, (_, index) => ({ id: String(index), text: "Fine.", language: "en" }));
    const error = (await client()
      .analyzeSentiment(documents)
      .catch((caught: unknown) => caught)) as { statusCode: number; code: string; details: { error: { innererror: { code: string; message: string } } } };
    // analyzeSentiment in 5.1 does not unwrap the inner error (only recognizeEntities does): the
    // batch limit shows only in `details`.
    expect(error).toMatchObject({ statusCode: 400, code: "InvalidRequest" });
    expect(error.details.error.innererror).toEqual({
      code: "InvalidDocumentBatch",
      message: "Batch request contains too many records. Max 10 records are permitted.",
    });
  });

  it("fails a document over 5,120 characters on its own, the others still scored", async () => {
    const results = await client().analyzeSentiment([
      { id: "long", text: "a".repeat(5121), language: "en" },
      { id: "fits", text: `${"a".repeat(5110)} good.`, language: "en" },
      { id: "empty", text: " ", language: "en" },
      { id: "klingon", text: "Qapla'!", language: "tlh" },
    ]);
    expect(results.map((result) => [result.id, result.error?.code])).toEqual([
      ["long", "InvalidDocument"],
      ["fits", undefined],
      ["empty", "InvalidDocument"],
      ["klingon", "UnsupportedLanguageCode"],
    ]);
    expect(results[0]!.error!.message).toMatch(/Limit document size to: 5120 text elements/);
    expect(succeeded(results[1]!).sentiment).toBe("positive");
  });

  it("counts the limit in text elements: 5,120 emoji (10,240 UTF-16 units) fit", async () => {
    const [result] = await client().analyzeSentiment([{ id: "emoji", text: "😀".repeat(5120), language: "en" }]);
    expect(result!.error).toBeUndefined();
  });

  describe("throttling and failures as the SDK surfaces them", () => {
    it("429 with retries off: a RestError with status 429 and the Retry-After header", async () => {
      language.fault = () => ({ kind: "throttled", retryAfterSeconds: 3 });
      const error = (await client({ maxRetries: 0 })
        .analyzeSentiment(["Fine."])
        .catch((caught: unknown) => caught)) as { statusCode: number; code: string; response: { headers: { get(name: string): string | undefined } } };
      expect(error.statusCode).toBe(429);
      expect(error.code).toBe("429");
      expect(error.response.headers.get("retry-after")).toBe("3");
    });

    it("429 with the SDK's default retries: it waits Retry-After and tries again by itself", async () => {
      const before = language.received.length;
      language.fault = (_request, index) => (index === before ? { kind: "throttled", retryAfterSeconds: 1 } : undefined);
      const startedAt = Date.now();
      const [result] = await client().analyzeSentiment(["Good."]);
      expect(succeeded(result!).sentiment).toBe("positive");
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
      expect(language.received.length - before).toBe(2);
    });

    it("500 with retries off", async () => {
      language.fault = () => ({ kind: "server-error" });
      const error = (await client({ maxRetries: 0 })
        .analyzeSentiment(["Fine."])
        .catch((caught: unknown) => caught)) as { statusCode: number };
      expect(error.statusCode).toBe(500);
    });

    it("a hang ends at the caller's abort signal", async () => {
      language.fault = () => ({ kind: "hang" });
      await expect(client({ maxRetries: 0 }).analyzeSentiment(["Fine."], "en", { abortSignal: AbortSignal.timeout(200) })).rejects.toThrow(/abort/i);
    });

    it("a malformed body is a parse error", async () => {
      language.fault = () => ({ kind: "malformed" });
      await expect(client({ maxRetries: 0 }).analyzeSentiment(["Fine."])).rejects.toThrow(/pars|JSON/i);
    });

    it("a wrong key is 401", async () => {
      const wrong = new TextAnalyticsClient(language.url, new AzureKeyCredential("wrong"), { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
      await expect(wrong.analyzeSentiment(["Fine."])).rejects.toMatchObject({ statusCode: 401 });
    });
  });
});
