import { ConfideError, type JobHandler, type JobPayload, type JobQueue } from "@confide/core/ports";
import type { Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { closeConnection, type BullMqClient, type BullMqModule } from "./bullmq-client.ts";
import type { ParsedBullMqSettings } from "./settings.ts";
import { closedError, errorMessage } from "./bullmq-errors.ts";
import { describeJobError } from "../job-queue/job-error-fields.ts";

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

export interface BullMqWorker {
  /** Starts the one worker of this queue (`JobQueue.start`, once the queue is known not to be closing). */
  start: JobQueue["start"];
  /**
   * Closes the worker, when started: waits `timeoutMs` for its handlers, then aborts their
   * signals, and disconnects it under handlers that ignore theirs; then its connection.
   */
  close(timeoutMs: number): Promise<void>;
}

/**
 * The consumer side: a BullMQ worker on its own Redis connection delivering jobs to the handlers
 * by name. A handler's failure is retried until its last attempt; one aborted because the queue
 * is closing (`isClosing`) hands its job back without counting a failure.
 */
export function createBullMqWorker(resolved: ParsedBullMqSettings, client: BullMqClient, isClosing: () => boolean): BullMqWorker {
  const { logger } = resolved;
  let consumer: Consumer | undefined;
  const running = new Set<RunningHandler>();

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
        if (isClosing() && controller.signal.aborted && token !== undefined) {
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
    async start(handlers, startOptions = {}) {
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
      const { bullmq, Redis } = await client.loadSdk();
      if (consumer !== undefined) {
        throw new ConfideError("validation.invalid_input", "The job queue has already been started.");
      }
      // Workers block on Redis and must retry commands across reconnects (BullMQ requires null).
      const connection = new Redis(resolved.url, { maxRetriesPerRequest: null });
      connection.on("error", (error: unknown) => client.logConnectionError("worker", error));
      const worker = new bullmq.Worker<JobPayload, void, string>(
        resolved.queueName,
        processorFor(bullmq, { ...handlers }, maxAttempts),
        {
          connection,
          prefix: resolved.prefix,
          concurrency,
          lockDuration: resolved.lockDurationMs,
          stalledInterval: resolved.stalledIntervalMs ?? resolved.lockDurationMs,
          maxStalledCount: resolved.maxStalledCount,
        },
      );
      worker.on("error", (error: unknown) => client.logConnectionError("worker", error));
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

    async close(timeoutMs) {
      if (consumer === undefined) return;
      await closeWorker(consumer.worker, timeoutMs);
      await closeConnection(consumer.connection, 1_000);
    },
  };
}
