import { useEffect, useRef, useState } from "preact/hooks";
import { TableScroll } from "../components/table-scroll.tsx";
import { clockTime } from "./clock-time.ts";
import { balanceOf, layOutSentimentChart, type TimelineWindow } from "./sentiment-chart.ts";

const margin = { top: 16, right: 12, bottom: 32, left: 72 };
const height = 200;

/** The figure's width in CSS pixels, followed as it changes: the chart is drawn 1 unit = 1 pixel, so its 13 px labels stay 13 px on a phone. */
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

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * The patient's sentiment through the session: a line of positive minus negative per time
 * window (an SVG with a title and a description), and the same numbers as a table.
 */
export function SentimentChartView({ timeline, durationMs }: { timeline: TimelineWindow[]; durationMs: number }) {
  const figure = useRef<HTMLElement>(null);
  const width = Math.max(240, useWidth(figure, 480));
  const spoken = timeline.filter((window) => window.segmentCount > 0);
  if (spoken.length === 0) {
    return <p>No sentiment to show: the patient's words were not measured in this session.</p>;
  }
  const frame = { width, height, margin };
  const chart = layOutSentimentChart(timeline, durationMs, frame);
  // Few windows (a short session): each bar says its reading in words too.
  const labelled = spoken.length <= 4;
  const counts = { positive: 0, neutral: 0, negative: 0, mixed: 0 };
  for (const window of spoken) counts[window.label] += 1;
  const summary = `${spoken.length} time ${spoken.length === 1 ? "window" : "windows"} with the patient speaking: ${counts.positive} positive, ${counts.neutral} neutral, ${counts.negative} negative, ${counts.mixed} mixed.`;
  return (
    <figure class="sentiment-chart" ref={figure}>
      <svg
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        role="img"
        aria-labelledby="sentiment-chart-title sentiment-chart-desc"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="sentiment-chart-title">Patient's sentiment over the session</title>
        <desc id="sentiment-chart-desc">{summary} The table below gives each window.</desc>
        {chart.bars.map((bar) => (
          <rect key={`bar-${bar.window.startMs}`} class={`bar bar-${bar.window.label}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
        ))}
        {labelled
          ? chart.bars.map((bar) => (
              <text key={`label-${bar.window.startMs}`} class="bar-label" x={bar.x + bar.width / 2} y={Math.max(margin.top + 10, bar.y - 6)} text-anchor="middle">
                {bar.window.label}
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
        <summary>Sentiment by time window, as a table</summary>
        <TableScroll label="Patient's sentiment by time window">
<table>
          <caption class="visually-hidden">Patient's sentiment by time window</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Segments</th>
              <th scope="col">Overall</th>
              <th scope="col">Positive</th>
              <th scope="col">Negative</th>
              <th scope="col">Balance</th>
            </tr>
          </thead>
          <tbody>
            {timeline.map((window) => (
              <tr key={window.startMs}>
                <td>
                  {clockTime(window.startMs)}–{clockTime(durationMs > 0 ? Math.min(window.endMs, durationMs) : window.endMs)}
                </td>
                <td>{window.segmentCount}</td>
                <td>{window.segmentCount === 0 ? "no speech" : window.label}</td>
                <td>{window.segmentCount === 0 ? "–" : percent(window.scores.positive)}</td>
                <td>{window.segmentCount === 0 ? "–" : percent(window.scores.negative)}</td>
                <td>{window.segmentCount === 0 ? "–" : balanceOf(window).toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
</TableScroll>
      </details>
    </figure>
  );
}
