/**
 * Behaviour every JobQueue adapter must show (packages/core/src/ports/job-queue.ts).
 * These tests run on real time: they wait for conditions with a bounded poll, never a fixed
 * sleep, except where a test must show that something does not happen.
 */
import { ConfideError, type JobContext, type JobPayload, type JobQueue } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

export interface JobQueueContractOptions {
  name: string;
  create: () => Promise<JobQueue>;
}

interface Delivery {
  payload: JobPayload;
  jobId: string;
  attempt: number;
  at: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 10 ms until it holds; fails with `what` after `timeoutMs`. */
async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** A promise with its resolve function, for handlers that block until a test releases them. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

export function describeJobQueueContract(options: JobQueueContractOptions): void {
  describe(`JobQueue contract: ${options.name}`, () => {
    let queue: JobQueue;
    let closed: boolean;
    let deliveries: Delivery[];
    /** Released in afterEach so no handler outlives its test. */
    let gates: Array<{ open: () => void }>;

    beforeEach(async () => {
      queue = await options.create();
      closed = false;
      deliveries = [];
      gates = [];
    });

    afterEach(async () => {
      for (const held of gates) held.open();
      if (!closed) await queue.close({ timeoutMs: 2_000 });
    });

    async function closeQueue(closeOptions?: { timeoutMs?: number }): Promise<void> {
      closed = true;
      await queue.close(closeOptions);
    }

    /** A handler that records every delivery and then runs `then`. */
    function recording(then?: (payload: JobPayload, context: JobContext) => Promise<void>) {
      return async (payload: JobPayload, context: JobContext) => {
        deliveries.push({ payload, jobId: context.jobId, attempt: context.attempt, at: Date.now() });
        await then?.(payload, context);
      };
    }

    const runsOf = (jobId: string) => deliveries.filter((delivery) => delivery.jobId === jobId);

    it("check resolves while the queue is open, started or not, and enqueues nothing", async () => {
      await expect(queue.check()).resolves.toBeUndefined();
      await queue.start({ "session.process": recording() });
      await expect(queue.check({ signal: new AbortController().signal })).resolves.toBeUndefined();

      await sleep(50);
      expect(deliveries).toEqual([]);
    });

    it("check answers dependency.unavailable once the queue is closed", async () => {
      await closeQueue({ timeoutMs: 2_000 });

      const error = await queue.check().then(() => undefined, (caught: unknown) => caught);
      expect(ConfideError.is(error, "dependency.unavailable"), `expected dependency.unavailable, got ${String(error)}`).toBe(true);
    });

    it("delivers a job enqueued before start with its payload, id and first attempt", async () => {
      const payload = { sessionId: "session-1", run: 2, force: true, note: null };
      await queue.enqueue("session.process", payload, { jobId: "process-session-1" });
      let signal: AbortSignal | undefined;
      await queue.start({
        "session.process": recording(async (_payload, context) => {
          signal = context.signal;
        }),
      });

      await waitFor("the job to run", () => deliveries.length === 1);
      expect(deliveries[0]).toMatchObject({ payload, jobId: "process-session-1", attempt: 1 });
      expect(signal).toBeInstanceOf(AbortSignal);
      expect(signal?.aborted).toBe(false);
    });

    it("delivers jobs enqueued after start, each to the handler of its name", async () => {
      const seen: string[] = [];
      await queue.start({
        first: async (payload) => {
          seen.push(`first:${String(payload.value)}`);
        },
        second: async (payload) => {
          seen.push(`second:${String(payload.value)}`);
        },
      });

      await queue.enqueue("first", { value: 1 }, { jobId: "job-a" });
      await queue.enqueue("second", { value: 2 }, { jobId: "job-b" });

      await waitFor("both jobs to run", () => seen.length === 2);
      expect(seen.sort()).toEqual(["first:1", "second:2"]);
    });

    it("runs a job once when its id is enqueued twice while waiting", async () => {
      await queue.enqueue("work", { value: "original" }, { jobId: "dup-1" });
      await queue.enqueue("work", { value: "duplicate" }, { jobId: "dup-1" });
      await queue.enqueue("work", { value: "marker" }, { jobId: "marker-1" });
      await queue.start({ work: recording() }, { concurrency: 1 });

      await waitFor("the marker job", () => runsOf("marker-1").length === 1 && runsOf("dup-1").length >= 1);
      expect(runsOf("dup-1")).toHaveLength(1);
      expect(runsOf("dup-1")[0]?.payload).toEqual({ value: "original" });
    });

    it("does not run a completed job again when its id is enqueued again", async () => {
      await queue.start({ work: recording() }, { concurrency: 1 });
      await queue.enqueue("work", { value: 1 }, { jobId: "once-1" });
      await waitFor("the first run", () => runsOf("once-1").length === 1);

      await expect(queue.enqueue("work", { value: 1 }, { jobId: "once-1" })).resolves.toBeUndefined();
      await queue.enqueue("work", { value: "marker" }, { jobId: "marker-2" });

      await waitFor("the marker job", () => runsOf("marker-2").length === 1);
      expect(runsOf("once-1")).toHaveLength(1);
    });

    it("does not run a delayed job before its delay", async () => {
      await queue.start({ work: recording() });
      const enqueuedAt = Date.now();
      await queue.enqueue("work", { value: 1 }, { jobId: "delayed-1", delayMs: 300 });

      await waitFor("the delayed job", () => runsOf("delayed-1").length === 1, 5_000);
      // Timer granularity allows a few milliseconds of slack.
      expect((runsOf("delayed-1")[0]?.at ?? 0) - enqueuedAt).toBeGreaterThanOrEqual(290);
    });

    it("runs an undelayed job while an earlier job is still delayed", async () => {
      await queue.start({ work: recording() });
      await queue.enqueue("work", {}, { jobId: "later-1", delayMs: 5_000 });
      await queue.enqueue("work", {}, { jobId: "now-1" });

      await waitFor("the undelayed job", () => runsOf("now-1").length === 1);
      expect(runsOf("later-1")).toHaveLength(0);
    });

    it("retries a job whose handler throws, with the next attempt number", async () => {
      await queue.start(
        {
          work: recording(async (_payload, context) => {
            if (context.attempt === 1) throw new Error("unexpected failure on the first attempt");
          }),
        },
        { maxAttempts: 3 },
      );
      await queue.enqueue("work", { sessionId: "s-9" }, { jobId: "flaky-1" });

      await waitFor("the second attempt", () => runsOf("flaky-1").length === 2, 15_000);
      expect(runsOf("flaky-1").map((delivery) => delivery.attempt)).toEqual([1, 2]);
      expect(runsOf("flaky-1")[1]?.payload).toEqual({ sessionId: "s-9" });
    });

    it("keeps delivering other jobs after a job with no handler", async () => {
      await queue.start({ work: recording() });
      await queue.enqueue("nobody.handles.this", {}, { jobId: "orphan-1" });
      await queue.enqueue("work", {}, { jobId: "after-orphan-1" });

      await waitFor("the handled job", () => runsOf("after-orphan-1").length === 1);
    });

    it.each(["a:b", "12345", "", "a b", "a/b", "a.b", "sessión"])(
      "rejects the job id %j with validation.invalid_input",
      async (jobId) => {
        const error = await queue.enqueue("work", {}, { jobId }).then(
          () => undefined,
          (caught: unknown) => caught,
        );

        expect(ConfideError.is(error, "validation.invalid_input"), `got ${String(error)}`).toBe(true);
      },
    );

    it("accepts job ids of letters, digits, dash and underscore", async () => {
      await queue.start({ work: recording() });
      const ids = ["session-process_abc-1", "0a", "1-2", "ABC_def"];
      for (const jobId of ids) await queue.enqueue("work", {}, { jobId });

      await waitFor("every job", () => ids.every((jobId) => runsOf(jobId).length === 1));
    });

    it("runs at most `concurrency` handlers at once", async () => {
      let running = 0;
      let mostAtOnce = 0;
      let finished = 0;
      const held = Array.from({ length: 6 }, () => gate());
      gates.push(...held);
      await queue.start(
        {
          work: async (payload) => {
            running += 1;
            mostAtOnce = Math.max(mostAtOnce, running);
            await held[Number(payload.index)]?.promise;
            running -= 1;
            finished += 1;
          },
        },
        { concurrency: 2 },
      );
      for (let index = 0; index < 6; index += 1) {
        await queue.enqueue("work", { index }, { jobId: `parallel-${index}` });
      }

      await waitFor("two handlers to run", () => running >= 2);
      // Give a queue that ignores the limit the chance to start a third handler.
      await sleep(150);
      expect(running).toBe(2);
      for (const entry of held) entry.open();
      await waitFor("every job", () => finished === 6);
      expect(mostAtOnce).toBe(2);
    });

    it("close waits for a running handler to finish", async () => {
      const events: string[] = [];
      const held = gate();
      gates.push(held);
      let abortedWhileRunning: boolean | undefined;
      await queue.start({
        work: async (_payload, context) => {
          events.push("handler started");
          await held.promise;
          abortedWhileRunning = context.signal.aborted;
          events.push("handler finished");
        },
      });
      await queue.enqueue("work", {}, { jobId: "long-1" });
      await waitFor("the handler to start", () => events.length === 1);

      const closing = closeQueue().then(() => events.push("closed"));
      setTimeout(held.open, 100);
      await closing;

      expect(events).toEqual(["handler started", "handler finished", "closed"]);
      expect(abortedWhileRunning, "a handler finishing within the timeout is not aborted").toBe(false);
    });

    it("close aborts a handler still running after timeoutMs", async () => {
      let aborted = false;
      let started = false;
      await queue.start({
        work: async (_payload, context) => {
          started = true;
          await new Promise<void>((resolve) => {
            context.signal.addEventListener("abort", () => resolve(), { once: true });
            // Fallback so a queue that never aborts fails the assertion instead of hanging.
            setTimeout(resolve, 5_000).unref();
          });
          aborted = context.signal.aborted;
        },
      });
      await queue.enqueue("work", {}, { jobId: "stuck-1" });
      await waitFor("the handler to start", () => started);

      const closeStartedAt = Date.now();
      await closeQueue({ timeoutMs: 200 });

      await waitFor("the handler to see the abort", () => aborted, 4_000);
      expect(Date.now() - closeStartedAt).toBeLessThan(4_000);
    });
  });
}
