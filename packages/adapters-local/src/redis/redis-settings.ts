import { z } from "zod";

/** The pattern both `redis://` and `rediss://` (TLS) URLs match. */
const redisUrlPattern = /^rediss?:\/\/\S+$/;

/**
 * The Redis every Redis-backed adapter of one deployment shares (and the host's rate limits),
 * defined once and spread into each one's settings schema: `url` (`CONFIDE_REDIS_URL`) and
 * `prefix` (`CONFIDE_QUEUE_PREFIX`).
 */
export const redisSettings = {
  /** `redis://[user:password@]host:6379[/db]`, or `rediss://` for TLS. */
  url: z
    // A value that is no URL at all is told so, once.
    .url({ abort: true })
    .refine((url) => redisUrlPattern.test(url), "A Redis URL (redis:// or rediss://) is required.")
    .describe(
      "Redis URL for BullMQ, for the sign-in and upload limits shared by every API process (under `<queue prefix>:limits:`), and for the session changes event streams follow (channel `<queue prefix>:session-events`)",
    )
    .meta({ env: "CONFIDE_REDIS_URL" }),
  /**
   * Prefix of every key and channel (`<prefix>:<queueName>:…`, `<prefix>:session-events`), so
   * several deployments can share one Redis: 1 to 100 letters, digits, `_` and `-`.
   */
  prefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .max(100)
    .default("confide")
    .describe("key prefix in Redis: BullMQ queues, limits, the session-events channel")
    .meta({ env: "CONFIDE_QUEUE_PREFIX" }),
};
