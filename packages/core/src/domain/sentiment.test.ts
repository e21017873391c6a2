import { describe, expect, it } from "vitest";
import { labelOf, summarizeSentiment, type SentimentLabel, type SentimentScores } from "./sentiment.ts";

const scores = (positive: number, neutral: number, negative: number, mixed: number): SentimentScores => ({
  positive,
  neutral,
  negative,
  mixed,
});

function analysed(segmentId: string, speaker: string, startMs: number, result: SentimentScores) {
  return { segmentId, speaker, startMs, endMs: startMs + 1_000, result: { label: labelOf(result), scores: result } };
}

describe("sentiment labels", () => {
  it.each([
    [scores(0.7, 0.1, 0.1, 0.1), "positive"],
    [scores(0.1, 0.7, 0.1, 0.1), "neutral"],
    [scores(0.1, 0.1, 0.7, 0.1), "negative"],
    [scores(0.1, 0.1, 0.1, 0.7), "mixed"],
  ] as const)("labels %j as %s", (given, label) => {
    expect(labelOf(given)).toBe(label);
  });

  it("prefers neutral on a tie with neutral, and the earlier of positive, negative, mixed otherwise", () => {
    expect(labelOf(scores(0.4, 0.4, 0.1, 0.1))).toBe("neutral");
    expect(labelOf(scores(0.25, 0.25, 0.25, 0.25))).toBe("neutral");
    expect(labelOf(scores(0.4, 0.1, 0.4, 0.1))).toBe("positive");
    expect(labelOf(scores(0.1, 0.1, 0.4, 0.4))).toBe("negative");
    expect(labelOf(scores(0, 0, 0, 0))).toBe("neutral");
  });
});

describe("sentiment summary", () => {
  it("averages each speaker's segments and labels the average", () => {
    const summary = summarizeSentiment(
      [
        analysed("seg-1", "S2", 0, scores(1, 0, 0, 0)),
        analysed("seg-2", "S2", 5_000, scores(0, 0, 1, 0)),
        analysed("seg-3", "S2", 9_000, scores(0, 0, 1, 0)),
        analysed("seg-4", "S3", 1_000, scores(0, 0, 0, 1)),
      ],
      { language: "en-US", windowMs: 60_000, transcriptRevision: 3 },
    );
    expect(summary.speakers).toHaveLength(2);
    const [patient, other] = summary.speakers;
    expect(patient).toMatchObject({ speaker: "S2", segmentCount: 3, label: "negative" });
    expect(patient?.scores.positive).toBeCloseTo(1 / 3);
    expect(patient?.scores.negative).toBeCloseTo(2 / 3);
    expect(patient?.scores.neutral).toBe(0);
    expect(other).toEqual({ speaker: "S3", segmentCount: 1, label: "mixed", scores: scores(0, 0, 0, 1) });
    expect(summary.timeline[0]?.scores.mixed).toBeCloseTo(1 / 4);
    expect(summary).toMatchObject({ language: "en-US", windowMs: 60_000, transcriptRevision: 3 });
    expect(summary.segments.map((segment) => [segment.segmentId, segment.label])).toEqual([
      ["seg-1", "positive"],
      ["seg-2", "negative"],
      ["seg-3", "negative"],
      ["seg-4", "mixed"],
    ]);
  });

  it("puts each segment in the window its start falls in, in time order, omitting empty windows", () => {
    const summary = summarizeSentiment(
      [
        analysed("late", "S2", 25_000, scores(0, 0, 1, 0)),
        analysed("edge", "S2", 10_000, scores(0.2, 0.6, 0.2, 0)),
        analysed("first", "S2", 0, scores(1, 0, 0, 0)),
        analysed("just-before-edge", "S2", 9_999, scores(0.6, 0.4, 0, 0)),
        analysed("before-start", "S2", -500, scores(1, 0, 0, 0)),
      ],
      { language: "en-US", windowMs: 10_000, transcriptRevision: 1 },
    );
    expect(summary.timeline.map(({ startMs, endMs, segmentCount, label }) => ({ startMs, endMs, segmentCount, label }))).toEqual([
      { startMs: 0, endMs: 10_000, segmentCount: 3, label: "positive" },
      { startMs: 10_000, endMs: 20_000, segmentCount: 1, label: "neutral" },
      { startMs: 20_000, endMs: 30_000, segmentCount: 1, label: "negative" },
    ]);
    const first = summary.timeline[0]?.scores;
    expect(first?.positive).toBeCloseTo((1 + 0.6 + 1) / 3);
    expect(first?.neutral).toBeCloseTo(0.4 / 3);
  });

  it("has no speakers and no timeline when nothing was analysed", () => {
    expect(summarizeSentiment([], { language: "de-DE", windowMs: 60_000, transcriptRevision: 2 })).toEqual({
      language: "de-DE",
      segments: [],
      speakers: [],
      windowMs: 60_000,
      timeline: [],
      transcriptRevision: 2,
    });
  });

  it("keeps every label a provider can give", () => {
    const all: SentimentLabel[] = ["positive", "neutral", "negative", "mixed"];
    const summary = summarizeSentiment(
      all.map((label, index) => ({
        segmentId: `seg-${index}`,
        speaker: "S2",
        startMs: index * 1_000,
        endMs: index * 1_000 + 500,
        result: { label, scores: scores(0.25, 0.25, 0.25, 0.25) },
      })),
      { language: "en-US", windowMs: 60_000, transcriptRevision: 1 },
    );
    expect(summary.segments.map((segment) => segment.label)).toEqual(all);
  });
});
