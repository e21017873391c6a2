import { randomUUID } from "node:crypto";
import type { SessionChange, SessionEvent } from "@confide/core/ports";
import { createRecordingLogger } from "@confide/core/testing";
import { describeSessionEventsContract, expectConfideError } from "@confide/contracts";
import type { Redis } from "ioredis";
import { connectTestRedis, redisUrl } from "../../test-support/test-redis.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RedisEventsSettings } from "./settings.ts";
import { createRedisSessionEvents } from "./redis-session-events.ts";

/** This file's channel is `<prefix>:session-events`: no other test hears it. */
const prefix = `confide-test-events-${randomUUID().slice(0, 8)}`;

let admin: Redis;

beforeAll(async () => {
  admin = await connectTestRedis();
});

afterAll(async () => {
  await admin?.quit();
});

const settingsFor = (overrides: Partial<RedisEventsSettings> = {}): RedisEventsSettings => ({ url: redisUrl, prefix, ...overrides });

/** Kills the connections Redis knows by `name`, as a network failure would cut them. */
async function killConnectionsNamed(name: string): Promise<number> {
  const clients = (await admin.client("LIST")) as string;
  const ids = clients
    .split("\n")
    .filter((line) => line.split(" ").includes(`name=${name}`))
    .map((line) => /(?:^| )id=(\d+)/.exec(line)?.[1])
    .filter((id): id is string => id !== undefined);
  for (const id of ids) await admin.client("KILL", "ID", id);
  return ids.length;
}

describeSessionEventsContract({
  name: "redis (publisher and subscriber on separate connections, as two processes)",
  create: async () => ({ publisher: createRedisSessionEvents(settingsFor()), subscriber: createRedisSessionEvents(settingsFor()) }),
  capabilities: {
    sharedChannel: {
      async dropConnection() {
        expect(await killConnectionsNamed(`${prefix}:session-events:subscriber`)).toBe(1);
      },
    },
  },
});

const change: SessionChange = {
  sessionId: "session-1",
  therapistId: "therapist-1",
  version: 2,
  status: "queued",
  updatedAt: new Date("2026-01-05T09:00:00.000Z"),
};

/** Resolves with the first `count` events the listener receives. */
function nextEvents(subscribe: (listener: (event: SessionEvent) => void) => void, count: number): Promise<SessionEvent[]> {
  return new Promise((resolve) => {
    const received: SessionEvent[] = [];
    subscribe((event) => {
      received.push(event);
      if (received.length === count) resolve(received);
    });
  });
}

describe("Redis session events", () => {
  it("keeps deployments with another prefix apart: their listeners hear nothing", async () => {
    const publisher = createRedisSessionEvents(settingsFor());
    const mine = createRedisSessionEvents(settingsFor());
    const theirs = createRedisSessionEvents(settingsFor({ prefix: `${prefix}-other` }));
    try {
      await Promise.all([mine.check(), theirs.check()]);
      const heardByThem: SessionEvent[] = [];
      theirs.subscribe({ sessionId: "session-1" }, (event) => heardByThem.push(event));
      const heard = nextEvents((listener) => mine.subscribe({ sessionId: "session-1" }, listener), 1);

      await publisher.publish(change);
      expect(await heard).toEqual([{ type: "change", change }]);
      expect(heardByThem).toEqual([]);
    } finally {
      await Promise.all([publisher.close(), mine.close(), theirs.close()]);
    }
  });

  it("ignores (and logs) a message on its channel that is not a change, and delivers the next one", async () => {
    const logger = createRecordingLogger();
    const subscriber = createRedisSessionEvents(settingsFor({ logger }));
    try {
      await subscriber.check();
      const heard = nextEvents((listener) => subscriber.subscribe({ sessionId: "session-1" }, listener), 1);
      await admin.publish(`${prefix}:session-events`, "not json");
      await admin.publish(`${prefix}:session-events`, JSON.stringify({ ...change, status: "archived" }));
      await admin.publish(`${prefix}:session-events`, JSON.stringify(change));

      expect(await heard).toEqual([{ type: "change", change }]);
      expect(logger.entries.map((entry) => entry.message)).toEqual(["session.events.malformed_message", "session.events.malformed_message"]);
    } finally {
      await subscriber.close();
    }
  });

  it("fails publish and check with dependency.unavailable within its time limit when Redis cannot be reached", async () => {
    const unreachable = createRedisSessionEvents(settingsFor({ url: "redis://127.0.0.1:1", timeoutMs: 300 }));
    try {
      const startedMs = performance.now();
      await expectConfideError(unreachable.publish(change), "dependency.unavailable");
      await expectConfideError(unreachable.check(), "dependency.unavailable");
      expect(performance.now() - startedMs).toBeLessThan(5_000);
      // Subscribing never throws: the connection is retried in the background.
      const unsubscribe = unreachable.subscribe({ sessionId: "session-1" }, () => {});
      unsubscribe();
    } finally {
      await unreachable.close();
    }
  });

  it("refuses settings without a Redis URL or with an unusable prefix", () => {
    expect(() => createRedisSessionEvents({ url: "http://127.0.0.1:6379", prefix })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", details: { setting: "url" } }),
    );
    expect(() => createRedisSessionEvents({ url: redisUrl, prefix: "has space" })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", details: { setting: "prefix" } }),
    );
    expect(() => createRedisSessionEvents({ url: redisUrl, prefix, timeoutMs: 0 })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", details: { setting: "timeoutMs" } }),
    );
  });
});
