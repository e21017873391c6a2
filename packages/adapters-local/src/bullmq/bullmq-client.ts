import type { JobPayload } from "@confide/core/ports";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { ParsedBullMqSettings } from "./settings.ts";
import { errorMessage } from "./bullmq-errors.ts";

export type BullMqModule = typeof import("bullmq");
type RedisConstructor = typeof import("ioredis").Redis;

export interface Producer {
  queue: Queue<JobPayload, void, string>;
  connection: Redis;
}

/** Connection errors repeat on every reconnect attempt; log one per this interval. */
const connectionErrorLogIntervalMs = 10_000;

/**
 * Resolves with the promise's outcome, or throws what `onTimeout` makes after `timeoutMs`, or
 * the signal's reason when it aborts first.
 */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => Error, signal?: AbortSignal): Promise<T> {
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
export async function closeConnection(connection: Redis, timeoutMs: number): Promise<void> {
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

export interface BullMqClient {
  /** `bullmq` and `ioredis`, imported on first use. */
  loadSdk(): Promise<{ bullmq: BullMqModule; Redis: RedisConstructor }>;
  /** Logs a Redis connection error of `source`, at most one per source every 10 s. */
  logConnectionError(source: string, error: unknown): void;
  /** The producer's queue and connection, made on first use. */
  getProducer(): Promise<Producer>;
  /** Closes the producer's queue (2 s at most) and connection, when one was made. */
  closeProducer(): Promise<void>;
}

/**
 * The SDKs and the producer side's Redis connection: no offline queue, one retry per request and
 * a connect timeout under `enqueueTimeoutMs`, so an enqueue never waits on a Redis that is down.
 */
export function createBullMqClient(resolved: ParsedBullMqSettings): BullMqClient {
  const { logger } = resolved;
  let sdk: Promise<{ bullmq: BullMqModule; Redis: RedisConstructor }> | undefined;
  let producer: Producer | undefined;
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

  async function closeProducer(): Promise<void> {
    if (producer === undefined) return;
    await withTimeout(producer.queue.close(), 2_000, () => new Error("queue close timed out")).catch(
      (error: unknown) => logger.warn("Job queue: queue close failed.", { error: errorMessage(error) }),
    );
    await closeConnection(producer.connection, 1_000);
  }

  return { loadSdk, logConnectionError, getProducer, closeProducer };
}
