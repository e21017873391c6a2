/**
 * axe-core in the page under test: its source is evaluated through the DevTools protocol, so
 * the console's Content-Security-Policy stays on (the test sees the page a user gets).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { PageGlobals } from "./page-globals.ts";

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export interface AccessibilityReport {
  screen: string;
  violations: AxeViolation[];
  /** Serious and critical violations: a screen with any fails WCAG 2.1 AA for this suite. */
  blocking: AxeViolation[];
  passes: number;
}

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules (and its best practices) on the page as it is now. */
export async function checkAccessibility(page: Page, screen: string): Promise<AccessibilityReport> {
  axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  const source = await axeSource;
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const page = globalThis as unknown as PageGlobals;
    if (!page.axe) throw new Error("axe-core did not load in the page.");
    return page.axe.run(page.document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] });
  });
  const { violations, passes } = result as { violations: AxeViolation[]; passes: unknown[] };
  const simplified = violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({ target: node.target, ...(node.failureSummary ? { failureSummary: node.failureSummary } : {}) })),
  }));
  return {
    screen,
    violations: simplified,
    blocking: simplified.filter((violation) => violation.impact === "serious" || violation.impact === "critical"),
    passes: passes.length,
  };
}

/** One line per violation, for a failing assertion's message and the run's log. */
export function describeViolations(report: AccessibilityReport): string {
  if (report.violations.length === 0) return `${report.screen}: no axe violations`;
  return [
    `${report.screen}: ${report.violations.length} axe violation(s)`,
    ...report.violations.map((violation) => `  [${violation.impact}] ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ].join("\n");
}
