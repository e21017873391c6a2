import { ConfideError, type JobContext, type JobPayload, type JobQueue, type Logger } from "@confide/core/ports";
import { afterEach, describe, expect, it } from "vitest";
import { describeJobQueueContract } from "@confide/contracts";
import { createInProcessJobQueue, type InProcessJobQueueOptions } from "./in-process-job-queue.ts";

describeJobQueueContract({
  name: "in-process",
  create: async () => createInProcessJobQueue({ backoffDelayMs: 50 }),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

interface Delivery {
  jobId: string;
  attempt: number;
  payload: JobPayload;
  at: number;
}

describe("in-process job queue", () => {
  let queue: JobQueue;
  const logged: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = {
    info: (message, fields) => logged.push({ level: "info", message, fields }),
    warn: (message, fields) => logged.push({ level: "warn", message, fields }),
    error: (message, fields) => logged.push({ level: "error", message, fields }),
  };

  function create(options: InProcessJobQueueOptions = {}): JobQueue {
    queue = createInProcessJobQueue({ logger, ...options });
    return queue;
  }

  afterEach(async () => {
    logged.length = 0;
    await queue.close({ timeoutMs: 500 });
  });

  function recorder(deliveries: Delivery[], then?: (context: JobContext) => Promise<void>) {
    return async (payload: JobPayload, context: JobContext) => {
      deliveries.push({ jobId: context.jobId, attempt: context.attempt, payload, at: Date.now() });
      await then?.(context);
    };
  }

  it("ignores a duplicate of a delayed job and of a running job", async () => {
    const deliveries: Delivery[] = [];
    const held = gate();
    create();
    await queue.start({ work: recorder(deliveries, () => held.promise) });

    await queue.enqueue("work", { value: "delayed" }, { jobId: "delayed-a", delayMs: 100 });
    await queue.enqueue("work", { value: "delayed duplicate" }, { jobId: "delayed-a" });
    await queue.enqueue("work", { value: "running" }, { jobId: "running-a" });
    await waitFor("the running job", () => deliveries.some((delivery) => delivery.jobId === "running-a"));
    await queue.enqueue("work", { value: "running duplicate" }, { jobId: "running-a" });
    held.open();
    await waitFor("the delayed job", () => deliveries.some((delivery) => delivery.jobId === "delayed-a"));
    await queue.enqueue("work", {}, { jobId: "marker-a", delayMs: 150 });
    await waitFor("the marker", () => deliveries.some((delivery) => delivery.jobId === "marker-a"));

    expect(deliveries.map((delivery) => [delivery.jobId, delivery.payload.value])).toEqual([
      ["running-a", "running"],
      ["delayed-a", "delayed"],
      ["marker-a", undefined],
    ]);
  });

  it("forgets the oldest completed ids beyond retainCompleted, so they run again", async () => {
    const deliveries: Delivery[] = [];
    create({ retainCompleted: 2 });
    await queue.start({ work: recorder(deliveries) });
    for (const jobId of ["old-1", "old-2", "old-3"]) {
      await queue.enqueue("work", {}, { jobId });
      await waitFor(jobId, () => deliveries.some((delivery) => delivery.jobId === jobId));
    }

    // old-1 was forgotten (only old-2 and old-3 are retained); old-3 is still remembered.
    await queue.enqueue("work", {}, { jobId: "old-3" });
    await queue.enqueue("work", {}, { jobId: "old-1" });
    await waitFor("old-1 again", () => deliveries.filter((delivery) => delivery.jobId === "old-1").length === 2);

    expect(deliveries.map((delivery) => delivery.jobId)).toEqual(["old-1", "old-2", "old-3", "old-1"]);
  });

  it("retries with exponential backoff and stops at maxAttempts", async () => {
    const deliveries: Delivery[] = [];
    create({ backoffDelayMs: 40 });
    await queue.start(
      {
        work: recorder(deliveries, async () => {
          throw new ConfideError("internal", "always fails");
        }),
      },
      { maxAttempts: 3 },
    );
    await queue.enqueue("work", { sessionId: "s-1" }, { jobId: "doomed-1" });

    await waitFor("the final failure to be logged", () => logged.some((entry) => entry.level === "error"));
    await sleep(200);

    expect(deliveries.map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = deliveries.map((delivery) => delivery.at);
    // 40 ms before the second attempt, 80 ms before the third (timer slack of a few ms).
    expect(second! - first!).toBeGreaterThanOrEqual(38);
    expect(third! - second!).toBeGreaterThanOrEqual(78);
    expect(logged.find((entry) => entry.level === "error")?.fields).toMatchObject({
      jobId: "doomed-1",
      attempt: 3,
      errorCode: "internal",
    });
  });

  it("runs a job again when its id is enqueued after it failed its last attempt", async () => {
    const deliveries: Delivery[] = [];
    let fail = true;
    create({ backoffDelayMs: 1 });
    await queue.start(
      {
        work: recorder(deliveries, async () => {
          if (fail) throw new Error("boom");
        }),
      },
      { maxAttempts: 1 },
    );
    await queue.enqueue("work", {}, { jobId: "again-1" });
    await waitFor("the failure to be logged", () => logged.some((entry) => entry.level === "error"));

    fail = false;
    await queue.enqueue("work", {}, { jobId: "again-1" });
    await waitFor("the second run", () => deliveries.length === 2);
    expect(deliveries.map((delivery) => delivery.attempt)).toEqual([1, 1]);
  });

  it("does not run waiting or delayed jobs after close, and refuses new ones", async () => {
    const deliveries: Delivery[] = [];
    create();
    await queue.enqueue("work", {}, { jobId: "before-start", delayMs: 50 });
    await queue.close();
    await sleep(120);

    expect(deliveries).toEqual([]);
    const error = await queue.enqueue("work", {}, { jobId: "after-close" }).catch((caught: unknown) => caught);
    expect(ConfideError.is(error, "dependency.unavailable")).toBe(true);
    await expect(queue.start({ work: recorder(deliveries) })).rejects.toMatchObject({ code: "dependency.unavailable" });
  });

  it("does not retry a handler that fails because the queue is closing", async () => {
    const deliveries: Delivery[] = [];
    create({ backoffDelayMs: 1 });
    await queue.start({
      work: recorder(deliveries, async (context) => {
        await new Promise((resolve) => context.signal.addEventListener("abort", resolve, { once: true }));
        throw context.signal.reason;
      }),
    });
    await queue.enqueue("work", {}, { jobId: "closing-1" });
    await waitFor("the job to start", () => deliveries.length === 1);

    await queue.close({ timeoutMs: 50 });
    await sleep(50);

    expect(deliveries).toHaveLength(1);
    expect(logged.some((entry) => entry.message.includes("closing"))).toBe(true);
  });

  it("gives each delivery its own copy of the payload", async () => {
    const deliveries: Delivery[] = [];
    create({ backoffDelayMs: 1 });
    await queue.start(
      {
        work: recorder(deliveries, async (context) => {
          if (context.attempt === 1) {
            deliveries[0]!.payload.count = 99;
            throw new Error("retry me");
          }
        }),
      },
      { maxAttempts: 2 },
    );
    const payload = { count: 1 };
    await queue.enqueue("work", payload, { jobId: "copy-1" });
    payload.count = 2;

    await waitFor("the second attempt", () => deliveries.length === 2);
    expect(deliveries[1]?.payload).toEqual({ count: 1 });
  });

  it("refuses a second start, bad concurrency and bad delays", async () => {
    create();
    await expect(queue.start({}, { concurrency: 0 })).rejects.toMatchObject({ code: "validation.invalid_input" });
    await queue.start({});
    await expect(queue.start({})).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(queue.enqueue("work", {}, { jobId: "neg-1", delayMs: -1 })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    await expect(queue.enqueue("", {}, { jobId: "no-name" })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
  });

  it("keeps 10,000 jobs in order with one handler at a time", async () => {
    const seen: number[] = [];
    create();
    for (let index = 0; index < 10_000; index += 1) {
      await queue.enqueue("work", { index }, { jobId: `bulk-${index}` });
    }
    await queue.start({
      work: async (payload) => {
        seen.push(Number(payload.index));
      },
    });

    await waitFor("every job", () => seen.length === 10_000, 10_000);
    expect(seen.every((value, index) => value === index)).toBe(true);
  });
});
