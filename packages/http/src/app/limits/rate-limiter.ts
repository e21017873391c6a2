import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/** A fixed window: at most `points` per `durationSeconds`, counted per key. */
export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/** `consumedPoints`: taken in the key's window so far, this call included. */
export type RateLimitOutcome =
  | { allowed: true; consumedPoints: number; remainingPoints: number }
  | { allowed: false; consumedPoints: number; retryAfterMs: number };

/**
 * Counters per key in a fixed window, kept where every API process sees them (Redis in the
 * self-hosted profile) or in this process (embedded). Every method is atomic on its key.
 */
export interface RateLimiter {
  /** Takes `points` (default 1). Points are taken even when refused; refused means the window's points are spent. */
  consume(key: string, points?: number): Promise<RateLimitOutcome>;
  /** Gives `points` back (after a reservation that was not used). */
  refund(key: string, points: number): Promise<void>;
  /** @returns the points left in the key's window and when it resets (0 when nothing was taken). */
  peek(key: string): Promise<{ remainingPoints: number; resetInMs: number }>;
  /** Refuses the key for `durationMs` from now, whatever its points. */
  block(key: string, durationMs: number): Promise<void>;
  /** Forgets the key: a full window again. */
  reset(key: string): Promise<void>;
}

export interface RateLimiters {
  /** @param name unique per purpose (a Redis key prefix), e.g. "login-pair". */
  create(name: string, limit: RateLimit): RateLimiter;
}

function wrap(limiter: RateLimiterAbstract, limit: RateLimit): RateLimiter {
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

/** Counters in this process only: the embedded profile (one process). */
export function createMemoryRateLimiters(): RateLimiters {
  return {
    create: (name, limit) => wrap(new RateLimiterMemory({ keyPrefix: name, points: limit.points, duration: limit.durationSeconds }), limit),
  };
}

/**
 * Counters in Redis, shared by every API process (rate-limiter-flexible's RateLimiterRedis, Lua
 * scripts, atomic). While Redis does not answer, each process counts in its own memory instead
 * (the library's insurance limiter), so sign-in and uploads keep working with per-process limits.
 */
export function createRedisRateLimiters(options: { redis: Redis; prefix: string }): RateLimiters {
  return {
    create(name, limit) {
      const keyPrefix = `${options.prefix}:${name}`;
      const common = { keyPrefix, points: limit.points, duration: limit.durationSeconds };
      return wrap(
        new RateLimiterRedis({
          ...common,
          storeClient: options.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(common),
        }),
        limit,
      );
    },
  };
}
