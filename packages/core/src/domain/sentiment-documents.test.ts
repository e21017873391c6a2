import { describe, expect, it } from "vitest";
import { ConfideError } from "../errors.ts";
import type { SentimentResult } from "./sentiment.ts";
import {
  combinedLabel,
  combineSentiments,
  neutralSentiment,
  scoreInBatches,
  type SentimentDocument,
  type SentimentDocumentLimits,
} from "./sentiment-documents.ts";

const positive: SentimentResult = { label: "positive", scores: { positive: 0.9, neutral: 0.1, negative: 0, mixed: 0 } };
const negative: SentimentResult = { label: "negative", scores: { positive: 0, neutral: 0.2, negative: 0.8, mixed: 0 } };
const neutral: SentimentResult = { label: "neutral", scores: { positive: 0, neutral: 1, negative: 0, mixed: 0 } };

/** Scores by keyword and records every batch. */
function recordingScorer() {
  const batches: SentimentDocument[][] = [];
  const score = async (documents: readonly SentimentDocument[]) => {
    batches.push([...documents]);
    return documents.map((document) => (/good/.test(document.text) ? positive : /bad/.test(document.text) ? negative : neutral));
  };
  return { batches, score };
}

const azureLike: SentimentDocumentLimits = { documentsPerRequest: 10, sizePerDocument: 5120, measure: "code-points" };
const comprehendLike: SentimentDocumentLimits = { documentsPerRequest: 25, sizePerDocument: 5000, measure: "utf8-bytes" };

describe("combining the results of a text's pieces", () => {
  it("weights scores by length and keeps their sum at 1", () => {
    const combined = combineSentiments([
      { result: positive, weight: 300 },
      { result: negative, weight: 100 },
    ]);
    expect(combined.scores.positive).toBeCloseTo(0.675, 6);
    expect(combined.scores.negative).toBeCloseTo(0.2, 6);
    expect(combined.scores.neutral).toBeCloseTo(0.125, 6);
    expect(combined.scores.positive + combined.scores.neutral + combined.scores.negative + combined.scores.mixed).toBeCloseTo(1, 9);
  });

  it("labels as Azure labels a document of sentences", () => {
    expect(combinedLabel(["positive", "negative"])).toBe("mixed");
    expect(combinedLabel(["neutral", "mixed"])).toBe("mixed");
    expect(combinedLabel(["neutral", "positive", "neutral"])).toBe("positive");
    expect(combinedLabel(["negative", "neutral"])).toBe("negative");
    expect(combinedLabel(["neutral", "neutral"])).toBe("neutral");
  });

  it("gives one part back unchanged and no parts as neutral", () => {
    expect(combineSentiments([{ result: negative, weight: 3 }])).toBe(negative);
    expect(combineSentiments([])).toEqual(neutralSentiment);
  });
});

describe("scoreInBatches", () => {
  it("answers [] for no texts without asking the provider", async () => {
    const scorer = recordingScorer();
    expect(await scoreInBatches([], { limits: azureLike, locale: "en" }, scorer.score)).toEqual([]);
    expect(scorer.batches).toEqual([]);
  });

  it("sends 26 texts as 25 + 1 within Comprehend's limit and 10 + 10 + 6 within Azure's, results in order", async () => {
    const texts = Array.from({ length: 26 }, (_, index) => (index % 2 === 0 ? `good ${index}` : `bad ${index}`));
    for (const [limits, sizes] of [
      [comprehendLike, [25, 1]],
      [azureLike, [10, 10, 6]],
    ] as const) {
      const scorer = recordingScorer();
      const results = await scoreInBatches(texts, { limits, locale: "en" }, scorer.score);
      expect(scorer.batches.map((batch) => batch.length)).toEqual(sizes);
      expect(scorer.batches.flat().map((document) => document.textIndex)).toEqual(texts.map((_, index) => index));
      expect(results.map((result) => result.label)).toEqual(texts.map((_, index) => (index % 2 === 0 ? "positive" : "negative")));
    }
  });

  it("sends a 12,000-character text as three pieces and answers one result for it", async () => {
    let long = "";
    while (long.length < 12_000) long += "This week was good. Nothing else happened. ";
    long = long.slice(0, 12_000);
    const scorer = recordingScorer();

    const results = await scoreInBatches(["bad start", long, "plain"], { limits: azureLike, locale: "en" }, scorer.score);

    expect(results).toHaveLength(3);
    expect(scorer.batches).toHaveLength(1);
    const pieces = scorer.batches[0]!.filter((document) => document.textIndex === 1);
    expect(pieces).toHaveLength(3);
    expect(pieces.map((piece) => piece.text).join("")).toBe(long);
    expect(results.map((result) => result.label)).toEqual(["negative", "positive", "neutral"]);
    for (const key of ["positive", "neutral", "negative", "mixed"] as const) expect(results[1]!.scores[key]).toBeCloseTo(positive.scores[key], 9);
  });

  it("answers whitespace-only texts neutral without sending them (a provider refuses them)", async () => {
    const scorer = recordingScorer();
    const results = await scoreInBatches(["", "good", "  \n"], { limits: comprehendLike, locale: "en" }, scorer.score);
    expect(results).toEqual([neutralSentiment, positive, neutralSentiment]);
    expect(scorer.batches.flat().map((document) => document.text)).toEqual(["good"]);
  });

  it("stops at the first failing batch and sends no more", async () => {
    const texts = Array.from({ length: 30 }, () => "good");
    let calls = 0;
    const failure = new ConfideError("provider.throttled", "slow down", { retryable: true, retryAfterMs: 1000 });
    const promise = scoreInBatches(texts, { limits: azureLike, locale: "en" }, async (documents) => {
      calls += 1;
      if (calls === 2) throw failure;
      return documents.map(() => positive);
    });
    await expect(promise).rejects.toBe(failure);
    expect(calls).toBe(2);
  });

  it("ends between batches when the signal aborts, with its reason", async () => {
    const controller = new AbortController();
    const reason = new ConfideError("dependency.unavailable", "stopping", { retryable: true });
    let calls = 0;
    const promise = scoreInBatches(Array.from({ length: 30 }, () => "good"), { limits: azureLike, locale: "en", signal: controller.signal }, async (documents) => {
      calls += 1;
      controller.abort(reason);
      return documents.map(() => positive);
    });
    await expect(promise).rejects.toBe(reason);
    expect(calls).toBe(1);
  });

  it("refuses a batch answer of the wrong length as provider.bad_response", async () => {
    const promise = scoreInBatches(["good", "bad"], { limits: azureLike, locale: "en" }, async () => [positive]);
    await expect(promise).rejects.toMatchObject({ code: "provider.bad_response" });
  });
});
