import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../app-fixture.test-support.ts";

const run = promisify(execFile);
const redoclyCli = join(dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin", "cli.js");
const redoclyConfig = fileURLToPath(new URL("../../../../../redocly.yaml", import.meta.url));

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: Array<{ pointer: string }>;
}

/** Lints the app's own /openapi.json with Redocly CLI's recommended rules, offline. */
async function lintOpenApiDocument(): Promise<LintProblem[]> {
  const { call } = await createTestApp();
  const response = await call("/openapi.json");
  expect(response.status).toBe(200);
  const folder = await mkdtemp(join(tmpdir(), "confide-openapi-"));
  try {
    const file = join(folder, "openapi.json");
    await writeFile(file, await response.text());
    const { stdout } = await run(process.execPath, [redoclyCli, "lint", "--config", redoclyConfig, "--format=json", file], {
      cwd: folder,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", CI: "true" },
      timeout: 60_000,
    }).catch((error: { stdout?: string }) => {
      // Problems exit 1 with the report on stdout; anything else is rethrown below.
      if (error.stdout) return { stdout: error.stdout };
      throw error;
    });
    return (JSON.parse(stdout) as { problems: LintProblem[] }).problems;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe("/openapi.json lint (Redocly CLI, recommended rules)", () => {
  it("has no errors and no warnings", async () => {
    const problems = (await lintOpenApiDocument()).map(
      (problem) => `${problem.severity} ${problem.ruleId} ${problem.location[0]?.pointer ?? ""}: ${problem.message}`,
    );
    expect(problems).toEqual([]);
  });
});
