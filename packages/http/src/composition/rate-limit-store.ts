import { memoryRateLimitStore } from "@confide/core";
import type { Logger, RateLimitStore } from "@confide/core/ports";
import type { Redis } from "ioredis";
import type { ConfideConfig } from "../config/config.ts";
import { createRedisRateLimitStore } from "../app/limits/rate-limiter.ts";

export interface OpenRateLimitStore {
  store: RateLimitStore;
  close(): Promise<void>;
}

/**
 * Where the API's sign-in and upload counters live: with `CONFIDE_REDIS_URL` (the self-hosted
 * profile) in Redis under `<queue prefix>:limits`, shared by every API process; else in this
 * process's memory (embedded: one process).
 */
export async function createRateLimitStore(config: ConfideConfig, logger: Logger): Promise<OpenRateLimitStore> {
  if (config.redisUrl === undefined) return { store: memoryRateLimitStore(), close: async () => {} };
  const { Redis } = await import("ioredis");
  // No offline queue: while Redis is away, commands fail at once and the limiters count in memory.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000 });
  let reported = false;
  redis.on("error", (error: Error) => {
    if (!reported) logger.warn("rate-limit store unreachable; counting in this process until it answers", { message: error.message });
    reported = true;
  });
  redis.on("ready", () => {
    reported = false;
  });
  // Requests are served once this returns: until the connection is ready, the limiters would
  // count in this process only, so the first attempts after a start would not be shared.
  await connected(redis, 5_000);
  return {
    store: createRedisRateLimitStore({ redis, prefix: `${config.queuePrefix}:limits` }),
    async close() {
      redis.disconnect();
    },
  };
}

/** Resolves when `redis` is ready, or after `timeoutMs` (it keeps connecting; the limiters count locally meanwhile). */
async function connected(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once("ready", done);
  });
}
