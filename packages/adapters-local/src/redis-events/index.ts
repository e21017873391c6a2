export { createRedisSessionEvents } from "./redis-session-events.ts";
export type { RedisEventsSettings } from "./settings.ts";
