import { describe, expect, it } from "vitest";
import { lowConfidenceCount, wordPieces } from "./low-confidence.ts";

describe("wordPieces", () => {
  it("marks words under 50% confidence and gives each its percentage", () => {
    const segment = {
      text: "i feel tired",
      startMs: 1_000,
      words: [
        { text: "i", startMs: 1_000, endMs: 1_100, confidence: 0.91 },
        { text: "feel", startMs: 1_100, endMs: 1_400, confidence: 0.5 },
        { text: "tired", startMs: 1_400, endMs: 1_900, confidence: 0.234 },
      ],
    };
    expect(wordPieces(segment)).toEqual([
      { text: "i", startMs: 1_000, percent: 91, low: false },
      { text: "feel", startMs: 1_100, percent: 50, low: false },
      { text: "tired", startMs: 1_400, percent: 23, low: true },
    ]);
    expect(lowConfidenceCount(segment)).toBe(1);
  });

  it("gives the whole text unmarked when there are no words (an edited segment), and never marks a word without confidence", () => {
    expect(wordPieces({ text: "Much better.", startMs: 3_500 })).toEqual([{ text: "Much better.", startMs: 3_500, low: false }]);
    expect(wordPieces({ text: "hello", startMs: 0, words: [{ text: "hello", startMs: 0, endMs: 200 }] })).toEqual([
      { text: "hello", startMs: 0, low: false },
    ]);
    expect(lowConfidenceCount({ words: [{ text: "hello", startMs: 0, endMs: 200 }] })).toBe(0);
    expect(lowConfidenceCount({})).toBe(0);
  });
});
