import type { AdapterDescriptor, SessionEvents } from "@confide/core/ports";
import { redisEventsSettings, type RedisEventsSettings } from "./settings.ts";

/** Session changes over Redis pub/sub, shared by every process (`CONFIDE_EVENTS=redis`). */
export const redisEventsDescriptor = {
  port: "events",
  name: "redis",
  settings: redisEventsSettings,
  async create(settings, context) {
    const { createRedisSessionEvents } = await import("./redis-session-events.ts");
    return createRedisSessionEvents({ ...settings, logger: context.logger });
  },
} satisfies AdapterDescriptor<SessionEvents, RedisEventsSettings>;
