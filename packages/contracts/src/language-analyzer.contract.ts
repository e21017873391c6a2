/**
 * Behaviour every LanguageAnalyzer adapter must show
 * (packages/core/src/ports/language-analyzer.ts).
 */
import type { LanguageAnalyzer, SentimentResult } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

export interface LanguageAnalyzerContractOptions {
  name: string;
  create: () => Promise<LanguageAnalyzer>;
  /** Language passed to `sentiment`; default "en-US". */
  language?: string;
}

/** Sentences any sentiment model reads the same way. */
export const clearlyPositive = [
  "I feel happy and hopeful, this week was great and I am so glad.",
  "Thank you, I love how calm and good I feel now.",
  "Things are much better, I am happy and relieved.",
];
export const clearlyNegative = [
  "I feel sad, anxious and hopeless; everything is awful.",
  "I hate this, I am angry and afraid and so tired of it.",
  "It was the worst week, I felt alone, worried and sad.",
];
export const neutralSentences = [
  "The appointment is on Tuesday at ten.",
  "I took the bus to the office.",
  "We moved the meeting to the second floor.",
];

const labels = ["positive", "neutral", "negative", "mixed"];

function expectValidResult(result: SentimentResult | undefined): void {
  expect(result).toBeDefined();
  const { label, scores } = result as SentimentResult;
  expect(labels).toContain(label);
  let sum = 0;
  for (const key of labels as Array<keyof SentimentResult["scores"]>) {
    const score = scores[key];
    expect(Number.isFinite(score), `${key} score is a number`).toBe(true);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    sum += score;
  }
  expect(Math.abs(sum - 1), `scores sum to 1 (got ${sum})`).toBeLessThanOrEqual(0.02);
}

export function describeLanguageAnalyzerContract(options: LanguageAnalyzerContractOptions): void {
  const language = options.language ?? "en-US";

  describe(`LanguageAnalyzer contract: ${options.name}`, () => {
    let analyzer: LanguageAnalyzer;

    beforeEach(async () => {
      analyzer = await options.create();
    });

    afterEach(async () => {
      await analyzer.close();
    });

    it("check resolves while the analyzer is usable, also with a signal", async () => {
      await expect(analyzer.check()).resolves.toBeUndefined();
      await expect(analyzer.check({ signal: new AbortController().signal })).resolves.toBeUndefined();
    });

    it("names its provider", () => {
      expect(typeof analyzer.provider).toBe("string");
      expect(analyzer.provider.length).toBeGreaterThan(0);
    });

    it("answers [] for no texts", async () => {
      expect(await analyzer.sentiment([], { language })).toEqual([]);
    });

    it("reads a clearly positive text as positive", async () => {
      const [result] = await analyzer.sentiment([clearlyPositive[0] as string], { language });

      expectValidResult(result);
      expect(result?.label).toBe("positive");
      expect(result?.scores.positive).toBeGreaterThan(result?.scores.negative ?? 1);
    });

    it("reads a clearly negative text as negative", async () => {
      const [result] = await analyzer.sentiment([clearlyNegative[0] as string], { language });

      expectValidResult(result);
      expect(result?.label).toBe("negative");
      expect(result?.scores.negative).toBeGreaterThan(result?.scores.positive ?? 1);
    });

    it("gives one valid result per text, in the order of the texts", async () => {
      const texts = [
        clearlyPositive[0],
        clearlyNegative[0],
        neutralSentences[0],
        clearlyNegative[1],
        neutralSentences[1],
        clearlyPositive[1],
      ] as string[];

      const results = await analyzer.sentiment(texts, { language });

      expect(results).toHaveLength(texts.length);
      for (const result of results) expectValidResult(result);
      expect(results.map((result) => result.label)).toEqual([
        "positive",
        "negative",
        expect.any(String),
        "negative",
        expect.any(String),
        "positive",
      ]);
    });

    it("scores 60 texts in one call, in order (beyond any provider batch limit)", async () => {
      const texts = Array.from({ length: 60 }, (_, index) =>
        index % 2 === 0
          ? (clearlyPositive[index % clearlyPositive.length] as string)
          : (clearlyNegative[index % clearlyNegative.length] as string),
      );

      const results = await analyzer.sentiment(texts, { language });

      expect(results).toHaveLength(60);
      results.forEach((result, index) => {
        expectValidResult(result);
        expect(result.label, `text ${index}`).toBe(index % 2 === 0 ? "positive" : "negative");
      });
    });

    it("gives a result for each copy of a repeated text", async () => {
      const text = clearlyNegative[2] as string;

      const results = await analyzer.sentiment([text, text, text], { language });

      expect(results).toHaveLength(3);
      for (const result of results) {
        expectValidResult(result);
        expect(result.label).toBe("negative");
      }
    });

    it("scores a 6,000-character text (beyond any provider size limit)", async () => {
      let text = "";
      for (let index = 0; text.length < 6_000; index += 1) {
        text += `${clearlyPositive[index % clearlyPositive.length]} `;
      }
      text = text.slice(0, 6_000);

      const results = await analyzer.sentiment([neutralSentences[2] as string, text], { language });

      expect(results).toHaveLength(2);
      expectValidResult(results[0]);
      expectValidResult(results[1]);
      expect(results[1]?.label).toBe("positive");
    });
  });
}
