/**
 * What one run of a self-hosted benchmark gets on the local PostgreSQL and Redis
 * (local-services.ts): a fresh database `confide_bench_<random>` and a key prefix
 * `confide-bench-<random>` of its own, both removed by the bench's clean-up (cleanup.ts).
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { deferCleanup } from "./cleanup.ts";
import { connectRedis, databaseUrlOf, deleteKeys, postgresUrl, withPostgres } from "./local-services.ts";

export interface RunServices {
  /** The run's database, dropped at the end. */
  databaseName: string;
  databaseUrl: string;
  /** The run's BullMQ (and session events) prefix; every key under it is deleted at the end. */
  prefix: string;
  /** A connection to Redis, closed at the end. */
  redis: Redis;
}

/** Creates the run's database and connects to Redis; fails naming a service that is not reachable. */
export async function createRunServices(): Promise<RunServices> {
  const runId = randomBytes(6).toString("hex");
  const databaseName = `confide_bench_${runId}`;
  const prefix = `confide-bench-${runId}`;
  await withPostgres(postgresUrl, (client) => client.query(`CREATE DATABASE ${databaseName}`));
  deferCleanup(() => withPostgres(postgresUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)));
  const redis = await connectRedis();
  deferCleanup(() => redis.quit());
  deferCleanup(() => deleteKeys(redis, prefix));
  return { databaseName, databaseUrl: databaseUrlOf(databaseName), prefix, redis };
}
