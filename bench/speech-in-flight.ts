/**
 * Benchmark: many Azure Speech batch transcriptions in flight on ONE worker process.
 *
 *   node --conditions=source bench/speech-in-flight.ts [--sessions 1000] [--job-seconds 60]
 *        [--concurrency 16] [--upload-concurrency 16] [--worker-heap-mb N]
 *
 * Needs the local PostgreSQL and Redis (`bash scripts/ensure-services.sh`; addresses as in
 * bench/pipeline.ts: CONFIDE_BENCH_POSTGRES_URL, CONFIDE_BENCH_REDIS_URL).
 *
 * What runs where:
 * - this process: a fresh database (dropped at the end), a unique BullMQ prefix (its keys
 *   deleted at the end), Azurite (in memory) holding the recordings, the fake Azure Speech
 *   batch server (REST 2024-11-15, @confide/contracts/fakes) whose jobs stay Running for
 *   `--job-seconds` after they start, therapists with linked patients and a phone each; then
 *   the uploader: core's `uploadSession` streaming a small WAV into the azure-blob store,
 *   creating the session and enqueueing its job;
 * - one worker process (bench/speech-in-flight-worker.ts): core's job handlers on BullMQ at
 *   `--concurrency`, PostgreSQL, Redis events, the azure-blob store (signs read URLs, so the
 *   service reads the recordings from Azurite: nothing staged), the azure-speech adapter, VADER
 *   and a log push whose call is the session's completion signal.
 *
 * Printed: wall time (first upload → last session ready), the Speech API requests the worker
 * made (status polls per second overall and in the busiest second, polls per session), the
 * worker's peak RSS (VmHWM, reset when the worker is ready) and the upload → ready latency.
 */
import { uploadSession } from "@confide/core";
import { byteStream, pcmWav } from "@confide/core/testing";
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { defaultSpeechTranscript, startFakeSpeechBatchServer } from "../packages/contracts/src/fakes/azure-speech-batch-server.ts";
import { startAzurite } from "../packages/contracts/src/support/azurite.ts";
import { createAzureBlobStore } from "../packages/adapters-azure/src/azure-blob/azure-blob-store.ts";
import type { WorkerEvent } from "./pipeline-protocol.ts";
import { speechWorkerEnvironment } from "./speech-in-flight-protocol.ts";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { createBenchUploaderDeps, createUploadingTherapists, type UploadingTherapist } from "./support/bench-uploader.ts";
import { messageOf, redisUrl } from "./support/local-services.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { percentile } from "./support/percentile.ts";
import { startRssSampler } from "./support/rss-sampler.ts";
import { runPool } from "./support/run-pool.ts";
import { createRunServices } from "./support/run-services.ts";

const { values: flags } = parseArgs({
  options: {
    sessions: { type: "string", default: "1000" },
    "job-seconds": { type: "string", default: "60" },
    concurrency: { type: "string", default: "16" },
    "upload-concurrency": { type: "string", default: "16" },
    "worker-heap-mb": { type: "string" },
  },
});

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a positive integer.\n`);
    process.exit(2);
  }
  return value;
}

const options = {
  sessions: positiveInteger("sessions", flags.sessions),
  jobSeconds: positiveInteger("job-seconds", flags["job-seconds"]),
  concurrency: positiveInteger("concurrency", flags.concurrency),
  uploadConcurrency: positiveInteger("upload-concurrency", flags["upload-concurrency"]),
  /** `--max-old-space-size` of the worker: whether its peak is garbage not yet collected or memory it holds. */
  workerHeapMb: flags["worker-heap-mb"] === undefined ? undefined : positiveInteger("worker-heap-mb", flags["worker-heap-mb"]),
  pairs: 10,
};

const format = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => `${format(bytes / 1e6, 1)} MB`;

/** Sessions reported done by the worker: when, and in which status. */
const done = new Map<string, { atMs: number; status: string }>();
let onDone: (() => void) | null = null;

function startWorker(environment: Record<string, string>): { child: ChildProcess; ready: Promise<void> } {
  const heap = options.workerHeapMb === undefined ? [] : [`--max-old-space-size=${options.workerHeapMb}`];
  const child = spawn(process.execPath, ["--conditions=source", ...heap, join(import.meta.dirname, "speech-in-flight-worker.ts")], {
    env: { ...process.env, ...environment },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let stopping = false;
  deferCleanup(async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.stdin?.end();
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  });
  child.stdin?.on("error", () => undefined);
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code, signal) => {
      if (!stopping) reject(new Error(`The worker process exited (code ${code}, signal ${signal}).`));
    });
    createInterface({ input: child.stdout as NonNullable<ChildProcess["stdout"]> }).on("line", (line) => {
      let event: WorkerEvent;
      try {
        event = JSON.parse(line) as WorkerEvent;
      } catch {
        process.stderr.write(`worker: ${line}\n`);
        return;
      }
      if (event.event === "ready") resolve();
      if (event.event === "notified" && !done.has(event.sessionId)) {
        done.set(event.sessionId, { atMs: performance.now(), status: event.status });
        onDone?.();
      }
    });
  });
  return { child, ready };
}

async function main(): Promise<void> {
  const loadAtStart = machineLoadLine();
  const { databaseUrl, prefix } = await createRunServices();

  const azurite = await startAzurite();
  deferCleanup(() => azurite.stop());
  const jobMs = options.jobSeconds * 1000;
  const speech = await startFakeSpeechBatchServer({
    plan: { pollsRunning: 1, runningForMs: jobMs, outcome: { kind: "succeeded", transcript: defaultSpeechTranscript } },
  });
  deferCleanup(() => speech.close());

  const container = "bench-recordings";
  const deps = await createBenchUploaderDeps({
    databaseUrl,
    prefix,
    blobs: await createAzureBlobStore({ connectionString: azurite.connectionString, containerName: container }),
    uploadConcurrency: options.uploadConcurrency,
  });
  const pairs = await createUploadingTherapists(deps, options.pairs);

  const { child, ready } = startWorker({
    [speechWorkerEnvironment.redisUrl]: redisUrl,
    [speechWorkerEnvironment.prefix]: prefix,
    [speechWorkerEnvironment.databaseUrl]: databaseUrl,
    [speechWorkerEnvironment.storageConnectionString]: azurite.connectionString,
    [speechWorkerEnvironment.storageContainer]: container,
    [speechWorkerEnvironment.speechEndpoint]: speech.url,
    [speechWorkerEnvironment.speechKey]: speech.key,
    [speechWorkerEnvironment.concurrency]: String(options.concurrency),
  });
  await ready;
  const rss = await startRssSampler(child.pid as number, 200);

  // Upload every session (each enqueues its job at once: the worker submits while uploads go on).
  const wav = pcmWav({ dataBytes: 32_000, toneHz: 440 });
  const sessionIds: string[] = [];
  const uploadedAtMs: number[] = [];
  const startMs = performance.now();
  const startWallMs = Date.now();
  await runPool(options.sessions, options.uploadConcurrency, async (index) => {
    const pair = pairs[index % pairs.length] as UploadingTherapist;
    const session = await uploadSession(deps, pair.therapist, {
      patientId: pair.patientId,
      title: `Speech bench ${index}`,
      originalName: "tone.wav",
      declaredContentType: "audio/wav",
      audio: byteStream(wav, 16 * 1024),
    });
    sessionIds[index] = session.id;
    uploadedAtMs[index] = performance.now();
  });
  const uploadsMs = performance.now() - startMs;

  // Wait for every session, or fail after three job durations plus two minutes.
  const deadlineMs = 3 * jobMs + 120_000;
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (sessionIds.every((id) => done.has(id))) resolve();
    };
    onDone = check;
    check();
    setTimeout(() => reject(new Error(`${sessionIds.filter((id) => !done.has(id)).length} sessions not done after ${deadlineMs / 1000} s.`)), deadlineMs).unref();
  });
  const endMs = Math.max(...sessionIds.map((id) => done.get(id)!.atMs));
  const wallMs = endMs - startMs;
  const memory = await rss.stop();

  // The worker's requests to the Speech API, as the fake received them.
  const requests = speech.received.filter((request) => request.receivedAt >= startWallMs);
  const byOperation = new Map<string, number>();
  for (const request of requests) byOperation.set(request.operation, (byOperation.get(request.operation) ?? 0) + 1);
  const statusPolls = requests.filter((request) => request.operation === "get");
  const perSecond = new Map<number, number>();
  for (const request of statusPolls) {
    const second = Math.floor((request.receivedAt - startWallMs) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  const busiest = Math.max(...perSecond.values());
  const pollsPerJob = new Map<string, number>();
  for (const request of statusPolls) {
    const id = request.path.split("/").pop() as string;
    pollsPerJob.set(id, (pollsPerJob.get(id) ?? 0) + 1);
  }
  const pollCounts = [...pollsPerJob.values()].sort((a, b) => a - b);
  const latencies = sessionIds.map((id, index) => done.get(id)!.atMs - (uploadedAtMs[index] as number)).sort((a, b) => a - b);
  const statuses = new Map<string, number>();
  for (const id of sessionIds) statuses.set(done.get(id)!.status, (statuses.get(done.get(id)!.status) ?? 0) + 1);

  const lines = [
    "Azure Speech sessions in flight on one worker (bench/speech-in-flight.ts)",
    `  machine          ${availableParallelism()} CPUs, ${cpus()[0]?.model.trim() ?? "?"}, Node ${process.version}`,
    `                   at the start: ${loadAtStart}`,
    `                   at the end:   ${machineLoadLine()}`,
    `  worker           1 process: core pipeline, BullMQ concurrency ${options.concurrency}, PostgreSQL, Redis events, azure-blob (Azurite), azure-speech${options.workerHeapMb === undefined ? "" : `, --max-old-space-size=${options.workerHeapMb}`}`,
    `  fake service     jobs Running ${options.jobSeconds} s after they start (started by their first status read)`,
    `  sessions         ${format(options.sessions)} uploaded in ${format(uploadsMs / 1000, 1)} s (${options.uploadConcurrency} at once)`,
    `  reached ready    ${[...statuses.entries()].map(([status, count]) => `${count} ${status}`).join(", ")}`,
    `  wall time        ${format(wallMs / 1000, 1)} s (first upload -> last session ready)`,
    `  upload->ready    p50 ${format(percentile(latencies, 0.5) / 1000, 1)} s, p95 ${format(percentile(latencies, 0.95) / 1000, 1)} s, max ${format(percentile(latencies, 1) / 1000, 1)} s`,
    `  status polls     ${format(statusPolls.length)} = ${format(statusPolls.length / (wallMs / 1000), 1)} per second over the wall time; busiest second ${busiest}`,
    `  polls per job    p50 ${percentile(pollCounts, 0.5)}, max ${percentile(pollCounts, 1)} (min ${percentile(pollCounts, 0)})`,
    `  API requests     ${[...byOperation.entries()].map(([operation, count]) => `${operation} ${format(count)}`).join(", ")}`,
    `  worker RSS       at ready ${mb(memory.baselineBytes)}, peak ${mb(memory.highWaterMarkBytes)}${memory.hwmWasReset ? " (VmHWM since ready)" : " (VmHWM since start: clear_refs refused)"}, peak sampled ${mb(memory.peakSampledBytes)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if ((statuses.get("ready") ?? 0) !== options.sessions) throw new Error("not every session reached ready");
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`bench/speech-in-flight: ${messageOf(error)}\n`);
} finally {
  await runCleanup();
}
