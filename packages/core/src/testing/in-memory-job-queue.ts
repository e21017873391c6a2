import { ConfideError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { EnqueueOptions, JobHandler, JobPayload, JobQueue } from "../ports/job-queue.ts";
import { systemClock } from "../ports/clock.ts";
import { checkEnqueueArguments } from "../ports/job-id.ts";

export interface QueuedJob {
  name: string;
  payload: JobPayload;
  jobId: string;
  runAt: number;
  attempt: number;
}

export interface InMemoryJobQueue extends JobQueue {
  /** Jobs waiting or delayed, for assertions. */
  pending(): QueuedJob[];
  /** Manual mode: runs every job due by the clock, and the jobs they enqueue, until none is due. */
  runDue(): Promise<number>;
  /** Every job id ever accepted, in order. */
  accepted(): string[];
}

const closedError = () => new ConfideError("dependency.unavailable", "The queue is closed.", { retryable: true });

/**
 * A job queue in memory. `manual: true` runs jobs only on `runDue()` against the given clock
 * (deterministic core tests); otherwise jobs run on real timers after `start()`.
 */
export function createInMemoryJobQueue(options: { clock?: Clock; manual?: boolean } = {}): InMemoryJobQueue {
  const clock = options.clock ?? systemClock;
  const waiting: QueuedJob[] = [];
  const known = new Set<string>();
  const order: string[] = [];
  let handlers: Record<string, JobHandler> | null = null;
  let concurrency = 1;
  let maxAttempts = 3;
  let running = 0;
  let closed = false;
  const inFlight = new Set<Promise<void>>();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const backoffMs = (attempt: number) => 100 * 2 ** (attempt - 1);

  async function run(job: QueuedJob): Promise<void> {
    const handler = handlers?.[job.name];
    if (!handler) return;
    try {
      await handler(structuredClone(job.payload), { jobId: job.jobId, attempt: job.attempt, signal: controller.signal });
    } catch {
      if (job.attempt < maxAttempts) {
        waiting.push({ ...job, attempt: job.attempt + 1, runAt: clock.now().getTime() + backoffMs(job.attempt) });
      }
    }
  }

  function takeDue(): QueuedJob | undefined {
    const now = clock.now().getTime();
    waiting.sort((a, b) => a.runAt - b.runAt);
    const index = waiting.findIndex((job) => job.runAt <= now);
    return index === -1 ? undefined : waiting.splice(index, 1)[0];
  }

  function pump(): void {
    if (options.manual || !handlers || closed) return;
    clearTimeout(timer);
    while (running < concurrency) {
      const job = takeDue();
      if (!job) break;
      running += 1;
      const task = run(job).finally(() => {
        running -= 1;
        inFlight.delete(task);
        pump();
      });
      inFlight.add(task);
    }
    const next = waiting.reduce((min, job) => Math.min(min, job.runAt), Infinity);
    if (next !== Infinity) timer = setTimeout(pump, Math.max(0, next - clock.now().getTime()));
  }

  return {
    processLocal: true,
    async enqueue(name, payload, enqueueOptions: EnqueueOptions) {
      const delayMs = checkEnqueueArguments(name, enqueueOptions);
      const { jobId } = enqueueOptions;
      if (closed) throw closedError();
      if (known.has(jobId)) return;
      known.add(jobId);
      order.push(jobId);
      waiting.push({ name, payload: structuredClone(payload), jobId, runAt: clock.now().getTime() + delayMs, attempt: 1 });
      pump();
    },
    async start(startHandlers, startOptions = {}) {
      handlers = startHandlers;
      concurrency = startOptions.concurrency ?? 1;
      maxAttempts = startOptions.maxAttempts ?? 3;
      pump();
    },
    async check() {
      if (closed) throw closedError();
    },
    async close(closeOptions = {}) {
      closed = true;
      clearTimeout(timer);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, closeOptions.timeoutMs ?? 10_000).unref());
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      controller.abort();
    },
    pending: () => waiting.map((job) => structuredClone(job)),
    accepted: () => [...order],
    async runDue() {
      let count = 0;
      for (let job = takeDue(); job; job = takeDue()) {
        await run(job);
        count += 1;
      }
      return count;
    },
  };
}
