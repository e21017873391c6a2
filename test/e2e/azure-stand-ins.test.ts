/**
 * "Trying the azure profile locally" of docs/profiles/azure.md typed into new shells: `npm run
 * stand-ins:azure` in one, then `source` its env file, `confide migrate`, `confide seed` and
 * `confide serve` in another — and the server answers `/readyz` 200 with every check on the
 * stand-ins. (Only the port differs from the page: any free one, not 8080.)
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "../support/confide-api-client.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** A new login shell's environment: the machine's PATH only, nothing of this test's Node. */
const freshShell = { HOME: process.env.HOME ?? "/root", PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" };

interface ShellProcess {
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** `command` in a new bash, in its own process group (stopped as a whole by Ctrl-C's SIGINT). */
function inFreshShell(command: string): ShellProcess {
  const child = spawn("bash", ["-c", command], { cwd: root, env: freshShell, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-(child.pid as number), "SIGINT");
      const gone = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
      if (!gone) process.kill(-(child.pid as number), "SIGKILL");
    },
  };
}

const started: ShellProcess[] = [];
let folder: string | undefined;
afterAll(async () => {
  for (const shell of started.reverse()) await shell.stop();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

describe("the azure profile on the stand-ins, as docs/profiles/azure.md says", () => {
  it("starts: stand-ins in one shell; migrate, seed and serve in another; /readyz 200", async () => {
    folder = await mkdtemp(join(tmpdir(), "confide-stand-ins-"));
    const envFile = join(folder, "azure.env");
    const standIns = inFreshShell(`npm run --silent stand-ins:azure -- --out ${envFile}`);
    started.push(standIns);
    await waitFor(async () => (standIns.output().includes("stand-ins ready") ? true : undefined), {
      timeoutMs: 90_000,
      describe: () => `npm run stand-ins:azure did not get ready:\n${standIns.output()}`,
    });
    expect(await readFile(envFile, "utf8")).toContain("export CONFIDE_PROFILE='azure'");

    const setUp = inFreshShell(`source ${envFile} && npm run --silent confide -- migrate && npm run --silent confide -- seed`);
    expect(await setUp.exited, setUp.output()).toBe(0);
    expect(setUp.output()).toContain("therapist@confide.local");

    const server = inFreshShell(`source ${envFile} && CONFIDE_PORT=0 exec npm run --silent confide -- serve`);
    started.push(server);
    const port = await waitFor(async () => /"message":"listening".*?"port":(\d+)/.exec(server.output())?.[1], {
      timeoutMs: 90_000,
      describe: () => `confide serve did not listen:\n${server.output()}`,
    });
    const ready = await waitFor(
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
        return response?.status === 200 ? ((await response.json()) as { checks: Array<{ name: string; ok: boolean }> }) : undefined;
      },
      { timeoutMs: 60_000, describe: () => `readiness never 200:\n${server.output()}` },
    );
    expect(ready.checks.map((check) => check.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/cosmos/),
        "storage:azure-blob",
        expect.stringMatching(/azure-speech/),
        expect.stringMatching(/azure-text-analytics/),
      ]),
    );
  }, 300_000);
});
