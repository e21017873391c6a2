import { checkEnqueueArguments, silentLogger } from "@confide/core/adapter-kit";
import { ConfideError, type EnqueueOptions, type JobHandler, type JobPayload, type JobQueue, type Logger } from "@confide/core/ports";
import { describeJobError } from "../job-queue/job-error-fields.ts";
import { integerSetting } from "../settings/integer-setting.ts";

export interface InProcessJobQueueOptions {
  /**
   * How many completed job ids are remembered, so that enqueueing one of them again does
   * nothing. The oldest are forgotten first. Default 10,000.
   */
  retainCompleted?: number;
  /** Delay before the second attempt of a throwing handler; doubles every attempt. Default 1000. */
  backoffDelayMs?: number;
  /** Longest delay between attempts. Default 60,000. */
  maxBackoffDelayMs?: number;
  /** How long `close()` waits for running handlers when the caller gives no timeout. Default 10,000. */
  closeTimeoutMs?: number;
  /** Receives failures of handlers (job id, name, attempt, error code and message). */
  logger?: Logger;
}

type JobState = "waiting" | "delayed" | "running";

interface Job {
  id: string;
  name: string;
  payload: JobPayload;
  /** Deliveries so far; the next delivery is attempt + 1. */
  attempt: number;
  state: JobState;
  timer: ReturnType<typeof setTimeout> | undefined;
  controller: AbortController | undefined;
}

/**
 * A JobQueue inside this process, for the embedded profile: real timers, no store. Jobs live
 * in memory, so jobs still waiting when the process stops are lost; the worker's recovery sweep
 * re-enqueues their sessions from the session table on the next start.
 *
 * - `jobId` is the idempotency key: an id that is waiting, delayed, running or among the last
 *   `retainCompleted` completed jobs is ignored. A job that failed its last attempt is forgotten,
 *   so enqueueing its id again runs it again.
 * - A throwing handler is retried with exponential backoff up to `maxAttempts` deliveries.
 * - Jobs enqueued before `start()` run once it is called.
 */
export function createInProcessJobQueue(options: InProcessJobQueueOptions = {}): JobQueue {
  const retainCompleted = integerSetting("retainCompleted", options.retainCompleted, 10_000, 0);
  const backoffDelayMs = integerSetting("backoffDelayMs", options.backoffDelayMs, 1_000, 0);
  const maxBackoffDelayMs = integerSetting("maxBackoffDelayMs", options.maxBackoffDelayMs, 60_000, 0);
  const defaultCloseTimeoutMs = integerSetting("closeTimeoutMs", options.closeTimeoutMs, 10_000, 0);
  const logger = options.logger ?? silentLogger;

  /** Every job not yet finished, by id. */
  const jobs = new Map<string, Job>();
  /** Ids of completed jobs, oldest first (a Set keeps insertion order). */
  const completed = new Set<string>();
  /** FIFO of waiting jobs; `head` is the next to run. */
  let waiting: Job[] = [];
  let head = 0;

  let handlers: Record<string, JobHandler> | null = null;
  let concurrency = 1;
  let maxAttempts = 3;
  let running = 0;
  const runningTasks = new Set<Promise<void>>();
  let closing = false;
  let closed: Promise<void> | null = null;

  function closedError(): ConfideError {
    return new ConfideError("dependency.unavailable", "The job queue is closed.", { retryable: true });
  }

  function pushWaiting(job: Job): void {
    job.state = "waiting";
    job.timer = undefined;
    waiting.push(job);
  }

  function takeWaiting(): Job | undefined {
    if (head >= waiting.length) return undefined;
    const job = waiting[head];
    head += 1;
    if (head > 1024 && head * 2 > waiting.length) {
      waiting = waiting.slice(head);
      head = 0;
    }
    return job;
  }

  function schedule(job: Job, delayMs: number): void {
    job.state = "delayed";
    job.timer = setTimeout(() => {
      if (closing) return;
      pushWaiting(job);
      pump();
    }, delayMs);
    // Delayed jobs alone do not keep the process alive; close() clears the timers.
    job.timer.unref();
  }

  function remember(jobId: string): void {
    if (retainCompleted === 0) return;
    completed.add(jobId);
    if (completed.size > retainCompleted) {
      const oldest = completed.values().next();
      if (!oldest.done) completed.delete(oldest.value);
    }
  }

  function pump(): void {
    if (handlers === null || closing) return;
    while (running < concurrency) {
      const job = takeWaiting();
      if (job === undefined) return;
      deliver(job);
    }
  }

  function deliver(job: Job): void {
    running += 1;
    job.state = "running";
    job.attempt += 1;
    job.controller = new AbortController();
    const task = execute(job, job.controller.signal).finally(() => {
      running -= 1;
      runningTasks.delete(task);
      pump();
    });
    runningTasks.add(task);
  }

  async function execute(job: Job, signal: AbortSignal): Promise<void> {
    const handler = handlers !== null && Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
    if (handler === undefined) {
      jobs.delete(job.id);
      logger.error("Job dropped: no handler for its name.", { jobId: job.id, name: job.name });
      return;
    }
    try {
      await handler(structuredClone(job.payload), { jobId: job.id, attempt: job.attempt, signal });
      jobs.delete(job.id);
      remember(job.id);
    } catch (error) {
      const fields = { jobId: job.id, name: job.name, attempt: job.attempt, ...describeJobError(error) };
      if (closing) {
        jobs.delete(job.id);
        logger.warn("Job failed while the queue was closing; not retried.", fields);
      } else if (job.attempt < maxAttempts) {
        const delayMs = Math.min(backoffDelayMs * 2 ** (job.attempt - 1), maxBackoffDelayMs);
        logger.warn("Job failed; retrying.", { ...fields, delayMs });
        schedule(job, delayMs);
      } else {
        jobs.delete(job.id);
        logger.error("Job failed on its last attempt.", { ...fields, maxAttempts });
      }
    }
  }

  return {
    processLocal: true,
    async enqueue(name: string, payload: JobPayload, enqueueOptions: EnqueueOptions): Promise<void> {
      const delayMs = checkEnqueueArguments(name, enqueueOptions);
      if (closing) throw closedError();
      const jobId = enqueueOptions.jobId;
      if (jobs.has(jobId) || completed.has(jobId)) return;

      const job: Job = {
        id: jobId,
        name,
        payload: structuredClone(payload),
        attempt: 0,
        state: "waiting",
        timer: undefined,
        controller: undefined,
      };
      jobs.set(jobId, job);
      if (delayMs > 0) {
        schedule(job, delayMs);
      } else {
        pushWaiting(job);
        pump();
      }
    },

    async start(startHandlers, startOptions = {}): Promise<void> {
      if (closing) throw closedError();
      if (handlers !== null) {
        throw new ConfideError("validation.invalid_input", "The job queue has already been started.");
      }
      concurrency = integerSetting("concurrency", startOptions.concurrency, 1, 1);
      maxAttempts = integerSetting("maxAttempts", startOptions.maxAttempts, 3, 1);
      handlers = { ...startHandlers };
      pump();
    },

    async check(): Promise<void> {
      // Jobs live in this process: usable until closed.
      if (closing) throw closedError();
    },

    close(closeOptions = {}): Promise<void> {
      if (closed !== null) return closed;
      closing = true;
      const timeoutMs = closeOptions.timeoutMs ?? defaultCloseTimeoutMs;
      closed = (async () => {
        for (const job of jobs.values()) {
          if (job.timer !== undefined) clearTimeout(job.timer);
        }
        const stillRunning = [...runningTasks];
        if (stillRunning.length > 0) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const timedOut = await Promise.race([
            Promise.allSettled(stillRunning).then(() => false),
            new Promise<boolean>((resolve) => {
              timer = setTimeout(() => resolve(true), timeoutMs);
            }),
          ]);
          clearTimeout(timer);
          if (timedOut) {
            for (const job of jobs.values()) {
              if (job.state === "running") job.controller?.abort(closedError());
            }
            logger.warn("Job queue closed with handlers still running; their signals were aborted.", {
              running: runningTasks.size,
              timeoutMs,
            });
          }
        }
        jobs.clear();
        waiting = [];
        head = 0;
      })();
      return closed;
    },
  };
}
