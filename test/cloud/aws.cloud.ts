/**
 * The AWS ports' contract suites against the real services, run by `npm run test:cloud -- aws`
 * (test/cloud/aws.ts starts vitest on this file with test/cloud/vitest.config.ts; the repository's
 * own vitest run does not include it, so CI never runs it). One top-level `describe` per port,
 * named after the port: the runner's table groups the results by it.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { silentLogger } from "@confide/core/adapter-kit";
import type { AudioSource, BlobStore, LiveSpeechToText } from "@confide/core/ports";
import { byteStream } from "@confide/core/testing";
import { describeBlobStoreContract, describeLanguageAnalyzerContract, describeLiveSpeechToTextContract, describeNoteWriterContract, describeSpeechToTextContract } from "@confide/contracts";
import { bedrockDescriptor } from "../../packages/adapters-aws/src/bedrock/descriptor.ts";
import { makeDialogueWav, type DialogueAudio } from "@confide/contracts/support";
import { comprehendDescriptor } from "../../packages/adapters-aws/src/comprehend/descriptor.ts";
import { s3Descriptor } from "../../packages/adapters-aws/src/s3/descriptor.ts";
import { transcribeSettings } from "../../packages/adapters-aws/src/transcribe/settings.ts";
import { createTranscribeSpeechToText } from "../../packages/adapters-aws/src/transcribe/transcribe-speech-to-text.ts";
import { transcribeStreamingSettings } from "../../packages/adapters-aws/src/transcribe-streaming/settings.ts";
import { createTranscribeStreamingLiveSpeechToText } from "../../packages/adapters-aws/src/transcribe-streaming/transcribe-streaming-live-speech-to-text.ts";
import { describe } from "vitest";
import { awsCloudSettings, runJobNamePrefix, runPrefix } from "./aws-cloud-settings.ts";
import { prefixedBlobStore } from "./prefixed-blob-store.ts";
import { fromEnvironment } from "./settings-from-environment.ts";

const runId = process.env.CONFIDE_CLOUD_RUN_ID ?? "";
if (!/^[a-z0-9]{6,40}$/.test(runId)) throw new Error("Run through `npm run test:cloud -- aws`: it names the run (CONFIDE_CLOUD_RUN_ID).");
const cloud = awsCloudSettings(process.env, runId);
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

/** A recording Transcribe cannot read in place: it is staged under the run's prefix. */
function fileSource(path: () => Promise<string>, channels: number, contentType = "audio/wav"): () => Promise<AudioSource> {
  return async () => {
    const bytes = new Uint8Array(await readFile(await path()));
    return { key: `${prefix}recording.wav`, contentType, sizeBytes: bytes.byteLength, channels, open: async () => byteStream(bytes) };
  };
}

describe.runIf(cloud.ports.storage.configured)("storage", () => {
  describeBlobStoreContract({
    name: `s3 bucket ${cloud.s3Bucket}, keys under ${prefix}`,
    create: async (): Promise<BlobStore> => {
      const store = await s3Descriptor.create(fromEnvironment(s3Descriptor.settings));
      // A fresh, empty store for each test: a prefix of its own under the run's.
      return prefixedBlobStore(store, `${prefix}storage/${Math.random().toString(36).slice(2, 10)}/`);
    },
  });
});

describe.runIf(cloud.ports.speech.configured)("speech", () => {
  const create = () => {
    const settings = fromEnvironment(transcribeSettings);
    // As the descriptor makes it, with the run's prefixes and job names.
    return createTranscribeSpeechToText({
      outputBucket: settings.outputBucket,
      ...(settings.stagingBucket === undefined ? {} : { stagingBucket: settings.stagingBucket }),
      outputPrefix: `${prefix}transcribe-output/`,
      stagingPrefix: `${prefix}transcribe-staging/`,
      jobNamePrefix: runJobNamePrefix(runId),
      ...(cloud.region === undefined ? {} : { region: settings.region ?? cloud.region }),
      ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
      ...(settings.s3Endpoint === undefined ? {} : { s3Endpoint: settings.s3Endpoint }),
      pollIntervalSeconds: settings.pollIntervalSeconds,
      discardWaitSeconds: 120,
      logger: silentLogger,
    });
  };
  describeSpeechToTextContract({
    name: `transcribe in ${cloud.region}, jobs ${runJobNamePrefix(runId)}*`,
    create,
    audio: fileSource(async () => (await dialogueAudio()).monoPath, 1),
    perChannelAudio: fileSource(async () => (await dialogueAudio()).stereoPath, 2),
    rejectedAudio: async () => {
      const bytes = new TextEncoder().encode("%PDF-1.7 a document, not a recording of anyone speaking");
      return { key: `${prefix}document.wav`, contentType: "audio/wav", sizeBytes: bytes.byteLength, channels: null, open: async () => byteStream(bytes) };
    },
    expectedWords: ["sleeping"],
    // Real jobs take tens of seconds: up to 10 minutes a job.
    maxPolls: 120,
    maxPollWaitMs: 5_000,
    capabilities: { pendingJobs: true, monoDiarization: true, perChannel: true, wordTimings: true, throttling: null },
  });
});

describe.runIf(cloud.ports.language.configured)("language", () => {
  describeLanguageAnalyzerContract({
    name: `comprehend in ${cloud.region}`,
    create: () => comprehendDescriptor.create(fromEnvironment(comprehendDescriptor.settings, { CONFIDE_COMPREHEND_REGION: cloud.region, ...process.env })),
  });
});

describe.runIf(cloud.ports.live.configured)("live", () => {
  const settings = fromEnvironment(transcribeStreamingSettings);
  const engine = (credentials?: { accessKeyId: string; secretAccessKey: string }): LiveSpeechToText =>
    createTranscribeStreamingLiveSpeechToText({
      ...(cloud.region === undefined ? {} : { region: settings.region ?? cloud.region }),
      ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
      ...(credentials === undefined ? {} : { credentials }),
    });
  describeLiveSpeechToTextContract({
    name: `transcribe-streaming in ${cloud.region}`,
    create: async () => engine(),
    capabilities: { partials: true, liveDiarization: true, perChannel: true },
    monoSpeech: () => dialoguePcm(1),
    stereoSpeech: () => dialoguePcm(2),
    // Keys AWS does not know: the service refuses the stream (403), as an outage of credentials would.
    createFailing: async () => engine({ accessKeyId: "AKIACONFIDECLOUDTEST", secretAccessKey: "not-a-secret" }),
    failureCode: "provider.unavailable",
    timeoutMs: 180_000,
  });
});

// One short dialogue through the note-writer contract: the model family's tool choice, the notes'
// schema as the tool's input, and the answer checked — what the fake Bedrock Runtime stands in for.
describe.runIf(cloud.ports.notes.configured)("notes", () => {
  describeNoteWriterContract({
    name: `bedrock ${cloud.bedrockModelId}`,
    create: () => bedrockDescriptor.create(fromEnvironment(bedrockDescriptor.settings)),
  });
});
