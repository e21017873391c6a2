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
  const state = { written: 0, writes: 0, aborted: false, ended: false, refuseWrites: undefined as unknown };
  const recognition: LiveRecognition = {
    async write(chunk) {
      if (state.refuseWrites) throw state.refuseWrites;
      state.writes += 1;
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

/** Another connection writes the session behind the run's back (a resume elsewhere): the run's next write conflicts. */
async function takeOver(deps: TestDeps, session: Session): Promise<void> {
  const current = await stored(deps, session);
  await deps.sessions.update({ ...current, live: { ...liveOf(current), detachedAt: null }, updatedAt: deps.clock.now() }, current.version);
}

const suggestedIds = (updates: LiveUpdate[]) => updates.filter((update) => update.type === "suggestion").map((update) => update.id);

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
    expect(engine.state.writes).toBe(0);
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
    const second = await open(deps, monoInput);
    expect((await second.run.stop()).live?.endedBy).toBe("client");
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
    await takeOver(deps, session);
    await run.write(new Uint8Array(32_000));
    expect(engine.state.aborted).toBe(true);
    await expect(run.write(new Uint8Array(2))).rejects.toMatchObject({ code: "live.closed", message: "The live session was resumed elsewhere or has ended." });
    expect((await stored(deps, session)).live?.parts).toBe(0);
  });

  it("a detach after another holder took over stores nothing more and logs no failure", async () => {
    const { deps, logger } = await setUp();
    const { run, session, engine } = await open(deps, monoInput);
    await run.write(new Uint8Array(100));
    await takeOver(deps, session);
    // The final's transcript write finds the session taken over: the run closes, its audio still waiting.
    engine.emit(final("Still here.", 0, 500));
    await vi.waitFor(() => expect(engine.state.aborted).toBe(true));
    const taken = await stored(deps, session);
    await run.detach();
    expect(await stored(deps, session)).toEqual(taken);
    await expect(deps.blobs.get(liveAudioPartKey(session.audio.blobKey, 1))).rejects.toMatchObject({ code: "blob.not_found" });
    expect(logger.entries.filter((entry) => entry.message === "live.detach_failed")).toEqual([]);
  });

  it("a connection that drops while the run stops changes nothing: the session ends, no detachment recorded", async () => {
    const { deps } = await setUp();
    const { run, session } = await open(deps, monoInput);
    await run.write(new Uint8Array(32_000));
    const stopping = run.stop();
    await run.detach();
    expect((await stopping).status).toBe("queued");
    expect((await run.stop()).status).toBe("queued");
    expect((await stored(deps, session)).live?.detachedAt).toBeNull();
  });

  it("a final that arrives once another holder took over is neither stored nor told, and stops nothing with a warning", async () => {
    const { deps, logger } = await setUp();
    const { run, session, engine, updates } = await open(deps, monoInput);
    await takeOver(deps, session);
    engine.emit(final("I slept badly.", 0, 900));
    await vi.waitFor(() => expect(engine.state.aborted).toBe(true));
    await run.detach();
    expect(updates.filter((update) => update.type === "final" || update.type === "warning")).toEqual([]);
    expect(logger.entries.filter((entry) => entry.message === "live.recognition_failed")).toEqual([]);
    expect((await stored(deps, session)).transcript?.segments).toEqual([]);
  });

  it("another holder taking over while a final is handled: no topic covered and no suggestion is told for it", async () => {
    const { deps } = await setUp();
    deps.risk.script((input) => (input.segments.at(-1)?.text.includes("killing myself") ? [findingOn(input, "killing myself")] : []));
    const { session } = await startLiveSession(deps, therapist, stereoInput);
    const engine = manualRecognition();
    const updates: LiveUpdate[] = [];
    const matcher = deps.agenda;
    const match = async (...args: Parameters<typeof matcher.match>) => {
      await takeOver(deps, session);
      return matcher.match(...args);
    };
    const takingOver = { ...deps, agenda: { provider: matcher.provider, match } };
    const run = new LiveRun(takingOver, session, engine.recognition, null, (update) => updates.push(update));
    engine.emit(final("I can't sleep, I keep thinking about killing myself.", 0, 900, 1));
    await vi.waitFor(() => expect(engine.state.aborted).toBe(true));
    await run.detach();
    expect(updates.map((update) => update.type)).toEqual(["final", "sentiment"]);
    expect(deps.risk.inputs).toEqual([]);
    expect((await stored(deps, session)).live?.agenda.map((item) => item.covered)).toEqual([null, null]);
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
    // A run that could not store records no detachment either: the abandoned-live sweep ends the session once it goes unwritten.
    expect((await stored(deps, session)).live?.detachedAt).toBeNull();
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

  it("scores and matches each final in the session's language", async () => {
    const { deps } = await setUp();
    const asked: Array<[string, unknown]> = [];
    const { language, agenda } = deps;
    const sentiment = async (...args: Parameters<typeof language.sentiment>) => {
      asked.push(["sentiment", args[1]]);
      return language.sentiment(...args);
    };
    const match = async (...args: Parameters<typeof agenda.match>) => {
      asked.push(["agenda", args[2]]);
      return agenda.match(...args);
    };
    const watched = { ...deps, language: { ...language, sentiment }, agenda: { provider: agenda.provider, match } };
    const { run, engine, session } = await open(watched);
    engine.emit(final("I slept badly.", 0, 900, 1));
    await run.write(new Uint8Array(4));
    await run.stop();
    expect(asked).toEqual([
      ["sentiment", { language: session.settings.language }],
      ["agenda", { language: session.settings.language }],
    ]);
  });

  it("tells no sentiment, and warns of nothing, when the analyzer measures none", async () => {
    const { deps } = await setUp();
    const { run, engine, updates } = await open({ ...deps, language: { ...deps.language, sentiment: async () => [] } });
    engine.emit(final("I slept badly.", 0, 900, 1));
    await run.write(new Uint8Array(4));
    await run.stop();
    expect(updates.filter((update) => update.type === "sentiment" || update.type === "warning")).toEqual([]);
    expect(updates.filter((update) => update.type === "final")).toHaveLength(1);
  });

  it("asks the matcher nothing once no topic is open, and writes only the transcript for a final that covers none", async () => {
    const { deps } = await setUp();
    const failing = { ...deps, agenda: { provider: "keyword", match: async () => { throw new ConfideError("provider.unavailable", "Matcher down."); } } };
    const noTopics = await open(failing, monoInput);
    noTopics.engine.emit(final("I slept badly.", 0, 900));
    await noTopics.run.detach();
    expect(noTopics.updates.filter((update) => update.type === "warning")).toEqual([]);

    const { run, engine, session, updates } = await open(deps);
    const before = (await stored(deps, session)).version;
    engine.emit(final("How was the week?", 0, 900, 0));
    // Events are handled one at a time: once the partial after it is told, the final is done with.
    engine.emit({ type: "partial", text: "Fine", startMs: 1000, speaker: null });
    await vi.waitFor(() => expect(updates.filter((update) => update.type === "partial")).toHaveLength(1));
    expect((await stored(deps, session)).version).toBe(before + 1);
    await run.stop();
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
    expect(updates.find((update) => update.type === "sentiment")).toEqual({
      type: "sentiment",
      segmentId: "seg-0002",
      label: "negative",
      scores: { positive: 0, neutral: 0, negative: 1, mixed: 0 },
    });
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

describe("suggestions over the session's life", () => {
  it("reminds of the topics not yet covered five minutes before the planned end", async () => {
    const { deps } = await setUp();
    const { engine, updates, run } = await open(deps, { ...stereoInput, plannedMinutes: 10 });
    engine.emit(final("We have a few minutes left.", 5 * 60_000, 5 * 60_000 + 900, 0));
    await vi.waitFor(() => expect(suggestedIds(updates)).toEqual(["agenda:topic-1", "agenda:topic-2"]));
    await run.stop();
  });

  it("a resumed run suggests nothing the session suggested before", async () => {
    const { deps } = await setUp();
    deps.risk.script((input) => (input.segments.at(-1)?.text.includes("killing myself") ? [findingOn(input, "killing myself")] : []));
    const first = await open(deps);
    first.engine.emit(final("I keep thinking about killing myself.", 0, 900, 1));
    await vi.waitFor(() => expect(suggestedIds(first.updates)).toEqual(["safety:method"]));
    await first.run.detach();
    const engine = manualRecognition();
    const updates: LiveUpdate[] = [];
    const run = new LiveRun(deps, await stored(deps, first.session), engine.recognition, null, (update) => updates.push(update));
    engine.emit(final("I keep thinking about killing myself.", 0, 900, 1));
    await vi.waitFor(() => expect(updates.filter((update) => update.type === "final")).toHaveLength(1));
    await run.stop();
    expect(suggestedIds(updates)).toEqual([]);
    expect(deps.risk.inputs).toHaveLength(2);
  });

  it("a therapist's mark goes to the suggestion marked only", async () => {
    const { deps } = await setUp();
    deps.risk.script((input) => (input.segments.at(-1)?.text.includes("going to do it") ? [findingOn(input, "going to do it", { category: "suicide_intent_or_plan" })] : []));
    const { run, engine, updates, session } = await open(deps);
    engine.emit(final("I'm going to do it this weekend.", 0, 900, 1));
    await vi.waitFor(() => expect(suggestedIds(updates)).toEqual(["safety:urgent", "safety:preparation"]));
    await run.recordSuggestionOutcome("safety:preparation", "used");
    expect((liveOf(await stored(deps, session)).suggestions ?? []).map((record) => [record.id, record.outcome?.action ?? null])).toEqual([
      ["safety:urgent", null],
      ["safety:preparation", "used"],
    ]);
    await run.stop();
  });

  it("refuses a mark on a session that made no suggestion yet", async () => {
    const { deps } = await setUp();
    const { run } = await open(deps);
    await expect(run.recordSuggestionOutcome("safety:method", "used")).rejects.toMatchObject({ code: "validation.invalid_input" });
    await run.stop();
  });

  it("the run's end, a dropped connection or another holder aborts the reflection being asked", async () => {
    for (const end of ["stop", "detach", "take over"] as const) {
      const { deps: base } = await setUp();
      const deps = { ...base, reflections: true };
      let signal: AbortSignal | undefined;
      deps.notes.reflect = (_input, options) => {
        signal = options?.signal;
        return new Promise(() => {});
      };
      const { run, engine, session } = await open(deps);
      engine.emit(final("I want to sleep better.", 0, 900, 1));
      await vi.waitFor(() => expect(signal).toBeDefined());
      expect(signal?.aborted).toBe(false);
      if (end === "stop") await run.stop();
      if (end === "detach") await run.detach();
      if (end === "take over") {
        await takeOver(deps, session);
        await run.write(new Uint8Array(64_000));
      }
      expect(signal?.aborted).toBe(true);
    }
  });
});

describe("suggestions switched off by the host", () => {
  it("suggests nothing and screens no final while it is spoken; the transcript, the topics and the run's end go on", async () => {
    const { deps: base } = await setUp();
    const deps = { ...base, suggestions: false };
    deps.risk.script((input) => (input.segments.some((segment) => segment.text.includes("killing myself")) ? [findingOn(input, "killing myself")] : []));
    const { engine, updates, session, run } = await open(deps);
    engine.emit(final("How has your sleep been?", 0, 900, 0));
    engine.emit(final("I keep thinking about killing myself.", 1000, 1900, 1));
    await vi.waitFor(() => expect(updates.filter((update) => update.type === "final")).toHaveLength(2));
    expect(updates.filter((update) => update.type === "suggestion")).toEqual([]);
    expect(updates.filter((update) => update.type === "topic_covered").map((update) => update.itemId)).toEqual(["topic-1"]);
    expect(deps.risk.inputs).toEqual([]);
    expect(liveOf(await stored(deps, session)).suggestions ?? []).toEqual([]);
    await run.write(new Uint8Array(4));
    expect((await run.stop()).status).toBe("queued");
  });

  it("still keeps a mark on a suggestion made before the host switched them off", async () => {
    const { deps } = await setUp();
    const { session } = await startLiveSession(deps, therapist, stereoInput);
    const current = await stored(deps, session);
    const made = { id: "safety:method", kind: "safety" as const, text: "Ask how.", why: "", cites: ["seg-0001"], at: deps.clock.now(), withdrawn: null, outcome: null };
    const resumed = await deps.sessions.update({ ...current, live: { ...liveOf(current), suggestions: [made] } }, current.version);
    const run = new LiveRun({ ...deps, suggestions: false }, resumed, manualRecognition().recognition, null, () => {});
    await run.recordSuggestionOutcome("safety:method", "used");
    expect(liveOf(await stored(deps, session)).suggestions?.[0]?.outcome).toMatchObject({ action: "used" });
    await run.stop();
  });
});

describe("reflections turned on by the host", () => {
  it("suggest the note writer's reflection of the patient's words, kept with the session; a host that does not turn them on gets none", async () => {
    for (const reflections of [true, undefined]) {
      const { deps: base } = await setUp();
      const deps = reflections ? { ...base, reflections } : base;
      const { run, engine, updates, session } = await open(deps);
      engine.emit(final("How have you been?", 0, 900, 0));
      engine.emit(final("I want to sleep better.", 1000, 1900, 1));
      await vi.waitFor(() => expect(updates.filter((update) => update.type === "final")).toHaveLength(2));
      if (reflections) {
        await vi.waitFor(() => expect(updates.filter((update) => update.type === "suggestion")).toHaveLength(1));
        expect(updates.find((update) => update.type === "suggestion")).toMatchObject({ id: "reflection:seg-0002", kind: "reflection", text: "I want to sleep better.", cites: ["seg-0002"] });
        expect((liveOf(await stored(deps, session)).suggestions ?? []).map((record) => record.id)).toEqual(["reflection:seg-0002"]);
      } else {
        expect(deps.notes.reflectInputs).toEqual([]);
        expect(updates.filter((update) => update.type === "suggestion")).toEqual([]);
      }
      await run.write(new Uint8Array(4));
      await run.stop();
    }
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
