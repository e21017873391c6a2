import { z } from "zod";

/**
 * The Redis every Redis-backed adapter of one deployment shares (and the host's rate limits),
 * defined once and spread into each one's settings schema.
 */
export const redisSettings = {
  CONFIDE_REDIS_URL: z
    .url()
    .describe(
      "Redis URL for BullMQ, for the sign-in and upload limits shared by every API process (under `<queue prefix>:limits:`), and for the session changes event streams follow (channel `<queue prefix>:session-events`)",
    ),
  CONFIDE_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("confide")
    .describe("key prefix in Redis: BullMQ queues, limits, the session-events channel"),
};
