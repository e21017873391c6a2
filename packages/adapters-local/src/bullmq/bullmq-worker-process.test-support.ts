/**
 * A BullMQ worker in its own process, for tests that must kill a worker mid-job (a crash, not a
 * graceful close). Run: node --conditions=source packages/adapters-local/src/bullmq/bullmq-worker-process.test-support.ts
 * Environment: REDIS_URL, QUEUE_PREFIX, QUEUE_NAME, LOCK_DURATION_MS, STALLED_INTERVAL_MS (workers of one
 * queue coordinate stalled checks through Redis, so they must share these two).
 * Prints one JSON line per delivery ({"event":"started","jobId":…,"attempt":…}) and never finishes
 * a job, so the job stays active until the process dies.
 */
import { createBullMqJobQueue } from "./bullmq-job-queue.ts";

const environment = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is required`);
  return value;
};

const queue = createBullMqJobQueue({
  url: environment("REDIS_URL"),
  prefix: environment("QUEUE_PREFIX"),
  queueName: environment("QUEUE_NAME"),
  lockDurationMs: Number(environment("LOCK_DURATION_MS")),
  stalledIntervalMs: Number(environment("STALLED_INTERVAL_MS")),
});

await queue.start({
  work: async (_payload, context) => {
    process.stdout.write(`${JSON.stringify({ event: "started", jobId: context.jobId, attempt: context.attempt })}\n`);
    await new Promise<never>(() => {});
  },
});
process.stdout.write(`${JSON.stringify({ event: "ready" })}\n`);
