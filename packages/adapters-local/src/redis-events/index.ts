export { createRedisSessionEvents } from "./redis-session-events.ts";
export {
  resolveRedisSessionEventsSettings,
  type RedisSessionEventsSettings,
  type ResolvedRedisSessionEventsSettings,
} from "./redis-events-config.ts";
