import { describe, expect, it } from "vitest";
import { segmentWords } from "./segment-words.ts";

describe("segmentWords", () => {
  it("starts a new segment at a long pause and when a segment grows past its longest", () => {
    const word = (text: string, startMs: number, endMs: number) => ({ text, startMs, endMs, confidence: 0.5 });
    const words = [
      word("one", 0, 400),
      word("two", 500, 900),
      word("three", 1_700, 2_000), // 800 ms pause
      word("four", 2_100, 2_500),
      word("five", 2_600, 3_900), // "three" … "five" would span 2.2 s
    ];

    const segments = segmentWords(words, "S1", { gapMs: 700, maxSegmentMs: 2_000, withWords: false });

    expect(segments.map((segment) => [segment.text, segment.startMs, segment.endMs])).toEqual([
      ["one two", 0, 900],
      ["three four", 1_700, 2_500],
      ["five", 2_600, 3_900],
    ]);
    expect(segments[0]).toMatchObject({ speaker: "S1", confidence: 0.5 });
    expect(segments[0]?.words).toBeUndefined();
  });

  it("sorts words by start, keeps them when asked, and averages confidence with a missing one as 0", () => {
    const segments = segmentWords(
      [
        { text: "there", startMs: 300, endMs: 600, confidence: 0.9 },
        { text: "hello", startMs: 0, endMs: 250 },
      ],
      "ch1",
      { gapMs: 700, maxSegmentMs: 10_000, withWords: true },
    );

    expect(segments).toEqual([
      {
        speaker: "ch1",
        startMs: 0,
        endMs: 600,
        text: "hello there",
        confidence: 0.45,
        words: [
          { text: "hello", startMs: 0, endMs: 250 },
          { text: "there", startMs: 300, endMs: 600, confidence: 0.9 },
        ],
      },
    ]);
    expect(segmentWords([], "S1", { gapMs: 700, maxSegmentMs: 2_000, withWords: false })).toEqual([]);
  });
});
