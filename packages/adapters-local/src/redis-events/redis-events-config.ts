import { invalidInput, silentLogger, type Logger } from "@confide/core/ports";

/** Settings of the Redis pub/sub SessionEvents (self-hosted; Azure Cache for Redis, ElastiCache). */
export interface RedisSessionEventsSettings {
  /** `redis://[user:password@]host:6379[/db]`, or `rediss://` for TLS: the Redis the job queue uses. */
  url: string;
  /**
   * The deployment's key prefix (the job queue's): changes go to the channel
   * `<prefix>:session-events`, so deployments sharing one Redis do not hear each other.
   */
  prefix: string;
  /** How long `publish` and `check` wait for Redis before failing with `dependency.unavailable`. Default 2000. */
  timeoutMs?: number;
  /** Told about connection errors (one line per 10 s at most) and listeners that threw. */
  logger?: Logger;
}

export interface ResolvedRedisSessionEventsSettings {
  url: string;
  channel: string;
  timeoutMs: number;
  logger: Logger;
}

const prefixPattern = /^[A-Za-z0-9_.{}-]{1,100}$/;

/** Fills defaults and checks the settings. @throws ConfideError `validation.invalid_input`. */
export function resolveRedisSessionEventsSettings(settings: RedisSessionEventsSettings): ResolvedRedisSessionEventsSettings {
  if (typeof settings.url !== "string" || !/^rediss?:\/\/\S+$/.test(settings.url)) {
    throw invalidInput("A Redis URL (redis:// or rediss://) is required for the Redis session events.", "url");
  }
  if (typeof settings.prefix !== "string" || !prefixPattern.test(settings.prefix)) {
    throw invalidInput('The session events prefix must be 1 to 100 letters, digits, "_", "-", "." or "{}".', "prefix");
  }
  const timeoutMs = settings.timeoutMs ?? 2_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw invalidInput("timeoutMs must be a positive integer.", "timeoutMs");
  return { url: settings.url, channel: `${settings.prefix}:session-events`, timeoutMs, logger: settings.logger ?? silentLogger };
}
