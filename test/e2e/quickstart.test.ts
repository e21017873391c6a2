/**
 * The README's first command, `scripts/quickstart.sh`, run for real (a temporary data directory,
 * any free port): the first run seeds and prints the passwords once; a second run on the same
 * data directory while the first serves refuses at once, before it writes or prints anything.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  /** The exit code, once every process of the run has closed its output. */
  exited: Promise<number | null>;
}

function quickstart(env: Record<string, string>): Run {
  // Its own process group: npm, the shell and node stop together.
  const child = spawn("scripts/quickstart.sh", [], { cwd: root, env: { ...process.env, ...env }, detached: true });
  const run: Run = { child, stdout: "", stderr: "", exited: new Promise((resolve) => child.on("close", (code) => resolve(code))) };
  runs.push(run);
  child.stdout?.on("data", (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}

async function until(run: Run, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = run.stdout.match(pattern);
    if (match) return match;
    if (run.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`quickstart.sh: no ${pattern} (exit ${run.child.exitCode}).\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let dataDir: string;
const runs: Run[] = [];
const env = () => ({ CONFIDE_DATA_DIR: dataDir, CONFIDE_PORT: "0", CONFIDE_PASSWORD_COST: "1024" });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "confide-quickstart-"));
});

afterAll(async () => {
  for (const run of runs) {
    if (run.child.exitCode === null && run.child.signalCode === null) process.kill(-(run.child.pid as number), "SIGKILL");
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe("scripts/quickstart.sh", () => {
  it("seeds once and serves; a second one on the same data directory refuses before writing or printing a password", async () => {
    const first = quickstart(env());
    const port = Number((await until(first, /"message":"listening".*"port":(\d+)/, 120_000))[1]);
    expect(first.stdout).toContain("Seeded accounts (keep these passwords: they are not shown again):\n");
    const login = first.stdout.match(/^ {2}therapist@confide\.local +therapist +(\S+)$/m)?.[1] as string;
    expect(first.stdout).toMatch(/^ {2}admin@confide\.local +admin +\S{20}$/m);
    expect(first.stdout).toMatch(/^ {2}patient@confide\.local +patient +\S{20}$/m);
    const databaseChanged = (await stat(join(dataDir, "db"))).mtimeMs;

    const second = quickstart(env());
    expect(await second.exited).toBe(1);
    expect(second.stdout).not.toContain("password");
    expect(second.stderr).toMatch(/The embedded database .+ is in use by process \d+ \(cli\.ts serve --seed\)/);
    expect((await stat(join(dataDir, "db"))).mtimeMs).toBe(databaseChanged);

    const response = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "therapist@confide.local", password: login }),
    });
    expect(response.status).toBe(200);

    // Ctrl-C in the terminal: SIGINT to the whole process group. The server stops cleanly.
    process.kill(-(first.child.pid as number), "SIGINT");
    await first.exited;
    expect(first.stdout).toContain('"message":"stopped"');

    // A restart does not seed again: the passwords were shown once.
    const again = quickstart(env());
    await until(again, /"message":"listening"/, 120_000);
    expect(again.stdout).not.toContain("password");
    process.kill(-(again.child.pid as number), "SIGINT");
    await again.exited;
    expect(again.stdout).toContain('"message":"stopped"');
  }, 300_000);

  it("refuses a port in use in one line before it seeds: no password is printed for a server that never starts", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen({ host: "127.0.0.1", port: 0 }, resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const freshDataDir = join(dataDir, "port-taken");
      const run = quickstart({ ...env(), CONFIDE_DATA_DIR: freshDataDir, CONFIDE_PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.stdout).not.toContain("password");
      expect(run.stderr).toContain(`Confide cannot listen: port ${port} on 127.0.0.1 is in use by another process`);
      await expect(stat(freshDataDir)).rejects.toMatchObject({ code: "ENOENT" });
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  }, 120_000);
});
