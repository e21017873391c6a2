import { parseSettings } from "@confide/core/adapter-kit";
import type { JobQueue } from "@confide/core/ports";
import { createBullMqClient } from "./bullmq-client.ts";
import { createBullMqEnqueue } from "./bullmq-enqueue.ts";
import { closedError } from "./bullmq-errors.ts";
import { createBullMqWorker } from "./bullmq-worker.ts";
import { bullMqSettings, type BullMqSettings } from "./settings.ts";

/**
 * A JobQueue on Redis with BullMQ, for workers in separate processes (self-hosted, Azure Cache
 * for Redis, ElastiCache). One BullMQ queue holds every job; the job name is the BullMQ job name
 * and `jobId` the BullMQ job id, which makes enqueue idempotent while the job waits, is delayed,
 * runs, or is retained after completion (see `retainCompletedCount`).
 *
 * Enqueue never hangs on a Redis that is down: the producer connection has no offline queue and
 * every enqueue is bounded by `enqueueTimeoutMs`, after which it fails with
 * `dependency.unavailable` (retryable). Workers reconnect on their own.
 *
 * The parts: the SDKs and the producer's connection (bullmq-client.ts), enqueue and the
 * inspections backlog and check (bullmq-enqueue.ts), the worker and its handlers
 * (bullmq-worker.ts), the errors (bullmq-errors.ts).
 */
export function createBullMqJobQueue(settings: BullMqSettings): JobQueue {
  const resolved = parseSettings(bullMqSettings, settings);
  let closing = false;
  let closed: Promise<void> | undefined;
  const isClosing = () => closing;
  const client = createBullMqClient(resolved);
  const { enqueue, backlog, check } = createBullMqEnqueue(resolved, client, isClosing);
  const worker = createBullMqWorker(resolved, client, isClosing);

  return {
    processLocal: false,
    enqueue,

    async start(handlers, startOptions = {}) {
      if (closing) throw closedError();
      await worker.start(handlers, startOptions);
    },

    backlog,
    check,

    close(closeOptions = {}) {
      if (closed !== undefined) return closed;
      closing = true;
      const timeoutMs = closeOptions.timeoutMs ?? resolved.closeTimeoutMs;
      closed = (async () => {
        await worker.close(timeoutMs);
        await client.closeProducer();
      })();
      return closed;
    },
  };
}
