import { ConfideError, silentLogger, type Logger, invalidSetting } from "@confide/core/ports";
import { integerSetting } from "../settings/integer-setting.ts";

/** Settings of the BullMQ job queue (self-hosted, Azure Cache for Redis, ElastiCache). */
export interface BullMqJobQueueSettings {
  /** `redis://[user:password@]host:6379[/db]`, or `rediss://` for TLS. */
  url: string;
  /**
   * Prefix of every key BullMQ writes (`<prefix>:<queueName>:…`), so several deployments can
   * share one Redis. Letters, digits, `_`, `-`, `.`, and `{}` for a Redis Cluster hash tag.
   */
  prefix: string;
  /** The BullMQ queue every job goes to; the job name is the BullMQ job name. Default "jobs". */
  queueName?: string;
  /**
   * How long `enqueue` waits for Redis before failing with `dependency.unavailable`. Default 5000.
   * A job whose enqueue timed out may still be added once Redis answers; its id keeps that harmless.
   */
  enqueueTimeoutMs?: number;
  /**
   * Deliveries a job gets when its handler throws, stored on the job when it is enqueued.
   * `start({ maxAttempts })` can lower it for the jobs a worker runs, not raise it. Default 3.
   */
  maxAttempts?: number;
  /** Delay before the second attempt; doubles every attempt (BullMQ exponential backoff). Default 1000. */
  backoffDelayMs?: number;
  /**
   * Completed jobs kept so that enqueueing their id again does nothing: the newest
   * `retainCompletedCount` (default 10,000) no older than `retainCompletedAgeSeconds`
   * (default 7 days). BullMQ evicts older ones when later jobs complete.
   */
  retainCompletedCount?: number;
  retainCompletedAgeSeconds?: number;
  /**
   * Jobs that failed their last attempt, kept for inspection (default 1,000, 30 days). They do
   * not block their id: enqueueing it again replaces the failed job and runs it again.
   */
  retainFailedCount?: number;
  retainFailedAgeSeconds?: number;
  /**
   * How long a worker's lock on a running job lasts; the worker renews it every half of this.
   * A job whose lock lapses (the worker crashed or its event loop was blocked that long) is
   * "stalled" and is delivered again. Default 30,000.
   */
  lockDurationMs?: number;
  /**
   * How often a worker looks for stalled jobs. Default 30,000. Workers of one queue take turns
   * through a Redis key that lives this long, so give every worker the same value.
   */
  stalledIntervalMs?: number;
  /** Times a job may stall before it fails instead of being delivered again. Default 2. */
  maxStalledCount?: number;
  /** Default wait of `close()` for running handlers before aborting them. Default 10,000. */
  closeTimeoutMs?: number;
  /** Receives handler failures, stalled jobs and connection errors. */
  logger?: Logger;
}

export interface ResolvedBullMqJobQueueSettings {
  url: string;
  prefix: string;
  queueName: string;
  enqueueTimeoutMs: number;
  maxAttempts: number;
  backoffDelayMs: number;
  retainCompletedCount: number;
  retainCompletedAgeSeconds: number;
  retainFailedCount: number;
  retainFailedAgeSeconds: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  closeTimeoutMs: number;
  logger: Logger;
}

const prefixPattern = /^[A-Za-z0-9_.{}-]{1,100}$/;
const queueNamePattern = /^[A-Za-z0-9_.-]{1,100}$/;

/** Fills defaults and checks the settings. @throws ConfideError `validation.invalid_input`. */
export function resolveBullMqSettings(settings: BullMqJobQueueSettings): ResolvedBullMqJobQueueSettings {
  if (typeof settings.url !== "string" || !/^rediss?:\/\/\S+$/.test(settings.url)) {
    throw invalidSetting("url", "A Redis URL (redis:// or rediss://) is required for the BullMQ job queue.");
  }
  if (typeof settings.prefix !== "string" || !prefixPattern.test(settings.prefix)) {
    throw invalidSetting("prefix", 'The BullMQ key prefix must be 1 to 100 letters, digits, "_", "-", "." or "{}".');
  }
  const queueName = settings.queueName ?? "jobs";
  if (!queueNamePattern.test(queueName)) {
    throw invalidSetting("queueName", 'The BullMQ queue name must be 1 to 100 letters, digits, "_", "-" or ".".');
  }
  return {
    url: settings.url,
    prefix: settings.prefix,
    queueName,
    enqueueTimeoutMs: integerSetting("enqueueTimeoutMs", settings.enqueueTimeoutMs, 5_000, 1),
    maxAttempts: integerSetting("maxAttempts", settings.maxAttempts, 3, 1),
    backoffDelayMs: integerSetting("backoffDelayMs", settings.backoffDelayMs, 1_000, 0),
    retainCompletedCount: integerSetting("retainCompletedCount", settings.retainCompletedCount, 10_000, 0),
    retainCompletedAgeSeconds: integerSetting(
      "retainCompletedAgeSeconds",
      settings.retainCompletedAgeSeconds,
      7 * 24 * 3600,
      1,
    ),
    retainFailedCount: integerSetting("retainFailedCount", settings.retainFailedCount, 1_000, 0),
    retainFailedAgeSeconds: integerSetting("retainFailedAgeSeconds", settings.retainFailedAgeSeconds, 30 * 24 * 3600, 1),
    lockDurationMs: integerSetting("lockDurationMs", settings.lockDurationMs, 30_000, 100),
    stalledIntervalMs: integerSetting("stalledIntervalMs", settings.stalledIntervalMs, 30_000, 100),
    maxStalledCount: integerSetting("maxStalledCount", settings.maxStalledCount, 2, 0),
    closeTimeoutMs: integerSetting("closeTimeoutMs", settings.closeTimeoutMs, 10_000, 0),
    logger: settings.logger ?? silentLogger,
  };
}
