/**
 * The local PostgreSQL and Redis the self-hosted benchmarks run on: their addresses
 * (CONFIDE_BENCH_POSTGRES_URL, a database the user may CREATE DATABASE from, default
 * postgres://postgres@127.0.0.1:5432/test; CONFIDE_BENCH_REDIS_URL, default
 * redis://127.0.0.1:6379), and connections that fail with how to start them.
 */
import { Redis } from "ioredis";
import pg from "pg";

export const postgresUrl = process.env.CONFIDE_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const redisUrl = process.env.CONFIDE_BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const howToStart = "Start the local services with `bash scripts/ensure-services.sh`.";

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `postgresUrl` with another database name. */
export function databaseUrlOf(databaseName: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export async function withPostgres<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${connectionString}: ${messageOf(error)}. ${howToStart}`, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function connectRedis(): Promise<Redis> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis is not reachable at ${redisUrl}: ${messageOf(error)}. ${howToStart}`, { cause: error });
  }
  return redis;
}

/** Deletes every key under `prefix:` (BullMQ's keys of a run). @returns how many. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = nextCursor;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== "0");
  return deleted;
}
