/**
 * The adapter driven by core's processing pipeline (in-memory repositories and queue, a manual
 * clock): the recording is in a store that signs no URLs, so it is staged; the job's polls are
 * spaced by the delays the adapter asks for.
 */
import { createJobHandlers, uploadSession } from "@confide/core";
import type { Session } from "@confide/core/ports";
import { byteStream, createTestDeps, pcmWav, seedLinkedPair, type TestDeps } from "@confide/core/testing";
import { startFakeSpeechBatchServer, type FakeSpeechBatchServer } from "@confide/contracts/fakes";
import { startAzurite, type AzuriteBlob } from "@confide/contracts/support";
import { BlobServiceClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureSpeechToText } from "./azure-speech-to-text.ts";

let fake: FakeSpeechBatchServer;
let azurite: AzuriteBlob;

beforeAll(async () => {
  [fake, azurite] = await Promise.all([startFakeSpeechBatchServer(), startAzurite()]);
});

afterAll(async () => {
  await fake?.close();
  await azurite?.stop();
});

async function pipeline(transcriptionTimeoutMs: number): Promise<TestDeps> {
  const speech = await createAzureSpeechToText({
    endpoint: fake.url,
    key: fake.key,
    stagingConnectionString: azurite.connectionString,
    stagingContainerName: "pipeline-staging",
    stagingClientOptions: { retryOptions: { maxTries: 1 } },
  });
  const deps = createTestDeps({ speech: speech as TestDeps["speech"], settings: { transcriptionTimeoutMs } });
  await seedLinkedPair(deps);
  await deps.queue.start(createJobHandlers(deps));
  return deps;
}

/** Runs due jobs, moving the manual clock to the next delayed one, until the queue is empty. */
async function runUntilIdle(deps: TestDeps, maxSteps = 200): Promise<number> {
  await deps.queue.runDue();
  let steps = 0;
  while (deps.queue.pending().length > 0) {
    if (steps === maxSteps) throw new Error(`still busy after ${maxSteps} steps`);
    const next = Math.min(...deps.queue.pending().map((job) => job.runAt));
    if (next > deps.clock.now().getTime()) deps.clock.set(new Date(next));
    await deps.queue.runDue();
    steps += 1;
  }
  return steps;
}

async function upload(deps: TestDeps): Promise<Session> {
  return uploadSession(deps, { userId: "therapist-1", role: "therapist" }, {
    patientId: "patient-1",
    title: "Weekly session",
    audio: byteStream(pcmWav()),
    originalName: "session.wav",
    declaredContentType: "audio/wav",
  });
}

async function stagedBlobs(): Promise<string[]> {
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient("pipeline-staging");
  const names: string[] = [];
  if (!(await container.exists())) return names;
  for await (const blob of container.listBlobsFlat()) names.push(blob.name);
  return names;
}

describe("azure-speech through core's pipeline", () => {
  it("transcribes a staged recording to a ready session, then deletes the job and the staged copy", async () => {
    fake.plan = { pollsNotStarted: 2, pollsRunning: 2, outcome: { kind: "succeeded", transcript: { phrases: [
      { channel: 0, speaker: 1, offsetMs: 0, durationMs: 1500, text: "How have you been sleeping?" },
      { channel: 0, speaker: 2, offsetMs: 1900, durationMs: 1300, text: "Better this week, thanks." },
    ] } } };
    const deps = await pipeline(3600_000);
    const session = await upload(deps);

    await runUntilIdle(deps);

    const done = await deps.sessions.get(session.id);
    expect(done?.status).toBe("ready");
    expect(done?.transcript?.provider).toBe("azure-speech");
    expect(done?.transcript?.segments.map((segment) => segment.text)).toEqual(["How have you been sleeping?", "Better this week, thanks."]);
    expect(done?.processing.providerRef).toBeNull();
    expect(fake.jobs.size).toBe(0);
    expect(await stagedBlobs()).toEqual([]);
  });

  it("ends a job that stays Running past the transcription limit as speech.timeout: the staged copy is deleted, the job (which Azure cannot stop) marked for deletion, and the message says so", async () => {
    fake.plan = { outcome: { kind: "running-forever" } };
    const deps = await pipeline(60_000);
    const session = await upload(deps);
    const pollsBefore = fake.received.filter((request) => request.operation === "get").length;

    await runUntilIdle(deps);

    const failed = await deps.sessions.get(session.id);
    expect(failed).toMatchObject({ status: "failed", processing: { providerRef: null, lastError: { code: "speech.timeout", retryable: true } } });
    expect(failed?.processing.lastError?.message).toContain("the copy of the recording sent to it was removed, and its transcription will be deleted as soon as it finishes");
    // Polled every 5 s (the adapter's minimum while the job is young) until the minute passed.
    const polls = fake.received.filter((request) => request.operation === "get").length - pollsBefore;
    expect(polls).toBeGreaterThanOrEqual(10);
    expect(polls).toBeLessThanOrEqual(13);
    // Azure refuses to delete a Running job (DeleteNotAllowed): it stays, marked, and nothing else.
    expect([...fake.jobs.values()].map((job) => [job.status, job.description])).toEqual([["Running", "confide: delete when finished"]]);
    expect(await stagedBlobs()).toEqual([]);
    // Once it ends, a later sweep (here the readiness check's, past the interval) deletes it.
    const [job] = [...fake.jobs.values()];
    job!.status = "Failed";
    const sweeping = await createAzureSpeechToText({ endpoint: fake.url, key: fake.key, deferredDeletionSweepIntervalMs: 0 });
    await sweeping.check();
    expect(fake.jobs.size).toBe(0);
  });
});
