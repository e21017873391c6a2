import { describe, expect, it } from "vitest";
import { sentimentFromAzure, textAnalyticsLanguage } from "./azure-text-analytics-sentiment.ts";

const sentence = (text: string, sentiment: string, positive: number, neutral: number, negative: number) => ({
  text,
  sentiment,
  confidenceScores: { positive, neutral, negative },
});

describe("sentimentFromAzure", () => {
  it("weights sentences by length: a long negative sentence outweighs a short positive one", () => {
    const result = sentimentFromAzure({
      sentiment: "mixed",
      confidenceScores: { positive: 0.5, neutral: 0, negative: 0.5 },
      sentences: [sentence("Good.", "positive", 1, 0, 0), sentence("x".repeat(45), "negative", 0, 0, 1)],
    });
    // P⁺ = 5/50, N⁻ = 45/50: mixed = 0.2; positive = 0.1 - 0.1 = 0; negative = 0.9 - 0.1 = 0.8.
    expect(result!.label).toBe("mixed");
    expect(result!.scores.mixed).toBeCloseTo(0.2, 9);
    expect(result!.scores.positive).toBeCloseTo(0, 9);
    expect(result!.scores.negative).toBeCloseTo(0.8, 9);
  });

  it("keeps mixed at 0 when the sentences agree, even with some doubt on the other side", () => {
    const result = sentimentFromAzure({
      sentiment: "positive",
      confidenceScores: { positive: 0.7, neutral: 0.1, negative: 0.2 },
      sentences: [sentence("Good day.", "positive", 0.7, 0.1, 0.2), sentence("Fine day.", "neutral", 0.2, 0.7, 0.1)],
    });
    expect(result!.scores.mixed).toBe(0);
    expect(result!.scores.positive).toBeCloseTo(0.45, 9);
  });

  it("uses the document's confidences when there are no sentences, and refuses what Azure does not answer", () => {
    expect(sentimentFromAzure({ sentiment: "neutral", confidenceScores: { positive: 0.1, neutral: 0.8, negative: 0.1 }, sentences: [] })).toEqual({
      label: "neutral",
      scores: { positive: 0.1, neutral: 0.8, negative: 0.1, mixed: 0 },
    });
    expect(sentimentFromAzure({ sentiment: "happy", confidenceScores: { positive: 1, neutral: 0, negative: 0 }, sentences: [] })).toBeUndefined();
    expect(sentimentFromAzure({ sentiment: "neutral", confidenceScores: { positive: 0, neutral: 0, negative: 0 }, sentences: [] })).toBeUndefined();
  });
});

describe("textAnalyticsLanguage", () => {
  it.each([
    ["en-US", "en"],
    ["EN_gb", "en"],
    ["fr", "fr"],
    ["zh-CN", "zh-hans"],
    ["zh-Hant-TW", "zh-hant"],
    ["zh-HK", "zh-hant"],
    ["pt-BR", "pt-BR"],
    ["pt-PT", "pt-PT"],
    ["pt", "pt"],
  ])("%s → %s", (tag, code) => {
    expect(textAnalyticsLanguage(tag)).toBe(code);
  });
});
