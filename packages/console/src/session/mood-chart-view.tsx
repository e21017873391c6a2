import { useEffect, useRef, useState } from "preact/hooks";
import { TableScroll } from "../components/table-scroll.tsx";
import { clockTime } from "./clock-time.ts";
import { moodChartWindows, moodChartTicks, type MoodNotesLike } from "./mood-chart.ts";
import { layOutSentimentChart } from "./sentiment-chart.ts";

const margin = { top: 16, right: 12, bottom: 32, left: 96 };
const height = 200;

/** The figure's width in CSS pixels, followed as it changes: the chart is drawn 1 unit = 1 pixel. */
function useWidth(element: { current: HTMLElement | null }, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const target = element.current;
    if (!target || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);
  return width;
}

/**
 * The patient's mood through the session, from the notes' own reading of the patient's words —
 * the reading behind the mood line and the trajectory, so the three never disagree: a bar per time
 * window from no marked mood to its balance, the window's moods in a clinician's words, and the
 * same as a table.
 */
export function MoodChartView({ notes, durationMs }: { notes: MoodNotesLike; durationMs: number }) {
  const figure = useRef<HTMLElement>(null);
  const width = Math.max(240, useWidth(figure, 480));
  const windows = moodChartWindows(notes);
  if (windows === null) {
    // Not assessed: the notes' own reason (no words of feeling, nothing said); otherwise a writer that reads no mood word by word.
    if ("status" in notes.sessionMood) return <p>No mood chart. {notes.sessionMood.reason}</p>;
    return <p>No mood chart: these notes do not read the patient's mood word by word. The mood line in the notes says how the patient presented.</p>;
  }
  const frame = { width, height, margin };
  const chart = { ...layOutSentimentChart(windows, durationMs, frame), yTicks: moodChartTicks(frame) };
  const labelled = windows.length <= 4;
  const mood = "status" in notes.sessionMood ? "" : notes.sessionMood.text;
  const summary = `${windows.length} time ${windows.length === 1 ? "window" : "windows"} with the patient speaking, read as the notes read the mood. ${mood}`;
  return (
    <figure class="sentiment-chart" ref={figure}>
      <svg viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-labelledby="mood-chart-title mood-chart-desc" preserveAspectRatio="xMidYMid meet">
        <title id="mood-chart-title">Patient's mood over the session</title>
        <desc id="mood-chart-desc">{summary} The table below gives each window.</desc>
        {chart.bars.map((bar) => (
          <rect key={`bar-${bar.window.startMs}`} class={`bar bar-${bar.window.label}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
        ))}
        {labelled
          ? chart.bars.map((bar, index) => (
              <text key={`label-${bar.window.startMs}`} class="bar-label" x={bar.x + bar.width / 2} y={Math.max(margin.top + 10, bar.y - 6)} text-anchor="middle">
                {windows[index]!.words}
              </text>
            ))
          : null}
        <line class="axis" x1={frame.margin.left} x2={frame.width - frame.margin.right} y1={chart.zeroY} y2={chart.zeroY} />
        {chart.yTicks.map((tick) => (
          <text key={tick.label} class="tick" x={frame.margin.left - 8} y={tick.y} text-anchor="end" dominant-baseline="middle">
            {tick.label}
          </text>
        ))}
        {chart.xTicks.map((tick) => (
          <text key={tick.x} class="tick" x={tick.x} y={frame.height - 8} text-anchor="middle">
            {tick.label}
          </text>
        ))}
        {chart.points.length < 3 ? null : chart.paths.map((path) => <path key={path} class="line" d={path} />)}
        {chart.points.map((point) => (
          <circle key={point.window.startMs} class={`point point-${point.window.label}`} cx={point.x} cy={point.y} r={4} />
        ))}
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>Mood by time window, as a table</summary>
        <TableScroll label="Patient's mood by time window">
          <table>
            <caption class="visually-hidden">Patient's mood by time window</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Mood shown</th>
              </tr>
            </thead>
            <tbody>
              {windows.map((window) => (
                <tr key={window.startMs}>
                  <td>
                    {clockTime(window.startMs)}–{clockTime(durationMs > 0 ? Math.min(window.endMs, durationMs) : window.endMs)}
                  </td>
                  <td>{window.words}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
