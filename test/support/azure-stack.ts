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
import { connectStackRedis, stackProcessEnv } from "./selfhosted-stack.ts";
import { runCli } from "./server-process.ts";
import { seedStackProcesses, type RunningProcess, type StackProcesses } from "./stack-processes.ts";
import { createStackTeardown, startOrTearDown } from "./stack-teardown.ts";

export type { ApiProcess, RunningProcess } from "./stack-processes.ts";

export interface AzureStack extends StackProcesses {
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
  /** Every process started, in order, running or not. */
  processes: RunningProcess[];
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
  const teardown = createStackTeardown("azure");
  const { cleanups, processes } = teardown;

  return startOrTearDown(teardown, async () => {
    await connectStackRedis(teardown, queuePrefix);

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
      ...stackProcessEnv(queuePrefix),
      CONFIDE_DATA_DIR: folder,
      ...options.env,
    };

    // As an operator would: the database and its containers first, then the first accounts.
    await runCli(["migrate"], env);
    const started = await seedStackProcesses(env, processes, { consent: options.consent, phoneToken: `azure-test-phone-${suffix}` });

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
      ...started,
      processes,
      close: teardown.close,
    };
  });
}
