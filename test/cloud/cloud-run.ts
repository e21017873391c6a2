/**
 * What every `npm run test:cloud -- <provider>` runner shares: running the provider's
 * `<provider>.cloud.ts` in vitest (test/cloud/vitest.config.ts; never CI), counting its results
 * per port (the suites' top-level `describe` is the port's name), and printing the table.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface CloudPortRow<Port extends string = string> {
  port: Port;
  provider: string;
  /** `ran`, or why not (a setting missing). */
  status: string;
  passed: number;
  failed: number;
  skipped: number;
  /** What the run created and could not remove. */
  leftBehind: string[];
}

export interface CloudRunReport<Port extends string = string> {
  provider: "aws" | "azure";
  runId: string;
  /** False when nothing ran (no credentials): never a pass. */
  ran: boolean;
  rows: CloudPortRow<Port>[];
  /** 0 every configured port passed and nothing is left behind; 1 otherwise; 2 nothing could run. */
  exitCode: 0 | 1 | 2;
}

export type PortState = { provider: string; configured: true } | { provider: string; configured: false; missing: string };

export interface VitestJson {
  testResults?: Array<{ assertionResults?: Array<{ ancestorTitles?: string[]; status?: string }>; status?: string; message?: string }>;
}

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs `test/cloud/<file>` in vitest with the run id in CONFIDE_CLOUD_RUN_ID; its JSON results. */
export async function runCloudSuites(file: string, runId: string, output: NodeJS.WritableStream): Promise<VitestJson> {
  const folder = await mkdtemp(join(tmpdir(), "confide-cloud-"));
  const jsonPath = join(folder, "results.json");
  try {
    const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
    const child = spawn(process.execPath, [vitest, "run", "--config", "test/cloud/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${jsonPath}`, `test/cloud/${file}`], {
      cwd: root,
      env: { ...process.env, CONFIDE_CLOUD_RUN_ID: runId },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
    await new Promise<void>((resolve) => child.on("close", () => resolve()));
    return JSON.parse(await readFile(jsonPath, "utf8")) as VitestJson;
  } catch (error) {
    output.write(`The suites did not report: ${String(error)}\n`);
    return {};
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** One row per port from the suites' results and what the clean-up could not remove. */
export function cloudRows<Port extends string>(ports: readonly Port[], states: Record<Port, PortState>, results: VitestJson, left: Record<Port, string[]>): CloudPortRow<Port>[] {
  return ports.map((port): CloudPortRow<Port> => {
    const state = states[port];
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const file of results.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.ancestorTitles?.[0] !== port) continue;
        if (test.status === "passed") counts.passed += 1;
        else if (test.status === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    const suiteFailed = (results.testResults ?? []).some((file) => file.status === "failed" && (file.assertionResults ?? []).length === 0);
    const ran = state.configured && counts.passed + counts.failed > 0;
    return {
      port,
      provider: state.provider,
      status: !state.configured ? `not configured: ${state.missing}` : ran ? "ran" : suiteFailed ? "did not start (see the output above)" : "no test ran",
      ...counts,
      leftBehind: left[port],
    };
  });
}

/** 0 when every configured port ran, passed and left nothing behind; 1 otherwise. */
export function exitCodeOf<Port extends string>(rows: CloudPortRow<Port>[], states: Record<Port, PortState>): 0 | 1 {
  const configured = rows.filter((row) => states[row.port].configured);
  return configured.every((row) => row.status === "ran" && row.failed === 0 && row.leftBehind.length === 0) ? 0 : 1;
}

/** The report as a plain table. */
export function formatCloudTable(report: CloudRunReport): string {
  const header = ["port", "provider", "status", "passed", "failed", "skipped", "left behind"];
  const lines = report.rows.map((row) => [row.port, row.provider, row.status, String(row.passed), String(row.failed), String(row.skipped), row.leftBehind.length === 0 ? "nothing" : row.leftBehind.join("; ")]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [format(header), format(widths.map((width) => "-".repeat(width))), ...lines.map(format)].join("\n");
}
