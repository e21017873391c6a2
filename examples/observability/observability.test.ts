/**
 * The observability example holds together with what Confide really exports: the PrometheusRule
 * is valid against the prometheus-operator schema; every alert has a severity, a summary, a
 * description and a runbook that exists in README.md; every PromQL expression, in the rules and
 * in every dashboard panel, parses with Prometheus' own grammar and names only metrics and labels
 * that Confide's telemetry prints on its /metrics endpoint (scraped in this test: see
 * exported-metrics.ts); the dashboard asks for its Prometheus data source and shows every metric
 * Confide exports. No Prometheus or Grafana runs here: the queries were never run against data.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { scrapeExportedMetrics, type ExportedMetrics } from "./exported-metrics.ts";
import { checkExpression, familyOf, interpolateGrafana, selectedNames } from "./promql-check.ts";

const here = dirname(fileURLToPath(import.meta.url));

interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: { groups: Array<{ name: string; rules: Rule[] }> };
}
interface Panel {
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: Array<{ expr: string; datasource?: { type: string; uid: string } }>;
}
interface Dashboard {
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query: string }> };
}

let exported: ExportedMetrics;
let rules: RuleObject;
let dashboard: Dashboard;
let readme: string;

beforeAll(async () => {
  [exported, rules, dashboard, readme] = await Promise.all([
    scrapeExportedMetrics(),
    readFile(join(here, "prometheus-rules.yaml"), "utf8").then((text) => parse(text) as RuleObject),
    readFile(join(here, "grafana-dashboard.json"), "utf8").then((text) => JSON.parse(text) as Dashboard),
    readFile(join(here, "README.md"), "utf8"),
  ]);
}, 30_000);

const alerts = () => rules.spec.groups.flatMap((group) => group.rules);
const panels = () => dashboard.panels.filter((panel) => panel.type !== "row");
/** Every query of the dashboard as Prometheus receives it from Grafana, named by its panel. */
const dashboardQueries = () => panels().flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expression: interpolateGrafana(target.expr) })));

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");

describe("examples/observability/prometheus-rules.yaml", () => {
  it("is a PrometheusRule valid against the prometheus-operator schema, and the validator refuses a broken one", () => {
    expect(rules).toMatchObject({ apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule" });
    expect(() => new PrometheusRule(rules as never).validate()).not.toThrow();
    const noExpression = structuredClone(rules);
    delete (noExpression.spec.groups[0]!.rules[0] as Partial<Rule>).expr;
    expect(() => new PrometheusRule(noExpression as never).validate()).toThrow(/expr/);
    const wrongType = structuredClone(rules);
    (wrongType.spec.groups[0] as { rules: unknown }).rules = "ConfideSessionsFailing";
    expect(() => new PrometheusRule(wrongType as never).validate()).toThrow(/rules/);
  });

  it("has the alerts operators need (failures, queue wait, stuck sessions, providers, live delay, scrape), each with a severity, a summary, a description and a runbook in README.md", () => {
    const names = alerts().map((rule) => rule.alert);
    expect(names.sort()).toEqual(
      ["ConfideLiveFinalDelayHigh", "ConfideMetricsDown", "ConfideProviderErrors", "ConfideQueueOldestWaitHigh", "ConfideSessionsFailing", "ConfideSessionsStuck"].sort(),
    );
    const anchors = new Set([...readme.matchAll(/^#{1,6}\s+(.+)$/gm)].map((heading) => anchorOf(heading[1]!)));
    for (const rule of alerts()) {
      expect(["critical", "warning", "info"], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toMatch(/\w/);
      expect(rule.annotations?.description, rule.alert).toMatch(/\w/);
      const runbook = new URL(rule.annotations?.runbook_url ?? "relative:");
      expect(runbook.pathname, rule.alert).toMatch(/\/examples\/observability\/README\.md$/);
      expect(anchors, `${rule.alert}: README.md has no heading for ${runbook.hash}`).toContain(runbook.hash.slice(1));
    }
  });

  it("every expression parses and names only metrics and labels Confide exports", () => {
    const problems = alerts().flatMap((rule) => checkExpression(rule.expr, exported.labels).map((problem) => `${rule.alert}: ${problem}`));
    expect(problems).toEqual([]);
  });
});

describe("examples/observability/grafana-dashboard.json", () => {
  it("asks for its Prometheus data source: every panel and query uses ${datasource}, no data source is hard-coded", async () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: "datasource", type: "datasource", query: "prometheus" }));
    expect(panels().length).toBeGreaterThanOrEqual(15);
    for (const panel of panels()) {
      expect(panel.datasource, panel.title).toEqual({ type: "prometheus", uid: "${datasource}" });
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource, panel.title).toEqual({ type: "prometheus", uid: "${datasource}" });
    }
    // No other data source uid anywhere (Grafana's own annotation source aside).
    const uids = [...(await readFile(join(here, "grafana-dashboard.json"), "utf8")).matchAll(/"uid":\s*"([^"]*)"/g)].map((match) => match[1]);
    expect(new Set(uids)).toEqual(new Set(["${datasource}", "-- Grafana --", "confide-overview"]));
  });

  it("every panel's query parses and names only metrics and labels Confide exports", () => {
    const problems = dashboardQueries().flatMap(({ panel, expression }) => checkExpression(expression, exported.labels).map((problem) => `${panel}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it("shows every metric Confide exports", () => {
    const shown = new Set(dashboardQueries().flatMap(({ expression }) => selectedNames(expression).map(familyOf)));
    const families = new Set([...exported.labels.keys()].map(familyOf).filter((family) => family !== "target_info"));
    expect([...families].filter((family) => !shown.has(family))).toEqual([]);
  });
});

describe("the expression check", () => {
  it("reads the scrape it checks against: the exporter's names, labels and units", () => {
    const value = (name: string, labels: Record<string, string> = {}) =>
      exported.samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, wanted]) => sample.labels[key] === wanted)).reduce((sum, sample) => sum + sample.value, 0);
    // Seconds and bytes, as the dashboard's units say; counters end in _total, histograms in _count/_sum/_bucket.
    expect(value("confide_queue_oldest_wait")).toBe(42);
    expect(value("confide_live_final_delay_p95")).toBe(1.25);
    // Two uploads of core's test recording (one second of 16 kHz mono WAV: 32,044 bytes each).
    expect(value("confide_upload_bytes_total")).toBe(2 * 32_044);
    expect(value("confide_sessions_failed_total", { error_type: "provider.rejected" })).toBe(1);
    expect(value("confide_sessions_status_total", { confide_session_status: "ready" })).toBe(1);
    expect(value("confide_provider_call_duration_count", { confide_port: "speech", confide_outcome: "error" })).toBe(2);
    expect(value("confide_provider_call_duration_count", { confide_port: "speech", confide_outcome: "error", error_type: "provider.throttled" })).toBe(1);
    expect(value("confide_pipeline_retries_total", { confide_step: "transcribing", error_type: "provider.throttled" })).toBe(1);
    expect(value("confide_risk_flags_total")).toBe(1);
    expect(exported.labels.get("confide_pipeline_step_duration_bucket")).toContain("le");
  });

  it("catches what Prometheus would answer with nothing or an error", () => {
    const check = (expression: string) => checkExpression(expression, exported.labels);
    expect(check(`sum(rate(confide_sessions_failed_total[5m])`)).toEqual([expect.stringMatching(/^does not parse/)]);
    expect(check(`rate(confide_sessions_failed_total[5m]) +`)).toEqual([expect.stringMatching(/^does not parse/)]);
    // A metric that does not exist, and a counter without its _total.
    expect(check(`sum(rate(confide_sessions_retried_total[5m]))`)).toEqual(["confide_sessions_retried_total is not a metric Confide exports"]);
    expect(check(`rate(confide_upload_bytes[5m])`)).toEqual(["rate() of confide_upload_bytes, which is not a counter", "confide_upload_bytes is not a metric Confide exports"]);
    // A label the series does not carry, in a matcher, a grouping and a vector match.
    expect(check(`confide_queue_waiting{queue="jobs"}`)).toEqual(["confide_queue_waiting has no label queue"]);
    expect(check(`sum by (confide_provider) (rate(confide_sessions_failed_total[5m]))`)).toEqual([
      "grouped by confide_provider, a label none of confide_sessions_failed_total carries",
    ]);
    expect(check(`confide_queue_waiting and on (confide_step) confide_live_streams`)).toEqual(["matched on confide_step, a label none of the series carries"]);
    // Rates of what is not a counter; quantiles of no buckets, or of buckets summed without le.
    expect(check(`rate(confide_queue_waiting[5m])`)).toEqual(["rate() of confide_queue_waiting, which is not a counter"]);
    expect(check(`histogram_quantile(0.95, sum by (le) (rate(confide_job_duration_count[5m])))`)).toEqual([
      "histogram_quantile() of no _bucket series",
      "grouped by le, a label none of confide_job_duration_count carries",
    ]);
    expect(check(`histogram_quantile(0.95, sum by (confide_step) (rate(confide_pipeline_step_duration_bucket[5m])))`)).toEqual([
      "histogram_quantile() over an aggregation that drops le: sum by (confide_step) (rate(confide_pipeline_step_duration_bucket[5m]))",
    ]);
    expect(check(`histogram_quantile(0.95, sum without (le) (rate(confide_pipeline_step_duration_bucket[5m])))`)).toHaveLength(1);
    expect(check(`histogram_quantile(0.95, sum without (confide_step) (rate(confide_pipeline_step_duration_bucket[5m])))`)).toEqual([]);
    // A Grafana variable left in.
    expect(check(`rate(confide_upload_bytes_total[$__rate_interval])`)[0]).toMatch(/variable/);
    // What is sound passes: Prometheus' own `up` and its target labels included.
    expect(check(`up{job="confide"} == 0`)).toEqual([]);
    expect(check(interpolateGrafana(`sum by (instance, error_type) (rate(confide_sessions_failed_total[$__rate_interval]))`))).toEqual([]);
  });
});
