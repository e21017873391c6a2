import type { AdapterDescriptor, SessionEvents } from "@confide/core/ports";
import { z } from "zod";
import { redisSettings } from "../redis/redis-settings.ts";

const redisEventsSettings = z
  .object(redisSettings)
  .describe("Redis pub/sub, channel `<queue prefix>:session-events`: every API process hears the workers' changes");

/** Session changes over Redis pub/sub, shared by every process (`CONFIDE_EVENTS=redis`). */
export const redisEventsDescriptor = {
  port: "events",
  name: "redis",
  settings: redisEventsSettings,
  async create(settings, context) {
    const { createRedisSessionEvents } = await import("./redis-session-events.ts");
    return createRedisSessionEvents({ url: settings.CONFIDE_REDIS_URL, prefix: settings.CONFIDE_QUEUE_PREFIX, logger: context.logger });
  },
} satisfies AdapterDescriptor<SessionEvents, z.output<typeof redisEventsSettings>>;
