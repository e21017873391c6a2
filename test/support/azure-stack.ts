/**
 * The azure profile on this machine, for end-to-end and fault tests: real `confide serve` and
 * `confide worker` processes with `CONFIDE_PROFILE=azure` against local stand-ins —
 * Azurite (Blob Storage), the Cosmos DB stand-in (behind a TCP proxy a test can cut), the fake
 * Speech batch transcription and Text Analytics servers — and the local Redis (BullMQ and
 * session events). Push notifications go to the log (`CONFIDE_PUSH=log`: the profile's FCM needs
 * a Firebase project), one line per phone in the workers' stdout.
 *
 * Each stack is isolated: its own Cosmos database (`confide_<random>`) on its own stand-in, its
 * own container in its own Azurite, its own BullMQ key prefix (deleted by `close()`). `close()`
 * kills every process it started and stops every stand-in, also when a test failed half-way.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  startAzureSpeechLiveServer,
  startFakeSpeechBatchServer,
  startFakeTextAnalyticsServer,
  type AzureSpeechLiveServer,
  type FakeSpeechBatchServer,
  type FakeSpeechBatchServerOptions,
  type FakeTextAnalyticsServer,
} from "@confide/contracts/fakes";
import {
  startAzurite,
  startCosmosServer,
  startTcpProxy,
  type AzuriteBlob,
  type CosmosServer,
  type TcpProxy,
} from "@confide/contracts/support";
import { login, recordTestConsent, registerDevice, type SeededAccount } from "./confide-api-client.ts";
import { connectRedis, keysUnder, stopProcess } from "./selfhosted-stack.ts";
import { runCli, startCli, type ConfideProcess } from "./server-process.ts";

const redisUrl = "redis://127.0.0.1:6379";

export type RunningProcess = ConfideProcess & { port: number };

export interface ApiProcess extends RunningProcess {
  baseUrl: string;
}

export interface AzureStack {
  azurite: AzuriteBlob;
  /** The container holding the recordings. */
  containerName: string;
  cosmos: CosmosServer;
  /** Between every confide process and the Cosmos stand-in: `down()` makes Cosmos DB unreachable. */
  cosmosProxy: TcpProxy;
  databaseName: string;
  speech: FakeSpeechBatchServer;
  /** The real-time Speech fake (USP over WebSocket) the live engine streams to, with the same key. */
  liveSpeech: AzureSpeechLiveServer;
  language: FakeTextAnalyticsServer;
  queuePrefix: string;
  /** The environment every process gets (override per process in startApi/startWorker). */
  env: Record<string, string>;
  accounts: { admin: SeededAccount; therapist: SeededAccount; patient: SeededAccount };
  /** Every process started, in order, running or not. */
  processes: RunningProcess[];
  startApi(overrides?: Record<string, string>): Promise<ApiProcess>;
  startWorker(overrides?: Record<string, string>): Promise<RunningProcess>;
  /** Signs the therapist in on `api` and registers one phone for them; returns the access token. */
  signInTherapistWithPhone(api: ApiProcess): Promise<string>;
  /** SIGKILL: the process dies without any cleanup, as in a crash or an OOM kill. */
  kill(process: RunningProcess): Promise<void>;
  close(): Promise<void>;
}

export interface AzureStackOptions {
  /**
   * false: the seeded patient has no consent. By default the first API started records it, as
   * the therapist, through the API (`recordTestConsent`), before the stack hands the API out.
   */
  consent?: boolean;
  speech?: FakeSpeechBatchServerOptions;
  /** Extra environment for every process. */
  env?: Record<string, string>;
}

export async function startAzureStack(options: AzureStackOptions = {}): Promise<AzureStack> {
  const suffix = randomBytes(6).toString("hex");
  const databaseName = `confide_${suffix}`;
  const containerName = `confide-${suffix}`;
  const queuePrefix = `confide-azure-${suffix}`;
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
    if (errors.length > 0) throw new AggregateError(errors, "closing the azure stack failed");
  };

  try {
    const redis = await connectRedis();
    cleanups.push(async () => {
      const keys = await keysUnder(redis, queuePrefix);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });

    const [azurite, cosmos, speech, language] = await Promise.all([
      startAzurite(),
      startCosmosServer(),
      startFakeSpeechBatchServer(options.speech),
      startFakeTextAnalyticsServer(),
    ]);
    const liveSpeech = await startAzureSpeechLiveServer({ key: speech.key });
    cleanups.push(
      () => liveSpeech.close(),
      () => azurite.stop(),
      () => cosmos.stop(),
      () => speech.close(),
      () => language.close(),
    );
    const cosmosProxy = await startTcpProxy({ targetHost: "127.0.0.1", targetPort: Number(new URL(cosmos.endpoint).port) });
    cleanups.push(() => cosmosProxy.close());

    // The stand-in's certificate, trusted through CONFIDE_COSMOS_CA_FILE as an operator would.
    const folder = await mkdtemp(join(tmpdir(), "confide-azure-"));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const caFile = join(folder, "cosmos-ca.pem");
    await writeFile(caFile, cosmos.certificate.cert);

    const env: Record<string, string> = {
      CONFIDE_PROFILE: "azure",
      CONFIDE_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      CONFIDE_AZURE_STORAGE_CONTAINER: containerName,
      CONFIDE_COSMOS_ENDPOINT: `https://127.0.0.1:${cosmosProxy.port}/`,
      CONFIDE_COSMOS_KEY: cosmos.key,
      CONFIDE_COSMOS_DATABASE: databaseName,
      CONFIDE_COSMOS_CA_FILE: caFile,
      CONFIDE_COSMOS_ENDPOINT_DISCOVERY: "false",
      CONFIDE_COSMOS_REQUEST_TIMEOUT_MS: "3000",
      CONFIDE_AZURE_SPEECH_ENDPOINT: speech.url,
      CONFIDE_AZURE_SPEECH_KEY: speech.key,
      CONFIDE_AZURE_LIVE_SPEECH_HOST: liveSpeech.url,
      CONFIDE_AZURE_LANGUAGE_ENDPOINT: language.url,
      CONFIDE_AZURE_LANGUAGE_KEY: language.key,
      CONFIDE_REDIS_URL: redisUrl,
      CONFIDE_QUEUE_PREFIX: queuePrefix,
      CONFIDE_PUSH: "log",
      CONFIDE_JWT_SECRET: randomBytes(36).toString("base64url"),
      CONFIDE_PORT: "0",
      CONFIDE_PASSWORD_COST: "1024",
      CONFIDE_LEASE_MS: "3000",
      CONFIDE_QUEUE_STALLED_MS: "5000",
      CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
      CONFIDE_DATA_DIR: folder,
      CONFIDE_LOG_LEVEL: "info",
      CONFIDE_UPLOAD_LIMIT_PER_HOUR: "100000",
      CONFIDE_MAX_SESSIONS_IN_PROCESSING: "100000",
      ...options.env,
    };

    // As an operator would: the database and its containers first, then the first accounts.
    await runCli(["migrate"], env);
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
      azurite,
      containerName,
      cosmos,
      cosmosProxy,
      databaseName,
      speech,
      liveSpeech,
      language,
      queuePrefix,
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
        return track(await startCli(["worker"], { ...env, ...overrides }, { ready: (line) => line.message === "worker started", timeoutMs: 30_000 }));
      },
      async signInTherapistWithPhone(api) {
        const token = await login(api.baseUrl, byRole("therapist"));
        await registerDevice(api.baseUrl, token, `azure-test-phone-${suffix}`);
        return token;
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
      throw new AggregateError([error, closeError], "starting the azure stack failed, and so did cleaning up");
    }
    throw error;
  }
}
