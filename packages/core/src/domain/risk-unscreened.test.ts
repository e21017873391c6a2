import { describe, expect, it } from "vitest";
import { isUnsure, timeInRecording, unscreenedPassages, unscreenedSentence, unsureShareOfWords, unsureWordConfidence, wordCertaintyUnknown } from "./risk-unscreened.ts";
import type { Segment } from "./transcript.ts";

const words = (...confidences: Array<number | undefined>) =>
  confidences.map((confidence, index) => ({ text: `w${index}`, startMs: index, endMs: index + 1, ...(confidence === undefined ? {} : { confidence }) }));

describe("which words are too unsure to screen", () => {
  it("a segment is unsure when at least 30 % of its words are below 0.5 confidence", () => {
    expect([unsureWordConfidence, unsureShareOfWords]).toEqual([0.5, 0.3]);
    // 3 of 10 below 0.5: unsure; 2 of 10: not.
    expect(isUnsure({ words: words(0.2, 0.4, 0.49, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9) })).toBe(true);
    expect(isUnsure({ words: words(0.2, 0.4, 0.5, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9) })).toBe(false);
    // Words without a confidence do not count either way.
    expect(isUnsure({ words: words(0.1, undefined, undefined, 0.9) })).toBe(true);
    expect(isUnsure({ words: words(0.1, 0.9, 0.9, 0.9), confidence: 0.1 })).toBe(false);
  });

  it("without words, a segment's mean confidence below 0.5 is unsure; with no confidence at all it is not known", () => {
    expect(isUnsure({ confidence: 0.49 })).toBe(true);
    expect(isUnsure({ confidence: 0.5 })).toBe(false);
    expect(isUnsure({})).toBeNull();
    expect(isUnsure({ words: words(undefined, undefined) })).toBeNull();
    expect(isUnsure({ words: [], confidence: 0.2 })).toBe(true);
  });
});

describe("the passages that could not be screened", () => {
  const segment = (id: string, speaker: string, startMs: number, extra: Partial<Segment>): Segment => ({ id, speaker, startMs, endMs: startMs + 1_000, text: "some words", ...extra });
  const speakers = [
    { label: "T", role: "therapist" as const },
    { label: "P", role: "patient" as const },
    { label: "X", role: "unknown" as const },
  ];

  it("names the patient's and unknown speakers' unsure segments, never the therapist's, in order", () => {
    const result = unscreenedPassages({
      speakers,
      segments: [
        segment("t1", "T", 0, { confidence: 0.1 }),
        segment("p1", "P", 22_000, { confidence: 0.2 }),
        segment("p2", "P", 30_000, { confidence: 0.9 }),
        segment("x1", "X", 65_000, { confidence: 0.3 }),
        segment("y1", "Y", 70_000, { confidence: 0.3 }),
        segment("p3", "P", 80_000, { confidence: 0.1, text: "  " }),
      ],
    });
    expect(result).toEqual({
      unscreened: [
        { segmentId: "p1", startMs: 22_000, endMs: 23_000 },
        { segmentId: "x1", startMs: 65_000, endMs: 66_000 },
        { segmentId: "y1", startMs: 70_000, endMs: 71_000 },
      ],
      wordCertainty: "known",
    });
  });

  it("says the words' certainty is unknown when none of the screened segments carries a confidence", () => {
    expect(unscreenedPassages({ speakers, segments: [segment("t1", "T", 0, { confidence: 0.9 }), segment("p1", "P", 1, {})] })).toEqual({ unscreened: [], wordCertainty: "unknown" });
    expect(unscreenedPassages({ speakers, segments: [segment("p1", "P", 1, {}), segment("p2", "P", 1, { confidence: 0.9 })] }).wordCertainty).toBe("known");
  });
});

describe("the sentence said in the console, the push and the note", () => {
  it("counts the passages and names where to listen", () => {
    expect(unscreenedSentence([])).toBe("");
    expect(unscreenedSentence([{ startMs: 22_000 }])).toBe("1 passage could not be screened: the words are unsure (0:22). Listen to it.");
    expect(unscreenedSentence([{ startMs: 22_000 }, { startMs: 65_400 }, { startMs: 160_999 }])).toBe(
      "3 passages could not be screened: the words are unsure (0:22, 1:05, 2:40). Listen to them.",
    );
    const five = [1, 2, 3, 4, 5].map((minute) => ({ startMs: minute * 60_000 }));
    expect(unscreenedSentence(five)).toBe("5 passages could not be screened: the words are unsure (1:00, 2:00, 3:00, 4:00, 5:00). Listen to them.");
    const many = [1, 2, 3, 4, 5, 6, 7].map((minute) => ({ startMs: minute * 60_000 }));
    expect(unscreenedSentence(many)).toBe("7 passages could not be screened: the words are unsure (1:00, 2:00, 3:00, 4:00, 5:00, and 2 more). Listen to them.");
    expect(wordCertaintyUnknown).toMatch(/unknown/);
  });

  it("writes times as a listener finds them", () => {
    expect([0, 999, 9_000, 61_000, 600_000, 3_599_999, 3_600_000, 3_726_000, -5].map(timeInRecording)).toEqual(["0:00", "0:00", "0:09", "1:01", "10:00", "59:59", "1:00:00", "1:02:06", "0:00"]);
  });
});
