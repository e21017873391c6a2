import { z } from "zod";
import { redisSettings } from "../redis/redis-settings.ts";

/** The environment variables of the BullMQ job queue. */
export const bullMqSettings = z
  .object({
    ...redisSettings,
    CONFIDE_QUEUE_STALLED_MS: z.coerce
      .number()
      .int()
      .positive()
      .min(1_000)
      .default(30_000)
      .describe(
        "BullMQ job lock and stalled check: a dead worker's job runs again after about this long (twice at most); the same on every worker",
      ),
  })
  .describe("BullMQ on Redis, workers as separate processes");

export type BullMqVariables = z.output<typeof bullMqSettings>;
