import { describe, expect, it } from "vitest";
import { balanceOf, layOutSentimentChart, linearScale, timeTicks, type TimelineWindow } from "./sentiment-chart.ts";

const window = (startMs: number, segmentCount: number, positive: number, negative: number): TimelineWindow => ({
  startMs,
  endMs: startMs + 10_000,
  segmentCount,
  label: positive > negative ? "positive" : negative > positive ? "negative" : "neutral",
  scores: { positive, negative, neutral: 1 - positive - negative, mixed: 0 },
});

const frame = { width: 440, height: 220, margin: { top: 10, right: 20, bottom: 10, left: 20 } };

describe("linearScale", () => {
  it("maps the domain's ends onto the range's ends and what is between proportionally", () => {
    const scale = linearScale([0, 100], [20, 420]);
    expect(scale(0)).toBe(20);
    expect(scale(100)).toBe(420);
    expect(scale(25)).toBe(120);
    expect(linearScale([1, -1], [10, 210])(0)).toBe(110);
    expect(linearScale([5, 5], [3, 9])(5)).toBe(3);
  });
});

describe("timeTicks", () => {
  it("picks a round step that fits", () => {
    expect(timeTicks(60_000, 6)).toEqual([0, 15_000, 30_000, 45_000, 60_000]);
    expect(timeTicks(3_600_000, 6)).toEqual([0, 900_000, 1_800_000, 2_700_000, 3_600_000]);
    expect(timeTicks(4_000, 6)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(timeTicks(0, 6)).toEqual([0]);
  });
});

describe("layOutSentimentChart", () => {
  it("plots each window's balance at its middle, positive at the top", () => {
    const chart = layOutSentimentChart([window(0, 2, 0.8, 0.1), window(10_000, 1, 0.1, 0.7)], 20_000, frame);
    expect(chart.points.map(({ x, y, balance }) => ({ x, y, balance: Math.round(balance * 100) / 100 }))).toEqual([
      { x: 120, y: 40, balance: 0.7 },
      { x: 320, y: 170, balance: -0.6 },
    ]);
    expect(chart.paths).toEqual(["M120,40 L320,170"]);
    expect(chart.zeroY).toBe(110);
    expect(chart.yTicks.map((tick) => tick.label)).toEqual(["positive", "neutral", "negative"]);
    expect(chart.xTicks[0]).toEqual({ x: 20, label: "0:00" });
    expect(chart.xTicks.at(-1)).toEqual({ x: 420, label: "0:20" });
  });

  it("breaks the line at a window without patient speech", () => {
    const chart = layOutSentimentChart([window(0, 1, 0.5, 0), window(10_000, 0, 0, 0), window(20_000, 1, 0, 0.5)], 30_000, frame);
    expect(chart.points).toHaveLength(2);
    expect(chart.paths).toHaveLength(2);
    expect(chart.paths.every((path) => path.startsWith("M") && !path.includes("L"))).toBe(true);
  });

  it("keeps the time axis to the recording: a last window running past its end is plotted in the part within it", () => {
    const chart = layOutSentimentChart([window(0, 1, 0.2, 0.2), window(10_000, 1, 0.2, 0.2)], 15_000, frame);
    expect(chart.points.map((point) => point.x)).toEqual([153.3, 353.3]);
    expect(chart.xTicks.at(-1)).toEqual({ x: 420, label: "0:15" });
  });

  it("uses the windows' end when the duration is unknown, and draws nothing for an empty timeline", () => {
    expect(layOutSentimentChart([window(0, 1, 0.2, 0.2)], 0, frame).points[0]?.x).toBe(220);
    expect(layOutSentimentChart([], 0, frame)).toMatchObject({ paths: [], points: [] });
  });
});

describe("balanceOf", () => {
  it("is positive minus negative, clamped to [-1, 1]", () => {
    expect(balanceOf({ scores: { positive: 0.9, negative: 0.05, neutral: 0.05, mixed: 0 } })).toBeCloseTo(0.85);
    expect(balanceOf({ scores: { positive: 0, negative: 1.2, neutral: 0, mixed: 0 } })).toBe(-1);
  });
});

describe("bars for short sessions", () => {
  it("draws one window as a bar across the recording, from neutral towards its balance, and a neutral window still shows", () => {
    const chart = layOutSentimentChart([window(0, 3, 0.6, 0.1)], 10_000, frame);
    expect(chart.bars).toHaveLength(1);
    const [bar] = chart.bars;
    // Nearly the plot's whole width (1 unit of gap each side), above the neutral line.
    expect(bar?.width).toBeGreaterThan(frame.width - frame.margin.left - frame.margin.right - 3);
    expect((bar?.y ?? 0) + (bar?.height ?? 0)).toBeCloseTo(chart.zeroY, 0);
    const neutral = layOutSentimentChart([window(0, 1, 0.2, 0.2)], 20_000, frame).bars[0];
    expect(neutral?.height).toBeGreaterThanOrEqual(2);
  });

  it("leaves a window without patient speech without a bar", () => {
    expect(layOutSentimentChart([window(0, 2, 0.1, 0.5), window(30_000, 0, 0, 0)], 60_000, frame).bars).toHaveLength(1);
  });
});
