import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { memoryRateLimitStore } from "@confide/core";
import type { RateLimitStore } from "@confide/core/ports";
import { createRedisRateLimitStore } from "./rate-limiter.ts";

const redisUrl = "redis://127.0.0.1:6379";
const prefix = `confide-test-limits-${randomBytes(6).toString("hex")}`;
const connections: Redis[] = [];

function connect(url = redisUrl): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: url !== redisUrl });
  redis.on("error", () => {
    // A refused connection is what one test is about; the others fail on their commands.
  });
  connections.push(redis);
  return redis;
}

async function connected(): Promise<Redis> {
  const redis = connect();
  try {
    await new Promise<void>((resolve, reject) => {
      redis.once("ready", () => resolve());
      redis.once("error", (error: Error) => reject(error));
    });
  } catch (error) {
    throw new Error(`Redis on ${redisUrl} is not reachable; start it with: bash scripts/ensure-services.sh (or redis-server --daemonize yes --port 6379)`, {
      cause: error,
    });
  }
  return redis;
}

afterAll(async () => {
  const [first] = connections;
  if (first?.status === "ready") {
    const keys = await first.keys(`${prefix}:*`);
    if (keys.length > 0) await first.del(...keys);
  }
  for (const redis of connections) redis.disconnect();
});

async function exercise(store: RateLimitStore, name: string) {
  const limiter = store.counter(name, { points: 3, durationSeconds: 60 });
  const outcomes = await Promise.all(Array.from({ length: 5 }, () => limiter.consume("key")));
  expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(3);
  const refused = outcomes.find((outcome) => !outcome.allowed);
  expect(refused).toMatchObject({ allowed: false, retryAfterMs: expect.any(Number) });
  expect(refused && !refused.allowed && refused.retryAfterMs).toBeGreaterThan(50_000);
  await limiter.reset("key");
  expect(await limiter.peek("key")).toEqual({ remainingPoints: 3, resetInMs: 0 });
  await limiter.consume("key", 2);
  await limiter.refund("key", 1);
  expect((await limiter.peek("key")).remainingPoints).toBe(2);
  await limiter.block("key", 5_000);
  const blocked = await limiter.consume("other-key").then(() => limiter.consume("key"));
  expect(blocked).toMatchObject({ allowed: false });
}

describe("rate-limit stores", () => {
  it("in memory: atomic windows, refunds, resets and blocks", async () => {
    await exercise(memoryRateLimitStore(), "memory");
  });

  it("in Redis: the same behaviour", async () => {
    await exercise(createRedisRateLimitStore({ redis: await connected(), prefix }), "redis");
  });

  it("in Redis: two processes' limiters (two connections) share one count", async () => {
    const first = createRedisRateLimitStore({ redis: await connected(), prefix }).counter("shared", { points: 4, durationSeconds: 60 });
    const second = createRedisRateLimitStore({ redis: await connected(), prefix }).counter("shared", { points: 4, durationSeconds: 60 });
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? first : second).consume("therapist-1")));
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(4);
  });

  it("with Redis unreachable, counts in this process instead of failing", async () => {
    const unreachable = connect("redis://127.0.0.1:1");
    const limiter = createRedisRateLimitStore({ redis: unreachable, prefix }).counter("offline", { points: 2, durationSeconds: 60 });
    const outcomes = [await limiter.consume("key"), await limiter.consume("key"), await limiter.consume("key")];
    expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, false]);
  });
});
