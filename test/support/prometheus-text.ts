/**
 * Samples of a Prometheus text exposition (format 0.0.4,
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): one sample per
 * line, `name{label="value",…} value [timestamp]`, comments and `# HELP`/`# TYPE`/`# UNIT` lines
 * skipped, label values unescaped (`\\`, `\"`, `\n`). Strict: a line that is neither is an error,
 * so a malformed scrape fails the test. (The npm parser tried first, parse-prometheus-text-format,
 * drops the labels and counts of a histogram written count-sum-buckets, as OpenTelemetry's
 * exporter writes it.)
 */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/y;

export function parsePrometheusText(text: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = sampleLine.exec(line);
    if (!match) throw new Error(`line ${index + 1} is not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    const body = match[2] ?? "";
    labelPair.lastIndex = 0;
    while (labelPair.lastIndex < body.length) {
      const start = labelPair.lastIndex;
      const pair = labelPair.exec(body);
      if (!pair || labelPair.lastIndex === start) throw new Error(`line ${index + 1}: malformed labels: ${body}`);
      labels[pair[1]!] = pair[2]!.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
    }
    const value = match[3] === "+Inf" ? Infinity : match[3] === "-Inf" ? -Infinity : Number(match[3]);
    if (Number.isNaN(value) && match[3] !== "NaN") throw new Error(`line ${index + 1}: bad value ${match[3]}`);
    samples.push({ name: match[1]!, labels, value });
  }
  return samples;
}
