import { isPassedObject, silentLogger } from "@confide/core/adapter-kit";
import type { Logger } from "@confide/core/ports";
import { z } from "zod";
import { redisSettings } from "../redis/redis-settings.ts";

/**
 * The settings of the Redis pub/sub SessionEvents (self-hosted; Azure Cache for Redis,
 * ElastiCache): what `createRedisSessionEvents` takes and what its environment variables set
 * (each setting's `env`) — the job queue's Redis and prefix. Changes go to the channel
 * `<prefix>:session-events`, so deployments sharing one Redis do not hear each other.
 */
export const redisEventsSettings = z
  .object({
    ...redisSettings,
    /** How long `publish` and `check` wait for Redis before failing with `dependency.unavailable`. */
    timeoutMs: z.number().int().min(1).default(2_000),
    /** Told about connection errors (one line per 10 s at most) and listeners that threw. */
    logger: z.custom<Logger>(isPassedObject).default(silentLogger),
  })
  .describe("Redis pub/sub, channel `<queue prefix>:session-events`: every API process hears the workers' changes");

/** What code creating the session events passes (defaults may be left out). */
export type RedisEventsSettings = z.input<typeof redisEventsSettings>;
