/**
 * Benchmark: sessions per second through the self-hosted pipeline, against BullMQ's own
 * throughput of no-op jobs on the same workers in the same run.
 *
 *   node --conditions=source bench/pipeline.ts [--sessions 300] [--jobs 5000] [--workers 2]
 *        [--concurrency 8] [--upload-concurrency 16] [--warmup-sessions 30] [--warmup-jobs 500]
 *
 * Needs the local PostgreSQL and Redis (`bash scripts/ensure-services.sh`). Their addresses:
 * CONFIDE_BENCH_POSTGRES_URL (a database the user may CREATE DATABASE from; default
 * postgres://postgres@127.0.0.1:5432/test) and CONFIDE_BENCH_REDIS_URL (default
 * redis://127.0.0.1:6379).
 *
 * What runs where:
 * - this process sets up a fresh database `confide_bench_<random>` (dropped at the end), a
 *   temporary blob folder, a unique BullMQ prefix (its keys deleted at the end), therapists
 *   with linked patients and one registered phone each, then plays the uploader: core's
 *   `uploadSession` streaming a small valid WAV into the filesystem blob store, creating the
 *   session in PostgreSQL and enqueueing its job on BullMQ;
 * - `--workers` worker processes (bench/pipeline-worker.ts), each one BullMQ Worker at
 *   `--concurrency` (default 8: 16 jobs at once over two processes keep 2 cores busy, and
 *   lower or higher values measured no faster here), run core's job handlers: scripted speech (answers at once with a
 *   4-segment transcript), VADER, PostgreSQL, and a log push notifier writing to nowhere. The
 *   push is the pipeline's last step; the worker reports it on stdout, and that line is the
 *   session's completion signal.
 *
 * Measured:
 * 1. baseline: `--jobs` no-op jobs enqueued through the same JobQueue adapter (64 enqueues in
 *    flight) and run by the same worker processes; jobs/s from the first enqueue to the last
 *    completion report;
 * 2. pipeline: `--sessions` uploads, `--upload-concurrency` at a time; sessions/s from the
 *    first upload to the last session's push, and the upload-to-ready latency (upload call
 *    started → push reported) of each session;
 * ratio = pipeline sessions/s ÷ baseline jobs/s (target ≥ 0.5). Both phases start with a
 * small unmeasured warm-up. Times are taken in this process only (one clock).
 */
import { uploadSession } from "@confide/core";
import { byteStream, pcmWav } from "@confide/core/testing";
import { createFilesystemBlobStore } from "@confide/adapters-local/providers";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { noopJobName, workerEnvironment, type WorkerEvent } from "./pipeline-protocol.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import type { Redis } from "ioredis";
import { createBenchUploaderDeps, createUploadingTherapists, type UploadingTherapist } from "./support/bench-uploader.ts";
import { messageOf, redisUrl, withPostgres } from "./support/local-services.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { percentile } from "./support/percentile.ts";
import { runPool } from "./support/run-pool.ts";
import { createRunServices } from "./support/run-services.ts";
import { processCpuMs } from "./support/process-cpu.ts";

const { values: flags } = parseArgs({
  options: {
    sessions: { type: "string", default: "300" },
    jobs: { type: "string", default: "5000" },
    workers: { type: "string", default: "2" },
    concurrency: { type: "string", default: "8" },
    "upload-concurrency": { type: "string", default: "16" },
    "warmup-sessions": { type: "string", default: "30" },
    "warmup-jobs": { type: "string", default: "500" },
  },
});

function positiveInteger(name: string, text: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    process.stderr.write(`--${name} must be an integer of at least ${minimum}.\n`);
    process.exit(2);
  }
  return value;
}

const options = {
  sessions: positiveInteger("sessions", flags.sessions),
  jobs: positiveInteger("jobs", flags.jobs),
  workers: positiveInteger("workers", flags.workers),
  concurrency: positiveInteger("concurrency", flags.concurrency),
  uploadConcurrency: positiveInteger("upload-concurrency", flags["upload-concurrency"]),
  warmupSessions: positiveInteger("warmup-sessions", flags["warmup-sessions"], 0),
  warmupJobs: positiveInteger("warmup-jobs", flags["warmup-jobs"], 0),
  /** Enqueues in flight during the baseline. */
  enqueueConcurrency: 64,
  /** Therapist–patient pairs the sessions are spread over. */
  pairs: 10,
  /** A phase fails when no job or session completes for this long. */
  stallTimeoutMs: 60_000,
};

// ---------------------------------------------------------------- completion tracking

/** When this process received each completion (no-op job id or session id), and sessions' final status. */
const completedAtMs = new Map<string, number>();
const sessionStatus = new Map<string, string>();

/** The ids the running phase still waits for, and how to end the wait. */
let waiting: { pending: Set<string>; resolve: () => void; reject: (error: Error) => void } | null = null;
let lastProgressMs = performance.now();

function onWorkerEvent(event: WorkerEvent): void {
  let id: string;
  if (event.event === "noop") id = event.jobId;
  else if (event.event === "notified") {
    id = event.sessionId;
    sessionStatus.set(id, event.status);
  } else return;
  const atMs = performance.now();
  lastProgressMs = atMs;
  if (!completedAtMs.has(id)) completedAtMs.set(id, atMs);
  if (waiting?.pending.delete(id) && waiting.pending.size === 0) waiting.resolve();
}

/** Set when a worker process dies: what it had in hand is lost, so no phase can finish. */
let workerLost: Error | null = null;

function onWorkerLost(error: Error): void {
  workerLost ??= error;
  waiting?.reject(error);
}

/**
 * Resolves when every id has completed (also those that completed before the call); rejects
 * when nothing completes for `stallTimeoutMs` or a worker process dies.
 */
function waitForAll(ids: string[], noun: string): Promise<void> {
  if (workerLost) return Promise.reject(workerLost);
  const pending = new Set(ids.filter((id) => !completedAtMs.has(id)));
  if (pending.size === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (performance.now() - lastProgressMs > options.stallTimeoutMs) {
        end(new Error(`Nothing completed for ${options.stallTimeoutMs / 1000} s; ${pending.size} ${noun} still outstanding.`));
      }
    }, 1_000);
    const end = (error?: Error) => {
      clearInterval(timer);
      waiting = null;
      if (error) reject(error);
      else resolve();
    };
    waiting = { pending, resolve: () => end(), reject: end };
  });
}

// ---------------------------------------------------------------- small tools

/** A 16 kHz mono 16-bit PCM WAV: `durationMs` of a 440 Hz tone. */
function toneWav(durationMs: number): Uint8Array {
  return pcmWav({ dataBytes: Math.round((16_000 * durationMs) / 1000) * 2, toneHz: 440 });
}

const rate = (count: number, ms: number) => (count * 1000) / ms;
const format = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------- CPU accounting

/** CPU time of a local process, or null where /proc cannot tell (not Linux, not this host). */
async function localProcessCpuMs(pid: number): Promise<number | null> {
  try {
    return await processCpuMs(pid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

interface CpuSample {
  uploaderMs: number;
  workersMs: number;
  /** This run's PostgreSQL backends (by pid, from /proc): null unless the server is local to a Linux host. */
  postgresByPid: Map<number, number> | null;
  /** The whole Redis server (INFO cpu), shared with anything else using it. */
  redisMs: number;
}

interface CpuSpent {
  uploaderMs: number;
  workersMs: number;
  postgresMs: number | null;
  redisMs: number;
}

async function sampleCpu(workers: WorkerProcess[], redis: Redis, databaseUrl: string, databaseName: string): Promise<CpuSample> {
  const usage = process.cpuUsage();
  const workersMs = (await Promise.all(workers.map(workerCpuMs))).reduce((sum, value) => sum + value, 0);
  const info = await redis.info("cpu");
  const redisSeconds = ["used_cpu_sys", "used_cpu_user"].reduce(
    (sum, field) => sum + Number(new RegExp(`^${field}:(\\S+)`, "m").exec(info)?.[1] ?? Number.NaN),
    0,
  );
  const pids = await withPostgres(databaseUrl, async (client) =>
    (
      await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
        databaseName,
      ])
    ).rows.map((row) => row.pid),
  );
  let postgresByPid: Map<number, number> | null = new Map();
  for (const pid of pids) {
    const cpuMs = await localProcessCpuMs(pid);
    if (cpuMs === null) {
      postgresByPid = null;
      break;
    }
    postgresByPid.set(pid, cpuMs);
  }
  return {
    uploaderMs: (usage.user + usage.system) / 1000,
    workersMs,
    postgresByPid,
    redisMs: redisSeconds * 1000,
  };
}

function cpuSpent(before: CpuSample, after: CpuSample): CpuSpent {
  let postgresMs: number | null = null;
  if (before.postgresByPid !== null && after.postgresByPid !== null) {
    postgresMs = 0;
    // A backend that exited during the phase is not counted (the pools keep theirs open).
    for (const [pid, cpuMs] of after.postgresByPid) postgresMs += cpuMs - (before.postgresByPid.get(pid) ?? 0);
  }
  return {
    uploaderMs: after.uploaderMs - before.uploaderMs,
    workersMs: after.workersMs - before.workersMs,
    postgresMs,
    redisMs: after.redisMs - before.redisMs,
  };
}

/** "uploader 1.2 + workers 3.4 + PostgreSQL 2.0 + Redis 0.3 = 6.9 ms" per unit. */
function describeCpu(spent: CpuSpent, units: number): string {
  const per = (ms: number) => format(ms / units, 2);
  const parts = [`uploader ${per(spent.uploaderMs)}`, `workers ${per(spent.workersMs)}`];
  if (spent.postgresMs !== null) parts.push(`PostgreSQL ${per(spent.postgresMs)}`);
  parts.push(`Redis ${per(spent.redisMs)}`);
  const total = spent.uploaderMs + spent.workersMs + (spent.postgresMs ?? 0) + spent.redisMs;
  return `${parts.join(" + ")} = ${per(total)} ms`;
}

// ---------------------------------------------------------------- worker processes

interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<void>;
  /** Answers of outstanding "cpu" requests, oldest first. */
  cpuAnswers: ((cpuMs: number) => void)[];
  /** Set when the benchmark asks it to stop: an exit before that is a failure. */
  stopping: boolean;
}

/** The worker's CPU time (user + system) so far. */
function workerCpuMs(worker: WorkerProcess): Promise<number> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return Promise.resolve(Number.NaN);
  return new Promise((resolve) => {
    worker.cpuAnswers.push(resolve);
    worker.child.stdin?.write("cpu\n");
  });
}

function startWorker(environment: Record<string, string>): { worker: WorkerProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--conditions=source", join(import.meta.dirname, "pipeline-worker.ts")], {
    env: { ...process.env, ...environment },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const worker: WorkerProcess = { child, exited, cpuAnswers: [], stopping: false };
  // Writing to a worker that just died fails with EPIPE; its exit is reported below.
  child.stdin?.on("error", (error) => {
    if (!worker.stopping) process.stderr.write(`worker ${child.pid}: stdin: ${error.message}\n`);
  });
  child.once("exit", (code, signal) => {
    for (const answer of worker.cpuAnswers.splice(0)) answer(Number.NaN);
    if (!worker.stopping) onWorkerLost(new Error(`Worker process ${child.pid} exited (code ${code}, signal ${signal}).`));
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code, signal) =>
      reject(new Error(`A worker process exited before it was ready (code ${code}, signal ${signal}).`)),
    );
    child.once("error", reject);
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess["stdout"]> });
    lines.on("line", (line) => {
      let event: WorkerEvent;
      try {
        event = JSON.parse(line) as WorkerEvent;
      } catch (error) {
        process.stderr.write(`worker ${child.pid}: ${line} (${messageOf(error)})\n`);
        return;
      }
      if (event.event === "ready") resolve();
      else if (event.event === "cpu") worker.cpuAnswers.shift()?.(event.cpuMs);
      else onWorkerEvent(event);
    });
  });
  return { worker, ready };
}

/** Ends the worker's stdin (it closes its queue gracefully); kills it if it has not gone in 15 s. */
async function stopWorker(worker: WorkerProcess): Promise<void> {
  worker.stopping = true;
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.stdin?.end();
  const timer = setTimeout(() => worker.child.kill("SIGKILL"), 15_000);
  await worker.exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const loadAtStart = machineLoadLine().replace(/^machine: \d+ cores, /, "");

  // Services first: a missing one fails here with how to start it.
  const { databaseName, databaseUrl, prefix, redis } = await createRunServices();
  const postgresVersion = await withPostgres(databaseUrl, async (client) => {
    const [row] = (await client.query<{ server_version: string }>("SHOW server_version")).rows;
    return row?.server_version ?? "?";
  });
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info("server"))?.[1] ?? "?";

  const blobRoot = await mkdtemp(join(tmpdir(), "confide-bench-blobs-"));
  deferCleanup(() => rm(blobRoot, { recursive: true, force: true }));

  const deps = await createBenchUploaderDeps({
    databaseUrl,
    prefix,
    blobs: createFilesystemBlobStore({ root: blobRoot }),
    uploadConcurrency: options.uploadConcurrency,
  });
  const { queue } = deps;
  const pairs = await createUploadingTherapists(deps, options.pairs);

  // Worker processes.
  const workers: WorkerProcess[] = [];
  deferCleanup(() => Promise.all(workers.map(stopWorker)));
  const readiness: Promise<void>[] = [];
  for (let index = 0; index < options.workers; index += 1) {
    const { worker, ready } = startWorker({
      [workerEnvironment.redisUrl]: redisUrl,
      [workerEnvironment.prefix]: prefix,
      [workerEnvironment.databaseUrl]: databaseUrl,
      [workerEnvironment.blobRoot]: blobRoot,
      [workerEnvironment.concurrency]: String(options.concurrency),
    });
    workers.push(worker);
    readiness.push(ready);
  }
  await Promise.all(readiness);

  // Phase 1: no-op jobs.
  const runNoops = async (label: string, count: number): Promise<number> => {
    const ids = Array.from({ length: count }, (_, index) => `noop-${label}-${index}`);
    const startMs = performance.now();
    lastProgressMs = startMs;
    await runPool(count, options.enqueueConcurrency, (index) =>
      queue.enqueue(noopJobName, { index }, { jobId: ids[index] as string }),
    );
    await waitForAll(ids, "no-op jobs");
    return performance.now() - startMs;
  };
  const sample = () => sampleCpu(workers, redis, databaseUrl, databaseName);
  if (options.warmupJobs > 0) await runNoops("warmup", options.warmupJobs);
  const baselineBefore = await sample();
  const baselineMs = await runNoops("measured", options.jobs);
  const baselineCpu = cpuSpent(baselineBefore, await sample());

  // Phase 2: the pipeline.
  const wav = toneWav(1_000);
  const runSessions = async (count: number) => {
    const sessionIds: string[] = [];
    const uploadStartMs: number[] = [];
    const uploadMs: number[] = [];
    const startMs = performance.now();
    lastProgressMs = startMs;
    await runPool(count, options.uploadConcurrency, async (index) => {
      const pair = pairs[index % pairs.length] as UploadingTherapist;
      const uploadStart = performance.now();
      const session = await uploadSession(deps, pair.therapist, {
        patientId: pair.patientId,
        title: `Benchmark session ${index}`,
        originalName: "tone.wav",
        declaredContentType: "audio/wav",
        audio: byteStream(wav, 16 * 1024),
      });
      uploadMs.push(performance.now() - uploadStart);
      sessionIds[index] = session.id;
      uploadStartMs[index] = uploadStart;
    });
    try {
      await waitForAll(sessionIds, "sessions");
    } catch (error) {
      const missing = sessionIds.filter((id) => !completedAtMs.has(id));
      const statuses = await withPostgres(databaseUrl, async (client) =>
        (
          await client.query<{ status: string; count: string }>(
            "SELECT status, count(*) FROM confide_sessions WHERE id = ANY($1::text[]) GROUP BY status ORDER BY status",
            [missing],
          )
        ).rows,
      );
      throw new Error(
        `${messageOf(error)} Sessions never reported done: ${missing.length}, stored as ${statuses.map((row) => `${row.count} ${row.status}`).join(", ")}.`,
        { cause: error },
      );
    }
    const endMs = Math.max(...sessionIds.map((id) => completedAtMs.get(id) as number));
    const latenciesMs = sessionIds
      .map((id, index) => (completedAtMs.get(id) as number) - (uploadStartMs[index] as number))
      .sort((a, b) => a - b);
    const failed = sessionIds.filter((id) => sessionStatus.get(id) !== "ready");
    return { elapsedMs: endMs - startMs, latenciesMs, uploadMs: uploadMs.sort((a, b) => a - b), failed };
  };
  if (options.warmupSessions > 0) await runSessions(options.warmupSessions);
  const pipelineBefore = await sample();
  const pipeline = await runSessions(options.sessions);
  const pipelineCpu = cpuSpent(pipelineBefore, await sample());

  const stored = await withPostgres(databaseUrl, async (client) =>
    (await client.query<{ status: string; count: string }>("SELECT status, count(*) FROM confide_sessions GROUP BY status ORDER BY status")).rows,
  );

  // Figures.
  const baselineRate = rate(options.jobs, baselineMs);
  const pipelineRate = rate(options.sessions, pipeline.elapsedMs);
  const ratio = pipelineRate / baselineRate;
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const lines = [
    "Confide pipeline benchmark (bench/pipeline.ts)",
    `  machine         ${availableParallelism()} CPUs (nproc), ${cpu}, Node ${process.version}, ${process.platform} ${process.arch}`,
    `                  at the start: ${loadAtStart}`,
    `                  at the end:   ${machineLoadLine().replace(/^machine: \d+ cores, /, "")} (other processes compete)`,
    `  services        PostgreSQL ${postgresVersion}, Redis ${redisVersion} (local)`,
    `  workers         ${options.workers} processes x concurrency ${options.concurrency} (one BullMQ Worker each)`,
    `  uploader        this process, ${options.uploadConcurrency} uploads at once, ${format(wav.byteLength)}-byte WAV each`,
    `  warm-up         ${options.warmupJobs} no-op jobs, ${options.warmupSessions} sessions (not measured)`,
    `  baseline        ${format(options.jobs)} no-op jobs in ${format(baselineMs / 1000, 2)} s = ${format(baselineRate)} jobs/s`,
    `  pipeline        ${format(options.sessions)} sessions in ${format(pipeline.elapsedMs / 1000, 2)} s = ${format(pipelineRate, 1)} sessions/s`,
    `                  (upload -> scripted speech -> VADER -> PostgreSQL -> log push)`,
    `  ratio           ${format(ratio, 3)} (target >= 0.5: ${ratio >= 0.5 ? "met" : "missed"})`,
    `  upload->ready   p50 ${format(percentile(pipeline.latenciesMs, 0.5))} ms, p95 ${format(percentile(pipeline.latenciesMs, 0.95))} ms, max ${format(percentile(pipeline.latenciesMs, 1))} ms`,
    `  upload call     p50 ${format(percentile(pipeline.uploadMs, 0.5))} ms, p95 ${format(percentile(pipeline.uploadMs, 0.95))} ms`,
    `  CPU per job     ${describeCpu(baselineCpu, options.jobs)}`,
    `  CPU per session ${describeCpu(pipelineCpu, options.sessions)}`,
    `                  (PostgreSQL: this run's backends; Redis: the whole server)`,
    `  stored          ${stored.map((row) => `${row.count} ${row.status}`).join(", ")}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (pipeline.failed.length > 0) {
    throw new Error(`${pipeline.failed.length} sessions did not end ready (first: ${pipeline.failed[0]}).`);
  }
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`bench/pipeline: ${messageOf(error)}\n`);
} finally {
  await runCleanup();
}
