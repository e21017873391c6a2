/**
 * The recording's length is known for every container before a provider sees it: measured once
 * at upload by ffmpeg (the browser's WebM/Opus carries none in its header), stored with the
 * session, and checked by the speech provider before anything is staged. Azure's limit is
 * lowered here so that a three-second recording is over it.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createFfmpegAudioProbe } from "@confide/adapters-local/platform";
import { azureSpeechDescriptor } from "@confide/adapters-azure/azure-speech";
import { silentLogger } from "@confide/core/adapter-kit";
import type { AudioProbe, SpeechToText } from "@confide/core/ports";
import { createConfideDeps, createJobHandlers, uploadSession } from "@confide/core";
import {
  byteStream,
  createInMemoryBlobStore,
  createInMemoryJobQueue,
  createInMemoryPushNotifier,
  createInMemoryRepositories,
  createInMemorySessionEvents,
  createKeywordLanguageAnalyzer,
  createManualClock,
  createPlainWordsClaimReader,
  createScriptedNoteWriter,
  createScriptedRiskScreen,
  createScriptedSpeechToText,
  seedLinkedPair,
  storedTestSession,
} from "@confide/core/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Three seconds of a tone as MediaRecorder sends it: WebM/Opus written to a pipe, so no duration in its header. */
async function webmOpus(seconds: number): Promise<Uint8Array> {
  const { stdout } = await run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", `sine=frequency=330:duration=${seconds}`, "-c:a", "libopus", "-f", "webm", "pipe:1"], {
    encoding: "buffer",
    maxBuffer: 16 * 1024 * 1024,
  });
  return new Uint8Array(stdout);
}

let recording: Uint8Array;
beforeAll(async () => {
  recording = await webmOpus(3);
});

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Azure batch transcription whose staging and service cannot be reached: anything past the limit check fails differently. */
async function azureSpeechWithLimit(maxDiarizedDurationMs: number) {
  const fetched: string[] = [];
  const settings = azureSpeechDescriptor.settings.parse({
    endpoint: "http://127.0.0.1:9",
    key: "unused",
    stagingConnectionString: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;",
    stagingContainerName: "speech-staging",
    stagingClientOptions: { retryOptions: { maxTries: 1 } },
    limits: { maxDiarizedDurationMs },
    fetch: async (input: string | URL | Request) => {
      fetched.push(String(input));
      throw new TypeError("fetch failed");
    },
  });
  const speech = await azureSpeechDescriptor.create(settings, { logger: silentLogger, dataDir: "/nonexistent" });
  return { speech, fetched };
}

/** Core's pipeline on in-memory ports with `speech` and `audioProbe`, the linked pair seeded, jobs run by `queue.runDue()`. */
async function pipelineWith(speech: SpeechToText, audioProbe: AudioProbe) {
  const clock = createManualClock();
  const queue = createInMemoryJobQueue({ clock, manual: true });
  const blobs = createInMemoryBlobStore();
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
    repositories: createInMemoryRepositories(),
    clock,
    audioProbe,
    random: () => 0.5,
    settings: { passwordCost: 1024 },
  });
  await seedLinkedPair(deps);
  await queue.start(createJobHandlers(deps));
  closers.push(() => queue.close());
  return { deps, queue, blobs };
}

describe("a WebM/Opus recording's length, measured at upload, holds the provider's limit before staging", () => {
  it("stores the length ffmpeg measured, and Azure refuses the recording over its (lowered) diarization limit without staging or submitting it", async () => {
    const { speech, fetched } = await azureSpeechWithLimit(2_000);
    const { deps, queue } = await pipelineWith(speech, createFfmpegAudioProbe());

    const uploaded = await uploadSession(deps, { userId: "therapist-1", role: "therapist" }, {
      patientId: "patient-1",
      title: "Live session",
      audio: byteStream(recording),
      originalName: "live.webm",
      declaredContentType: "audio/webm",
    });
    expect(uploaded.audio.format).toBe("webm");
    expect(uploaded.audio.durationMs).toBeGreaterThanOrEqual(2_900);
    expect(uploaded.audio.durationMs).toBeLessThanOrEqual(3_100);

    await queue.runDue();
    const session = await storedTestSession(deps, uploaded);
    expect(session.status).toBe("failed");
    expect(session.processing.lastError).toMatchObject({ code: "provider.unsupported", retryable: false });
    expect(session.processing.lastError?.message).toMatch(/separates speakers in recordings of at most/);
    // Refused before staging: no request left this process (staging and the service are both behind `fetch` or unreachable).
    expect(fetched).toEqual([]);
  });

  it("refuses bytes that hold no audio ffmpeg can read as unreadable audio, storing nothing", async () => {
    const { deps, blobs } = await pipelineWith(createScriptedSpeechToText(), createFfmpegAudioProbe());
    // A WebM header with nothing playable after it.
    const broken = new Uint8Array([...recording.subarray(0, 64), ...new Uint8Array(4_000).fill(7)]);
    await expect(
      uploadSession(deps, { userId: "therapist-1", role: "therapist" }, { patientId: "patient-1", audio: byteStream(broken), originalName: "broken.webm" }),
    ).rejects.toMatchObject({ code: "upload.unreadable_audio" });
    expect(blobs.keys()).toEqual([]);
  });
});
