import { describe, expect, it } from "vitest";
import { comprehendLanguage, sentimentFromComprehend } from "./comprehend-sentiment.ts";

describe("sentimentFromComprehend", () => {
  it("takes the four scores one to one, renormalised to sum to 1, and lower-cases the label", () => {
    const result = sentimentFromComprehend({ Sentiment: "NEGATIVE", SentimentScore: { Positive: 0.1, Negative: 0.6, Neutral: 0.2, Mixed: 0.1000002 } });
    expect(result!.label).toBe("negative");
    expect(result!.scores.negative).toBeCloseTo(0.6, 5);
    const { positive, neutral, negative, mixed } = result!.scores;
    expect(positive + neutral + negative + mixed).toBeCloseTo(1, 12);
  });

  it("refuses what Comprehend does not answer: an unknown label, no scores, scores all 0", () => {
    expect(sentimentFromComprehend({ Sentiment: "HAPPY", SentimentScore: { Positive: 1, Negative: 0, Neutral: 0, Mixed: 0 } })).toBeUndefined();
    expect(sentimentFromComprehend({ Sentiment: "POSITIVE" })).toBeUndefined();
    expect(sentimentFromComprehend({ Sentiment: "NEUTRAL", SentimentScore: { Positive: 0, Negative: 0, Neutral: 0, Mixed: 0 } })).toBeUndefined();
  });
});

describe("comprehendLanguage", () => {
  it.each([
    ["en-US", "en"],
    ["pt_BR", "pt"],
    ["ES", "es"],
    ["zh-CN", "zh"],
    ["zh-Hant", "zh-TW"],
    ["zh-HK", "zh-TW"],
    ["sv-SE", undefined],
    ["", undefined],
  ])("%s → %s", (tag, code) => {
    expect(comprehendLanguage(tag)).toBe(code);
  });
});
