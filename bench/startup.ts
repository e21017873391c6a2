/**
 * Start-up benchmark: time from spawning `confide serve` (embedded profile, existing data
 * directory) to the first 200 from `/readyz`, polled every 10 ms from the moment of the spawn.
 * Also splits it: spawn → "listening" log line → first /readyz answer → first 200.
 * Target: median < 1.5 s. The first start, with an empty Node compile cache (the CLI enables
 * it), is printed apart and kept out of the median: later starts are what a restart costs.
 *
 * Run: node --conditions=source bench/startup.ts
 * Environment: BENCH_STARTUP_RUNS (default 5).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { createSeededDataDir, startConfide, type SeededDataDir } from "./support/confide-server.ts";
import { freePort } from "@confide/contracts/support";
import { httpGet } from "./support/http-status.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { median } from "./support/median.ts";
import { processCpuMs } from "./support/process-cpu.ts";

const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const pollIntervalMs = 10;
const runTimeoutMs = 30_000;
const targetMs = 1_500;

interface StartupRun {
  listeningMs: number;
  firstAnswerMs: number;
  firstAnswerStatus: number;
  readyMs: number;
  /** CPU time the server process itself had used when /readyz first answered 200. */
  cpuMs: number;
  /** performance.now() offsets of named log lines from the spawn. */
  logMs: Record<string, number>;
}

async function startOnce(seeded: SeededDataDir, compileCacheDir: string): Promise<StartupRun> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/readyz`;
  const spawnedAtMs = performance.now();
  const logMs: Record<string, number> = {};
  const starting = startConfide(seeded, {
    env: { CONFIDE_PORT: String(port), NODE_COMPILE_CACHE: compileCacheDir },
    timeoutMs: runTimeoutMs,
    onLine: (line, atMs) => {
      const message = /"message":"([^"]+)"/.exec(line)?.[1];
      if (message && !(message in logMs)) logMs[message] = atMs - spawnedAtMs;
    },
  });
  // Stop the server whatever happens, including a failed start (startConfide kills it then).
  const stopped = deferCleanup(async () => (await starting.catch(() => null))?.stop());
  try {
    let firstAnswer: { atMs: number; status: number } | null = null;
    let lastText = "";
    const deadlineMs = spawnedAtMs + runTimeoutMs;
    let readyAtMs: number | null = null;
    let startFailure: unknown = null;
    starting.catch((error: unknown) => (startFailure = error));
    while (readyAtMs === null) {
      if (startFailure !== null) throw startFailure;
      if (performance.now() > deadlineMs) throw new Error(`/readyz not 200 within ${runTimeoutMs} ms; last answer: ${lastText}`);
      const answer = await httpGet(url, 5_000);
      const atMs = performance.now();
      if (answer) {
        firstAnswer ??= { atMs, status: answer.status };
        lastText = answer.text;
        if (answer.status === 200) readyAtMs = atMs;
      }
      if (readyAtMs === null) await sleep(pollIntervalMs);
    }
    const server = await starting;
    const cpuMs = await processCpuMs(server.pid);
    return {
      cpuMs,
      listeningMs: server.listeningAtMs - spawnedAtMs,
      firstAnswerMs: (firstAnswer as { atMs: number }).atMs - spawnedAtMs,
      firstAnswerStatus: (firstAnswer as { status: number }).status,
      readyMs: readyAtMs - spawnedAtMs,
      logMs,
    };
  } finally {
    await stopped();
  }
}

async function main(): Promise<void> {
  console.log(machineLoadLine());
  console.log(`startup: ${runs} runs of confide serve (embedded) on an existing data directory, /readyz polled every ${pollIntervalMs} ms`);
  const seeded = await createSeededDataDir();
  const compileCacheDir = await mkdtemp(join(tmpdir(), "confide-bench-compile-cache-"));
  deferCleanup(() => rm(compileCacheDir, { recursive: true, force: true }));
  const print = (label: string, result: StartupRun) => {
    const logs = Object.entries(result.logMs)
      .filter(([message]) => message !== "request")
      .map(([message, atMs]) => `"${message}" ${atMs.toFixed(0)}`)
      .join(", ");
    console.log(
      `${label}  ready ${result.readyMs.toFixed(0).padStart(5)} ms, server CPU ${result.cpuMs.toFixed(0)} ms  (listening ${result.listeningMs.toFixed(0)} ms, first /readyz answer ${result.firstAnswerMs.toFixed(0)} ms [${result.firstAnswerStatus}])  log lines: ${logs}`,
    );
  };
  print("cold (empty compile cache, not in the median)", await startOnce(seeded, compileCacheDir));

  const results: StartupRun[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const result = await startOnce(seeded, compileCacheDir);
    results.push(result);
    print(`run ${run}`, result);
  }
  const readyMedianMs = median(results.map((result) => result.readyMs));
  const listeningMedianMs = median(results.map((result) => result.listeningMs));
  console.log("");
  console.log(machineLoadLine());
  console.log(`median spawn → listening      ${listeningMedianMs.toFixed(0)} ms`);
  console.log(`median listening → ready      ${(readyMedianMs - listeningMedianMs).toFixed(0)} ms`);
  console.log(`median server CPU until ready  ${median(results.map((result) => result.cpuMs)).toFixed(0)} ms  (its own process; the speech check runs in a child)`);
  console.log(`median spawn → /readyz 200    ${readyMedianMs.toFixed(0)} ms  (target < ${targetMs} ms: ${readyMedianMs < targetMs ? "met" : "NOT met"})`);
}

try {
  await main();
} finally {
  await runCleanup();
}
