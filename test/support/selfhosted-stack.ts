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
import { login, recordTestConsent, registerDevice, type SeededAccount } from "./confide-api-client.ts";
import { runCli, startCli, type ConfideProcess } from "./server-process.ts";

export const postgresHost = "127.0.0.1";
export const postgresPort = 5432;
const redisUrl = "redis://127.0.0.1:6379";

export type RunningProcess = ConfideProcess & { port: number };

export interface ApiProcess extends RunningProcess {
  baseUrl: string;
}

export interface SelfHostedStack {
  databaseName: string;
  /** Straight to the local PostgreSQL. */
  databaseUrl: string;
  queuePrefix: string;
  dataDir: string;
  whisper: FakeWhisperServer;
  /** The environment every process gets (override per process in startApi/startWorker). */
  env: Record<string, string>;
  accounts: { admin: SeededAccount; therapist: SeededAccount; patient: SeededAccount };
  /** Every process started, in order, running or not. */
  processes: RunningProcess[];
  startApi(overrides?: Record<string, string>): Promise<ApiProcess>;
  startWorker(overrides?: Record<string, string>): Promise<RunningProcess>;
  /** Signs the therapist in on `api` and registers one phone for them; returns the access token. */
  signInTherapistWithPhone(api: ApiProcess): Promise<string>;
  /** Redis keys under this stack's prefix. */
  queueKeys(): Promise<string[]>;
  /** Deletes every Redis key under this stack's prefix (a FLUSHALL that spares other tests). @returns how many. */
  deleteQueueKeys(): Promise<number>;
  /** SIGKILL: the process dies without any cleanup, as in a crash or an OOM kill. */
  kill(process: RunningProcess): Promise<void>;
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

/** Stops a process: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopProcess(process: RunningProcess, graceMs: number): Promise<void> {
  if (process.child.exitCode !== null || process.child.signalCode !== null) return;
  process.child.kill("SIGTERM");
  const exited = await Promise.race([
    process.exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs)),
  ]);
  if (!exited) {
    process.child.kill("SIGKILL");
    await process.exited;
  }
}

export async function startSelfHostedStack(options: SelfHostedStackOptions = {}): Promise<SelfHostedStack> {
  const suffix = randomBytes(6).toString("hex");
  const databaseName = `confide_fault_${suffix}`;
  const queuePrefix = `confide-fault-${suffix}`;
  const cleanups: Array<() => Promise<void>> = [];
  const processes: RunningProcess[] = [];

  const close = async () => {
    const errors: unknown[] = [];
    await Promise.all(processes.map((process) => stopProcess(process, 5_000).catch((error: unknown) => errors.push(error))));
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, "closing the self-hosted stack failed");
  };

  try {
    const redis = await connectRedis();
    cleanups.push(async () => {
      const keys = await keysUnder(redis, queuePrefix);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });

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
      CONFIDE_REDIS_URL: redisUrl,
      CONFIDE_QUEUE_PREFIX: queuePrefix,
      CONFIDE_WHISPER_URL: whisper.url,
      CONFIDE_PUSH: "log",
      CONFIDE_JWT_SECRET: randomBytes(36).toString("base64url"),
      CONFIDE_PORT: "0",
      CONFIDE_PASSWORD_COST: "1024",
      CONFIDE_LEASE_MS: "3000",
      CONFIDE_QUEUE_STALLED_MS: "5000",
      CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_LOG_LEVEL: "info",
      // Fault tests upload dozens of sessions at once for one therapist: quotas only where a test sets them.
      CONFIDE_UPLOAD_LIMIT_PER_HOUR: "100000",
      CONFIDE_MAX_SESSIONS_IN_PROCESSING: "100000",
      ...options.env,
    };

    const seeded = JSON.parse(await runCli(["seed"], env)) as { accounts: SeededAccount[] };
    const byRole = (role: string) => {
      const account = seeded.accounts.find((candidate) => candidate.user.role === role);
      if (!account) throw new Error(`confide seed made no ${role}: ${JSON.stringify(seeded)}`);
      return account;
    };

    let consentRecorded = false;
    const track = (process: RunningProcess) => {
      processes.push(process);
      return process;
    };

    return {
      databaseName,
      databaseUrl,
      queuePrefix,
      dataDir,
      whisper,
      env,
      accounts: { admin: byRole("admin"), therapist: byRole("therapist"), patient: byRole("patient") },
      processes,
      async startApi(overrides = {}) {
        const api = track(await startCli(["serve"], { ...env, ...overrides }, { timeoutMs: 30_000 }));
        const baseUrl = `http://127.0.0.1:${api.port}`;
        if (!consentRecorded && options.consent !== false) {
          const therapist = byRole("therapist");
          await recordTestConsent(baseUrl, await login(baseUrl, therapist), byRole("patient").user.id);
          consentRecorded = true;
        }
        return Object.assign(api, { baseUrl });
      },
      async startWorker(overrides = {}) {
        return track(
          await startCli(["worker"], { ...env, ...overrides }, { ready: (line) => line.message === "worker started", timeoutMs: 30_000 }),
        );
      },
      async signInTherapistWithPhone(api) {
        const token = await login(api.baseUrl, byRole("therapist"));
        await registerDevice(api.baseUrl, token, `fault-test-phone-${suffix}`);
        return token;
      },
      queueKeys: () => keysUnder(redis, queuePrefix),
      async deleteQueueKeys() {
        const keys = await keysUnder(redis, queuePrefix);
        if (keys.length > 0) await redis.del(...keys);
        return keys.length;
      },
      async kill(process) {
        process.child.kill("SIGKILL");
        await process.exited;
      },
      close,
    };
  } catch (error) {
    try {
      await close();
    } catch (closeError) {
      throw new AggregateError([error, closeError], "starting the self-hosted stack failed, and so did cleaning up");
    }
    throw error;
  }
}
