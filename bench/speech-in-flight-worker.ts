/**
 * The one worker process of bench/speech-in-flight.ts. Not meant to be run by hand.
 *
 * A self-hosted worker as it would run on Azure: PostgreSQL repositories, the BullMQ queue,
 * Redis session events, recordings in Azure Blob Storage (Azurite here; the store signs read
 * URLs, so nothing is staged), the azure-speech adapter (against the fake batch server),
 * VADER, and a log push notifier writing to nowhere. It starts the queue with core's job
 * handlers at the given concurrency.
 *
 * Speaks on stdout (support/bench-worker.ts), one JSON object a line (pipeline-protocol.ts): `{"event":"ready"}` once
 * the queue is started, `{"event":"notified","sessionId":"…","status":"…"}` for each session's
 * last step. Stops when its stdin ends.
 */
import { createAzureBlobStore } from "../packages/adapters-azure/src/azure-blob/azure-blob-store.ts";
import { createAzureSpeechToText } from "../packages/adapters-azure/src/azure-speech/azure-speech-to-text.ts";
import { speechWorkerEnvironment } from "./speech-in-flight-protocol.ts";
import { benchSettings, runBenchWorker } from "./support/bench-worker.ts";

const setting = benchSettings("bench/speech-in-flight.ts");
await runBenchWorker({
  databaseUrl: setting(speechWorkerEnvironment.databaseUrl),
  redisUrl: setting(speechWorkerEnvironment.redisUrl),
  prefix: setting(speechWorkerEnvironment.prefix),
  concurrency: Number(setting(speechWorkerEnvironment.concurrency)),
  blobs: await createAzureBlobStore({
    connectionString: setting(speechWorkerEnvironment.storageConnectionString),
    containerName: setting(speechWorkerEnvironment.storageContainer),
  }),
  speech: await createAzureSpeechToText({
    endpoint: setting(speechWorkerEnvironment.speechEndpoint),
    key: setting(speechWorkerEnvironment.speechKey),
  }),
});
