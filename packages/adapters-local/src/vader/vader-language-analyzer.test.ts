import { ConfideError, type SentimentScores } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import {
  clearlyNegative,
  clearlyPositive,
  describeLanguageAnalyzerContract,
  expectConfideError,
  neutralSentences,
} from "@confide/contracts";
import { createVaderLanguageAnalyzer, sentimentFromVader } from "./vader-language-analyzer.ts";

describeLanguageAnalyzerContract({ name: "vader", create: async () => createVaderLanguageAnalyzer() });

const sumOf = (scores: SentimentScores) => scores.positive + scores.neutral + scores.negative + scores.mixed;

describe("VADER language analyzer", () => {
  const analyzer = createVaderLanguageAnalyzer();
  const language = "en-US";

  it("reads what patients say in a session the way a listener would", async () => {
    const results = await analyzer.sentiment(
      [
        "I feel much better and I am happy with my progress.",
        "I am worried about my job and I feel afraid.",
        "The appointment is on Tuesday.",
        "I love my kids but I hate my job.",
      ],
      { language },
    );

    expect(results.map((result) => result.label)).toEqual(["positive", "negative", "neutral", "mixed"]);
    expect(results[0]?.scores.positive).toBeGreaterThan(0.3);
    expect(results[1]?.scores.negative).toBeGreaterThan(0.2);
    expect(results[2]?.scores).toEqual({ positive: 0, neutral: 1, negative: 0, mixed: 0 });
    expect(results[3]?.scores.mixed).toBeGreaterThan(0.3);
  });

  it("scores 200 texts in order, each summing to 1", async () => {
    const pool = [...clearlyPositive, ...clearlyNegative, ...neutralSentences];
    const texts = Array.from({ length: 200 }, (_, index) => pool[index % pool.length] as string);
    const expected = texts.map((text) =>
      clearlyPositive.includes(text) ? "positive" : clearlyNegative.includes(text) ? "negative" : "neutral",
    );

    const results = await analyzer.sentiment(texts, { language });

    expect(results).toHaveLength(200);
    expect(results.map((result) => result.label)).toEqual(expected);
    for (const result of results) expect(sumOf(result.scores)).toBeCloseTo(1, 6);
  });

  it("accepts any English locale and refuses other languages as provider.unsupported", async () => {
    await expect(analyzer.sentiment(["I am glad."], { language: "en-GB" })).resolves.toHaveLength(1);
    await expect(analyzer.sentiment(["I am glad."], { language: "en" })).resolves.toHaveLength(1);

    const error = await expectConfideError(
      analyzer.sentiment(["Je suis très heureux."], { language: "fr-FR" }),
      "provider.unsupported",
    );
    expect(error.retryable).toBe(false);
  });

  it("gives an empty or wordless text a neutral result", async () => {
    const results = await analyzer.sentiment(["", "   ", "..."], { language });

    for (const result of results) {
      expect(result).toEqual({ label: "neutral", scores: { positive: 0, neutral: 1, negative: 0, mixed: 0 } });
    }
  });

  it("stops when the signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort(new ConfideError("dependency.unavailable", "stopping", { retryable: true }));

    await expectConfideError(
      analyzer.sentiment(["I am glad."], { language, signal: controller.signal }),
      "dependency.unavailable",
    );
  });

  it("maps VADER's shares: the overlap of positive and negative becomes mixed", () => {
    expect(sentimentFromVader({ pos: 0.2, neu: 0.4, neg: 0.4, compound: -0.5 })).toEqual({
      label: "mixed",
      scores: { positive: 0, neutral: 0.4, negative: 0.2, mixed: 0.4 },
    });
    expect(sentimentFromVader({ pos: 0.6, neu: 0.4, neg: 0, compound: 0.44 })).toEqual({
      label: "positive",
      scores: { positive: 0.6, neutral: 0.4, negative: 0, mixed: 0 },
    });
    // A faint negative word beside a positive text is not enough to call it mixed.
    expect(sentimentFromVader({ pos: 0.5, neu: 0.4, neg: 0.1, compound: 0.6 }).label).toBe("positive");
    expect(sentimentFromVader({ pos: 0.02, neu: 0.98, neg: 0, compound: 0.01 }).label).toBe("neutral");
  });
});
