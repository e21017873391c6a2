export type JobPayload = Record<string, string | number | boolean | null>;

export interface JobContext {
  jobId: string;
  /** 1 on the first delivery; higher when the queue redelivers after a crash or a throw. */
  attempt: number;
  signal: AbortSignal;
}

export type JobHandler = (payload: JobPayload, context: JobContext) => Promise<void>;

/** Jobs waiting for a worker (`JobQueue.backlog`). */
export interface QueueBacklog {
  waiting: number;
  /** Milliseconds the oldest waiting job has waited; null when none waits. */
  oldestWaitingMs: number | null;
}

export interface EnqueueOptions {
  /**
   * Idempotency key: enqueueing an id that is waiting, delayed, running or still retained
   * after completion does nothing. Only `[A-Za-z0-9_-]`, and not all digits.
   */
  jobId: string;
  /** Run no sooner than this many milliseconds from now. */
  delayMs?: number;
}

/**
 * Runs background jobs. Delivery is at least once: handlers must be idempotent. A handler
 * that throws is retried by the queue with exponential backoff up to `maxAttempts` (a safety
 * net for unexpected errors; provider retries are scheduled by core as new jobs).
 */
export interface JobQueue {
  /**
   * True when only the process that enqueued a job can run it (jobs live in its memory): the
   * host must run the handlers in that same process. False when any worker process can.
   */
  readonly processLocal: boolean;

  /**
   * Adds a job.
   * @throws ConfideError `validation.invalid_input` for a malformed job id,
   * `dependency.unavailable` when the queue's store cannot be reached.
   */
  enqueue(name: string, payload: JobPayload, options: EnqueueOptions): Promise<void>;

  /**
   * Starts delivering jobs to `handlers` (by job name), at most `concurrency` at once in this
   * process. A job whose name has no handler fails without retry.
   */
  start(handlers: Record<string, JobHandler>, options?: { concurrency?: number; maxAttempts?: number }): Promise<void>;

  /**
   * Resolves when jobs can be enqueued (the queue's store answers); used by readiness checks.
   * Enqueues nothing.
   * @throws ConfideError `dependency.unavailable` otherwise, also once the queue is closed.
   */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  /**
   * What waits for a worker now, for operators' metrics: jobs ready to run and not
   * yet taken (delayed ones not counted), and how long the oldest of them has waited. Optional:
   * a queue that cannot tell leaves it out.
   * @throws ConfideError `dependency.unavailable` when the queue's store cannot be reached.
   */
  backlog?(): Promise<QueueBacklog>;

  /** Stops taking jobs and waits for running handlers (up to `timeoutMs`, then aborts them). */
  close(options?: { timeoutMs?: number }): Promise<void>;
}
