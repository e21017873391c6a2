import { describe, expect, it, vi } from "vitest";
import { liveAudioPartKey, type LiveUpdate } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import type { BlobStore } from "../../ports/blob-store.ts";
import type { LiveAudioDecoding } from "../../ports/live-audio-decoder.ts";
import type { LiveRecognition, LiveSpeechEvent } from "../../ports/live-speech-to-text.ts";
import { createInMemoryBlobStore } from "../../testing/in-memory-blob-store.ts";
import { createKeywordAgendaMatcher } from "../../testing/keyword-agenda-matcher.ts";
import { seedLinkedPair } from "../../testing/linked-pair.ts";
import { createRecordingLogger, type RecordingLogger } from "../../testing/recording-logger.ts";
import { createScriptedLiveSpeechToText } from "../../testing/scripted-live-speech-to-text.ts";
import { findingOn } from "../../testing/scripted-risk-screen.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import type { LiveDeps } from "./live-deps.ts";
import { LiveRun, liveOf } from "./live-run.ts";
import { startLiveSession, type StartLiveSessionInput } from "./start-live-session.ts";

const therapist: Actor = { userId: "therapist-1", role: "therapist" };

/** A recognition the test drives: it emits what the test says, when it says. */
function manualRecognition() {
  const queue: LiveSpeechEvent[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const state = { written: 0, aborted: false, ended: false, refuseWrites: undefined as unknown };
  const recognition: LiveRecognition = {
    async write(chunk) {
      if (state.refuseWrites) throw state.refuseWrites;
      state.written += chunk.byteLength;
    },
    async end() {
      state.ended = true;
      finished = true;
      wake?.();
    },
    abort() {
      state.aborted = true;
      queue.length = 0;
      finished = true;
      wake?.();
    },
    events: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const next = queue.shift();
          if (next) {
            yield next;
            continue;
          }
          if (finished) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
      },
    },
  };
  return {
    recognition,
    state,
    emit(event: LiveSpeechEvent) {
      queue.push(event);
      wake?.();
    },
  };
}

const final = (text: string, startMs: number, endMs: number, channel?: number): LiveSpeechEvent => ({
  type: "final",
  speaker: channel === undefined ? "A" : `ch${channel}`,
  ...(channel === undefined ? {} : { channel }),
  text,
  startMs,
  endMs,
  words: [],
});

async function setUp(overrides: Parameters<typeof createTestDeps>[0] = {}): Promise<{ deps: TestDeps & LiveDeps; logger: RecordingLogger }> {
  const logger = createRecordingLogger();
  const base = createTestDeps({ logger, ...overrides });
  const deps = { ...base, liveSpeech: createScriptedLiveSpeechToText(), agenda: createKeywordAgendaMatcher(), webmDecoder: null };
  await seedLinkedPair(deps);
  return { deps, logger };
}

const stereoInput: StartLiveSessionInput = { patientId: "patient-1", format: { encoding: "pcm", channels: 2 }, channelLayout: "per-channel", agenda: ["Sleep", "Family"] };
const monoInput: StartLiveSessionInput = { patientId: "patient-1", format: { encoding: "pcm", channels: 1 }, channelLayout: "mono", agenda: [] };

async function open(deps: TestDeps & LiveDeps, input: StartLiveSessionInput = stereoInput, decoding: LiveAudioDecoding | null = null) {
  const { session } = await startLiveSession(deps, therapist, input);
  const engine = manualRecognition();
  const updates: LiveUpdate[] = [];
  const run = new LiveRun(deps, session, engine.recognition, decoding, (update) => updates.push(update));
  return { session, engine, updates, run };
}

async function stored(deps: TestDeps, session: Session): Promise<Session> {
  return (await deps.sessions.get(session.id)) as Session;
}

describe("how a live run stores the audio", () => {
  it("stores nothing before partIntervalMs has passed, then what waits, acknowledging it", async () => {
    const { deps } = await setUp();
    const { run, updates, session } = await open(deps, monoInput);
    await run.write(new Uint8Array(100));
    deps.clock.advance(999);
    await run.flushIfDue();
    expect((await stored(deps, session)).live?.parts).toBe(0);
    expect(run.storedBytes).toBe(0);
    expect(run.receivedBytes).toBe(100);
    deps.clock.advance(1);
    await run.flushIfDue();
    expect((await stored(deps, session)).live).toMatchObject({ parts: 1, storedBytes: 100 });
    expect(updates.filter((update) => update.type === "ack")).toEqual([{ type: "ack", storedBytes: 100 }]);
    const part = await deps.blobs.get(liveAudioPartKey(session.audio.blobKey, 1));
    expect(new Uint8Array(await new Response(part.body).arrayBuffer())).toHaveLength(100);
  });

  it("stores a second of PCM as soon as it waits, in whole sample frames; stop stores the trailing bytes", async () => {
    const { deps } = await setUp();
    const { run, session } = await open(deps);
    await run.write(new Uint8Array(64_000 + 3));
    expect((await stored(deps, session)).live).toMatchObject({ parts: 1, storedBytes: 64_000 });
    expect(run.receivedBytes).toBe(64_003);
    await run.write(new Uint8Array(63_996));
    expect((await stored(deps, session)).live).toMatchObject({ parts: 1, storedBytes: 64_000 });
    await run.write(new Uint8Array(1));
    expect((await stored(deps, session)).live).toMatchObject({ parts: 2, storedBytes: 128_000 });
    await run.write(new Uint8Array(5));
    const ended = await run.stop();
    expect(ended.audio.sizeBytes).toBe(44 + 128_005);
  });

  it("leaves less than one sample frame waiting, however long", async () => {
    const { deps } = await setUp();
    const { run, session } = await open(deps);
    await run.write(new Uint8Array(3));
    deps.clock.advance(10_000);
    await run.flushIfDue();
    expect((await stored(deps, session)).live?.parts).toBe(0);
    await run.detach();
    expect((await stored(deps, session)).live).toMatchObject({ parts: 0, storedBytes: 0, detachedAt: deps.clock.now() });
  });

  it("takes an empty write as nothing, and refuses any write once stopped", async () => {
    const { deps } = await setUp();
    const { run, engine } = await open(deps, monoInput);
    await run.write(new Uint8Array(0));
    expect(run.receivedBytes).toBe(0);
    expect(engine.state.written).toBe(0);
    await run.write(new Uint8Array(32_000));
    const ended = await run.stop();
    expect(await run.stop()).toEqual(ended);
    await expect(run.write(new Uint8Array(2))).rejects.toMatchObject({ code: "live.closed", message: "The live session has ended." });
  });

  it("ends as the client or the duration limit asked", async () => {
    const { deps } = await setUp();
    const { run } = await open(deps, monoInput);
    await run.write(new Uint8Array(32_000));
    const ended = await run.stop("limit");
    expect(ended.live?.endedBy).toBe("limit");
    expect(ended.status).toBe("queued");
    expect(ended.transcript).not.toBeNull();
  });

  it("measures what it received: PCM by its bytes, from the session's earlier audio on", async () => {
    const { deps } = await setUp();
    const { run, session } = await open(deps);
    expect(run.sessionId).toBe(session.id);
    await run.write(new Uint8Array(32_000));
    expect(run.receivedDurationMs()).toBe(500);
  });
});

describe("what another holder or a failing store does to the run", () => {
  it("a session written by another connection closes this run: its next write is refused, its recognition stopped", async () => {
    const { deps } = await setUp();
    const { run, session, engine } = await open(deps, monoInput);
    const current = await stored(deps, session);
    await deps.sessions.update({ ...current, live: { ...liveOf(current), detachedAt: null }, updatedAt: deps.clock.now() }, current.version);
    await run.write(new Uint8Array(32_000));
    expect(engine.state.aborted).toBe(true);
    await expect(run.write(new Uint8Array(2))).rejects.toMatchObject({ code: "live.closed", message: "The live session was resumed elsewhere or has ended." });
    expect((await stored(deps, session)).live?.parts).toBe(0);
  });

  it("a store that fails closes the run, logs it and tells the client", async () => {
    const blobs = createInMemoryBlobStore();
    const failing: BlobStore = { ...blobs, put: async () => { throw new ConfideError("dependency.unavailable", "Storage is down."); } };
    const { deps, logger } = await setUp({ blobs: failing as never });
    const { run, session, updates } = await open(deps, monoInput);
    // The write that found the store failing is told so; the run is closed from then on.
    await expect(run.write(new Uint8Array(32_000))).rejects.toMatchObject({ code: "dependency.unavailable" });
    expect(logger.entries).toContainEqual({ level: "error", message: "live.write_failed", fields: { sessionId: session.id, code: "dependency.unavailable" } });
    expect(updates).toContainEqual({ type: "warning", code: "dependency.unavailable", message: "The live session could not be stored." });
    await expect(run.write(new Uint8Array(2))).rejects.toMatchObject({ code: "live.closed", message: "The live session could not be stored." });
    await run.detach();
    expect(logger.entries.filter((entry) => entry.message === "live.detach_failed")).toEqual([]);
  });
});

describe("what the run does with the engine's events", () => {
  it("passes partials on with times on the session's clock, a resumed session's earlier audio first", async () => {
    const { deps } = await setUp();
    const { session } = await startLiveSession(deps, therapist, monoInput);
    const current = await stored(deps, session);
    const resumed = await deps.sessions.update({ ...current, live: { ...liveOf(current), storedBytes: 32_000, parts: 0 } }, current.version);
    const engine = manualRecognition();
    const updates: LiveUpdate[] = [];
    const run = new LiveRun(deps, resumed, engine.recognition, null, (update) => updates.push(update));
    engine.emit({ type: "partial", text: "I was", startMs: 250.4, speaker: null });
    engine.emit(final("I was tired.", 250.4, 900.6));
    engine.emit(final("   ", 1000, 1100));
    await run.write(new Uint8Array(2));
    await run.stop();
    expect(updates.filter((update) => update.type === "partial" || update.type === "final")).toEqual([
      { type: "partial", text: "I was", startMs: 1250, speaker: null },
      expect.objectContaining({ type: "final", text: "I was tired.", startMs: 1250, endMs: 1901 }),
    ]);
    expect(run.receivedDurationMs()).toBeCloseTo(1000.0625, 6);
  });

  it("an engine error stops the recognition once, warns the client, and the audio is still stored", async () => {
    const { deps, logger } = await setUp();
    const { run, engine, updates, session } = await open(deps, monoInput);
    engine.emit({ type: "error", error: new ConfideError("provider.unavailable", "Gone.", { retryable: true }) });
    await run.write(new Uint8Array(32_000));
    await run.write(new Uint8Array(32_000));
    const warnings = updates.filter((update) => update.type === "warning");
    expect(warnings).toEqual([
      { type: "warning", code: "provider.unavailable", message: "Live transcription stopped; the audio is still recorded and will be transcribed when the session ends." },
    ]);
    expect(logger.entries).toContainEqual({ level: "warn", message: "live.recognition_failed", fields: { sessionId: session.id, code: "provider.unavailable" } });
    expect(engine.state.aborted).toBe(true);
    const ended = await run.stop();
    expect(ended.live?.storedBytes).toBe(64_000);
    expect(ended.transcript).toBeNull();
  });

  it("an engine refusing audio is a failure of the recognition too; a failure that is not a ConfideError is internal", async () => {
    const { deps } = await setUp();
    const { run, engine, updates } = await open(deps, monoInput);
    engine.state.refuseWrites = new Error("socket closed");
    await run.write(new Uint8Array(32_000));
    await run.write(new Uint8Array(32_000));
    expect(updates.filter((update) => update.type === "warning")).toEqual([expect.objectContaining({ type: "warning", code: "internal" })]);
    expect(engine.state.written).toBe(0);
    expect((await run.stop()).live?.storedBytes).toBe(64_000);
  });

  it("an engine whose end fails still ends the session with the audio, its transcript dropped", async () => {
    const { deps } = await setUp();
    const { run, engine, updates } = await open(deps, monoInput);
    engine.recognition.end = async () => {
      throw new ConfideError("provider.unavailable", "Gone at the end.");
    };
    await run.write(new Uint8Array(32_000));
    const ended = await run.stop();
    expect(ended.status).toBe("queued");
    expect(ended.transcript).toBeNull();
    expect(updates).toContainEqual(expect.objectContaining({ type: "warning", code: "provider.unavailable" }));
  });

  it("a sentiment or agenda matcher that fails warns the client; the final is stored all the same", async () => {
    const { deps } = await setUp();
    const broken = {
      ...deps,
      language: { ...deps.language, sentiment: async () => { throw new ConfideError("provider.throttled", "Slow down."); } },
      agenda: { provider: "keyword", match: async () => { throw new ConfideError("provider.unavailable", "Matcher down."); } },
    };
    const { run, engine, updates, session } = await open(broken);
    engine.emit(final("I could not sleep.", 0, 900, 1));
    await run.write(new Uint8Array(4));
    await run.stop();
    expect(updates.filter((update) => update.type === "warning")).toEqual([
      { type: "warning", code: "provider.throttled", message: "The sentiment of a segment could not be measured; the session's analysis will measure it." },
      { type: "warning", code: "provider.unavailable", message: "Today's topics could not be matched against a segment." },
    ]);
    expect((await stored(deps, session)).transcript?.segments.map((segment) => segment.text)).toEqual(["I could not sleep."]);
  });

  it("scores a patient's final, not a therapist's, and marks each topic covered once, by the first segment that covers it", async () => {
    const { deps } = await setUp();
    const { run, engine, updates, session } = await open(deps);
    engine.emit(final("How did you sleep?", 0, 900, 0));
    engine.emit(final("My sleep was bad, my family too.", 1000, 1900, 1));
    engine.emit(final("Sleep again.", 2000, 2500, 1));
    await run.write(new Uint8Array(4));
    await run.stop();
    expect(updates.filter((update) => update.type === "sentiment").map((update) => update.segmentId)).toEqual(["seg-0002", "seg-0003"]);
    expect(updates.filter((update) => update.type === "topic_covered")).toEqual([
      { type: "topic_covered", itemId: "topic-1", text: "Sleep", segmentId: "seg-0001", matchedTerms: ["sleep"] },
      { type: "topic_covered", itemId: "topic-2", text: "Family", segmentId: "seg-0002", matchedTerms: ["family"] },
    ]);
    const agenda = (await stored(deps, session)).live?.agenda;
    expect(agenda?.map((item) => item.covered?.segmentId)).toEqual(["seg-0001", "seg-0002"]);
  });
});

describe("suggestions while the run goes on", () => {
  it("suggests the next safety question after a patient's statement, keeps it with the session, and records the therapist's mark", async () => {
    const { deps } = await setUp();
    deps.risk.script((input) => (input.segments.some((segment) => segment.text.includes("killing myself")) ? [findingOn(input, "killing myself")] : []));
    const { run, engine, updates, session } = await open(deps);
    engine.emit(final("How have you been?", 0, 900, 0));
    engine.emit(final("I keep thinking about killing myself.", 1000, 1900, 1));
    await vi.waitFor(() => expect(updates.filter((update) => update.type === "suggestion").map((update) => update.id)).toEqual(["safety:method"]));
    expect(updates.find((update) => update.type === "suggestion")).toMatchObject({ kind: "safety", cites: ["seg-0002"] });

    await expect(run.recordSuggestionOutcome("safety:nothing-like-it", "used")).rejects.toMatchObject({ code: "validation.invalid_input" });
    deps.clock.advance(5_000);
    await run.recordSuggestionOutcome("safety:method", "used");
    const kept = liveOf(await stored(deps, session)).suggestions ?? [];
    expect(kept.map((record) => [record.id, record.outcome])).toEqual([["safety:method", { action: "used", by: therapist.userId, at: deps.clock.now() }]]);
    // A second mark does not replace the first.
    await run.recordSuggestionOutcome("safety:method", "dismissed");
    expect((liveOf(await stored(deps, session)).suggestions ?? [])[0]?.outcome?.action).toBe("used");

    // Marked asked, the question's answer moves the screening on.
    engine.emit(final("No, not that.", 2000, 2900, 1));
    await vi.waitFor(() => expect(updates.filter((update) => update.type === "suggestion").map((update) => update.id)).toEqual(["safety:method", "safety:intent"]));
    await run.recordSuggestionOutcome("safety:intent", "dismissed");
    expect((liveOf(await stored(deps, session)).suggestions ?? []).map((record) => [record.id, record.outcome?.action])).toEqual([
      ["safety:method", "used"],
      ["safety:intent", "dismissed"],
    ]);
    await expect(run.recordSuggestionOutcome("agenda:none", "used")).rejects.toMatchObject({ message: "This session made no suggestion with that id.", details: { field: "id" } });

    await run.write(new Uint8Array(4));
    await run.stop();
    await expect(run.recordSuggestionOutcome("safety:method", "used")).rejects.toMatchObject({ code: "live.closed" });
  });
});

describe("a dropped connection", () => {
  it("stores the whole frames, lets the engine finish, and records when it went; a second detach does nothing", async () => {
    const { deps } = await setUp();
    const { run, engine, session, updates } = await open(deps);
    engine.emit(final("Still here.", 0, 500, 1));
    await run.write(new Uint8Array(6));
    deps.clock.advance(300);
    await run.detach();
    const detached = await stored(deps, session);
    expect(detached.live).toMatchObject({ storedBytes: 4, detachedAt: deps.clock.now() });
    expect(detached.transcript?.segments.map((segment) => segment.text)).toEqual(["Still here."]);
    expect(engine.state.ended).toBe(true);
    expect(updates.filter((update) => update.type === "final")).toHaveLength(1);
    deps.clock.advance(300);
    await run.detach();
    expect((await stored(deps, session)).live?.detachedAt).toEqual(detached.live?.detachedAt);
    await expect(run.write(new Uint8Array(2))).rejects.toMatchObject({ code: "live.closed", message: "The connection to the live session has gone." });
  });

  it("a detach that cannot be recorded is logged, never thrown", async () => {
    const { deps, logger } = await setUp();
    const { run, session } = await open(deps, monoInput);
    await run.write(new Uint8Array(2));
    const failing = deps.sessions.update;
    deps.sessions.update = async () => {
      throw new ConfideError("dependency.unavailable", "Database down.");
    };
    await run.detach();
    deps.sessions.update = failing;
    expect(logger.entries).toContainEqual({ level: "warn", message: "live.detach_failed", fields: { sessionId: session.id, code: "dependency.unavailable" } });
    await expect(run.write(new Uint8Array(2))).rejects.toMatchObject({ code: "live.closed" });
  });
});

describe("WebM from a browser", () => {
  it("stores the WebM bytes as they come, feeds the engine the decoded PCM, and measures by the wall clock", async () => {
    const { deps } = await setUp();
    const decodedChunks: Uint8Array[] = [];
    let wake: (() => void) | null = null;
    let ended = false;
    const decoding: LiveAudioDecoding = {
      async write(chunk) {
        decodedChunks.push(new Uint8Array(chunk.byteLength * 2));
        wake?.();
      },
      end() {
        ended = true;
        wake?.();
      },
      abort() {
        ended = true;
        wake?.();
      },
      pcm: {
        async *[Symbol.asyncIterator]() {
          for (;;) {
            const next = decodedChunks.shift();
            if (next) {
              yield next;
              continue;
            }
            if (ended) return;
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = null;
          }
        },
      },
    } as LiveAudioDecoding;
    const withDecoder = { ...deps, webmDecoder: { open: () => decoding } };
    const { run, engine, session } = await open(withDecoder, { ...monoInput, format: { encoding: "webm", channels: 1 } }, decoding);
    await run.write(new Uint8Array(7));
    deps.clock.advance(1_500);
    expect(run.receivedDurationMs()).toBe(1_500);
    await run.flushIfDue();
    expect((await stored(deps, session)).live?.storedBytes).toBe(7);
    const stopped = await run.stop();
    expect(engine.state.written).toBe(14);
    expect(engine.state.ended).toBe(true);
    expect(stopped.audio).toMatchObject({ sizeBytes: 7, durationMs: 0 });
  });

  it("a decoder that fails stops the recognition and keeps the recording", async () => {
    const { deps } = await setUp();
    const decoding = {
      write: async () => {
        throw new ConfideError("upload.not_audio", "Not WebM.");
      },
      end() {},
      abort() {},
      pcm: { async *[Symbol.asyncIterator]() {} },
    } as unknown as LiveAudioDecoding;
    const { run, updates } = await open({ ...deps, webmDecoder: { open: () => decoding } }, { ...monoInput, format: { encoding: "webm", channels: 1 } }, decoding);
    await run.write(new Uint8Array(9));
    expect(updates).toContainEqual(expect.objectContaining({ type: "warning", code: "upload.not_audio" }));
    expect((await run.stop()).live?.storedBytes).toBe(9);
  });
});
