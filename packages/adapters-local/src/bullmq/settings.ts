import { isPassedObject, silentLogger } from "@confide/core/adapter-kit";
import type { Logger } from "@confide/core/ports";
import { z } from "zod";
import { redisSettings } from "../redis/redis-settings.ts";

/** A whole number of at least `minimum`, with its default. */
const wholeNumber = (minimum: number, fallback: number) => z.number().int().min(minimum).default(fallback);

/**
 * The settings of the BullMQ job queue (self-hosted, Azure Cache for Redis, ElastiCache): what
 * `createBullMqJobQueue` takes and what its environment variables set (each setting's `env`).
 */
export const bullMqSettings = z
  .object({
    ...redisSettings,
    /** The BullMQ queue every job goes to; the job name is the BullMQ job name. */
    queueName: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'The BullMQ queue name must be 1 to 100 letters, digits, "_", "-" or ".".')
      .default("jobs"),
    /**
     * How long `enqueue` waits for Redis before failing with `dependency.unavailable`. A job
     * whose enqueue timed out may still be added once Redis answers; its id keeps that harmless.
     */
    enqueueTimeoutMs: wholeNumber(1, 5_000),
    /**
     * Deliveries a job gets when its handler throws, stored on the job when it is enqueued.
     * `start({ maxAttempts })` can lower it for the jobs a worker runs, not raise it.
     */
    maxAttempts: wholeNumber(1, 3),
    /** Delay before the second attempt; doubles every attempt (BullMQ exponential backoff). */
    backoffDelayMs: wholeNumber(0, 1_000),
    /**
     * Completed jobs kept so that enqueueing their id again does nothing: the newest
     * `retainCompletedCount` no older than `retainCompletedAgeSeconds` (7 days). BullMQ evicts
     * older ones when later jobs complete.
     */
    retainCompletedCount: wholeNumber(0, 10_000),
    retainCompletedAgeSeconds: wholeNumber(1, 7 * 24 * 3600),
    /**
     * Jobs that failed their last attempt, kept for inspection (30 days). They do not block
     * their id: enqueueing it again replaces the failed job and runs it again.
     */
    retainFailedCount: wholeNumber(0, 1_000),
    retainFailedAgeSeconds: wholeNumber(1, 30 * 24 * 3600),
    /**
     * How long a worker's lock on a running job lasts; the worker renews it every half of this.
     * A job whose lock lapses (the worker crashed or its event loop was blocked that long) is
     * "stalled" and is delivered again. The variable sets `stalledIntervalMs` too.
     */
    lockDurationMs: z.coerce
      .number<number>()
      .int()
      .positive()
      .min(1_000)
      .default(30_000)
      .describe(
        "BullMQ job lock and stalled check: a dead worker's job runs again after about this long (twice at most); the same on every worker",
      )
      .meta({ env: "CONFIDE_QUEUE_STALLED_MS" }),
    /**
     * How often a worker looks for stalled jobs; default: `lockDurationMs`. Workers of one queue
     * take turns through a Redis key that lives this long, so give every worker the same value.
     */
    stalledIntervalMs: z.number().int().min(100).optional(),
    /** Times a job may stall before it fails instead of being delivered again. */
    maxStalledCount: wholeNumber(0, 2),
    /** Default wait of `close()` for running handlers before aborting them. */
    closeTimeoutMs: wholeNumber(0, 10_000),
    /** Receives handler failures, stalled jobs and connection errors. */
    logger: z.custom<Logger>(isPassedObject).default(silentLogger),
  })
  .describe("BullMQ on Redis, workers as separate processes");

/** What code creating the queue passes (defaults may be left out). */
export type BullMqSettings = z.input<typeof bullMqSettings>;

/** The settings as the queue's parts use them: checked, defaults filled. */
export type ParsedBullMqSettings = z.output<typeof bullMqSettings>;
