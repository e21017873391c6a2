/**
 * The self-hosted profile on this machine, for fault tests: real `confide serve` and
 * `confide worker` processes on the local PostgreSQL and Redis, a fake Whisper-compatible
 * server in the test process, filesystem blobs in a temporary directory shared by every
 * process, and the log push notifier (its lines in the workers' stdout are the notifications).
 *
 * Each stack is isolated: its own database (`confide_fault_<random>`, dropped by `close()`),
 * its own BullMQ key prefix (deleted by `close()`), its own data directory. `close()` kills every
 * process it started, also when a test failed half-way.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import {
  startFakeWhisperServer,
  type FakeWhisperServer,
  type FakeWhisperServerOptions,
} from "@confide/contracts/fakes";
import { runCli } from "./server-process.ts";
import { seedStackProcesses, type RunningProcess, type StackProcesses } from "./stack-processes.ts";
import { createStackTeardown, startOrTearDown, type StackTeardown } from "./stack-teardown.ts";

export type { ApiProcess, RunningProcess } from "./stack-processes.ts";

export const postgresHost = "127.0.0.1";
export const postgresPort = 5432;
const redisUrl = "redis://127.0.0.1:6379";

export interface SelfHostedStack extends StackProcesses {
  databaseName: string;
  /** Straight to the local PostgreSQL. */
  databaseUrl: string;
  queuePrefix: string;
  dataDir: string;
  whisper: FakeWhisperServer;
  /** The environment every process gets (override per process in startApi/startWorker). */
  env: Record<string, string>;
  /** Every process started, in order, running or not. */
  processes: RunningProcess[];
  /** Redis keys under this stack's prefix. */
  queueKeys(): Promise<string[]>;
  /** Deletes every Redis key under this stack's prefix (a FLUSHALL that spares other tests). @returns how many. */
  deleteQueueKeys(): Promise<number>;
  close(): Promise<void>;
}

export interface SelfHostedStackOptions {
  /**
   * false: the seeded patient has no consent. By default the first API started records it, as
   * the therapist, through the API (`recordTestConsent`), before the stack hands the API out.
   */
  consent?: boolean;
  whisper?: FakeWhisperServerOptions;
  /** Extra environment for every process. */
  env?: Record<string, string>;
}

function serviceMissing(service: string, start: string, error: unknown): Error {
  return new Error(
    `${service} is not reachable: ${error instanceof Error ? error.message : String(error)}. The fault tests need it; start it with: ${start}`,
    { cause: error },
  );
}

async function adminQuery(sql: string, params: unknown[] = []): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ host: postgresHost, port: postgresPort, user: "postgres", database: "postgres", connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw serviceMissing(`PostgreSQL on ${postgresHost}:${postgresPort}`, "bash scripts/ensure-services.sh (or pg_ctlcluster 15 main start)", error);
  }
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A connection to the local Redis (`redis://127.0.0.1:6379`); throws saying how to start it. */
export async function connectRedis(): Promise<Redis> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000 });
  redis.on("error", () => {
    // Reported by the command that fails; a listener keeps ioredis from printing each retry.
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw serviceMissing(`Redis on ${redisUrl}`, "bash scripts/ensure-services.sh (or redis-server --daemonize yes --port 6379)", error);
  }
  return redis;
}

/** Every Redis key under `prefix:` (SCAN, not KEYS). */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  return keys;
}

/** Deletes every Redis key under `prefix:`. @returns how many there were. */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<number> {
  const keys = await keysUnder(redis, prefix);
  if (keys.length > 0) await redis.del(...keys);
  return keys.length;
}

/**
 * Connects to the local Redis for a stack whose queue keys are under `queuePrefix:`; closing
 * `teardown` deletes those keys and disconnects.
 */
export async function connectStackRedis(teardown: StackTeardown, queuePrefix: string): Promise<Redis> {
  const redis = await connectRedis();
  teardown.cleanups.push(async () => {
    await deleteKeysUnder(redis, queuePrefix);
    redis.disconnect();
  });
  return redis;
}

/**
 * The environment every stack gives its processes besides its profile's services: the local
 * Redis under `queuePrefix`, push notifications to the log, a fresh JWT secret, any free port,
 * cheap password hashing, short leases and timeouts, and quotas out of the way (tests upload
 * dozens of sessions at once for one therapist: quotas only where a test sets them).
 */
export function stackProcessEnv(queuePrefix: string): Record<string, string> {
  return {
    CONFIDE_REDIS_URL: redisUrl,
    CONFIDE_QUEUE_PREFIX: queuePrefix,
    CONFIDE_PUSH: "log",
    CONFIDE_JWT_SECRET: randomBytes(36).toString("base64url"),
    CONFIDE_PORT: "0",
    CONFIDE_PASSWORD_COST: "1024",
    CONFIDE_LEASE_MS: "3000",
    CONFIDE_QUEUE_STALLED_MS: "5000",
    CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
    CONFIDE_LOG_LEVEL: "info",
    CONFIDE_UPLOAD_LIMIT_PER_HOUR: "100000",
    CONFIDE_MAX_SESSIONS_IN_PROCESSING: "100000",
  };
}

export async function startSelfHostedStack(options: SelfHostedStackOptions = {}): Promise<SelfHostedStack> {
  const suffix = randomBytes(6).toString("hex");
  const databaseName = `confide_fault_${suffix}`;
  const queuePrefix = `confide-fault-${suffix}`;
  const teardown = createStackTeardown("self-hosted");
  const { cleanups, processes } = teardown;

  return startOrTearDown(teardown, async () => {
    const redis = await connectStackRedis(teardown, queuePrefix);

    await adminQuery(`CREATE DATABASE ${databaseName}`);
    cleanups.push(async () => {
      await adminQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
        databaseName,
      ]);
      await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    });
    const databaseUrl = `postgres://postgres@${postgresHost}:${postgresPort}/${databaseName}`;

    const dataDir = await mkdtemp(join(tmpdir(), "confide-fault-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const whisper = await startFakeWhisperServer(options.whisper);
    cleanups.push(() => whisper.close());

    const env: Record<string, string> = {
      CONFIDE_PROFILE: "selfhosted",
      CONFIDE_DATABASE_URL: databaseUrl,
      ...stackProcessEnv(queuePrefix),
      CONFIDE_WHISPER_URL: whisper.url,
      CONFIDE_DATA_DIR: dataDir,
      ...options.env,
    };

    const started = await seedStackProcesses(env, processes, { consent: options.consent, phoneToken: `fault-test-phone-${suffix}` });

    return {
      databaseName,
      databaseUrl,
      queuePrefix,
      dataDir,
      whisper,
      env,
      ...started,
      processes,
      queueKeys: () => keysUnder(redis, queuePrefix),
      deleteQueueKeys: () => deleteKeysUnder(redis, queuePrefix),
      close: teardown.close,
    };
  });
}
