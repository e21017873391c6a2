import { checkEnqueueArguments } from "@confide/core/adapter-kit";
import { ConfideError, type JobPayload, type JobQueue } from "@confide/core/ports";
import type { BullMqClient, Producer } from "./bullmq-client.ts";
import { withTimeout } from "./bullmq-client.ts";
import type { ParsedBullMqSettings } from "./settings.ts";
import { closedError, errorMessage, unavailable } from "./bullmq-errors.ts";

async function add(queue: Producer["queue"], name: string, payload: JobPayload, jobId: string, delayMs: number) {
  // A job that failed its last attempt is kept for inspection but must not block its id.
  if ((await queue.getJobState(jobId)) === "failed") await queue.remove(jobId);
  await queue.add(name, payload, { jobId, ...(delayMs > 0 ? { delay: Math.round(delayMs) } : {}) });
}

/**
 * The producer side of the queue: `enqueue`, bounded by `enqueueTimeoutMs` (then
 * `dependency.unavailable`, retryable), and the inspections `backlog` and `check`. Each refuses
 * once the queue is closing (`isClosing`).
 */
export function createBullMqEnqueue(
  resolved: ParsedBullMqSettings,
  client: BullMqClient,
  isClosing: () => boolean,
): Pick<JobQueue, "enqueue" | "check"> & Required<Pick<JobQueue, "backlog">> {
  return {
    async enqueue(name, payload, enqueueOptions) {
      const delayMs = checkEnqueueArguments(name, enqueueOptions);
      if (isClosing()) throw closedError();
      const { queue } = await client.getProducer();
      const adding = add(queue, name, payload, enqueueOptions.jobId, delayMs);
      try {
        await withTimeout(adding, resolved.enqueueTimeoutMs, () =>
          unavailable(`Redis did not answer within ${resolved.enqueueTimeoutMs} ms; the job was not queued.`),
        );
      } catch (error) {
        if (ConfideError.is(error)) {
          adding.catch((late: unknown) => client.logConnectionError("enqueue", late));
          throw error;
        }
        throw unavailable(`The job could not be queued: Redis is unavailable (${errorMessage(error)}).`, error);
      }
    },

    async backlog() {
      if (isClosing()) throw closedError();
      const { queue } = await client.getProducer();
      try {
        // BullMQ keeps waiting jobs in its `wait` list, newest first: the last one waited longest.
        const waiting = await queue.getWaitingCount();
        const [oldest] = waiting > 0 ? await queue.getJobs(["wait"], waiting - 1, waiting - 1) : [];
        return { waiting, oldestWaitingMs: oldest ? Math.max(0, Date.now() - oldest.timestamp) : null };
      } catch (error) {
        throw unavailable(`Redis does not answer (${errorMessage(error)}).`, error);
      }
    },

    async check(checkOptions = {}) {
      checkOptions.signal?.throwIfAborted();
      if (isClosing()) throw closedError();
      const { queue, connection } = await client.getProducer();
      // Ready once connected (commands fail at once before: no offline queue); PING proves Redis answers.
      const answered = queue.waitUntilReady().then(() => connection.ping());
      try {
        await withTimeout(
          answered,
          resolved.enqueueTimeoutMs,
          () => unavailable(`Redis did not answer within ${resolved.enqueueTimeoutMs} ms.`),
          checkOptions.signal,
        );
      } catch (error) {
        answered.catch((late: unknown) => client.logConnectionError("check", late));
        if (ConfideError.is(error)) throw error;
        throw unavailable(`Redis does not answer (${errorMessage(error)}).`, error);
      }
    },
  };
}
