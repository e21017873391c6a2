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
import { createScriptedSpeechToText } from "@confide/core/testing";
import { createFilesystemBlobStore } from "@confide/adapters-local/providers";
import { noopJobName, workerEnvironment } from "./pipeline-protocol.ts";
import { benchSettings, reportEvent, runBenchWorker } from "./support/bench-worker.ts";

const setting = benchSettings("bench/pipeline.ts");
await runBenchWorker({
  databaseUrl: setting(workerEnvironment.databaseUrl),
  redisUrl: setting(workerEnvironment.redisUrl),
  prefix: setting(workerEnvironment.prefix),
  concurrency: Number(setting(workerEnvironment.concurrency)),
  blobs: createFilesystemBlobStore({ root: setting(workerEnvironment.blobRoot) }),
  speech: createScriptedSpeechToText(),
  extraHandlers: {
    [noopJobName]: async (_payload, context) => {
      reportEvent({ event: "noop", jobId: context.jobId });
    },
  },
});
