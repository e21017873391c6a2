/**
 * The Transcribe adapter under core's processing pipeline, with the S3 blob store on the S3
 * stand-in (the AWS deployment: recordings read in place) and the fake Transcribe: a job that
 * completes becomes the session's transcript and is discarded; a job that stays IN_PROGRESS
 * past `transcriptionTimeoutMs` ends the session with core's `speech.timeout`.
 */
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { type Actor, type ConfideDeps, createConfideDeps, createJobHandlers, deleteSession, uploadSession } from "@confide/core";
import type { BlobStore, Session, SpeechToText } from "@confide/core/ports";
import {
  byteStream,
  createInMemoryJobQueue,
  createInMemoryPushNotifier,
  createInMemoryRepositories,
  createInMemorySessionEvents,
  createKeywordLanguageAnalyzer,
  createScriptedNoteWriter, createScriptedRiskScreen,
  createManualClock,
  createRecordingLogger,
  pcmWav,
  seedLinkedPair,
  type InMemoryJobQueue,
  type ManualClock,
  type RecordingLogger,
  createPlainWordsClaimReader,
} from "@confide/core/testing";
import { defaultTranscribeTranscript, startFakeTranscribeServer, type FakeTranscribeServer } from "@confide/contracts/fakes";
import { startS3Server, type S3Server } from "@confide/contracts/support";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createS3BlobStore } from "../s3/s3-blob-store.ts";
import { createTranscribeSpeechToText } from "./transcribe-speech-to-text.ts";

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

let s3: S3Server;
let transcribe: FakeTranscribeServer;
let raw: S3Client;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: ["recordings", "transcripts"] });
  transcribe = await startFakeTranscribeServer({ s3Endpoint: s3.endpoint, region: "eu-central-1" });
  raw = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
});

afterAll(async () => {
  raw?.destroy();
  await transcribe?.close();
  await s3?.stop();
});

interface Pipeline {
  deps: ConfideDeps;
  queue: InMemoryJobQueue;
  clock: ManualClock;
  logger: RecordingLogger;
  blobs: BlobStore;
  speech: SpeechToText;
  therapist: Actor;
}

let pipeline: Pipeline;

beforeEach(async () => {
  const clock = createManualClock();
  const logger = createRecordingLogger();
  const queue = createInMemoryJobQueue({ clock, manual: true });
  const blobs = await createS3BlobStore({ bucket: "recordings", endpoint: s3.endpoint, forcePathStyle: true, region: "eu-central-1", credentials: s3.credentials });
  const speech = await createTranscribeSpeechToText({
    outputBucket: "transcripts",
    region: transcribe.region,
    endpoint: transcribe.url,
    s3Endpoint: s3.endpoint,
    credentials: transcribe.credentials,
    s3Credentials: s3.credentials,
    pollIntervalSeconds: 30 * 60,
    discardWaitSeconds: 0,
    discardPollIntervalMs: 10,
    maxAttempts: 1,
    logger,
  });
  const repositories = createInMemoryRepositories();
  const deps = createConfideDeps({
    blobs,
    speech,
    language: createKeywordLanguageAnalyzer(),
    notes: createScriptedNoteWriter(),
    claims: createPlainWordsClaimReader(),
    risk: createScriptedRiskScreen(),
    queue,
    push: createInMemoryPushNotifier(),
    events: createInMemorySessionEvents(),
    repositories,
    clock,
    logger,
    random: () => 0.5,
    settings: { passwordCost: 1024 },
  });
  await seedLinkedPair(deps);
  await queue.start(createJobHandlers(deps));
  pipeline = { deps, queue, clock, logger, blobs, speech, therapist: { userId: "therapist-1", role: "therapist" } };
});

afterEach(async () => {
  await pipeline.queue.close();
  await pipeline.speech.close();
  await pipeline.blobs.close();
});

function upload(): Promise<Session> {
  return uploadSession(pipeline.deps, pipeline.therapist, {
    patientId: "patient-1",
    title: "Weekly session",
    audio: byteStream(pcmWav({ channels: 1, dataBytes: 32_000 })),
    originalName: "session.wav",
    declaredContentType: "audio/wav",
  });
}

/** Runs due jobs, moving the clock to the next delayed one, until the queue is empty. */
async function runUntilIdle(maxSteps = 100): Promise<void> {
  const { queue, clock } = pipeline;
  await queue.runDue();
  for (let steps = 0; queue.pending().length > 0; steps += 1) {
    if (steps === maxSteps) throw new Error(`The queue was still busy after ${maxSteps} clock steps.`);
    const next = Math.min(...queue.pending().map((job) => job.runAt));
    if (next > clock.now().getTime()) clock.set(new Date(next));
    await queue.runDue();
  }
}

async function stored(session: Session): Promise<Session> {
  const current = await pipeline.deps.sessions.get(session.id);
  if (current === null) throw new Error("the session is gone");
  return current;
}

async function objectExists(bucket: string, key: string): Promise<boolean> {
  try {
    await raw.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

const jobsStarted = () => transcribe.received.filter((request) => request.operation === "StartTranscriptionJob").map((request) => (request.body as { TranscriptionJobName: string }).TranscriptionJobName);

describe("Transcribe under the processing pipeline", () => {
  it("transcribes an uploaded session from the recording in place, then discards the job and its transcript file", async () => {
    transcribe.plan = { pollsInProgress: 2, outcome: { kind: "completed", transcript: defaultTranscribeTranscript } };
    const uploaded = await upload();

    await runUntilIdle();

    const session = await stored(uploaded);
    const jobName = jobsStarted().at(-1)!;
    expect(session.status).toBe("ready");
    expect(session.transcript).toMatchObject({ provider: "transcribe", language: "en-US", speakers: [{ label: "spk_0" }, { label: "spk_1" }] });
    expect(session.transcript?.segments.map((segment) => segment.text)).toEqual(["How have you been sleeping?", "Better this week, thanks."]);
    expect(transcribe.mediaReads.at(-1)).toMatchObject({ jobName, bucket: "recordings", key: session.audio.blobKey });
    expect(session.processing.providerRef).toBeNull();
    expect(transcribe.deleted).toContain(jobName);
    expect(await objectExists("transcripts", `transcribe-output/${jobName}.json`)).toBe(false);
    // The recording Transcribe read in place is the session's own: it stays.
    expect(await objectExists("recordings", session.audio.blobKey)).toBe(true);
  });

  it("ends a job that stays IN_PROGRESS past the limit as speech.timeout; the job Transcribe cannot delete yet is discarded with the session", async () => {
    transcribe.plan = { outcome: { kind: "in-progress-forever" } };
    const submittedAt = pipeline.clock.now().getTime();
    const uploaded = await upload();

    await runUntilIdle();

    const session = await stored(uploaded);
    const jobName = jobsStarted().at(-1)!;
    expect(session.status).toBe("failed");
    expect(session.processing.lastError).toMatchObject({ code: "speech.timeout", retryable: true });
    // Polled every 30 minutes; the poll due at the default limit, 6 hours, found it overdue.
    expect(pipeline.clock.now().getTime() - submittedAt).toBe(6 * hourMs);
    expect(transcribe.jobs.get(jobName)?.status).toBe("IN_PROGRESS");
    // Transcribe deletes only finished jobs: the discard failed retryably, so the ref stays for later.
    expect(pipeline.logger.entries).toContainEqual(
      expect.objectContaining({ message: "session.provider_job.discard_failed", fields: expect.objectContaining({ code: "provider.timeout", providerRef: jobName }) }),
    );
    expect(session.processing.providerRef).toBe(jobName);

    // The job ends at last; deleting the session discards it and its transcript.
    transcribe.jobs.get(jobName)!.plan = { outcome: { kind: "completed", transcript: defaultTranscribeTranscript } };
    await deleteSession(pipeline.deps, pipeline.therapist, { sessionId: session.id });

    expect(transcribe.jobs.has(jobName)).toBe(false);
    expect(await objectExists("transcripts", `transcribe-output/${jobName}.json`)).toBe(false);
  });
});
