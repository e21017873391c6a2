import { createSessionEventFanOut, parseSettings, sessionStatuses } from "@confide/core/adapter-kit";
import { ConfideError, loggableCode, type SessionChange, type SessionEvents, type SessionStatus } from "@confide/core/ports";
import type { Redis } from "ioredis";
import { redisEventsSettings, type RedisEventsSettings } from "./settings.ts";

type RedisConstructor = typeof import("ioredis").Redis;

/** Connection errors repeat on every reconnect attempt; log one per this interval and source. */
const connectionErrorLogIntervalMs = 10_000;

function unavailable(message: string, cause?: unknown): ConfideError {
  return new ConfideError("dependency.unavailable", message, { retryable: true, ...(cause === undefined ? {} : { cause }) });
}

/** The wire form of a change: its JSON, `updatedAt` as ISO 8601. */
const encode = (change: SessionChange): string => JSON.stringify(change);

/** @returns the change a message carries, or null when it is not one. */
function decode(text: string): SessionChange | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // reported by the caller as a malformed message
  }
  if (typeof value !== "object" || value === null) return null;
  const { sessionId, therapistId, version, status, updatedAt } = value as Record<string, unknown>;
  if (typeof sessionId !== "string" || typeof therapistId !== "string" || !Number.isInteger(version) || typeof updatedAt !== "string") {
    return null;
  }
  if (status !== "deleted" && !sessionStatuses.includes(status as SessionStatus)) return null;
  const at = new Date(updatedAt);
  if (Number.isNaN(at.getTime())) return null;
  return { sessionId, therapistId, version: version as number, status: status as SessionChange["status"], updatedAt: at };
}

/**
 * SessionEvents over Redis pub/sub, for several processes (self-hosted API and worker
 * processes; Azure Cache for Redis, ElastiCache): every change goes to one channel,
 * `<prefix>:session-events`, and each process holds one subscriber connection for all its
 * listeners, filtering by session and therapist in memory. No key is written.
 *
 * Connections open on first use: the publisher on the first `publish` (or `check`), the
 * subscriber on the first `subscribe` (or `check`), so a worker that only publishes holds no
 * subscriber. The subscriber reconnects on its own (ioredis); once its subscription is back,
 * every listener receives `resync`, since changes published meanwhile are lost (pub/sub keeps
 * nothing). `publish` never waits on a Redis that is down longer than `timeoutMs`.
 */
export function createRedisSessionEvents(settings: RedisEventsSettings): SessionEvents {
  const resolved = parseSettings(redisEventsSettings, settings);
  const { logger, timeoutMs } = resolved;
  const channel = `${resolved.prefix}:session-events`;
  const fanOut = createSessionEventFanOut({
    onListenerError: (error) => logger.warn("session.events.listener_failed", { code: loggableCode(error) }),
  });
  let sdk: Promise<RedisConstructor> | undefined;
  let publisher: Promise<Redis> | undefined;
  let subscriber: Promise<Redis> | undefined;
  /** True while the subscriber connection's SUBSCRIBE is acknowledged. */
  let subscribed = false;
  /** `check()` calls waiting for the subscription; called with an error when closed. */
  const subscriptionWaiters = new Set<(error?: Error) => void>();
  let closed = false;
  const lastErrorLogAtMs = new Map<string, number>();

  const loadSdk = () => (sdk ??= import("ioredis").then((module) => module.Redis));

  function logConnectionError(source: string, error: unknown): void {
    const nowMs = Date.now();
    if (nowMs - (lastErrorLogAtMs.get(source) ?? 0) < connectionErrorLogIntervalMs) return;
    lastErrorLogAtMs.set(source, nowMs);
    logger.warn("session.events.connection_failed", { source, code: loggableCode(error) });
  }

  /** A connection made after close() (its SDK was still loading) is cut at once. */
  function unlessClosed(connection: Redis): Redis {
    if (closed) connection.disconnect();
    return connection;
  }

  function getPublisher(): Promise<Redis> {
    publisher ??= loadSdk().then((Redis) => {
      // Commands wait for a connection at most timeoutMs (queued meanwhile), then fail.
      const connection = new Redis(resolved.url, { commandTimeout: timeoutMs, connectTimeout: timeoutMs, maxRetriesPerRequest: 1 });
      connection.on("error", (error: unknown) => logConnectionError("publisher", error));
      return unlessClosed(connection);
    });
    return publisher;
  }

  function onSubscribed(): void {
    subscribed = true;
    // Whatever was published while there was no subscription is lost: listeners read again.
    fanOut.resync();
    for (const wake of [...subscriptionWaiters]) wake();
  }

  function getSubscriber(): Promise<Redis> {
    subscriber ??= loadSdk().then((Redis) => {
      // Subscribed again by `ready` below on every (re)connection rather than by ioredis, so
      // that listeners learn when changes may have been missed.
      const connection = new Redis(resolved.url, {
        autoResubscribe: false,
        maxRetriesPerRequest: null,
        connectTimeout: timeoutMs,
        connectionName: `${channel}:subscriber`,
      });
      connection.on("error", (error: unknown) => logConnectionError("subscriber", error));
      connection.on("close", () => {
        subscribed = false;
      });
      connection.on("ready", () => {
        connection.subscribe(channel).then(onSubscribed, (error: unknown) => logConnectionError("subscribe", error));
      });
      connection.on("message", (from: string, text: string) => {
        if (from !== channel) return;
        const change = decode(text);
        if (change === null) logger.warn("session.events.malformed_message", { channel });
        else fanOut.deliver(change);
      });
      return unlessClosed(connection);
    });
    return subscriber;
  }

  function untilSubscribed(signal: AbortSignal): Promise<void> {
    if (subscribed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        subscriptionWaiters.delete(done);
        signal.removeEventListener("abort", onAbort);
        if (error) reject(error);
        else resolve();
      };
      const onAbort = () => done(unavailable(`Redis did not confirm the subscription to ${channel} in time.`));
      subscriptionWaiters.add(done);
      signal.addEventListener("abort", onAbort, { once: true });
      if (signal.aborted) onAbort();
    });
  }

  /** QUIT sends what is queued first; a connection that is down is cut at once (QUIT would wait for it). */
  async function release(pending: Promise<Redis> | undefined): Promise<void> {
    const connection = await pending?.catch(() => undefined);
    if (connection === undefined) return;
    if (connection.status !== "ready") return connection.disconnect();
    const timer = setTimeout(() => connection.disconnect(), timeoutMs);
    await connection.quit().catch(() => connection.disconnect());
    clearTimeout(timer);
  }

  return {
    async publish(change) {
      if (closed) return;
      const connection = await getPublisher();
      try {
        await connection.publish(channel, encode(change));
      } catch (error) {
        throw unavailable(`The session change could not be published: Redis is unavailable (${loggableCode(error)}).`, error);
      }
    },

    subscribe(filter, listener) {
      if (closed) return () => {};
      const unsubscribe = fanOut.subscribe(filter, listener);
      getSubscriber().catch((error: unknown) => logConnectionError("subscriber", error));
      return unsubscribe;
    },

    async check(options = {}) {
      if (closed) throw unavailable("The session events are closed.");
      const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])]);
      const connection = await getPublisher();
      try {
        await connection.ping();
      } catch (error) {
        throw unavailable(`Redis does not answer (${loggableCode(error)}).`, error);
      }
      await getSubscriber();
      await untilSubscribed(signal);
    },

    async close() {
      if (closed) return;
      closed = true;
      fanOut.clear();
      for (const wake of [...subscriptionWaiters]) wake(unavailable("The session events are closed."));
      await Promise.all([release(publisher), release(subscriber)]);
    },
  };
}
