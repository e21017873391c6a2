/**
 * What a benchmark's worker process shares (bench/pipeline-worker.ts, bench/speech-in-flight-worker.ts):
 * a self-hosted worker built by hand — PostgreSQL repositories, the BullMQ queue, Redis session
 * events, VADER, the embedded note writer and risk screen, a log push notifier writing to
 * nowhere whose sends are reported — around the blob store and speech engine the benchmark
 * chose; its events on stdout, one JSON object a line (pipeline-protocol.ts); a "cpu" line on
 * stdin answered with its CPU time; and a graceful stop when stdin ends or on SIGTERM, so it
 * never outlives the benchmark.
 */
import { createConfideDeps, createJobHandlers, type ConfideDeps } from "@confide/core";
import type { BlobStore, JobHandler, Logger, SpeechToText } from "@confide/core/ports";
import {
  createBullMqJobQueue,
  createEmbeddedNoteWriter,
  createEmbeddedRiskScreen,
  createLogPushNotifier,
  createPostgresRepositories,
  createRedisSessionEvents,
  createVaderLanguageAnalyzer,
} from "@confide/adapters-local/providers";
import { createWinkClaimReader } from "@confide/adapters-local/wink-claims";
import { createInterface } from "node:readline";
import type { WorkerEvent } from "../pipeline-protocol.ts";
import { signallingPushNotifier } from "./signalling-push-notifier.ts";

/** Reads the variables the benchmark `startedBy` sets; exits 2 naming one that is missing. */
export function benchSettings(startedBy: string): (name: string) => string {
  return (name) => {
    const value = process.env[name];
    if (value === undefined || value === "") {
      process.stderr.write(`${name} is not set: this process is started by ${startedBy}.\n`);
      process.exit(2);
    }
    return value;
  };
}

export function reportEvent(line: WorkerEvent): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Warnings and errors go to stderr (the benchmark shows them); routine info is dropped. */
export const benchWorkerLogger: Logger = {
  info() {},
  warn: (message, fields) => process.stderr.write(`worker ${process.pid} warn: ${message} ${JSON.stringify(fields ?? {})}\n`),
  error: (message, fields) => process.stderr.write(`worker ${process.pid} error: ${message} ${JSON.stringify(fields ?? {})}\n`),
};

export interface BenchWorkerOptions {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  concurrency: number;
  blobs: BlobStore;
  speech: SpeechToText;
  /** Handlers besides core's (a no-op job, the BullMQ baseline). */
  extraHandlers?: Record<string, JobHandler>;
}

/** Builds the worker, starts its queue, reports `ready`, and stops it when stdin ends. @returns its deps. */
export async function runBenchWorker(options: BenchWorkerOptions): Promise<ConfideDeps> {
  const logger = benchWorkerLogger;
  const { redisUrl: url, prefix } = options;
  const repositories = await createPostgresRepositories({
    connectionString: options.databaseUrl,
    // One connection per concurrent job, and a spare for the lease timer.
    max: options.concurrency + 1,
    logger,
  });
  const queue = createBullMqJobQueue({ url, prefix, logger });
  // As a self-hosted worker does: every session write is announced on the deployment's Redis.
  const events = createRedisSessionEvents({ url, prefix, logger });
  const deps = createConfideDeps({
    blobs: options.blobs,
    speech: options.speech,
    language: createVaderLanguageAnalyzer(),
    notes: createEmbeddedNoteWriter(),
    claims: createWinkClaimReader(),
    risk: createEmbeddedRiskScreen(),
    queue,
    push: signallingPushNotifier(createLogPushNotifier({ logger: { info() {}, warn() {}, error() {} } }), (sessionId, status) =>
      reportEvent({ event: "notified", sessionId, status }),
    ),
    events,
    repositories,
    logger,
  });
  await queue.start({ ...createJobHandlers(deps), ...options.extraHandlers }, { concurrency: options.concurrency });
  reportEvent({ event: "ready" });

  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    await queue.close({ timeoutMs: 5_000 });
    await Promise.all([repositories.close(), deps.language.close(), deps.push.close(), deps.speech.close(), events.close()]);
    process.exit(0);
  }
  function stopOrDie(): void {
    stop().catch((error: unknown) => {
      process.stderr.write(`worker ${process.pid}: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  }
  // Lines on stdin: "cpu" asks for this process's CPU time so far.
  createInterface({ input: process.stdin }).on("line", (line) => {
    if (line.trim() !== "cpu") return;
    const usage = process.cpuUsage();
    reportEvent({ event: "cpu", cpuMs: (usage.user + usage.system) / 1000 });
  });
  process.stdin.on("end", stopOrDie);
  process.stdin.on("error", stopOrDie);
  process.on("SIGTERM", stopOrDie);
  return deps;
}
