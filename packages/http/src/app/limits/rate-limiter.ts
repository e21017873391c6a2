import type { RateLimit, RateLimitCounter, RateLimitStore } from "@confide/core/ports";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

function counterOf(limiter: RateLimiterRedis, limit: RateLimit): RateLimitCounter {
  return {
    async consume(key, points = 1) {
      try {
        const result = await limiter.consume(key, points);
        return { allowed: true, consumedPoints: result.consumedPoints, remainingPoints: result.remainingPoints };
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { allowed: false, consumedPoints: error.consumedPoints, retryAfterMs: Math.max(1, error.msBeforeNext) };
        }
        throw error;
      }
    },
    async refund(key, points) {
      if (points > 0) await limiter.reward(key, points);
    },
    async peek(key) {
      const result = await limiter.get(key);
      if (result === null) return { remainingPoints: limit.points, resetInMs: 0 };
      return { remainingPoints: Math.max(0, limit.points - result.consumedPoints), resetInMs: Math.max(0, result.msBeforeNext) };
    },
    async block(key, durationMs) {
      await limiter.block(key, Math.max(1, Math.ceil(durationMs / 1000)));
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/**
 * core's RateLimitStore in Redis, shared by every API process (rate-limiter-flexible's
 * RateLimiterRedis, Lua scripts, atomic), each counter under `<prefix>:<name>`. While Redis
 * does not answer, each process counts in its own memory instead (the library's insurance
 * limiter), so sign-in and uploads keep working with per-process limits. (This process's own
 * store, for one API process, is core's `memoryRateLimitStore`.)
 */
export function createRedisRateLimitStore(options: { redis: Redis; prefix: string }): RateLimitStore {
  const counters = new Map<string, RateLimitCounter>();
  return {
    counter(name, limit) {
      let counter = counters.get(name);
      if (counter === undefined) {
        const common = { keyPrefix: `${options.prefix}:${name}`, points: limit.points, duration: limit.durationSeconds };
        const limiter = new RateLimiterRedis({
          ...common,
          storeClient: options.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(common),
        });
        counter = counterOf(limiter, limit);
        counters.set(name, counter);
      }
      return counter;
    },
  };
}
