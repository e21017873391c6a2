import { beforeEach, describe, expect, it } from "vitest";
import { ConfideError } from "../../errors.ts";
import type { LiveUpdate } from "../../domain/live-session.ts";
import { testUser } from "../../testing/linked-pair.ts";
import { recordTestConsent } from "../../testing/test-consent.ts";
import { createKeywordAgendaMatcher } from "../../testing/keyword-agenda-matcher.ts";
import { createScriptedLiveSpeechToText, type ScriptedLiveSpeechToText, type ScriptedUtterance } from "../../testing/scripted-live-speech-to-text.ts";
import type { TestDeps } from "../../testing/test-deps.ts";
import { runUntilIdle, setUpPipeline, storedSession, type CareTeam } from "../pipeline/pipeline-fixture.test-support.ts";
import { resumeLiveRun, startLiveRun, type StartedLiveRun } from "./attach-live-session.ts";
import { endAbandonedLiveSessions } from "./end-abandoned-live-sessions.ts";
import { defaultLiveMaxStreams, LiveCapacity, type LiveCapacityOptions } from "./live-capacity.ts";
import type { LiveDeps } from "./live-deps.ts";
import type { LiveRun } from "./live-run.ts";

/** 16 kHz 16-bit mono: 32 bytes a millisecond. */
const monoBytesPerMs = 32;

/** Six short utterances a second apart: enough finals for the delay watch to trust its p95. */
const utterances: ScriptedUtterance[] = Array.from({ length: 6 }, (_, index) => ({
  speaker: index % 2 === 0 ? "A" : "B",
  text: `utterance number ${index + 1}`,
  startMs: index * 1_000 + 100,
  endMs: index * 1_000 + 800,
}));

describe("live sessions at capacity", () => {
  let deps: TestDeps & LiveDeps;
  let team: CareTeam;
  let engine: ScriptedLiveSpeechToText;

  function withCapacity(options: Partial<LiveCapacityOptions> = {}): LiveCapacity {
    const capacity = new LiveCapacity(deps.clock, { maxStreams: 2, finalDelayTargetMs: engine.streamCost.finalDelayTargetMs, ...options });
    deps = { ...deps, liveCapacity: capacity };
    return capacity;
  }

  beforeEach(async () => {
    const setUp = await setUpPipeline();
    engine = createScriptedLiveSpeechToText();
    engine.script(utterances);
    team = setUp.team;
    deps = {
      ...setUp.deps,
      settings: { ...setUp.deps.settings, live: { ...setUp.deps.settings.live, maxSessions: 10 } },
      liveSpeech: engine,
      agenda: createKeywordAgendaMatcher(),
      webmDecoder: null,
    };
  });

  function start(updates: LiveUpdate[] = [], patientId = team.patient.userId): Promise<StartedLiveRun> {
    return startLiveRun(
      deps,
      team.therapist,
      { patientId, title: "Live", format: { encoding: "pcm", channels: 1 }, channelLayout: "mono", agenda: [] },
      (update) => updates.push(update),
    );
  }

  /** Writes `ms` of mono audio in 100 ms frames to each run at once, the clock moving with it. */
  async function stream(runs: LiveRun[], ms: number): Promise<void> {
    for (let sent = 0; sent < ms; sent += 100) {
      for (const run of runs) await run.write(new Uint8Array(100 * monoBytesPerMs).fill(7));
      deps.clock.advance(100);
    }
  }

  async function recordingBytes(sessionId: string): Promise<number> {
    const session = await storedSession(deps, { id: sessionId });
    const read = await deps.blobs.get(session.audio.blobKey);
    return (await new Response(read.body).arrayBuffer()).byteLength;
  }

  it("capacity 2, three sessions offered: two live, the third recorded only and transcribed from its recording after it ends", async () => {
    const capacity = withCapacity({ maxStreams: 2 });
    const updates: LiveUpdate[][] = [[], [], []];
    const first = await start(updates[0]);
    const second = await start(updates[1]);
    const third = await start(updates[2]);

    expect([first.recordOnly, second.recordOnly, third.recordOnly]).toEqual([null, null, "capacity"]);
    expect(third.run.liveText).toBe(false);
    // Only the two admitted sessions reach the engine.
    expect(engine.written()).toHaveLength(2);
    expect(capacity.status()).toMatchObject({ streamsInUse: 2, maxStreams: 2, admitting: false, recordOnlyReason: "capacity", recordOnlyStarted: 1 });

    await stream([first.run, second.run, third.run], 3_000);
    const finalsOf = (index: number) => (updates[index] ?? []).filter((update) => update.type === "final").map((update) => update.type === "final" && update.text);
    expect(finalsOf(0)).toEqual(["utterance number 1", "utterance number 2", "utterance number 3"]);
    expect(finalsOf(1)).toEqual(finalsOf(0));
    expect(finalsOf(2)).toEqual([]);
    // The recorded-only session stores its audio as the others do.
    expect((await storedSession(deps, third.session)).live).toMatchObject({ recordOnly: "capacity", storedBytes: expect.any(Number) });

    const ended = await third.run.stop();
    expect(ended.status).toBe("queued");
    expect(ended.transcript).toBeNull();
    expect(await recordingBytes(third.session.id)).toBe(44 + 3_000 * monoBytesPerMs);
    deps.speech.script({
      transcript: {
        language: "en-US",
        durationMs: 3_000,
        provider: "scripted",
        speakers: [{ label: "S1" }],
        segments: [{ speaker: "S1", startMs: 0, endMs: 2_900, text: "Transcribed from the recording." }],
      },
    });
    await runUntilIdle(deps);
    const ready = await storedSession(deps, third.session);
    expect(ready.status).toBe("ready");
    expect(deps.speech.calls().submit).toBe(1);
    expect(ready.transcript?.segments.map((segment) => segment.text)).toEqual(["Transcribed from the recording."]);

    // A live session that ends frees its stream for the next one.
    await first.run.stop();
    expect(capacity.status()).toMatchObject({ streamsInUse: 1, admitting: true });
    const fourth = await start();
    expect(fourth.recordOnly).toBeNull();
  });

  it("refuses a session over capacity whose consent does not allow the recording, storing nothing and taking no stream", async () => {
    const capacity = withCapacity({ maxStreams: 1 });
    await start();
    await deps.users.create(testUser("patient-2", "patient", deps.clock.now()));
    await deps.users.link({ therapistId: "therapist-1", patientId: "patient-2", createdAt: deps.clock.now() });
    await recordTestConsent(deps, "patient-2", { scopes: [{ scope: "transcription" }] });
    const sessionsBefore = (await deps.sessions.list({ therapistId: "therapist-1", limit: 10 })).items.length;
    const blobsBefore = deps.blobs.keys().length;

    await expect(start([], "patient-2")).rejects.toMatchObject({
      code: "consent.missing",
      message: expect.stringContaining("recording"),
      details: { missingScopes: ["recording"] },
    });
    expect((await deps.sessions.list({ therapistId: "therapist-1", limit: 10 })).items).toHaveLength(sessionsBefore);
    expect(deps.blobs.keys()).toHaveLength(blobsBefore);
    expect(capacity.status()).toMatchObject({ streamsInUse: 1, recordOnlyStarted: 0 });
  });

  it("records new sessions only while the engine's finals are later than its target, never cutting the running one, and admits again once it recovers", async () => {
    const capacity = withCapacity({ maxStreams: 10, windowMs: 30_000 });
    engine.script(utterances, { lagMs: 2_000 });
    const updates: LiveUpdate[] = [];
    const running = await start(updates);
    await stream([running.run], 8_000);
    // Six finals, each about 2 s after its speech ended: over the 1.5 s target.
    expect(updates.filter((update) => update.type === "final")).toHaveLength(6);
    expect(capacity.status()).toMatchObject({ admitting: false, recordOnlyReason: "behind" });
    expect(capacity.status().finalDelayP95Ms).toBeGreaterThan(1_500);

    const late = await start();
    expect(late.recordOnly).toBe("behind");
    // The running session goes on with live text.
    expect(running.run.liveText).toBe(true);
    await running.run.write(new Uint8Array(100 * monoBytesPerMs));

    // No late finals for a window: admitted live again.
    deps.clock.advance(30_001);
    expect(capacity.status()).toMatchObject({ admitting: true, recordOnlyReason: null });
    engine.script(utterances);
    const recovered = await start();
    expect(recovered.recordOnly).toBeNull();
  });

  it("records new sessions only once a running stream's utterance has waited longer than the target, before its late final arrives", async () => {
    const capacity = withCapacity({ maxStreams: 10 });
    engine.script(utterances, { lagMs: 3_000 });
    const updates: LiveUpdate[] = [];
    const running = await start(updates);
    // The first utterance ended at 800 ms of audio, handed to the engine 700 ms in (with the
    // frame holding it); 1.5 s later (the target) its final has not come.
    await stream([running.run], 2_200);
    expect(updates.filter((update) => update.type === "final")).toEqual([]);
    expect(capacity.status()).toMatchObject({ admitting: true });
    await stream([running.run], 100);
    expect(updates.filter((update) => update.type === "final")).toEqual([]);
    expect(capacity.status()).toMatchObject({ admitting: false, recordOnlyReason: "behind" });
    expect((await start()).recordOnly).toBe("behind");
    expect(running.run.liveText).toBe(true);
    // The stream ends: its waits go with it.
    await running.run.stop();
    expect(capacity.status()).toMatchObject({ admitting: true, streamsInUse: 0 });
  });

  it("keeps the engine's finals within the target admitting", async () => {
    const capacity = withCapacity({ maxStreams: 10 });
    const { run } = await start();
    await stream([run], 6_500);
    expect(capacity.status()).toMatchObject({ admitting: true });
    expect(capacity.status().finalDelayP95Ms).toBeLessThanOrEqual(200);
  });

  it("resumes a live session past capacity recorded only: its live transcript is dropped and the recording transcribed", async () => {
    const capacity = withCapacity({ maxStreams: 1 });
    const updates: LiveUpdate[] = [];
    const first = await start(updates);
    await stream([first.run], 1_000);
    await first.run.detach();
    expect(capacity.status().streamsInUse).toBe(0);
    // Someone else takes the stream meanwhile.
    await start();

    const resumed = await resumeLiveRun(deps, team.therapist, { sessionId: first.session.id, resumeToken: first.resumeToken ?? "" }, (update) => updates.push(update));
    expect(resumed.recordOnly).toBe("capacity");
    await stream([resumed.run], 1_000);
    const ended = await resumed.run.stop();
    expect(ended.transcript).toBeNull();
    expect(await recordingBytes(first.session.id)).toBe(44 + 2_000 * monoBytesPerMs);
  });

  it("turns a session whose engine failed into a recorded-only one, also when it ends abandoned, and frees its stream", async () => {
    const capacity = withCapacity({ maxStreams: 1 });
    engine.script(utterances, { failAfterMs: 1_500 });
    const updates: LiveUpdate[] = [];
    const { run, session } = await start(updates);
    await stream([run], 2_000);
    expect(updates).toContainEqual(expect.objectContaining({ type: "warning", code: "provider.unavailable" }));
    expect(capacity.status().streamsInUse).toBe(0);
    await run.detach();
    expect((await storedSession(deps, session)).live?.recordOnly).toBe("engine_failed");

    deps.clock.advance(deps.settings.live.resumeWindowMs + 1);
    expect(await endAbandonedLiveSessions(deps)).toBe(1);
    const ended = await storedSession(deps, session);
    expect(ended.status).toBe("queued");
    // The finals heard before the failure are not kept: the whole recording is transcribed.
    expect(ended.transcript).toBeNull();
    expect(await recordingBytes(session.id)).toBe(44 + 2_000 * monoBytesPerMs);
  });

  it("derives the default capacity from the cores and what a stream costs: the embedded engine (0.40 of a core) runs 3 streams on 2 cores; engines elsewhere are limited by their delay only", () => {
    const embedded = { coresPerStream: 0.4, finalDelayTargetMs: 1_300 };
    expect(defaultLiveMaxStreams(2, embedded)).toBe(3);
    expect(defaultLiveMaxStreams(4, embedded)).toBe(7);
    expect(defaultLiveMaxStreams(8, embedded)).toBe(15);
    expect(defaultLiveMaxStreams(1, { coresPerStream: 1, finalDelayTargetMs: 1_500 })).toBe(1);
    expect(defaultLiveMaxStreams(2, { coresPerStream: 0, finalDelayTargetMs: 2_000 })).toBeNull();
  });

  it("records every session when the capacity is 0", async () => {
    withCapacity({ maxStreams: 0 });
    const { recordOnly, run } = await start();
    expect(recordOnly).toBe("capacity");
    expect(run.liveText).toBe(false);
    expect(engine.written()).toEqual([]);
  });

  it("records a session whose engine cannot be reached at the start instead of refusing it, and frees its stream; an engine that refuses outright still refuses", async () => {
    const capacity = withCapacity({ maxStreams: 1 });
    deps = { ...deps, liveSpeech: { ...engine, open: async () => Promise.reject(new ConfideError("provider.unavailable", "The server is down.", { retryable: true })) } };
    const { recordOnly, run, session } = await start();
    expect(recordOnly).toBe("engine_failed");
    expect(capacity.status().streamsInUse).toBe(0);
    await stream([run], 1_000);
    const ended = await run.stop();
    expect(ended.status).toBe("queued");
    expect(ended.transcript).toBeNull();
    expect(await recordingBytes(session.id)).toBe(44 + 1_000 * monoBytesPerMs);

    deps = { ...deps, liveSpeech: { ...engine, open: async () => Promise.reject(new ConfideError("live.unavailable", "No live engine here.")) } };
    await expect(start()).rejects.toMatchObject({ code: "live.unavailable" });
    expect(capacity.status().streamsInUse).toBe(0);
  });
});
