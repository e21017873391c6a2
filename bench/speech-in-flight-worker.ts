/**
 * The one worker process of bench/speech-in-flight.ts. Not meant to be run by hand.
 *
 * A self-hosted worker as it would run on Azure: PostgreSQL repositories, the BullMQ queue,
 * Redis session events, recordings in Azure Blob Storage (Azurite here; the store signs read
 * URLs, so nothing is staged), the azure-speech adapter (against the fake batch server),
 * VADER, and a log push notifier writing to nowhere. It starts the queue with core's job
 * handlers at the given concurrency.
 *
 * Speaks on stdout, one JSON object a line (pipeline-protocol.ts): `{"event":"ready"}` once
 * the queue is started, `{"event":"notified","sessionId":"…","status":"…"}` for each session's
 * last step. Stops when its stdin ends.
 */
import { createConfideDeps, createJobHandlers } from "@confide/core";
import type { Logger } from "@confide/core/ports";
import {
  createBullMqJobQueue,
  createLogPushNotifier,
  createPostgresRepositories,
  createRedisSessionEvents,
  createEmbeddedNoteWriter,
  createEmbeddedRiskScreen,
  createVaderLanguageAnalyzer,
} from "@confide/adapters-local/providers";
import { createWinkClaimReader } from "@confide/adapters-local/wink-claims";
import { createAzureBlobStore } from "../packages/adapters-azure/src/azure-blob/azure-blob-store.ts";
import { createAzureSpeechToText } from "../packages/adapters-azure/src/azure-speech/azure-speech-to-text.ts";
import type { WorkerEvent } from "./pipeline-protocol.ts";
import { speechWorkerEnvironment } from "./speech-in-flight-protocol.ts";
import { signallingPushNotifier } from "./support/signalling-push-notifier.ts";

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    process.stderr.write(`${name} is not set: this process is started by bench/speech-in-flight.ts.\n`);
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
  warn: (message, fields) => process.stderr.write(`worker warn: ${message} ${JSON.stringify(fields ?? {})}\n`),
  error: (message, fields) => process.stderr.write(`worker error: ${message} ${JSON.stringify(fields ?? {})}\n`),
};

const concurrency = Number(setting(speechWorkerEnvironment.concurrency));
const redisUrl = setting(speechWorkerEnvironment.redisUrl);
const prefix = setting(speechWorkerEnvironment.prefix);
const repositories = await createPostgresRepositories({
  connectionString: setting(speechWorkerEnvironment.databaseUrl),
  max: concurrency + 1,
  logger,
});
const queue = createBullMqJobQueue({ url: redisUrl, prefix, logger });
const events = createRedisSessionEvents({ url: redisUrl, prefix, logger });
const deps = createConfideDeps({
  blobs: await createAzureBlobStore({
    connectionString: setting(speechWorkerEnvironment.storageConnectionString),
    containerName: setting(speechWorkerEnvironment.storageContainer),
  }),
  speech: await createAzureSpeechToText({
    endpoint: setting(speechWorkerEnvironment.speechEndpoint),
    key: setting(speechWorkerEnvironment.speechKey),
  }),
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

await queue.start(createJobHandlers(deps), { concurrency });
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
    process.stderr.write(`worker: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
process.stdin.resume();
process.stdin.on("end", stopOrDie);
process.stdin.on("error", stopOrDie);
process.on("SIGTERM", stopOrDie);
