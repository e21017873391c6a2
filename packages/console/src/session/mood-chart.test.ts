import { describe, expect, it } from "vitest";
import { moodChartTicks, moodChartWindows } from "./mood-chart.ts";

const notesWith = (windows: Array<{ startMs: number; balance: number; moods: string[] }>) => ({
  sessionMood: {
    value: "very_negative",
    text: "Presented as distressed (“want to die”).",
    windows: windows.map((window) => ({ ...window, endMs: window.startMs + 60_000 })),
  },
});

describe("the mood chart reads the notes' mood reading", () => {
  it("draws each window of the reading with its balance and its moods in a clinician's words", () => {
    const windows = moodChartWindows(notesWith([
      { startMs: 0, balance: -0.5, moods: ["anxious"] },
      { startMs: 60_000, balance: 0.6, moods: ["hopeful"] },
      { startMs: 120_000, balance: 0, moods: [] },
      { startMs: 180_000, balance: 0, moods: ["low", "hopeful"] },
    ]));
    expect(windows?.map((window) => [window.label, window.words, window.scores.positive, window.scores.negative])).toEqual([
      ["negative", "anxious", 0, 0.5],
      ["positive", "hopeful", 0.6, 0],
      ["neutral", "no words of feeling", 0, 0],
      ["mixed", "low and hopeful", 0, 0],
    ]);
  });

  it("a window with a suicidal disclosure is distressed at the bottom of the chart, never positive, whatever else was said in it", () => {
    // As the embedded writer gives it: a current risk makes the window's balance -1 and "distressed" its first mood.
    const windows = moodChartWindows(notesWith([
      { startMs: 0, balance: 0.8, moods: ["hopeful"] },
      { startMs: 60_000, balance: -1, moods: ["distressed", "hopeful"] },
    ]))!;
    const risky = windows[1]!;
    expect(risky).toMatchObject({ label: "negative", words: "distressed and hopeful", scores: { positive: 0, negative: 1 } });
    const everyWord = [...windows.map((window) => `${window.label} ${window.words}`), ...moodChartTicks({ height: 200, margin: { top: 16, bottom: 32 } }).map((tick) => tick.label)].join(" ");
    expect(everyWord).not.toMatch(/very positive|very_positive/);
  });

  it("keeps a balance out of range within the chart", () => {
    expect(moodChartWindows(notesWith([{ startMs: 0, balance: -3, moods: ["low"] }]))![0]!.scores.negative).toBe(1);
  });

  it("has no chart without the reading: notes not assessed, or a writer that gives no windows", () => {
    expect(moodChartWindows({ sessionMood: { status: "not_assessed", reason: "The patient said nothing." } })).toBeNull();
    expect(moodChartWindows({ sessionMood: { value: "negative", text: "Mostly low." } })).toBeNull();
    expect(moodChartWindows({ sessionMood: { value: "negative", text: "Mostly low.", windows: [] } })).toBeNull();
  });

  it("labels its scale in words, never a score", () => {
    expect(moodChartTicks({ height: 200, margin: { top: 16, bottom: 32 } })).toEqual([
      { y: 16, label: "pleasant" },
      { y: 92, label: "no marked mood" },
      { y: 168, label: "unpleasant" },
    ]);
  });
});
