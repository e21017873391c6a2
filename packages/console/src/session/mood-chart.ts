import type { TimelineWindow } from "./sentiment-chart.ts";

/** One window of the notes' mood reading, as the API returns it on the session mood (`windows`). */
export interface MoodWindow {
  startMs: number;
  endMs: number;
  /** Pleasant less unpleasant words of feeling over all of them, from -1 to 1. */
  balance: number;
  /** The moods shown, the heaviest first, in a clinician's words. */
  moods: string[];
}

/** The part of the notes the mood chart reads: the session mood and the reading behind it. */
export interface MoodNotesLike {
  sessionMood: { status: "not_assessed"; reason: string } | { text: string; value: string; windows?: MoodWindow[] };
}

/** A window of the mood chart: laid out as a sentiment window, said in the reading's own words. */
export interface MoodChartWindow extends TimelineWindow {
  /** What the window shows, in a clinician's words: "distressed", "low and hopeful", "no words of feeling". */
  words: string;
}

/** A balance this far from 0 reads as one side; nearer, as neither. */
const sideFrom = 0.2;

function wordsOf(window: MoodWindow): string {
  if (window.moods.length === 0) return "no words of feeling";
  return window.moods.length === 1 ? window.moods[0]! : `${window.moods[0]} and ${window.moods[1]}`;
}

/**
 * The mood chart's windows, from the notes' own mood reading (the reading behind the mood line and
 * the trajectory), never from another analyser's scores: each window's balance, its side
 * (`positive` above `sideFrom`, `negative` below its opposite, `mixed` when both sides show
 * between, `neutral` otherwise) and its moods in words. A window where a current risk was stated
 * carries balance -1 and "distressed" from the notes, so it draws at the bottom and never reads
 * as positive.
 * @returns the windows, or null when the notes carry no reading per window (not assessed, or a
 * writer that does not read the mood word by word).
 */
export function moodChartWindows(notes: MoodNotesLike): MoodChartWindow[] | null {
  const mood = notes.sessionMood;
  if ("status" in mood || mood.windows === undefined || mood.windows.length === 0) return null;
  return mood.windows.map((window) => {
    const balance = Math.max(-1, Math.min(1, window.balance));
    const label = balance >= sideFrom ? "positive" : balance <= -sideFrom ? "negative" : window.moods.length > 1 ? "mixed" : "neutral";
    return {
      startMs: window.startMs,
      endMs: window.endMs,
      segmentCount: 1,
      label,
      scores: { positive: Math.max(balance, 0), negative: Math.max(-balance, 0), neutral: 1 - Math.abs(balance), mixed: 0 },
      words: wordsOf(window),
    };
  });
}

/** The mood chart's vertical scale in words: pleasant at the top, unpleasant at the bottom — never a score. */
export function moodChartTicks(frame: { height: number; margin: { top: number; bottom: number } }): Array<{ y: number; label: string }> {
  const top = frame.margin.top;
  const bottom = frame.height - frame.margin.bottom;
  return [
    { y: top, label: "pleasant" },
    { y: (top + bottom) / 2, label: "no marked mood" },
    { y: bottom, label: "unpleasant" },
  ];
}
