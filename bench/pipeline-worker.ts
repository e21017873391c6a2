/**
 * One worker process of the pipeline benchmark (bench/pipeline.ts starts two of them).
 * Not meant to be run by hand.
 *
 * It builds the self-hosted worker's dependencies by hand — PostgreSQL repositories, a
 * filesystem blob store, the BullMQ queue, VADER, a log push notifier writing to nowhere —
 * with the scripted speech-to-text of @confide/core/testing standing in for a speech engine,
 * and starts the queue with core's job handlers plus a no-op job (the BullMQ baseline).
 *
 * Environment: set by bench/pipeline.ts (see `workerEnvironment` in pipeline-protocol.ts).
 *
 * Speaks on stdout, one JSON object a line:
 *   {"event":"ready"}                                      the queue is started
 *   {"event":"noop","jobId":"…"}                           a no-op job ran
 *   {"event":"notified","sessionId":"…","status":"ready"}  the pipeline's last step (the push)
 *   {"event":"cpu","cpuMs":1234.5}                         answer to a "cpu" line on stdin
 * and stops (closing the queue gracefully) when its stdin ends, so it never outlives the
 * benchmark.
 */
import { createConfideDeps, createJobHandlers } from "@confide/core";
import type { Logger } from "@confide/core/ports";
import { createScriptedSpeechToText } from "@confide/core/testing";
import {
  createBullMqJobQueue,
  createFilesystemBlobStore,
  createLogPushNotifier,
  createPostgresRepositories,
  createRedisSessionEvents,
  createEmbeddedNoteWriter,
  createEmbeddedRiskScreen,
  createVaderLanguageAnalyzer,
} from "@confide/adapters-local/providers";
import { createWinkClaimReader } from "@confide/adapters-local/wink-claims";
import { createInterface } from "node:readline";
import { noopJobName, workerEnvironment, type WorkerEvent } from "./pipeline-protocol.ts";
import { signallingPushNotifier } from "./support/signalling-push-notifier.ts";

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    process.stderr.write(`${name} is not set: this process is started by bench/pipeline.ts.\n`);
    process.exit(2);
  }
  return value;
}

function report(line: WorkerEvent): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Warnings and errors go to stderr (the benchmark shows them); routine info is dropped. */
const logger: Logger = {
  info() {},
  warn: (message, fields) => process.stderr.write(`worker ${process.pid} warn: ${message} ${JSON.stringify(fields ?? {})}\n`),
  error: (message, fields) => process.stderr.write(`worker ${process.pid} error: ${message} ${JSON.stringify(fields ?? {})}\n`),
};

const concurrency = Number(setting(workerEnvironment.concurrency));
const repositories = await createPostgresRepositories({
  connectionString: setting(workerEnvironment.databaseUrl),
  // One connection per concurrent job, and a spare for the lease timer.
  max: concurrency + 1,
  logger,
});
const queue = createBullMqJobQueue({
  url: setting(workerEnvironment.redisUrl),
  prefix: setting(workerEnvironment.prefix),
  logger,
});
// As a self-hosted worker does: every session write is announced on the deployment's Redis.
const events = createRedisSessionEvents({ url: setting(workerEnvironment.redisUrl), prefix: setting(workerEnvironment.prefix), logger });
const deps = createConfideDeps({
  blobs: createFilesystemBlobStore({ root: setting(workerEnvironment.blobRoot) }),
  speech: createScriptedSpeechToText(),
  language: createVaderLanguageAnalyzer(),
  notes: createEmbeddedNoteWriter(),
  claims: createWinkClaimReader(),
  risk: createEmbeddedRiskScreen(),
  queue,
  push: signallingPushNotifier(createLogPushNotifier({ logger: { info() {}, warn() {}, error() {} } }), (sessionId, status) =>
    report({ event: "notified", sessionId, status }),
  ),
  events,
  repositories,
  logger,
});

await queue.start(
  {
    ...createJobHandlers(deps),
    [noopJobName]: async (_payload, context) => {
      report({ event: "noop", jobId: context.jobId });
    },
  },
  { concurrency },
);
report({ event: "ready" });

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
  report({ event: "cpu", cpuMs: (usage.user + usage.system) / 1000 });
});
process.stdin.on("end", stopOrDie);
process.stdin.on("error", stopOrDie);
process.on("SIGTERM", stopOrDie);
