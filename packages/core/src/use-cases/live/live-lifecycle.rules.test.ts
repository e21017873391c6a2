import { describe, expect, it } from "vitest";
import { liveAudioPartKey } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import type { BlobStore } from "../../ports/blob-store.ts";
import type { LiveSpeechSettings } from "../../ports/live-speech-to-text.ts";
import type { SessionRepository } from "../../ports/session-repository.ts";
import { createInMemoryBlobStore } from "../../testing/in-memory-blob-store.ts";
import { createInMemorySessionRepository } from "../../testing/in-memory-session-repository.ts";
import { createKeywordAgendaMatcher } from "../../testing/keyword-agenda-matcher.ts";
import { seedLinkedPair } from "../../testing/linked-pair.ts";
import { createRecordingLogger, type RecordingLogger } from "../../testing/recording-logger.ts";
import { createScriptedLiveSpeechToText } from "../../testing/scripted-live-speech-to-text.ts";
import { defaultLiveSessionSettings } from "../../settings.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";
import { resumeLiveRun, startLiveRun } from "./attach-live-session.ts";
import { endAbandonedLiveSessions } from "./end-abandoned-live-sessions.ts";
import { endLiveSession } from "./end-live-session.ts";
import type { LiveDeps } from "./live-deps.ts";
import { liveOf } from "./live-run.ts";
import type { StartLiveSessionInput } from "./start-live-session.ts";

const therapist: Actor = { userId: "therapist-1", role: "therapist" };
const stereo: StartLiveSessionInput = { patientId: "patient-1", format: { encoding: "pcm", channels: 2 }, channelLayout: "per-channel", agenda: [] };
const resumeWindowMs = 60_000;
const idleTimeoutMs = 30_000;

async function setUp(overrides: Parameters<typeof createTestDeps>[0] = {}): Promise<{ deps: TestDeps & LiveDeps; logger: RecordingLogger; opened: LiveSpeechSettings[] }> {
  const logger = createRecordingLogger();
  const base = createTestDeps({ logger, settings: { live: { ...defaultLiveSessionSettings, maxSessions: 10, resumeWindowMs, idleTimeoutMs, maxDurationMs: 3 * 3600_000, partIntervalMs: 1_000 } }, ...overrides });
  const engine = createScriptedLiveSpeechToText();
  const opened: LiveSpeechSettings[] = [];
  const liveSpeech = { ...engine, open: (settings: LiveSpeechSettings) => (opened.push(settings), engine.open(settings)) };
  const deps = { ...base, liveSpeech, agenda: createKeywordAgendaMatcher(), webmDecoder: null };
  await seedLinkedPair(deps);
  return { deps, logger, opened };
}

async function rejection(promise: Promise<unknown>): Promise<ConfideError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!ConfideError.is(error)) throw new Error(`Expected a ConfideError, got ${String(error)}`);
  return error;
}

async function stored(deps: TestDeps, id: string): Promise<Session> {
  return (await deps.sessions.get(id)) as Session;
}

describe("starting and resuming the run", () => {
  it("opens the engine for 16 kHz PCM of the session's channels, language, layout and speakers", async () => {
    const { deps, opened } = await setUp();
    await startLiveRun(deps, therapist, { ...stereo, language: "fr-FR" }, () => {});
    expect(opened).toEqual([{ language: "fr-FR", format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 2 }, channelLayout: "per-channel", maxSpeakers: 2 }]);
  });

  it("opens a WebM decoder of the session's channels for a browser's stream and stores the WebM as sent", async () => {
    const { deps } = await setUp();
    const asked: Array<{ channels: 1 | 2 }> = [];
    const decoder = {
      open: (options: { channels: 1 | 2 }) => {
        asked.push(options);
        return { write: async () => {}, end() {}, abort() {}, pcm: { async *[Symbol.asyncIterator]() {} } };
      },
    };
    const withDecoder = { ...deps, webmDecoder: decoder };
    const { run } = await startLiveRun(withDecoder, therapist, { ...stereo, format: { encoding: "webm", channels: 2 } }, () => {});
    expect(asked).toEqual([{ channels: 2 }]);
    await run.write(new Uint8Array(3));
    expect((await run.stop()).audio).toMatchObject({ format: "webm", sizeBytes: 3 });
  });

  it("a WebM recording's length is measured from the stored bytes when the session ends (a failing probe: the live transcript's length, as before, logged)", async () => {
    const decoder = { open: () => ({ write: async () => {}, end() {}, abort() {}, pcm: { async *[Symbol.asyncIterator]() {} } }) };
    const measured: number[] = [];
    const { deps } = await setUp({
      audioProbe: {
        async durationMs(audio) {
          let bytes = 0;
          for await (const chunk of audio) bytes += chunk.byteLength;
          measured.push(bytes);
          return 61_000;
        },
      },
    });
    const { run } = await startLiveRun({ ...deps, webmDecoder: decoder }, therapist, { ...stereo, format: { encoding: "webm", channels: 2 } }, () => {});
    await run.write(new Uint8Array(5));
    expect((await run.stop()).audio).toMatchObject({ format: "webm", sizeBytes: 5, durationMs: 61_000 });
    expect(measured).toEqual([5]);

    const failing = await setUp({ audioProbe: { durationMs: async () => Promise.reject(new ConfideError("upload.not_audio", "no audio")) } });
    const second = await startLiveRun({ ...failing.deps, webmDecoder: decoder }, therapist, { ...stereo, format: { encoding: "webm", channels: 2 } }, () => {});
    await second.run.write(new Uint8Array(5));
    // Nothing was heard: the live transcript's length is 0.
    expect((await second.run.stop()).audio).toMatchObject({ format: "webm", durationMs: 0 });
    expect(failing.logger.entries.find((entry) => entry.message === "live.length_unmeasured")?.fields).toEqual({ sessionId: second.session.id, code: "upload.not_audio" });
  });

  it("resumes within the window after a detach, clearing the detachment", async () => {
    const { deps, logger } = await setUp();
    const { run, session, resumeToken } = await startLiveRun(deps, therapist, stereo, () => {});
    await run.write(new Uint8Array(64_000));
    await run.detach();
    deps.clock.advance(resumeWindowMs);
    const resumed = await resumeLiveRun(deps, therapist, { sessionId: session.id, resumeToken: resumeToken as string }, () => {});
    expect(resumed.resumeToken).toBeUndefined();
    expect(resumed.session.live?.detachedAt).toBeNull();
    expect((await stored(deps, session.id)).live?.detachedAt).toBeNull();
    expect(resumed.run.storedBytes).toBe(64_000);
    expect(logger.entries).toContainEqual({ level: "info", message: "live.resumed", fields: { sessionId: session.id, storedBytes: 64_000 } });
  });

  it("refuses a resume past the window, counted from the detachment, or from the last write when it never detached", async () => {
    const { deps } = await setUp();
    const detached = await startLiveRun(deps, therapist, stereo, () => {});
    await detached.run.detach();
    const crashed = await startLiveRun(deps, therapist, stereo, () => {});
    deps.clock.advance(resumeWindowMs + 1);
    for (const { session, resumeToken } of [detached, crashed]) {
      expect(await rejection(resumeLiveRun(deps, therapist, { sessionId: session.id, resumeToken: resumeToken as string }, () => {}))).toMatchObject({
        code: "live.resume_refused",
        message: "The resume window has passed; the session ends with what it received.",
        details: { resumeWindowMs },
      });
    }
  });

  it("refuses a wrong, empty or missing token, and any resume of a WebM session", async () => {
    const { deps } = await setUp();
    const { session, resumeToken } = await startLiveRun(deps, therapist, stereo, () => {});
    for (const token of ["wrong", "", undefined, 42]) {
      expect(await rejection(resumeLiveRun(deps, therapist, { sessionId: session.id, resumeToken: token as never }, () => {}))).toMatchObject({
        code: "live.resume_refused",
        message: "The resume token does not match this session.",
      });
    }
    const current = await stored(deps, session.id);
    await deps.sessions.update({ ...current, live: { ...liveOf(current), format: { encoding: "webm", channels: 2 } } }, current.version);
    expect(await rejection(resumeLiveRun(deps, therapist, { sessionId: session.id, resumeToken: resumeToken as string }, () => {}))).toMatchObject({
      code: "live.resume_refused",
      message: "A WebM live session cannot be resumed: start a new one (this one ends with what it received).",
    });
  });

  it("answers no such session for an unknown id, another therapist's session, or one not recorded live; an ended one is said to have ended", async () => {
    const { deps } = await setUp();
    const { run, session, resumeToken } = await startLiveRun(deps, therapist, stereo, () => {});
    const uploaded = await storeSession(deps, { status: "ready" });
    const token = resumeToken as string;
    for (const [actor, sessionId] of [
      [therapist, "nope"],
      [therapist, 5],
      [{ userId: "therapist-2", role: "therapist" }, session.id],
      [therapist, uploaded.id],
    ] as const) {
      expect(await rejection(resumeLiveRun(deps, actor as Actor, { sessionId: sessionId as string, resumeToken: token }, () => {}))).toMatchObject({ code: "session.not_found", message: "No such session." });
    }
    expect(await rejection(resumeLiveRun(deps, { userId: "patient-1", role: "patient" }, { sessionId: session.id, resumeToken: token }, () => {}))).toMatchObject({ code: "auth.forbidden" });
    await run.write(new Uint8Array(64_000));
    await run.stop();
    expect(await rejection(resumeLiveRun(deps, therapist, { sessionId: session.id, resumeToken: token }, () => {}))).toMatchObject({
      code: "session.invalid_state",
      message: "The live session has ended (it is queued).",
      details: { status: "queued" },
    });
  });
});

describe("ending a live session", () => {
  it("joins the parts into the recording, queues it for processing once, and removes the parts", async () => {
    const { deps, logger } = await setUp();
    const { run, session } = await startLiveRun(deps, therapist, stereo, () => {});
    await run.write(new Uint8Array(64_000));
    await run.write(new Uint8Array(32_000));
    await run.detach();
    const ended = await endLiveSession(deps, session.id, { endedBy: "abandoned" });
    expect(ended).toMatchObject({ status: "queued", audio: { sizeBytes: 44 + 96_000, durationMs: 1_500 }, live: { endedBy: "abandoned", storedBytes: 96_000 } });
    expect(ended.processing).toMatchObject({ attempts: 0, lastError: null });
    expect(deps.queue.pending()).toEqual([expect.objectContaining({ name: "session.process", jobId: `process-${session.id}-r0`, payload: { sessionId: session.id } })]);
    expect(deps.blobs.keys()).toEqual([session.audio.blobKey]);
    expect(logger.entries).toContainEqual({ level: "info", message: "live.ended", fields: { sessionId: session.id, endedBy: "abandoned", sizeBytes: 44 + 96_000, status: "queued" } });
    expect(await endLiveSession(deps, session.id, { endedBy: "client" })).toEqual(ended);
    expect(deps.queue.pending()).toHaveLength(1);
  });

  it("fails a session that received no audio, not retryable, and queues nothing", async () => {
    const { deps } = await setUp();
    const { session } = await startLiveRun(deps, therapist, stereo, () => {});
    const ended = await endLiveSession(deps, session.id, { endedBy: "client" });
    expect(ended.status).toBe("failed");
    expect(ended.processing.lastError).toEqual({ code: "speech.no_speech", message: "The live session ended before any audio arrived.", retryable: false });
    expect(deps.queue.pending()).toEqual([]);
  });

  it("orders the live transcript by time and keeps it unless the recognition failed", async () => {
    const { deps } = await setUp();
    const { session } = await startLiveRun(deps, therapist, stereo, () => {});
    const current = await stored(deps, session.id);
    const segment = (id: string, startMs: number) => ({ id, speaker: "ch0", startMs, endMs: startMs + 100, text: id });
    const transcript = { ...(current.transcript as NonNullable<Session["transcript"]>), durationMs: 5_000, segments: [segment("b", 900), segment("a", 100)] };
    await deps.sessions.update({ ...current, transcript, live: { ...liveOf(current), storedBytes: 0 } }, current.version);
    const ended = await endLiveSession(deps, session.id, { endedBy: "client" });
    expect(ended.transcript?.segments.map((entry) => entry.id)).toEqual(["a", "b"]);
    expect(ended.transcript?.durationMs).toBe(5_000);

    const second = await startLiveRun(deps, therapist, stereo, () => {});
    await second.run.write(new Uint8Array(64_000));
    await second.run.detach();
    expect((await endLiveSession(deps, second.session.id, { endedBy: "client", transcriptComplete: false })).transcript).toBeNull();
  });

  it("a WebM session's length: not measured when nothing arrived; unknown when neither the probe nor a transcript tells", async () => {
    let probed = 0;
    const { deps } = await setUp({ audioProbe: { durationMs: async () => ((probed += 1), 61_000) } });
    const { session } = await startLiveRun(deps, therapist, stereo, () => {});
    const current = await stored(deps, session.id);
    await deps.sessions.update({ ...current, live: { ...liveOf(current), format: { encoding: "webm", channels: 2 } } }, current.version);
    const ended = await endLiveSession(deps, session.id, { endedBy: "client" });
    expect(ended).toMatchObject({ status: "failed", audio: { durationMs: 0 } });
    expect(probed).toBe(0);

    // The host measures nothing (unmeasuredAudio) and no transcript was kept.
    const unmeasured = await setUp();
    const second = await startLiveRun(unmeasured.deps, therapist, stereo, () => {});
    await second.run.write(new Uint8Array(64_000));
    await second.run.detach();
    const before = await stored(unmeasured.deps, second.session.id);
    await unmeasured.deps.sessions.update({ ...before, transcript: null, live: { ...liveOf(before), format: { encoding: "webm", channels: 2 } } }, before.version);
    expect((await endLiveSession(unmeasured.deps, second.session.id, { endedBy: "client" })).audio.durationMs).toBeNull();
  });

  it("a part that cannot be removed is logged and left for the session's erasure", async () => {
    const blobs = createInMemoryBlobStore();
    const sticky: BlobStore = { ...blobs, delete: async () => { throw new ConfideError("dependency.unavailable", "Down."); } };
    const { deps, logger } = await setUp({ blobs: sticky as never });
    const { run, session } = await startLiveRun(deps, therapist, stereo, () => {});
    await run.write(new Uint8Array(64_000));
    await run.detach();
    expect((await endLiveSession(deps, session.id, { endedBy: "client" })).status).toBe("queued");
    expect(logger.entries).toContainEqual({ level: "warn", message: "live.part_delete_failed", fields: { sessionId: session.id, part: 1, code: "dependency.unavailable" } });
    expect(deps.blobs.keys()).toContain(liveAudioPartKey(session.audio.blobKey, 1));
  });

  it("an unknown session is session.not_found", async () => {
    const { deps } = await setUp();
    expect(await rejection(endLiveSession(deps, "nope", { endedBy: "client" }))).toMatchObject({ code: "session.not_found", message: "No such session." });
  });
});

describe("ending abandoned live sessions", () => {
  it("ends a detached session only once the resume window has fully passed", async () => {
    const { deps } = await setUp();
    const { run, session } = await startLiveRun(deps, therapist, stereo, () => {});
    await run.write(new Uint8Array(64_000));
    await run.detach();
    deps.clock.advance(resumeWindowMs);
    expect(await endAbandonedLiveSessions(deps)).toBe(0);
    deps.clock.advance(1);
    expect(await endAbandonedLiveSessions(deps)).toBe(1);
    expect((await stored(deps, session.id)).live?.endedBy).toBe("abandoned");
  });

  it("ends a session nobody detached once the window and the idle timeout have fully passed since its last write", async () => {
    const { deps } = await setUp();
    const { run, session } = await startLiveRun(deps, therapist, stereo, () => {});
    await run.write(new Uint8Array(64_000));
    deps.clock.advance(resumeWindowMs + idleTimeoutMs);
    expect(await endAbandonedLiveSessions(deps)).toBe(0);
    deps.clock.advance(1);
    expect(await endAbandonedLiveSessions(deps)).toBe(1);
    expect((await stored(deps, session.id)).status).toBe("queued");
  });

  it("a session resumed meanwhile is left alone; any other failure is logged and the others still end", async () => {
    const sessions = createInMemorySessionRepository();
    const trouble = new Map<string, ConfideError>();
    const racing: SessionRepository = {
      ...sessions,
      update: async (session, expectedVersion) => {
        const error = trouble.get(session.id);
        if (error && session.status !== "live") throw error;
        return sessions.update(session, expectedVersion);
      },
    };
    const { deps, logger } = await setUp({ sessions: racing });
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { run, session } = await startLiveRun(deps, therapist, stereo, () => {});
      await run.write(new Uint8Array(64_000));
      await run.detach();
      ids.push(session.id);
    }
    trouble.set(ids[0] as string, new ConfideError("session.version_conflict", "Resumed."));
    trouble.set(ids[1] as string, new ConfideError("dependency.unavailable", "Down."));
    deps.clock.advance(resumeWindowMs + 1);
    expect(await endAbandonedLiveSessions(deps)).toBe(1);
    expect((await stored(deps, ids[2] as string)).status).toBe("queued");
    expect(logger.entries.filter((entry) => entry.message === "live.abandon_failed")).toEqual([
      { level: "warn", message: "live.abandon_failed", fields: { sessionId: ids[1], code: "dependency.unavailable" } },
    ]);
  });

  it("a session erased after it was found abandoned is passed over without a warning", async () => {
    const sessions = createInMemorySessionRepository();
    const racing: SessionRepository = {
      ...sessions,
      findStale: async (query) => {
        const found = await sessions.findStale(query);
        for (const session of found) await sessions.delete(session.id);
        return found;
      },
    };
    const { deps, logger } = await setUp({ sessions: racing });
    const { run } = await startLiveRun(deps, therapist, stereo, () => {});
    await run.write(new Uint8Array(64_000));
    await run.detach();
    deps.clock.advance(resumeWindowMs + 1);
    expect(await endAbandonedLiveSessions(deps)).toBe(0);
    expect(logger.entries.filter((entry) => entry.message === "live.abandon_failed")).toEqual([]);
  });
});
