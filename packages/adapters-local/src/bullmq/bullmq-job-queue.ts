import { ConfideError, checkEnqueueArguments, type JobHandler, type JobPayload, type JobQueue } from "@confide/core";
import type { Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { resolveBullMqSettings, type BullMqJobQueueSettings } from "./bullmq-config.ts";
import { describeJobError } from "../job-queue/job-error-fields.ts";

type BullMqModule = typeof import("bullmq");
type RedisConstructor = typeof import("ioredis").Redis;

interface Producer {
  queue: Queue<JobPayload, void, string>;
  connection: Redis;
}

interface Consumer {
  worker: Worker<JobPayload, void, string>;
  connection: Redis;
}

/** Handlers still running, so close() can wait for them and abort them. */
interface RunningHandler {
  controller: AbortController;
  settled: Promise<void>;
}

/** How long aborted handlers get to settle before close() disconnects the worker under them. */
const abortGraceMs = 2_000;
/** Connection errors repeat on every reconnect attempt; log one per this interval. */
const connectionErrorLogIntervalMs = 10_000;

function closedError(): ConfideError {
  return new ConfideError("dependency.unavailable", "The job queue is closed.", { retryable: true });
}

function unavailable(message: string, cause?: unknown): ConfideError {
  return new ConfideError("dependency.unavailable", message, { retryable: true, cause });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Resolves with the promise's outcome, or throws what `onTimeout` makes after `timeoutMs`, or
 * the signal's reason when it aborts first.
 */
async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => Error, signal?: AbortSignal): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(onTimeout()), timeoutMs);
        onAbort = () => reject(signal?.reason);
        if (signal?.aborted) onAbort();
        else signal?.addEventListener("abort", onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
  }
}

/** Closes a Redis connection politely when it is up, at once when it is not (QUIT would wait). */
async function closeConnection(connection: Redis, timeoutMs: number): Promise<void> {
  if (connection.status === "ready") {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const quitInTime = await Promise.race([
      connection.quit().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (quitInTime) return;
  }
  // Down, reconnecting, or QUIT did not finish in time: cut the link.
  connection.disconnect();
}

/**
 * A JobQueue on Redis with BullMQ, for workers in separate processes (self-hosted, Azure Cache
 * for Redis, ElastiCache). One BullMQ queue holds every job; the job name is the BullMQ job name
 * and `jobId` the BullMQ job id, which makes enqueue idempotent while the job waits, is delayed,
 * runs, or is retained after completion (see `retainCompletedCount`).
 *
 * Enqueue never hangs on a Redis that is down: the producer connection has no offline queue and
 * every enqueue is bounded by `enqueueTimeoutMs`, after which it fails with
 * `dependency.unavailable` (retryable). Workers reconnect on their own.
 */
export function createBullMqJobQueue(settings: BullMqJobQueueSettings): JobQueue {
  const resolved = resolveBullMqSettings(settings);
  const { logger } = resolved;

  let sdk: Promise<{ bullmq: BullMqModule; Redis: RedisConstructor }> | undefined;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;
  const running = new Set<RunningHandler>();
  let closing = false;
  let closed: Promise<void> | undefined;
  const lastConnectionErrorLogAt = new Map<string, number>();

  function loadSdk(): Promise<{ bullmq: BullMqModule; Redis: RedisConstructor }> {
    sdk ??= Promise.all([import("bullmq"), import("ioredis")]).then(([bullmq, ioredis]) => ({
      bullmq,
      Redis: ioredis.Redis,
    }));
    return sdk;
  }

  function logConnectionError(source: string, error: unknown): void {
    const now = Date.now();
    if (now - (lastConnectionErrorLogAt.get(source) ?? 0) < connectionErrorLogIntervalMs) return;
    lastConnectionErrorLogAt.set(source, now);
    logger.warn("Job queue: Redis connection error.", { source, error: errorMessage(error) });
  }

  async function getProducer(): Promise<Producer> {
    if (producer !== undefined) return producer;
    const { bullmq, Redis } = await loadSdk();
    if (producer !== undefined) return producer;
    const connection = new Redis(resolved.url, {
      // Fail commands at once while disconnected instead of queueing them until Redis returns.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: Math.min(resolved.enqueueTimeoutMs, 10_000),
    });
    connection.on("error", (error: unknown) => logConnectionError("producer", error));
    const queue = new bullmq.Queue<JobPayload, void, string>(resolved.queueName, {
      connection,
      prefix: resolved.prefix,
      defaultJobOptions: {
        attempts: resolved.maxAttempts,
        backoff: { type: "exponential", delay: resolved.backoffDelayMs },
        removeOnComplete: { count: resolved.retainCompletedCount, age: resolved.retainCompletedAgeSeconds },
        removeOnFail: { count: resolved.retainFailedCount, age: resolved.retainFailedAgeSeconds },
      },
    });
    queue.on("error", (error: unknown) => logConnectionError("queue", error));
    producer = { queue, connection };
    return producer;
  }

  async function add(queue: Producer["queue"], name: string, payload: JobPayload, jobId: string, delayMs: number) {
    // A job that failed its last attempt is kept for inspection but must not block its id.
    if ((await queue.getJobState(jobId)) === "failed") await queue.remove(jobId);
    await queue.add(name, payload, { jobId, ...(delayMs > 0 ? { delay: Math.round(delayMs) } : {}) });
  }

  function processorFor(
    bullmq: BullMqModule,
    handlers: Record<string, JobHandler>,
    maxAttempts: number,
  ): (job: Job<JobPayload, void, string>, token?: string, signal?: AbortSignal) => Promise<void> {
    return async (job, token, bullSignal) => {
      const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
      if (handler === undefined) {
        throw new bullmq.UnrecoverableError(`No handler for job name "${job.name}".`);
      }
      const controller = new AbortController();
      const forwardAbort = () => controller.abort(bullSignal?.reason);
      bullSignal?.addEventListener("abort", forwardAbort, { once: true });
      let settle = () => {};
      const entry: RunningHandler = { controller, settled: new Promise<void>((resolve) => (settle = resolve)) };
      running.add(entry);
      try {
        await handler(job.data, {
          jobId: job.id ?? "",
          // BullMQ counts every start, including redeliveries of stalled jobs.
          attempt: Math.max(1, job.attemptsStarted),
          signal: controller.signal,
        });
      } catch (error) {
        if (closing && controller.signal.aborted && token !== undefined) {
          // Shut down under the handler: hand the job back without counting a failure.
          await job.moveToWait(token);
          throw new bullmq.WaitingError();
        }
        const described = describeJobError(error);
        if (job.attemptsMade + 1 >= maxAttempts) {
          throw new bullmq.UnrecoverableError(`${described.errorCode}: ${described.error}`);
        }
        throw error instanceof Error ? error : new Error(described.error);
      } finally {
        bullSignal?.removeEventListener("abort", forwardAbort);
        running.delete(entry);
        settle();
      }
    };
  }

  async function closeWorker(worker: Consumer["worker"], timeoutMs: number): Promise<void> {
    const graceful = worker.close();
    graceful.catch((error: unknown) => logger.warn("Job queue: worker close failed.", { error: errorMessage(error) }));
    const settledInTime = (ms: number) =>
      Promise.race([graceful.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

    if (await settledInTime(timeoutMs)) return;
    const aborted = [...running];
    for (const entry of aborted) entry.controller.abort(closedError());
    logger.warn("Job queue closed with handlers still running; their signals were aborted.", {
      running: aborted.length,
      timeoutMs,
    });
    if (await settledInTime(abortGraceMs)) return;
    // Handlers that ignore their signal: cut the worker's connections. Their jobs' locks lapse
    // and another worker picks them up as stalled jobs.
    await worker.disconnect();
  }

  return {
    processLocal: false,
    async enqueue(name, payload, enqueueOptions) {
      const delayMs = checkEnqueueArguments(name, enqueueOptions);
      if (closing) throw closedError();
      const { queue } = await getProducer();
      const adding = add(queue, name, payload, enqueueOptions.jobId, delayMs);
      try {
        await withTimeout(adding, resolved.enqueueTimeoutMs, () =>
          unavailable(`Redis did not answer within ${resolved.enqueueTimeoutMs} ms; the job was not queued.`),
        );
      } catch (error) {
        if (ConfideError.is(error)) {
          adding.catch((late: unknown) => logConnectionError("enqueue", late));
          throw error;
        }
        throw unavailable(`The job could not be queued: Redis is unavailable (${errorMessage(error)}).`, error);
      }
    },

    async start(handlers, startOptions = {}) {
      if (closing) throw closedError();
      if (consumer !== undefined) {
        throw new ConfideError("validation.invalid_input", "The job queue has already been started.");
      }
      const concurrency = startOptions.concurrency ?? 1;
      const maxAttempts = startOptions.maxAttempts ?? resolved.maxAttempts;
      for (const [setting, value] of [
        ["concurrency", concurrency],
        ["maxAttempts", maxAttempts],
      ] as const) {
        if (!Number.isInteger(value) || value < 1) {
          throw new ConfideError("validation.invalid_input", `${setting} must be an integer of at least 1.`, {
            details: { setting },
          });
        }
      }
      const { bullmq, Redis } = await loadSdk();
      if (consumer !== undefined) {
        throw new ConfideError("validation.invalid_input", "The job queue has already been started.");
      }
      // Workers block on Redis and must retry commands across reconnects (BullMQ requires null).
      const connection = new Redis(resolved.url, { maxRetriesPerRequest: null });
      connection.on("error", (error: unknown) => logConnectionError("worker", error));
      const worker = new bullmq.Worker<JobPayload, void, string>(
        resolved.queueName,
        processorFor(bullmq, { ...handlers }, maxAttempts),
        {
          connection,
          prefix: resolved.prefix,
          concurrency,
          lockDuration: resolved.lockDurationMs,
          stalledInterval: resolved.stalledIntervalMs,
          maxStalledCount: resolved.maxStalledCount,
        },
      );
      worker.on("error", (error: unknown) => logConnectionError("worker", error));
      worker.on("stalled", (jobId: string) => logger.warn("Job stalled; it will be delivered again.", { jobId }));
      worker.on("failed", (job, error) => {
        if (job === undefined) return;
        const fields = { jobId: job.id, name: job.name, attempt: job.attemptsStarted, ...describeJobError(error) };
        const final = error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
        if (final) logger.error("Job failed on its last attempt.", fields);
        else logger.warn("Job failed; retrying.", fields);
      });
      consumer = { worker, connection };
    },

    async backlog() {
      if (closing) throw closedError();
      const { queue } = await getProducer();
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
      if (closing) throw closedError();
      const { queue, connection } = await getProducer();
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
        answered.catch((late: unknown) => logConnectionError("check", late));
        if (ConfideError.is(error)) throw error;
        throw unavailable(`Redis does not answer (${errorMessage(error)}).`, error);
      }
    },

    close(closeOptions = {}) {
      if (closed !== undefined) return closed;
      closing = true;
      const timeoutMs = closeOptions.timeoutMs ?? resolved.closeTimeoutMs;
      closed = (async () => {
        if (consumer !== undefined) {
          await closeWorker(consumer.worker, timeoutMs);
          await closeConnection(consumer.connection, 1_000);
        }
        if (producer !== undefined) {
          await withTimeout(producer.queue.close(), 2_000, () => new Error("queue close timed out")).catch(
            (error: unknown) => logger.warn("Job queue: queue close failed.", { error: errorMessage(error) }),
          );
          await closeConnection(producer.connection, 1_000);
        }
      })();
      return closed;
    },
  };
}
