import { z } from "zod";

/**
 * The Redis every Redis-backed adapter of one deployment shares (and the host's rate limits),
 * defined once and spread into each one's settings schema.
 */
export const redisSettings = {
  CONFIDE_REDIS_URL: z
    .url()
    .describe(
      "Redis URL for BullMQ, and for the sign-in and upload limits shared by every API process (under `<queue prefix>:limits:`)",
    ),
  CONFIDE_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("confide")
    .describe("BullMQ key prefix"),
};
