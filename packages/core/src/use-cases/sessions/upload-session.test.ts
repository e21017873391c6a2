import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jobNames } from "../../deps.ts";
import { ConfideError, type ErrorCode } from "../../errors.ts";
import type { JobQueue } from "../../ports/job-queue.ts";
import type { SessionRepository } from "../../ports/session-repository.ts";
import { createInMemoryJobQueue } from "../../testing/in-memory-job-queue.ts";
import { createInMemorySessionRepository } from "../../testing/in-memory-session-repository.ts";
import { createManualClock } from "../../testing/manual-clock.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { createJobHandlers } from "../pipeline/job-handlers.ts";
import { byteStream, seedCareTeam, uploadSample, wavBytes } from "../pipeline/pipeline-fixture.test-support.ts";
import { processSession } from "../pipeline/process-session.ts";
import { uploadSession } from "./upload-session.ts";
import { refusalOf } from "../refusal.test-support.ts";


async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<ConfideError> {
  const error = await refusalOf(promise);
  expect(error.code).toBe(code);
  return error;
}

/** Nothing half-made: no stored object, no session record. */
async function expectNothingStored(deps: TestDeps): Promise<void> {
  expect(deps.blobs.keys()).toEqual([]);
  expect((await deps.sessions.list({ limit: 100 })).items).toEqual([]);
}

/** A source that produces `totalBytes` of WAV chunk by chunk, counting what was pulled. */
function endlessWav(chunkBytes: number, totalBytes: number) {
  const header = wavBytes({ dataBytes: 0 });
  const state = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulledBytes >= totalBytes) {
        controller.close();
        return;
      }
      const chunk = new Uint8Array(chunkBytes);
      if (state.pulledBytes === 0) chunk.set(header);
      state.pulledBytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe("uploadSession", () => {
  it("stores the recording, creates the session and queues its processing", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const bytes = wavBytes({ dataBytes: 96_000, channels: 2 });

    const session = await uploadSession(deps, team.therapist, {
      patientId: team.patient.userId,
      title: "  First session  ",
      recordedAt: new Date("2026-01-02T15:00:00.000Z"),
      audio: byteStream(bytes, 1_000),
      originalName: "recording.wav",
      declaredContentType: "application/octet-stream",
      settings: { maxSpeakers: 3, language: "de-DE" },
    });

    expect(session).toMatchObject({
      therapistId: team.therapist.userId,
      patientId: team.patient.userId,
      title: "First session",
      recordedAt: new Date("2026-01-02T15:00:00.000Z"),
      status: "queued",
      version: 2,
      transcript: null,
      sentiment: null,
      processing: { attempts: 0, lastError: null, providerRef: null, polls: 0, notifiedAt: null, run: 0 },
      settings: { language: "de-DE", minSpeakers: 2, maxSpeakers: 3, diarization: true, channelLayout: "mono" },
      audio: {
        blobKey: `sessions/${team.therapist.userId}/${session.id}/audio.wav`,
        contentType: "audio/wav",
        format: "wav",
        sizeBytes: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        // 96,000 bytes of 16 kHz stereo 16-bit PCM.
        durationMs: 1_500,
        channels: 2,
        originalName: "recording.wav",
      },
    });
    expect(await deps.sessions.get(session.id)).toEqual(session);

    const stored = await deps.blobs.get(session.audio.blobKey);
    expect(Buffer.from(await new Response(stored.body).arrayBuffer())).toEqual(Buffer.from(bytes));
    expect(deps.queue.pending()).toMatchObject([
      { name: jobNames.processSession, jobId: `process-${session.id}-r0`, payload: { sessionId: session.id } },
    ]);
    expect(deps.audit.events()).toMatchObject([
      { action: "session.create", actorId: team.therapist.userId, sessionId: session.id, subjectUserId: team.patient.userId },
    ]);
  });

  it("keeps the title from the patient unless the therapist shares it; a choice that is not a boolean stores nothing", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const upload = (titleShared?: unknown) =>
      uploadSession(deps, team.therapist, {
        patientId: team.patient.userId,
        title: "Week 4",
        audio: byteStream(wavBytes({ dataBytes: 3_200 }), 1_000),
        ...(titleShared === undefined ? {} : { titleShared: titleShared as boolean }),
      });
    expect((await upload()).titleShared).toBe(false);
    expect((await upload(true)).titleShared).toBe(true);
    expect((await upload(false)).titleShared).toBe(false);
    const before = (await deps.sessions.list({ limit: 100 })).items.length;
    await expectCode(upload("yes"), "validation.invalid_input");
    expect((await deps.sessions.list({ limit: 100 })).items).toHaveLength(before);
  });

  it("recognises the format from the bytes and names the stored object after it", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const mp3 = new Uint8Array(2_000);
    mp3.set([0x49, 0x44, 0x33, 0x04, 0x00]); // "ID3" tag header
    const session = await uploadSample(deps, team, {
      audio: byteStream(mp3, 7),
      originalName: "session.wav",
      declaredContentType: "audio/wav",
    });
    expect(session.audio).toMatchObject({ format: "mp3", contentType: "audio/mpeg", durationMs: null, sizeBytes: 2_000 });
    expect(deps.blobs.keys()).toEqual([`sessions/therapist-1/${session.id}/audio.mp3`]);
  });

  it("accepts an async iterable as well as a web stream", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const bytes = wavBytes();
    async function* chunks() {
      for (let offset = 0; offset < bytes.length; offset += 10_000) yield bytes.slice(offset, offset + 10_000);
    }
    const session = await uploadSample(deps, team, { audio: chunks() });
    expect(session.audio.sizeBytes).toBe(bytes.byteLength);
    expect(session.audio.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(session.audio.durationMs).toBe(2_000);
  });

  it("refuses a text file named .wav, judging by the bytes, and stores nothing", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const text = new TextEncoder().encode("These are my session notes, not a recording. ".repeat(50));
    await expectCode(
      uploadSample(deps, team, { audio: byteStream(text), originalName: "notes.wav", declaredContentType: "audio/wav" }),
      "upload.not_audio",
    );
    await expectNothingStored(deps);
    expect(deps.queue.accepted()).toEqual([]);
  });

  it("refuses an empty upload", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    await expectCode(uploadSample(deps, team, { audio: byteStream(new Uint8Array(0)) }), "upload.empty");
    await expectNothingStored(deps);
  });

  it("refuses a few bytes too short to be any recording", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    await expectCode(uploadSample(deps, team, { audio: byteStream(new Uint8Array([0x52, 0x49, 0x46])) }), "upload.not_audio");
    await expectNothingStored(deps);
  });

  it("fails an oversized upload as soon as it passes the limit, without reading the rest", async () => {
    const deps = createTestDeps({ settings: { maxUploadBytes: 1024 * 1024 } });
    const team = await seedCareTeam(deps);
    const chunkBytes = 64 * 1024;
    const source = endlessWav(chunkBytes, 512 * 1024 * 1024);

    const error = await expectCode(uploadSample(deps, team, { audio: source.stream }), "upload.too_large");

    expect(error.details).toEqual({ maxBytes: 1024 * 1024 });
    // The limit is 16 chunks; the stream stops within a couple of chunks past it.
    expect(source.state.pulledBytes).toBeGreaterThan(1024 * 1024);
    expect(source.state.pulledBytes).toBeLessThanOrEqual(1024 * 1024 + 3 * chunkBytes);
    expect(source.state.cancelled).toBe(true);
    await expectNothingStored(deps);
  });

  it("stops pulling an oversized async iterable too", async () => {
    const deps = createTestDeps({ settings: { maxUploadBytes: 100_000 } });
    const team = await seedCareTeam(deps);
    const state = { yielded: 0, finished: false };
    async function* generated() {
      try {
        yield wavBytes({ dataBytes: 1_000 });
        for (;;) {
          state.yielded += 1;
          yield new Uint8Array(10_000);
        }
      } finally {
        state.finished = true;
      }
    }
    await expectCode(uploadSample(deps, team, { audio: generated() }), "upload.too_large");
    expect(state.yielded).toBeLessThanOrEqual(12);
    expect(state.finished).toBe(true);
    await expectNothingStored(deps);
  });

  it("answers upload.aborted and keeps nothing when the client goes away mid-upload", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const bytes = wavBytes();
    let sent = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20_000) {
          controller.error(new Error("socket hang up"));
          return;
        }
        controller.enqueue(bytes.slice(sent, sent + 5_000));
        sent += 5_000;
      },
    });
    await expectCode(uploadSample(deps, team, { audio: broken }), "upload.aborted");
    await expectNothingStored(deps);
  });

  it("stops and keeps nothing when the caller aborts", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const controller = new AbortController();
    const header = wavBytes({ dataBytes: 0 });
    let pulls = 0;
    const slow = new ReadableStream<Uint8Array>({
      pull(stream) {
        pulls += 1;
        if (pulls === 1) stream.enqueue(header);
        else if (pulls === 3) controller.abort();
        else stream.enqueue(new Uint8Array(1_000));
      },
    });
    await expectCode(uploadSample(deps, team, { audio: slow, signal: controller.signal }), "upload.aborted");
    await expectNothingStored(deps);
  });

  it("leaves nothing behind when the queue cannot take the job", async () => {
    const clock = createManualClock();
    const working = createInMemoryJobQueue({ clock, manual: true });
    const queue = {
      ...working,
      async enqueue() {
        throw new ConfideError("dependency.unavailable", "Redis is down.", { retryable: true });
      },
    } satisfies JobQueue;
    const deps = createTestDeps({ clock, queue });
    const team = await seedCareTeam(deps);

    await expectCode(uploadSample(deps, team), "dependency.unavailable");
    await expectNothingStored(deps);
    expect(deps.audit.events()).toEqual([]);
  });

  it("leaves nothing behind when the session cannot be written", async () => {
    const working = createInMemorySessionRepository();
    const sessions: SessionRepository = {
      ...working,
      async create() {
        throw new ConfideError("dependency.unavailable", "The database is down.", { retryable: true });
      },
    };
    const deps = createTestDeps({ sessions });
    const team = await seedCareTeam(deps);
    await expectCode(uploadSample(deps, team), "dependency.unavailable");
    await expectNothingStored(deps);
    expect(deps.queue.accepted()).toEqual([]);
  });

  it("returns the session as the worker left it when the worker was quicker than the upload", async () => {
    const clock = createManualClock();
    const working = createInMemoryJobQueue({ clock, manual: true });
    const deps = createTestDeps({ clock, queue: working });
    const eager = {
      ...working,
      // A worker that picks the job up before enqueue returns.
      async enqueue(...args: Parameters<JobQueue["enqueue"]>) {
        await working.enqueue(...args);
        await processSession(deps, { sessionId: String(args[1].sessionId) });
      },
    };
    deps.queue = eager;
    const team = await seedCareTeam(deps);

    const session = await uploadSample(deps, team);

    expect(session.status).toBe("ready");
    expect(await deps.sessions.get(session.id)).toEqual(session);
    expect(deps.blobs.keys()).toEqual([session.audio.blobKey]);
  });

  it("answers user.not_found for a patient the therapist does not treat, or who does not exist", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    await expectCode(uploadSample(deps, { ...team, therapist: team.otherTherapist }), "user.not_found");
    await expectCode(uploadSample(deps, team, { patientId: "patient-404" }), "user.not_found");
    // Another therapist is not a patient, linked or not.
    await expectCode(uploadSample(deps, team, { patientId: team.otherTherapist.userId }), "user.not_found");
    await expectNothingStored(deps);
  });

  it("lets only therapists upload", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    await expectCode(uploadSample(deps, { ...team, therapist: team.patient }), "auth.forbidden");
    await expectCode(uploadSample(deps, { ...team, therapist: { userId: "admin-1", role: "admin" } }), "auth.forbidden");
    await expectNothingStored(deps);
  });

  it("cancels the unread recording when it refuses the request before reading", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    let cancelled = false;
    const audio = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(wavBytes());
      },
      cancel() {
        cancelled = true;
      },
    });
    await expectCode(uploadSample(deps, team, { patientId: "patient-404", audio }), "user.not_found");
    expect(cancelled).toBe(true);
  });

  it.each([
    ["more speakers than allowed", { maxSpeakers: 11 }, "settings.maxSpeakers"],
    ["no speakers", { minSpeakers: 0 }, "settings.minSpeakers"],
    ["a fractional speaker count", { maxSpeakers: 2.5 }, "settings.maxSpeakers"],
    ["min above max", { minSpeakers: 4, maxSpeakers: 3 }, "settings.minSpeakers"],
    ["channel roles with a mono layout", { channelRoles: ["therapist", "patient"] }, "settings.channelRoles"],
    [
      "an unknown channel role",
      { channelLayout: "per-channel", channelRoles: ["therapist", "doctor"] },
      "settings.channelRoles",
    ],
    ["an unknown profanity mode", { profanity: "bleeped" }, "settings.profanity"],
    ["an unknown channel layout", { channelLayout: "surround" }, "settings.channelLayout"],
    ["a malformed language", { language: "english please" }, "settings.language"],
    ["empty candidate languages", { candidateLanguages: [] }, "settings.candidateLanguages"],
    ["a non-boolean diarization", { diarization: "yes" }, "settings.diarization"],
    ["an unknown setting", { model: "large-v3" }, "settings.model"],
  ])("refuses %s with validation.invalid_input", async (_name, settings, field) => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const error = await expectCode(
      uploadSample(deps, team, { settings: settings as Record<string, unknown> }),
      "validation.invalid_input",
    );
    expect(error.details).toEqual({ field });
    await expectNothingStored(deps);
  });

  it("accepts channel roles with a per-channel layout", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const session = await uploadSample(deps, team, {
      audio: byteStream(wavBytes({ channels: 2 })),
      settings: { channelLayout: "per-channel", channelRoles: ["patient", "therapist"], diarization: false },
    });
    expect(session.settings).toMatchObject({
      channelLayout: "per-channel",
      channelRoles: ["patient", "therapist"],
      diarization: false,
    });
  });

  it("bounds the duration a WAV header claims by the bytes that arrived", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    // 4 KB of 16 kHz mono 16-bit samples (125 ms) whose header claims almost 4 GiB of data (37 hours).
    const bytes = wavBytes({ dataBytes: 4_000 });
    new DataView(bytes.buffer).setUint32(40, 0xfffffff0, true);
    const session = await uploadSample(deps, team, { audio: byteStream(bytes) });
    expect(session.audio.durationMs).toBe(125);
  });

  it("does not believe a PCM WAV header's byte rate when it claims slower than its samples play", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    // 16 kHz mono 16-bit plays 32,000 bytes a second, whatever the header's byte rate says (1).
    const bytes = wavBytes({ dataBytes: 4_000 });
    new DataView(bytes.buffer).setUint32(28, 1, true);
    const session = await uploadSample(deps, team, { audio: byteStream(bytes) });
    expect(session.audio.durationMs).toBe(125);
  });

  it("keeps a WAV header's shorter claim, and measures a streamed WAV whose size is unknown", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const shortClaim = wavBytes({ dataBytes: 32_000 });
    new DataView(shortClaim.buffer).setUint32(40, 16_000, true);
    expect((await uploadSample(deps, team, { audio: byteStream(shortClaim) })).audio.durationMs).toBe(500);
    const streamed = wavBytes({ dataBytes: 32_000 });
    new DataView(streamed.buffer).setUint32(40, 0xffffffff, true);
    expect((await uploadSample(deps, team, { audio: byteStream(streamed) })).audio.durationMs).toBe(1_000);
  });

  it("refuses a WAV whose header claims more than 8 channels (or none), storing nothing", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    for (const channels of [65_535, 9, 0]) {
      const bytes = wavBytes({ dataBytes: 4_000 });
      new DataView(bytes.buffer).setUint16(22, channels, true);
      const error = await expectCode(uploadSample(deps, team, { audio: byteStream(bytes) }), "validation.invalid_input");
      expect(error.message).toContain(`${channels} channels`);
      expect(error.details).toEqual({ field: "audio" });
      await expectNothingStored(deps);
    }
    const eight = await uploadSample(deps, team, { audio: byteStream(wavBytes({ dataBytes: 16_000, channels: 8 })) });
    expect(eight.audio.channels).toBe(8);
  });

  it("refuses a recordedAt no store can hold (year 0 or past 9999)", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    for (const recordedAt of [new Date("0000-06-01T00:00:00Z"), new Date("+010000-01-01T00:00:00Z"), new Date(Number.NaN)]) {
      await expectCode(uploadSample(deps, team, { recordedAt }), "validation.invalid_input");
    }
    await expectNothingStored(deps);
  });

  it("refuses an overlong title", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    await expectCode(uploadSample(deps, team, { title: "x".repeat(201) }), "validation.invalid_input");
  });

  it("names an untitled session after its date", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const session = await uploadSample(deps, team, { title: "   " });
    expect(session.title).toBe("Session 2026-01-05");
    expect(session.recordedAt).toEqual(deps.clock.now());
  });

  it("is processed by the job it enqueues", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    await deps.queue.start(createJobHandlers(deps));
    const session = await uploadSample(deps, team);
    await deps.queue.runDue();
    expect((await deps.sessions.get(session.id))?.status).toBe("ready");
  });
});

describe("uploadSession input", () => {
  async function refused(settings: unknown, field: string) {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const error = await expectCode(uploadSample(deps, team, { settings: settings as Record<string, unknown> }), "validation.invalid_input");
    expect(error.details, JSON.stringify(settings)).toEqual({ field });
    await expectNothingStored(deps);
    return error;
  }

  it.each([
    ["settings that are a list", ["en-US"], "settings"],
    ["settings that are text", "en-US", "settings"],
    ["eleven candidate languages", { candidateLanguages: Array.from({ length: 11 }, () => "en-US") }, "settings.candidateLanguages"],
    ["a malformed candidate language", { candidateLanguages: ["en-US", "not a tag"] }, "settings.candidateLanguages"],
    ["a candidate language that is not text", { candidateLanguages: ["en-US", 7] }, "settings.candidateLanguages"],
    ["candidate languages that are not a list", { candidateLanguages: "en-US" }, "settings.candidateLanguages"],
    ["a language that is not text", { language: 7 }, "settings.language"],
    ["a language tag with an empty subtag", { language: "en-" }, "settings.language"],
    ["a language tag with a subtag of 9 characters", { language: "en-abcdefghi" }, "settings.language"],
    ["a non-boolean wordTimestamps", { wordTimestamps: 1 }, "settings.wordTimestamps"],
    ["an unknown punctuation mode", { punctuation: "smart" }, "settings.punctuation"],
    ["eleven speakers at least", { minSpeakers: 11, maxSpeakers: 11 }, "settings.minSpeakers"],
    ["no channel roles", { channelLayout: "per-channel", channelRoles: [] }, "settings.channelRoles"],
    ["33 channel roles", { channelLayout: "per-channel", channelRoles: Array.from({ length: 33 }, () => "patient") }, "settings.channelRoles"],
    ["channel roles that are not a list", { channelLayout: "per-channel", channelRoles: "patient" }, "settings.channelRoles"],
  ])("refuses %s, naming the field", async (_name, settings, field) => {
    await refused(settings, field);
  });

  it("says what is wrong with a refused setting", async () => {
    const messages = {
      "settings.language": "language must be a BCP-47 tag such as en-US.",
      "settings.candidateLanguages": "candidateLanguages must list 1 to 10 BCP-47 tags.",
      "settings.diarization": "diarization must be true or false.",
      "settings.maxSpeakers": "maxSpeakers must be a whole number from 1 to 10.",
      "settings.minSpeakers": "minSpeakers must not exceed maxSpeakers.",
      "settings.profanity": "profanity must be none, masked or removed.",
      "settings.punctuation": "punctuation must be automatic or none.",
      "settings.channelLayout": "channelLayout must be mono or per-channel.",
      "settings.channelRoles": "channelRoles must list therapist or patient for each channel.",
      settings: "Transcription settings must be an object.",
    } as const;
    const cases: Array<[unknown, keyof typeof messages]> = [
      [{ language: "english" }, "settings.language"],
      [{ candidateLanguages: [] }, "settings.candidateLanguages"],
      [{ diarization: "yes" }, "settings.diarization"],
      [{ maxSpeakers: 0 }, "settings.maxSpeakers"],
      [{ minSpeakers: 3, maxSpeakers: 2 }, "settings.minSpeakers"],
      [{ profanity: "bleeped" }, "settings.profanity"],
      [{ punctuation: "smart" }, "settings.punctuation"],
      [{ channelLayout: "surround" }, "settings.channelLayout"],
      [{ channelLayout: "per-channel", channelRoles: ["doctor"] }, "settings.channelRoles"],
      [[], "settings"],
    ];
    for (const [settings, field] of cases) {
      expect((await refused(settings, field)).message).toBe(messages[field]);
    }
    expect((await refused({ channelRoles: ["patient"] }, "settings.channelRoles")).message).toBe(
      "channelRoles needs the per-channel layout.",
    );
    const unknown = await refused({ [`x${"y".repeat(60)}`]: true }, `settings.x${"y".repeat(39)}`);
    expect(unknown.message).toBe(`Unknown transcription setting "x${"y".repeat(39)}".`);
  });

  it("accepts every setting at the edge of its range", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const session = await uploadSample(deps, team, {
      audio: byteStream(wavBytes({ channels: 2 })),
      settings: {
        language: "zh-Hant-TW",
        candidateLanguages: ["en", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR", "nl-NL", "sv-SE", "pl-PL", "zh-Hant-TW"],
        diarization: false,
        minSpeakers: 1,
        maxSpeakers: 10,
        profanity: "removed",
        punctuation: "none",
        wordTimestamps: false,
        channelLayout: "per-channel",
        channelRoles: Array.from({ length: 32 }, (_, index) => (index === 0 ? "therapist" : "patient")),
      },
    });
    expect(session.settings).toMatchObject({
      language: "zh-Hant-TW",
      minSpeakers: 1,
      maxSpeakers: 10,
      profanity: "removed",
      punctuation: "none",
      wordTimestamps: false,
      channelLayout: "per-channel",
    });
    expect(session.settings.candidateLanguages).toHaveLength(10);
    expect(session.settings.channelRoles).toHaveLength(32);
    expect((await deps.sessions.get(session.id))?.settings).toEqual(session.settings);
  });

  it("ignores settings given as undefined and keeps the host's defaults for them", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const session = await uploadSample(deps, team, { settings: { language: undefined, profanity: "masked" } });
    expect(session.settings).toEqual({ ...deps.settings.transcription, profanity: "masked" });
  });

  it("merges the caller's settings over the host's: one named language replaces the host's candidates", async () => {
    const deps = createTestDeps({
      settings: {
        transcription: {
          ...createTestDeps().settings.transcription,
          candidateLanguages: ["en-US", "de-DE"],
          channelLayout: "per-channel",
          channelRoles: ["therapist", "patient"],
        },
      },
    });
    const team = await seedCareTeam(deps);
    const stereo = () => byteStream(wavBytes({ channels: 2 }));

    const hostDefaults = await uploadSample(deps, team, { audio: stereo() });
    expect(hostDefaults.settings).toMatchObject({ candidateLanguages: ["en-US", "de-DE"], channelRoles: ["therapist", "patient"] });

    const oneLanguage = await uploadSample(deps, team, { audio: stereo(), settings: { language: "fr-FR" } });
    expect(oneLanguage.settings.language).toBe("fr-FR");
    expect(oneLanguage.settings).not.toHaveProperty("candidateLanguages");

    const both = await uploadSample(deps, team, { audio: stereo(), settings: { language: "fr-FR", candidateLanguages: ["fr-FR", "it-IT"] } });
    expect(both.settings.candidateLanguages).toEqual(["fr-FR", "it-IT"]);

    const mono = await uploadSample(deps, team, { settings: { channelLayout: "mono" } });
    expect(mono.settings.channelLayout).toBe("mono");
    expect(mono.settings).not.toHaveProperty("channelRoles");
  });

  it("names the field of a missing patient or a bad date, and stores nothing", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const noPatient = await expectCode(uploadSample(deps, team, { patientId: "" }), "validation.invalid_input");
    expect(noPatient).toMatchObject({ message: "Name the patient of the session.", details: { field: "patientId" } });
    const notText = await expectCode(uploadSample(deps, team, { patientId: 7 as unknown as string }), "validation.invalid_input");
    expect(notText.details).toEqual({ field: "patientId" });
    const badDate = await expectCode(uploadSample(deps, team, { recordedAt: new Date("soon") }), "validation.invalid_input");
    expect(badDate).toMatchObject({ message: expect.stringMatching(/^recordedAt must be a valid date/), details: { field: "recordedAt" } });
    const dateText = await expectCode(uploadSample(deps, team, { recordedAt: "2026-01-01" as unknown as Date }), "validation.invalid_input");
    expect(dateText.details).toEqual({ field: "recordedAt" });
    const longTitle = await expectCode(uploadSample(deps, team, { title: "x".repeat(201) }), "validation.invalid_input");
    expect(longTitle).toMatchObject({ message: "The title must be at most 200 characters.", details: { field: "title" } });
    await expectNothingStored(deps);
  });

  it("keeps a title of 200 characters, the recording date given, and a trimmed file name of at most 255 characters", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const recordedAt = new Date("2025-12-24T09:30:00.000Z");
    const session = await uploadSample(deps, team, {
      title: ` ${"t".repeat(200)} `,
      recordedAt,
      originalName: `  ${"n".repeat(300)}.wav  `,
    });
    expect(session).toMatchObject({ title: "t".repeat(200), recordedAt });
    expect(session.audio.originalName).toBe("n".repeat(255));
    expect((await uploadSample(deps, team, { originalName: "   " })).audio.originalName).toBeNull();
    expect((await uploadSample(deps, team, { originalName: " session 3.wav " })).audio.originalName).toBe("session 3.wav");
  });

  it("starts a session with no review and audits its size, format and note format", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const session = await uploadSample(deps, team);
    expect(session.review).toEqual({ edits: [], finalizedAt: null, finalizedBy: null });
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({
        action: "session.create",
        sessionId: session.id,
        subjectUserId: team.patient.userId,
        detail: { sizeBytes: session.audio.sizeBytes, format: "wav", noteFormat: "confide" },
      }),
    ]);
  });
});

describe("uploadSession streams", () => {
  it("recognises a recording that arrives a byte at a time, or with empty chunks", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const bytes = wavBytes({ dataBytes: 3_000 });

    const trickled = await uploadSample(deps, team, { audio: byteStream(bytes, 1) });
    expect(trickled.audio).toMatchObject({ format: "wav", sizeBytes: bytes.byteLength, durationMs: 94, channels: 1 });

    async function* withEmptyChunks() {
      yield new Uint8Array(0);
      yield bytes.subarray(0, 10);
      yield new Uint8Array(0);
      yield bytes.subarray(10);
    }
    const gappy = await uploadSample(deps, team, { audio: withEmptyChunks() });
    expect(gappy.audio).toMatchObject({ format: "wav", sizeBytes: bytes.byteLength });
    expect(await new Response((await deps.blobs.get(gappy.audio.blobKey)).body).arrayBuffer()).toEqual(bytes.buffer);
  });

  it("takes a recording of exactly the size limit and refuses one byte more", async () => {
    const bytes = wavBytes({ dataBytes: 1_000 });
    const deps = createTestDeps({ settings: { maxUploadBytes: bytes.byteLength } });
    const team = await seedCareTeam(deps);
    await expect(uploadSample(deps, team, { audio: byteStream(bytes) })).resolves.toMatchObject({ audio: { sizeBytes: bytes.byteLength } });

    const tight = createTestDeps({ settings: { maxUploadBytes: bytes.byteLength - 1 } });
    const tightTeam = await seedCareTeam(tight);
    const error = await expectCode(uploadSample(tight, tightTeam, { audio: byteStream(bytes) }), "upload.too_large");
    expect(error.message).toBe(`The recording is larger than ${bytes.byteLength - 1} bytes.`);
    await expectNothingStored(tight);
  });

  it("says why an empty or unrecognised upload is refused", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    expect((await expectCode(uploadSample(deps, team, { audio: byteStream(new Uint8Array(0)) }), "upload.empty")).message).toBe(
      "The recording is empty.",
    );
    expect((await expectCode(uploadSample(deps, team, { audio: byteStream(new TextEncoder().encode("x".repeat(100))) }), "upload.not_audio")).message).toBe(
      "The file is not a recording in a supported format (WAV, MP3, OGG, FLAC, MP4/M4A, WebM).",
    );
  });
});

describe("uploadSession failures", () => {
  it("releases the client's stream when storing fails after reading part of it", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const source = endlessWav(1_000, 1_000_000);
    const failing = {
      ...deps.blobs,
      async put(_key: string, body: ReadableStream<Uint8Array>) {
        const reader = body.getReader();
        await reader.read();
        await reader.read();
        throw new ConfideError("dependency.unavailable", "The bucket is unreachable.", { retryable: true });
      },
    };

    await expectCode(uploadSample({ ...deps, blobs: failing }, team, { audio: source.stream }), "dependency.unavailable");

    expect(source.state.cancelled).toBe(true);
    expect(source.state.pulledBytes).toBeLessThan(1_000_000);
    await expectNothingStored(deps);
  });

  it("passes on a storage failure that is not a ConfideError as it is, not as an interrupted upload", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const broken = {
      ...deps.blobs,
      async put(): Promise<never> {
        throw new TypeError("the SDK broke");
      },
    };
    await expect(uploadSample({ ...deps, blobs: broken }, team)).rejects.toThrow(TypeError);
  });

  it("stops at once when the caller aborts while the first bytes are still awaited", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const controller = new AbortController();
    let cancelled = false;
    const silent = new ReadableStream<Uint8Array>({
      pull: () => new Promise<void>(() => {}),
      cancel() {
        cancelled = true;
      },
    });

    const upload = uploadSample(deps, team, { audio: silent, signal: controller.signal });
    controller.abort(new Error("client went away"));

    await expectCode(upload, "upload.aborted");
    expect(cancelled).toBe(true);
    await expectNothingStored(deps);
  });

  it("never removes another session whose id the new one was given by mistake", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    const existing = await uploadSample(deps, team);
    const repeating = { ...deps, ids: { newId: () => existing.id } };

    await expectCode(uploadSample(repeating, team, { audio: byteStream(wavBytes({ dataBytes: 500 })) }), "session.version_conflict");

    expect(await deps.sessions.get(existing.id)).toMatchObject({ id: existing.id, audio: { sizeBytes: existing.audio.sizeBytes } });
  });

  it("answers session.not_found, and keeps no recording, when the session is deleted before the upload finishes", async () => {
    const deps = createTestDeps();
    const team = await seedCareTeam(deps);
    // A worker took the session on, and then it was deleted, between the upload's two writes.
    const vanishing: SessionRepository = {
      ...deps.sessions,
      async update(session, expectedVersion) {
        const current = await deps.sessions.get(session.id);
        if (current && current.status === "uploaded") await deps.sessions.update({ ...current, status: "queued" }, current.version);
        return deps.sessions.update(session, expectedVersion);
      },
      async get(id) {
        await deps.sessions.delete(id);
        return null;
      },
    };
    const error = await expectCode(uploadSample({ ...deps, sessions: vanishing }, team), "session.not_found");
    expect(error.message).toBe("The session was removed while it was being stored.");
    expect(deps.blobs.keys()).toEqual([]);
  });
});
