/**
 * The Azure ports' contract suites against the real services, run by `npm run test:cloud -- azure`
 * (test/cloud/azure.ts starts vitest on this file with test/cloud/vitest.config.ts; the
 * repository's own vitest run does not include it, so CI never runs it). One top-level
 * `describe` per port, named after the port: the runner's table groups the results by it.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { silentLogger } from "@confide/core/adapter-kit";
import type { AudioSource, BlobStore } from "@confide/core/ports";
import { byteStream } from "@confide/core/testing";
import { describeBlobStoreContract, describeLanguageAnalyzerContract, describeLiveSpeechToTextContract, describeNoteWriterContract, describeRepositoriesContract, describeSpeechToTextContract } from "@confide/contracts";
import { azureOpenAiDescriptor } from "../../packages/adapters-azure/src/azure-openai/descriptor.ts";
import { cosmosDescriptor } from "../../packages/adapters-azure/src/cosmos/descriptor.ts";
import { makeDialogueWav, type DialogueAudio } from "@confide/contracts/support";
import { azureBlobDescriptor } from "../../packages/adapters-azure/src/azure-blob/descriptor.ts";
import { createAzureLiveSpeechToText } from "../../packages/adapters-azure/src/azure-live-speech/azure-live-speech-to-text.ts";
import { createAzureSpeechToText } from "../../packages/adapters-azure/src/azure-speech/azure-speech-to-text.ts";
import { azureTextAnalyticsDescriptor } from "../../packages/adapters-azure/src/azure-text-analytics/descriptor.ts";
import { describe } from "vitest";
import { azureCloudSettings, runDatabasePrefix, runDisplayName, runPrefix } from "./azure-cloud-settings.ts";
import { prefixedBlobStore } from "./prefixed-blob-store.ts";
import { fromEnvironment } from "./settings-from-environment.ts";

const runId = process.env.CONFIDE_CLOUD_RUN_ID ?? "";
if (!/^[a-z0-9]{6,40}$/.test(runId)) throw new Error("Run through `npm run test:cloud -- azure`: it names the run (CONFIDE_CLOUD_RUN_ID).");
const cloud = azureCloudSettings(process.env, runId);
const prefix = runPrefix(runId);

let dialogue: Promise<DialogueAudio> | undefined;
const dialogueAudio = () => (dialogue ??= makeDialogueWav({ directory: join(tmpdir(), `confide-cloud-${runId}`) }));

/** The dialogue as 16 kHz 16-bit PCM (what live recognition takes), `channels` 1 or 2. */
async function dialoguePcm(channels: 1 | 2): Promise<Uint8Array> {
  const audio = await dialogueAudio();
  const path = join(tmpdir(), `confide-cloud-${runId}`, `dialogue-${channels}.pcm`);
  await promisify(execFile)("sox", ["-D", channels === 1 ? audio.monoPath : audio.stereoPath, "-r", "16000", "-b", "16", "-e", "signed-integer", "-t", "raw", path]);
  return new Uint8Array(await readFile(path));
}

let recordings: Promise<BlobStore> | undefined;
/** The storage container (under the run's prefix) the service reads recordings from by a signed URL. */
const recordingStore = () =>
  (recordings ??= azureBlobDescriptor.create(fromEnvironment(azureBlobDescriptor.settings)).then((store) => prefixedBlobStore(store, `${prefix}speech/`)));

/**
 * A recording as core offers it: in the storage container with a signed read URL when storage is
 * configured (`missing`: the URL leads nowhere), else only a stream, which the adapter stages.
 */
function recordingSource(path: () => Promise<string>, channels: number, options: { missing?: boolean } = {}): () => Promise<AudioSource> {
  return async () => {
    const bytes = new Uint8Array(await readFile(await path()));
    const key = `recording-${Math.random().toString(36).slice(2, 10)}.wav`;
    const source: AudioSource = { key, contentType: "audio/wav", sizeBytes: bytes.byteLength, channels, open: async () => byteStream(bytes) };
    if (!cloud.ports.storage.configured) return source;
    const store = await recordingStore();
    if (!options.missing) await store.put(key, byteStream(bytes), { contentType: "audio/wav" });
    if (store.signedUrl !== undefined) source.readUrl = ({ expiresInSeconds }) => store.signedUrl!(key, { expiresInSeconds, access: "read" });
    return source;
  };
}

describe.runIf(cloud.ports.storage.configured)("storage", () => {
  describeBlobStoreContract({
    name: `azure-blob container ${cloud.storage.container}, blobs under ${prefix}`,
    create: async (): Promise<BlobStore> => {
      const store = await azureBlobDescriptor.create(fromEnvironment(azureBlobDescriptor.settings));
      // A fresh, empty store for each test: a prefix of its own under the run's.
      return prefixedBlobStore(store, `${prefix}storage/${Math.random().toString(36).slice(2, 10)}/`);
    },
  });
});

describe.runIf(cloud.ports.speech.configured)("speech", () => {
  const { staging } = cloud.speech;
  // A staging container of the run's own (removed at the end), when staging is configured.
  const stagingContainer = `confide-cloud-${runId}`;
  const create = () =>
    createAzureSpeechToText({
      ...(cloud.speech.endpoint === undefined ? {} : { endpoint: cloud.speech.endpoint }),
      ...(cloud.speech.region === undefined ? {} : { region: cloud.speech.region }),
      ...(cloud.speech.key === undefined ? {} : { key: cloud.speech.key }),
      ...(staging.connectionString !== undefined
        ? { stagingConnectionString: staging.connectionString, stagingContainerName: stagingContainer }
        : staging.accountUrl !== undefined
          ? { stagingAccountUrl: staging.accountUrl, stagingContainerName: stagingContainer }
          : {}),
      displayNamePrefix: runDisplayName(runId),
      // Jobs the service would not delete while they ran are deleted by the next call's sweep.
      deferredDeletionSweepIntervalMs: 0,
      logger: silentLogger,
    });
  describeSpeechToTextContract({
    name: `azure-speech ${cloud.speech.endpoint ?? cloud.speech.region}, jobs ${runDisplayName(runId)} *`,
    create,
    audio: recordingSource(async () => (await dialogueAudio()).monoPath, 1),
    perChannelAudio: recordingSource(async () => (await dialogueAudio()).stereoPath, 2),
    // The service reads the URL and fails the job ("Authentication failed for recordings URI." or invalid data).
    ...(cloud.ports.storage.configured ? { rejectedAudio: recordingSource(async () => (await dialogueAudio()).monoPath, 1, { missing: true }) } : {}),
    expectedWords: ["sleeping"],
    // Batch jobs queue for minutes: up to 20 minutes a job.
    maxPolls: 240,
    maxPollWaitMs: 5_000,
    capabilities: { pendingJobs: true, monoDiarization: true, perChannel: true, wordTimings: true, throttling: null },
  });
});

describe.runIf(cloud.ports.language.configured)("language", () => {
  describeLanguageAnalyzerContract({
    name: `azure-text-analytics ${cloud.language.endpoint}`,
    create: () => azureTextAnalyticsDescriptor.create(fromEnvironment(azureTextAnalyticsDescriptor.settings)),
  });
});

describe.runIf(cloud.ports.live.configured)("live", () => {
  const engine = (key: string) =>
    createAzureLiveSpeechToText({
      key,
      ...(cloud.live.host === undefined ? {} : { host: cloud.live.host }),
      ...(cloud.speech.region === undefined ? {} : { region: cloud.speech.region }),
    });
  describeLiveSpeechToTextContract({
    name: `azure live ${cloud.live.host ?? cloud.speech.region}`,
    create: async () => engine(cloud.speech.key!),
    capabilities: { partials: true, liveDiarization: true, perChannel: true },
    monoSpeech: () => dialoguePcm(1),
    stereoSpeech: () => dialoguePcm(2),
    // A key the resource does not have: the service refuses the connection (401).
    createFailing: async () => engine("00000000000000000000000000000000"),
    failureCode: "provider.rejected",
    timeoutMs: 180_000,
  });
});

// One short dialogue through the note-writer contract: the deployment's parameters (a reasoning
// one's included), the API version, the notes' schema under strict structured output — what the
// fake Azure OpenAI server stands in for.
describe.runIf(cloud.ports.notes.configured)("notes", () => {
  describeNoteWriterContract({
    name: `azure-openai ${cloud.notes.endpoint}, deployment ${cloud.notes.deployment}`,
    create: () => azureOpenAiDescriptor.create(fromEnvironment(azureOpenAiDescriptor.settings)),
  });
});

// The repositories contract on Cosmos DB: each test asks an empty store, so each gets a database
// of the run's own (removed by the runner at the end), prepared as `confide migrate` prepares one.
describe.runIf(cloud.ports.repository.configured)("repository", () => {
  let databases = 0;
  describeRepositoriesContract({
    name: `cosmos ${cloud.cosmos.endpoint}, databases ${runDatabasePrefix(runId)}*`,
    create: async () => {
      databases += 1;
      const repositories = await cosmosDescriptor.create({ ...fromEnvironment(cosmosDescriptor.settings), databaseId: `${runDatabasePrefix(runId)}${databases}` });
      await repositories.prepare();
      return repositories;
    },
  });
});
