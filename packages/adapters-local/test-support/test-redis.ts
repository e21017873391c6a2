/**
 * The local Redis the job queue and session events adapters are tested on
 * (CONFIDE_TEST_REDIS_URL, default redis://127.0.0.1:6379).
 */
import { Redis } from "ioredis";

export const redisUrl = process.env.CONFIDE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A connection for the test itself (to inspect and clean up); fails saying how to start Redis when it is not running. */
export async function connectTestRedis(): Promise<Redis> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${redisUrl} (${String(error)}). Start it with \`redis-server --daemonize yes\` ` +
        "or point CONFIDE_TEST_REDIS_URL at a running server.",
    );
  }
  return redis;
}
