/**
 * What is wrong with a PromQL expression, checked against what Confide exports: it must parse
 * with the Prometheus project's own grammar (`@prometheus-io/lezer-promql`, the parser of
 * Prometheus' web UI; a tree with an error node is a failure), every series it selects must be
 * one Prometheus will hold (a sample name of Confide's scrape, or `up`, which Prometheus writes
 * for every target), and every label it matches, groups by or matches on must be one those
 * series carry (or `job`/`instance`, which Prometheus adds to every scraped series). Two mistakes
 * Prometheus answers without complaint are refused too: a `rate`/`irate`/`increase` of a series
 * that is not a counter, and a `histogram_quantile` of no buckets or over an aggregation that
 * drops `le`.
 *
 * Sample names are compared whole (`confide_sessions_failed_total`, `…_duration_bucket`): a
 * counter selected without its `_total`, or a histogram's `_count` written `_total`, selects
 * nothing in Prometheus and is refused here. `familyOf` strips the suffix where families are
 * compared (which metrics a dashboard covers).
 */
import { parser } from "@prometheus-io/lezer-promql";

type SyntaxNode = ReturnType<typeof parser.parse>["topNode"];

/** Labels Prometheus adds to every series it scrapes (https://prometheus.io/docs/concepts/jobs_instances/). */
const targetLabels = ["job", "instance"];
/** Series Prometheus itself writes for every target it scrapes. */
const prometheusSeries = new Map([["up", new Set(targetLabels)]]);

/** Grafana's built-in interval variables, given the value Grafana would put in before sending the query. */
const grafanaVariables: Record<string, string> = { $__rate_interval: "5m", $__interval: "1m", $__range: "6h" };

/** An expression as Prometheus receives it from Grafana: its built-in variables replaced. */
export function interpolateGrafana(expression: string): string {
  return expression.replace(/\$__[a-z_]+/g, (variable) => grafanaVariables[variable] ?? variable);
}

/** A sample name's metric family: `_bucket`, `_sum`, `_count` or `_total` taken off. */
export function familyOf(sampleName: string): string {
  return sampleName.replace(/_(bucket|sum|count|total)$/, "");
}

/** The series names an expression selects (its vector selectors' metric names). */
export function selectedNames(expression: string): string[] {
  const tree = parser.parse(expression);
  const names: string[] = [];
  tree.iterate({
    enter(node) {
      if (node.name !== "VectorSelector") return;
      const identifier = node.node.getChild("Identifier");
      if (identifier) names.push(expression.slice(identifier.from, identifier.to));
    },
  });
  return names;
}

/**
 * @param exported each sample name of a scrape and the label names it carries
 * @returns the problems found, in words; empty when the expression is sound
 */
export function checkExpression(expression: string, exported: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const problems: string[] = [];
  if (/\$/.test(expression)) problems.push(`a variable Prometheus would receive as it is: ${expression.match(/\$\S+/)?.[0]}`);
  const tree = parser.parse(expression);
  const text = (node: SyntaxNode) => expression.slice(node.from, node.to);
  const labelsOf = (name: string) => exported.get(name) ?? prometheusSeries.get(name);

  /** The label names the series selected under `node` carry, with the target labels. */
  const labelsUnder = (node: SyntaxNode) => {
    const labels = new Set(targetLabels);
    for (const name of selectedNames(text(node))) for (const label of labelsOf(name) ?? []) labels.add(label);
    return labels;
  };

  tree.iterate({
    enter(ref) {
      const node = ref.node;
      if (ref.type.isError) {
        problems.push(`does not parse at ${ref.from}: "${expression.slice(Math.max(0, ref.from - 20), ref.from)}⟨here⟩${expression.slice(ref.from, ref.from + 20)}"`);
        return;
      }
      if (ref.name === "VectorSelector") {
        const identifier = node.getChild("Identifier");
        if (!identifier) {
          problems.push(`a selector without a metric name: ${text(node)}`);
          return;
        }
        const name = text(identifier);
        const labels = labelsOf(name);
        if (!labels) {
          problems.push(`${name} is not a metric Confide exports`);
          return;
        }
        for (const matcher of node.getChild("LabelMatchers")?.getChildren("UnquotedLabelMatcher") ?? []) {
          const label = text(matcher.getChild("LabelName")!);
          if (!labels.has(label) && !targetLabels.includes(label)) problems.push(`${name} has no label ${label}`);
        }
      }
      if (ref.name === "FunctionCall") {
        const functionName = text(node.getChild("FunctionIdentifier") ?? node).trim();
        const arguments_ = node.getChild("FunctionCallBody");
        // Rates of counters only: a gauge's rate is meaningless, and Prometheus does not say so.
        if (["rate", "irate", "increase"].includes(functionName) && arguments_) {
          for (const name of selectedNames(text(arguments_))) {
            if (!/_(total|count|sum|bucket)$/.test(name)) problems.push(`${functionName}() of ${name}, which is not a counter`);
          }
        }
        // A quantile needs the buckets, and their le kept by every aggregation on the way.
        if (functionName === "histogram_quantile" && arguments_) {
          if (!selectedNames(text(arguments_)).some((name) => name.endsWith("_bucket"))) problems.push(`histogram_quantile() of no _bucket series`);
          arguments_.cursor().iterate((inner) => {
            if (inner.name !== "AggregateExpr") return;
            const modifier = inner.node.getChild("AggregateModifier");
            const groupsLe = (modifier?.getChild("GroupingLabels")?.getChildren("LabelName") ?? []).some((label) => text(label) === "le");
            const kept = modifier?.getChild("By") ? groupsLe : modifier?.getChild("Without") ? !groupsLe : false;
            if (!kept) problems.push(`histogram_quantile() over an aggregation that drops le: ${text(inner.node)}`);
          });
        }
      }
      if (ref.name === "AggregateExpr") {
        const modifier = node.getChild("AggregateModifier");
        if (!modifier?.getChild("By")) return;
        const labels = labelsUnder(node.getChild("FunctionCallBody") ?? node);
        for (const label of modifier.getChild("GroupingLabels")?.getChildren("LabelName") ?? []) {
          if (!labels.has(text(label))) problems.push(`grouped by ${text(label)}, a label none of ${selectedNames(text(node)).join(", ")} carries`);
        }
      }
      if (ref.name === "MatchingModifierClause") {
        const labels = labelsUnder(node.parent ?? node);
        for (const label of node.getChild("GroupingLabels")?.getChildren("LabelName") ?? []) {
          if (!labels.has(text(label))) problems.push(`matched on ${text(label)}, a label none of the series carries`);
        }
      }
    },
  });
  return problems;
}
