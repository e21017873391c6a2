import { ConfideError, type JobContext, type JobPayload, type JobQueue, type Logger } from "@confide/core/ports";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";
import { connectTestRedis, redisUrl } from "../../test-support/test-redis.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { describeJobQueueContract } from "@confide/contracts";
import type { BullMqSettings } from "./settings.ts";
import { createBullMqJobQueue } from "./bullmq-job-queue.ts";

/** Every key of this run starts with it; afterAll deletes them. */
const prefix = `confide-test-${randomUUID().slice(0, 8)}`;
const workerScript = fileURLToPath(new URL("./bullmq-worker-process.test-support.ts", import.meta.url));

let admin: Redis;

beforeAll(async () => {
  admin = await connectTestRedis();
});

afterAll(async () => {
  if (admin?.status !== "ready") return;
  let cursor = "0";
  do {
    const [next, keys] = await admin.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    if (keys.length > 0) await admin.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
  expect(await admin.keys(`${prefix}:*`)).toEqual([]);
  await admin.quit();
});

/** A fresh, empty queue: its own BullMQ queue name under this run's prefix. */
function settingsFor(overrides: Partial<BullMqSettings> = {}): BullMqSettings {
  return { url: redisUrl, prefix, queueName: `q-${randomUUID().slice(0, 8)}`, backoffDelayMs: 50, ...overrides };
}

describeJobQueueContract({
  name: "bullmq",
  create: async () => createBullMqJobQueue(settingsFor()),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

interface Delivery {
  jobId: string;
  attempt: number;
  payload: JobPayload;
  at: number;
}

describe("BullMQ job queue", () => {
  const queues: JobQueue[] = [];
  const children: ChildProcess[] = [];
  const logged: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = {
    info: (message, fields) => logged.push({ level: "info", message, fields }),
    warn: (message, fields) => logged.push({ level: "warn", message, fields }),
    error: (message, fields) => logged.push({ level: "error", message, fields }),
  };

  function open(settings: BullMqSettings): JobQueue {
    const queue = createBullMqJobQueue({ logger, ...settings });
    queues.push(queue);
    return queue;
  }

  afterEach(async () => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    await Promise.all(queues.splice(0).map((queue) => queue.close({ timeoutMs: 1_000 })));
    logged.length = 0;
  });

  function recorder(deliveries: Delivery[], then?: (context: JobContext) => Promise<void>) {
    return async (payload: JobPayload, context: JobContext) => {
      deliveries.push({ jobId: context.jobId, attempt: context.attempt, payload, at: Date.now() });
      await then?.(context);
    };
  }

  it("tells its backlog: the jobs waiting for a worker and how long the oldest has waited, delayed ones not counted", async () => {
    const queue = open(settingsFor());
    expect(await queue.backlog!()).toEqual({ waiting: 0, oldestWaitingMs: null });
    await queue.enqueue("job", { n: 1 }, { jobId: "first" });
    await new Promise((resolve) => setTimeout(resolve, 120));
    await queue.enqueue("job", { n: 2 }, { jobId: "second" });
    await queue.enqueue("job", { n: 3 }, { jobId: "later", delayMs: 60_000 });
    const backlog = await queue.backlog!();
    expect(backlog.waiting).toBe(2);
    expect(backlog.oldestWaitingMs).toBeGreaterThanOrEqual(100);
    expect(backlog.oldestWaitingMs).toBeLessThan(10_000);
    const deliveries: Delivery[] = [];
    await queue.start({ job: recorder(deliveries) });
    await vi.waitFor(() => expect(deliveries).toHaveLength(2), { timeout: 10_000 });
    expect(await queue.backlog!()).toEqual({ waiting: 0, oldestWaitingMs: null });
  });

  it("hands jobs from a producer-only instance to a worker in another instance, once per id", async () => {
    const settings = settingsFor();
    const producerA = open(settings);
    const producerB = open(settings);
    const deliveries: Delivery[] = [];

    await producerA.enqueue("work", { from: "a" }, { jobId: "shared-1" });
    await producerB.enqueue("work", { from: "b" }, { jobId: "shared-1" });
    await producerB.enqueue("work", { from: "b" }, { jobId: "shared-2", delayMs: 200 });
    const worker = open(settings);
    await worker.start({ work: recorder(deliveries) }, { concurrency: 4 });

    await waitFor("both jobs", () => deliveries.length === 2);
    await producerA.enqueue("work", { from: "a again" }, { jobId: "shared-2" });
    await producerA.enqueue("work", {}, { jobId: "marker-1" });
    await waitFor("the marker", () => deliveries.some((delivery) => delivery.jobId === "marker-1"));

    expect(deliveries.map((delivery) => [delivery.jobId, delivery.payload.from])).toEqual([
      ["shared-1", "a"],
      ["shared-2", "b"],
      ["marker-1", undefined],
    ]);
  });

  it("retries a throwing handler with exponential backoff up to maxAttempts, then keeps it as failed", async () => {
    const deliveries: Delivery[] = [];
    const settings = settingsFor({ backoffDelayMs: 100, maxAttempts: 3 });
    const queue = open(settings);
    await queue.start({
      work: recorder(deliveries, async () => {
        throw new ConfideError("internal", "always fails");
      }),
    });
    await queue.enqueue("work", {}, { jobId: "doomed-1" });

    await waitFor("the final failure", () => logged.some((entry) => entry.level === "error"));
    expect(deliveries.map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = deliveries.map((delivery) => delivery.at);
    expect(second! - first!).toBeGreaterThanOrEqual(95);
    expect(third! - second!).toBeGreaterThanOrEqual(195);
    expect(logged.find((entry) => entry.level === "error")?.fields).toMatchObject({ jobId: "doomed-1" });
    // Kept in BullMQ's failed set for inspection, with the handler's error.
    expect(await admin.zscore(`${prefix}:${settings.queueName}:failed`, "doomed-1")).not.toBeNull();
    expect(await admin.hget(`${prefix}:${settings.queueName}:doomed-1`, "failedReason")).toContain("always fails");
  });

  it("lets start({ maxAttempts }) lower the attempts stored on the job", async () => {
    const deliveries: Delivery[] = [];
    const queue = open(settingsFor({ maxAttempts: 5 }));
    await queue.start(
      {
        work: recorder(deliveries, async () => {
          throw new Error("fails");
        }),
      },
      { maxAttempts: 2 },
    );
    await queue.enqueue("work", {}, { jobId: "capped-1" });

    await waitFor("the final failure", () => logged.some((entry) => entry.level === "error"));
    await sleep(300);
    expect(deliveries.map((delivery) => delivery.attempt)).toEqual([1, 2]);
  });

  it("runs a job again when its id is enqueued after it failed for good", async () => {
    const deliveries: Delivery[] = [];
    let fail = true;
    const queue = open(settingsFor({ maxAttempts: 1 }));
    await queue.start({
      work: recorder(deliveries, async () => {
        if (fail) throw new Error("fails once");
      }),
    });
    await queue.enqueue("work", { round: 1 }, { jobId: "phoenix-1" });
    await waitFor("the failure", () => logged.some((entry) => entry.level === "error"));

    fail = false;
    await queue.enqueue("work", { round: 2 }, { jobId: "phoenix-1" });
    await waitFor("the second run", () => deliveries.length === 2);
    expect(deliveries.map((delivery) => delivery.payload.round)).toEqual([1, 2]);
  });

  it("forgets completed ids beyond retainCompletedCount, so they run again", async () => {
    const deliveries: Delivery[] = [];
    const settings = settingsFor({ retainCompletedCount: 2 });
    const queue = open(settings);
    await queue.start({ work: recorder(deliveries) });
    for (const jobId of ["old-1", "old-2", "old-3"]) {
      await queue.enqueue("work", {}, { jobId });
      await waitFor(jobId, () => deliveries.some((delivery) => delivery.jobId === jobId));
    }
    // BullMQ trims the completed set as the third job is marked completed, just after its handler.
    const completedKey = `${prefix}:${settings.queueName}:completed`;
    let completedCount = -1;
    while (completedCount !== 2) {
      await sleep(10);
      completedCount = await admin.zcard(completedKey);
    }

    await queue.enqueue("work", {}, { jobId: "old-3" });
    await queue.enqueue("work", {}, { jobId: "old-1" });
    await waitFor("old-1 again", () => deliveries.filter((delivery) => delivery.jobId === "old-1").length === 2);
    expect(deliveries.map((delivery) => delivery.jobId)).toEqual(["old-1", "old-2", "old-3", "old-1"]);
  });

  it("hands a job back on close when its handler gives up on the abort, without counting a failure", async () => {
    const settings = settingsFor({ maxAttempts: 1 });
    const deliveries: Delivery[] = [];
    const first = open(settings);
    await first.start({
      work: recorder(deliveries, async (context) => {
        await new Promise((resolve) => context.signal.addEventListener("abort", resolve, { once: true }));
        throw context.signal.reason;
      }),
    });
    await first.enqueue("work", { sessionId: "s-1" }, { jobId: "handed-back-1" });
    await waitFor("the first delivery", () => deliveries.length === 1);

    await first.close({ timeoutMs: 100 });
    const second = open(settings);
    await second.start({ work: recorder(deliveries) });

    // maxAttempts is 1, so a counted failure would have failed the job for good.
    await waitFor("the second delivery", () => deliveries.length === 2);
    expect(deliveries.map((delivery) => [delivery.jobId, delivery.attempt])).toEqual([
      ["handed-back-1", 1],
      ["handed-back-1", 2],
    ]);
    expect(deliveries[1]?.payload).toEqual({ sessionId: "s-1" });
  });

  it("delivers again a job whose worker process was killed mid-job (stalled job)", async () => {
    const settings = settingsFor({ lockDurationMs: 1_000, stalledIntervalMs: 300 });
    const child = spawn(process.execPath, ["--conditions=source", "--no-warnings", workerScript], {
      env: {
        ...process.env,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        QUEUE_NAME: settings.queueName,
        LOCK_DURATION_MS: "1000",
        STALLED_INTERVAL_MS: "300",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    const childEvents: Array<{ event: string; jobId?: string; attempt?: number }> = [];
    createInterface({ input: child.stdout! }).on("line", (line) => childEvents.push(JSON.parse(line)));
    await waitFor("the worker process to start", () => childEvents.some((event) => event.event === "ready"), 15_000);

    const producer = open(settings);
    await producer.enqueue("work", { sessionId: "s-2" }, { jobId: "crash-1" });
    await waitFor("the worker process to take the job", () => childEvents.some((event) => event.event === "started"));
    child.kill("SIGKILL");

    const deliveries: Delivery[] = [];
    const survivor = open(settings);
    const startedAt = Date.now();
    await survivor.start({ work: recorder(deliveries) });
    await waitFor("the stalled job to be delivered again", () => deliveries.length === 1, 10_000);

    expect(childEvents.find((event) => event.event === "started")).toMatchObject({ jobId: "crash-1", attempt: 1 });
    expect(deliveries[0]).toMatchObject({ jobId: "crash-1", attempt: 2, payload: { sessionId: "s-2" } });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(logged.some((entry) => entry.message.includes("stalled"))).toBe(true);
  });

  it("fails enqueue with dependency.unavailable within the timeout when Redis is unreachable", async () => {
    const queue = open({ url: "redis://127.0.0.1:1", prefix, queueName: "unreachable", enqueueTimeoutMs: 1_000 });

    const startedAt = Date.now();
    const error = await queue.enqueue("work", {}, { jobId: "nowhere-1" }).catch((caught: unknown) => caught);
    const elapsedMs = Date.now() - startedAt;

    expect(ConfideError.is(error, "dependency.unavailable"), `got ${String(error)}`).toBe(true);
    expect((error as ConfideError).retryable).toBe(true);
    expect(elapsedMs).toBeLessThan(3_000);
    const closeStartedAt = Date.now();
    await queue.close();
    expect(Date.now() - closeStartedAt).toBeLessThan(3_000);
  });

  it("check answers dependency.unavailable within the timeout when Redis is unreachable, and stops on an aborted signal", async () => {
    const queue = open({ url: "redis://127.0.0.1:1", prefix, queueName: "unreachable", enqueueTimeoutMs: 1_000 });

    const startedAt = Date.now();
    const error = await queue.check().catch((caught: unknown) => caught);
    expect(ConfideError.is(error, "dependency.unavailable"), `got ${String(error)}`).toBe(true);
    expect(Date.now() - startedAt).toBeLessThan(3_000);

    const reason = new Error("readiness gave up");
    expect(await queue.check({ signal: AbortSignal.abort(reason) }).catch((caught: unknown) => caught)).toBe(reason);
    await queue.close();
  });

  it("check resolves while Redis answers, at once when connected already", async () => {
    const queue = open({ url: redisUrl, prefix, queueName: "checked" });

    await queue.check();
    const startedAt = Date.now();
    await queue.check();
    expect(Date.now() - startedAt).toBeLessThan(500);
  });

  it("refuses bad settings with validation.invalid_input", () => {
    for (const [settings, setting] of [
      [{ url: "http://127.0.0.1:6379", prefix }, "url"],
      [{ url: redisUrl, prefix: "bad:prefix" }, "prefix"],
      [{ url: redisUrl, prefix, queueName: "bad:name" }, "queueName"],
      [{ url: redisUrl, prefix, lockDurationMs: -1 }, "lockDurationMs"],
    ] as const) {
      expect(() => createBullMqJobQueue(settings)).toThrow(
        expect.objectContaining({ code: "validation.invalid_input", details: { setting } }) as unknown as Error,
      );
    }
  });
});
