import { clockTime } from "./clock-time.ts";

type Label = "positive" | "neutral" | "negative" | "mixed";

/** One window of the patient's sentiment timeline, as the API returns it. */
export interface TimelineWindow {
  startMs: number;
  endMs: number;
  segmentCount: number;
  label: Label;
  scores: { positive: number; neutral: number; negative: number; mixed: number };
}

/** The chart's frame: the SVG's size and the margins around the plot. */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartPoint {
  x: number;
  y: number;
  /** Positive minus negative score, from -1 (all negative) to 1 (all positive). */
  balance: number;
  window: TimelineWindow;
}

/** A window drawn as a bar from neutral to its balance, as wide as the window: readable with one window. */
export interface ChartBar {
  x: number;
  width: number;
  y: number;
  height: number;
  window: TimelineWindow;
}

export interface SentimentChart {
  bars: ChartBar[];
  /** One SVG path `d` per run of windows with speech; a window without patient speech breaks the line. */
  paths: string[];
  points: ChartPoint[];
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; label: string }>;
  /** The y of balance 0 (neutral), for a baseline. */
  zeroY: number;
}

/** A window's balance: positive minus negative score, from -1 to 1. */
export function balanceOf(window: Pick<TimelineWindow, "scores">): number {
  return Math.max(-1, Math.min(1, window.scores.positive - window.scores.negative));
}

/** Maps [domainStart, domainEnd] linearly onto [rangeStart, rangeEnd]; a zero-width domain maps to rangeStart. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

const tickSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200].map((seconds) => seconds * 1000);

/** Time ticks at a round step (1 s … 2 h) so that at most `maxTicks` fit in `durationMs`, from 0. */
export function timeTicks(durationMs: number, maxTicks: number): number[] {
  if (!(durationMs > 0) || maxTicks < 2) return [0];
  const step = tickSteps.find((candidate) => durationMs / candidate <= maxTicks - 1) ?? tickSteps[tickSteps.length - 1]!;
  const ticks: number[] = [];
  for (let at = 0; at <= durationMs; at += step) ticks.push(at);
  return ticks;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Lays the timeline out in the frame: x is time over the whole recording (`durationMs`, or the
 * windows' end when unknown), y the balance (1 at the top). Each window is plotted at the middle
 * of the part of it that lies within the recording.
 */
export function layOutSentimentChart(timeline: readonly TimelineWindow[], durationMs: number, frame: ChartFrame): SentimentChart {
  const { width, height, margin } = frame;
  // The recording's length; the last window usually runs past it (windows have a fixed size).
  const end = durationMs > 0 ? durationMs : Math.max(1, ...timeline.map((window) => window.endMs));
  const x = linearScale([0, end], [margin.left, width - margin.right]);
  const y = linearScale([1, -1], [margin.top, height - margin.bottom]);
  const points: ChartPoint[] = [];
  const paths: string[] = [];
  const bars: ChartBar[] = [];
  const zeroY = y(0);
  let run: string[] = [];
  for (const window of timeline) {
    if (window.segmentCount === 0) {
      if (run.length > 0) paths.push(run.join(" "));
      run = [];
      continue;
    }
    const balance = balanceOf(window);
    const point = { x: round(x((window.startMs + Math.min(window.endMs, end)) / 2)), y: round(y(balance)), balance, window };
    points.push(point);
    const left = x(window.startMs);
    const right = x(Math.min(window.endMs, end));
    const top = Math.min(zeroY, y(balance));
    // A neutral window still shows: a bar at least 2 units tall, at least 2 wide, with a small gap to the next.
    bars.push({ x: round(left + 1), width: round(Math.max(2, right - left - 2)), y: round(Math.min(top, zeroY - 1)), height: round(Math.max(2, Math.abs(y(balance) - zeroY))), window });
    run.push(`${run.length === 0 ? "M" : "L"}${point.x},${point.y}`);
  }
  if (run.length > 0) paths.push(run.join(" "));
  return {
    bars,
    paths,
    points,
    xTicks: timeTicks(end, 6).map((at) => ({ x: round(x(at)), label: clockTime(at) })),
    yTicks: [
      { y: round(y(1)), label: "positive" },
      { y: round(y(0)), label: "neutral" },
      { y: round(y(-1)), label: "negative" },
    ],
    zeroY: round(y(0)),
  };
}
