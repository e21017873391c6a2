/** The purity check (`npm run lint:layers`) fails on each thing it forbids, on fixtures. */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const script = new URL("../../scripts/check-purity.ts", import.meta.url).pathname;
let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

/** Runs the check over a packages folder holding `files` (path → source). */
async function check(files: Record<string, string>): Promise<{ code: number; output: string }> {
  root = await mkdtemp(join(tmpdir(), "confide-purity-"));
  for (const folder of ["core/src", "http/src", "adapters-local/src"]) await mkdir(join(root, folder), { recursive: true });
  for (const [path, source] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), source);
  }
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script, root]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, output: failed.stderr };
  }
}

describe("check-purity", () => {
  it("passes clean packages", async () => {
    expect(await check({ "http/src/cli.ts": 'if (findAdapter("repository", name)?.keepsDatabaseInDataDir) start();\n' })).toMatchObject({ code: 0 });
  });

  it.each([
    ['config.adapters.repository === "pglite"', "http/src/cli.ts"],
    ["config.adapters.queue !== 'in-process'", "http/src/commands/backup.ts"],
    ['"pglite" === config.adapters.repository', "http/src/worker.ts"],
  ])("refuses a host that compares adapter names: %s", async (line, path) => {
    const result = await check({ [path]: `const embedded = ${line};\n` });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${path}:1`);
    expect(result.output).toContain("compares no adapter names");
  });

  it("refuses core touching the environment and an adapter reading a variable", async () => {
    const result = await check({ "core/src/a.ts": "const x = process.env.X;\n", "adapters-local/src/b/b.ts": "const y = process.env.Y;\n" });
    expect(result.code).toBe(1);
    expect(result.output).toContain("core/src/a.ts:1");
    expect(result.output).toContain("adapters-local/src/b/b.ts:1");
  });

  it("ignores tests", async () => {
    expect(await check({ "http/src/cli.test.ts": 'expect(config.adapters.repository === "pglite").toBe(true);\n' })).toMatchObject({ code: 0 });
  });
});
