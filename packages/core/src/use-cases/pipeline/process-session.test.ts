import { describe, expect, it, vi } from "vitest";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import type { LanguageAnalyzer } from "../../ports/language-analyzer.ts";
import type { SpeechResult, SpeechToText } from "../../ports/speech-to-text.ts";
import { byteStream } from "../../testing/byte-stream.ts";
import { createKeywordLanguageAnalyzer } from "../../testing/keyword-language-analyzer.ts";
import { createScriptedSpeechToText, sampleTranscriptDraft } from "../../testing/scripted-speech-to-text.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { editTranscript } from "../sessions/edit-transcript.ts";
import { finalizeSession } from "../sessions/finalize-session.ts";
import { createJobHandlers } from "./job-handlers.ts";
import {
  runUntilIdle,
  seedCareTeam,
  setUpPipeline,
  storedSession,
  uploadSample,
  type CareTeam,
} from "./pipeline-fixture.test-support.ts";
import { processSession } from "./process-session.ts";
import { recoverStaleSessions } from "./recover-stale-sessions.ts";
import { sampleTranscript, storeSession, therapist } from "../sessions/session-fixture.test-support.ts";

const setUp = setUpPipeline;
const stored = storedSession;

/** A SpeechToText whose submit waits until the test answers, observing the abort signal. */
function heldSpeech() {
  let answer: (result: SpeechResult) => void = () => {};
  let started: () => void = () => {};
  const whenStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  const seen: { signal?: AbortSignal } = {};
  const speech: SpeechToText = {
    provider: "held",
    submit(_audio, _settings, options) {
      if (options?.signal) seen.signal = options.signal;
      started();
      return new Promise<SpeechResult>((resolve, reject) => {
        answer = resolve;
        options?.signal?.addEventListener("abort", () => reject(options.signal?.reason));
      });
    },
    async poll() {
      throw new ConfideError("provider.rejected", "No such job.");
    },
    async discard() {},
    async check() {},
    async close() {},
  };
  return {
    speech,
    whenStarted,
    seen,
    finish: () => answer({ status: "done", transcript: structuredClone(sampleTranscriptDraft), warnings: [] }),
  };
}

describe("processSession", () => {
  it("takes an upload to ready: roles, patient-only sentiment, timeline, one notification", async () => {
    const { deps, team } = await setUp({ settings: { sentimentWindowMs: 10_000 } });
    const uploaded = await uploadSample(deps, team);

    await deps.queue.runDue();

    const session = await stored(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.transcript).toMatchObject({
      language: "en-US",
      durationMs: 20_000,
      provider: "scripted",
      revision: 1,
      speakers: [
        { label: "S1", role: "therapist" },
        { label: "S2", role: "patient" },
      ],
    });
    expect(session.transcript?.segments.map((segment) => [segment.id, segment.speaker])).toEqual([
      ["seg-0001", "S1"],
      ["seg-0002", "S2"],
      ["seg-0003", "S1"],
      ["seg-0004", "S2"],
    ]);
    expect(session.sentiment).toMatchObject({
      language: "en-US",
      windowMs: 10_000,
      transcriptRevision: 1,
      segments: [
        { segmentId: "seg-0002", label: "positive" },
        { segmentId: "seg-0004", label: "negative" },
      ],
      speakers: [{ speaker: "S2", segmentCount: 2 }],
      timeline: [
        { startMs: 0, endMs: 10_000, segmentCount: 1, label: "positive" },
        { startMs: 10_000, endMs: 20_000, segmentCount: 1, label: "negative" },
      ],
    });
    const aggregate = session.sentiment?.speakers[0]?.scores;
    expect(aggregate?.positive).toBeCloseTo(0.5);
    expect(aggregate?.negative).toBeCloseTo(0.5);
    expect(session.processing).toMatchObject({ attempts: 0, lastError: null, run: 0, notifiedAt: deps.clock.now() });

    const pushes = deps.push.sent();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({
      token: "phone-token",
      message: { title: "Session ready for review", data: { sessionId: session.id, status: "ready" } },
    });
    const message = JSON.stringify(pushes[0]?.message);
    for (const segment of session.transcript?.segments ?? []) expect(message).not.toContain(segment.text);
    expect(message).not.toContain(session.title);
  });

  it("analyses every non-therapist segment when no speaker was recognised as the patient", async () => {
    const { deps, team } = await setUp({
      assignRoles: ({ speakers }) => speakers.map((speaker) => ({ ...speaker, role: "unknown" as const })),
    });
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();
    const session = await stored(deps, uploaded);
    expect(session.sentiment?.segments.map((segment) => segment.segmentId)).toEqual([
      "seg-0001",
      "seg-0002",
      "seg-0003",
      "seg-0004",
    ]);
  });

  it("retries a transient provider failure after a jittered backoff, then succeeds", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ transientFailures: 2 }) });
    const uploaded = await uploadSample(deps, team);

    await deps.queue.runDue();
    let session = await stored(deps, uploaded);
    expect(session.status).toBe("transcribing");
    expect(session.processing).toMatchObject({
      attempts: 1,
      lastError: { code: "provider.unavailable", retryable: true },
    });
    // base 2 s × 2^0 × random 0.5
    const start = deps.clock.now().getTime();
    expect(deps.queue.pending()).toMatchObject([{ jobId: `process-${uploaded.id}-r0-a1`, runAt: start + 1_000 }]);

    deps.clock.advance(999);
    expect(await deps.queue.runDue()).toBe(0);
    deps.clock.advance(1);
    await deps.queue.runDue();
    session = await stored(deps, uploaded);
    expect(session.processing.attempts).toBe(2);
    // base 2 s × 2^1 × random 0.5
    expect(deps.queue.pending()).toMatchObject([
      { jobId: `process-${uploaded.id}-r0-a2`, runAt: start + 1_000 + 2_000 },
    ]);

    deps.clock.advance(2_000);
    await deps.queue.runDue();
    session = await stored(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.processing).toMatchObject({ attempts: 2, lastError: null });
    expect(deps.speech.calls().submit).toBe(3);
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("waits at least as long as the provider asks before retrying", async () => {
    const speech = createScriptedSpeechToText();
    let throttled = false;
    const throttling: SpeechToText = {
      ...speech,
      async submit(...args) {
        if (!throttled) {
          throttled = true;
          throw new ConfideError("provider.throttled", "Too many requests.", { retryable: true, retryAfterMs: 45_000 });
        }
        return speech.submit(...args);
      },
    };
    const { deps, team } = await setUp();
    const pipeline = { ...deps, speech: throttling };
    await deps.queue.start(createJobHandlers(pipeline));
    const uploaded = await uploadSample(pipeline, team);

    await deps.queue.runDue();
    expect(deps.queue.pending()).toMatchObject([{ runAt: deps.clock.now().getTime() + 45_000 }]);
    expect((await stored(deps, uploaded)).processing.lastError).toMatchObject({ code: "provider.throttled" });
    deps.clock.advance(45_000);
    await deps.queue.runDue();
    expect((await stored(deps, uploaded)).status).toBe("ready");
  });

  it("treats an unexpected error from the provider as transient", async () => {
    const speech = createScriptedSpeechToText();
    let broken = true;
    const flaky: SpeechToText = {
      ...speech,
      async submit(...args) {
        if (broken) {
          broken = false;
          throw new TypeError("fetch failed");
        }
        return speech.submit(...args);
      },
    };
    const { deps, team } = await setUp();
    const pipeline = { ...deps, speech: flaky };
    await deps.queue.start(createJobHandlers(pipeline));
    const uploaded = await uploadSample(pipeline, team);
    await deps.queue.runDue();
    expect((await stored(deps, uploaded)).processing.lastError).toEqual({
      code: "provider.unavailable",
      message: "The provider failed unexpectedly.",
      retryable: true,
    });
    deps.clock.advance(1_000);
    await deps.queue.runDue();
    expect((await stored(deps, uploaded)).status).toBe("ready");
  });

  it("fails the session with the provider's code and message on a permanent failure", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ permanentFailure: true }) });
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await stored(deps, uploaded);
    expect(session.status).toBe("failed");
    expect(session.processing.lastError).toEqual({
      code: "provider.rejected",
      message: "The provider refused the audio.",
      retryable: false,
    });
    expect(deps.queue.pending()).toEqual([]);
    expect(deps.push.sent()).toMatchObject([
      { token: "phone-token", message: { title: "Session processing failed", data: { sessionId: session.id, status: "failed" } } },
    ]);
  });

  it("never waits on a long cloud job: it polls from delayed jobs until done", async () => {
    const { deps, team } = await setUp({
      speech: createScriptedSpeechToText({ pendingPolls: 2, retryAfterMs: 30_000 }),
    });
    const uploaded = await uploadSample(deps, team);

    await deps.queue.runDue();
    let session = await stored(deps, uploaded);
    expect(session.status).toBe("transcribing");
    expect(session.processing).toMatchObject({ providerRef: "job-1", polls: 0 });
    expect(deps.queue.pending()).toMatchObject([
      { jobId: `process-${uploaded.id}-r0-p0`, runAt: deps.clock.now().getTime() + 30_000 },
    ]);
    expect(deps.speech.calls()).toEqual({ submit: 1, poll: 0 });

    deps.clock.advance(30_000);
    await deps.queue.runDue();
    session = await stored(deps, uploaded);
    expect(session.processing.polls).toBe(1);
    expect(deps.speech.calls()).toEqual({ submit: 1, poll: 1 });
    expect(deps.queue.pending()).toMatchObject([{ jobId: `process-${uploaded.id}-r0-p1` }]);

    deps.clock.advance(29_999);
    expect(await deps.queue.runDue()).toBe(0);
    deps.clock.advance(1);
    await deps.queue.runDue();
    expect(deps.speech.calls()).toEqual({ submit: 1, poll: 2 });

    deps.clock.advance(30_000);
    await deps.queue.runDue();
    session = await stored(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.processing.providerRef).toBeNull();
    expect(deps.speech.calls()).toEqual({ submit: 1, poll: 3 });
    expect(deps.queue.pending()).toEqual([]);
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("does nothing for a delayed poll that another delivery has overtaken", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ pendingPolls: 2 }) });
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();
    // A duplicate delivery polls early and schedules its own next poll.
    await processSession(deps, { sessionId: uploaded.id });
    expect(deps.speech.calls().poll).toBe(1);
    expect(deps.queue.pending().map((job) => job.jobId)).toEqual([
      `process-${uploaded.id}-r0-p0`,
      `process-${uploaded.id}-r0-p1`,
    ]);

    deps.clock.advance(30_000);
    await deps.queue.runDue();
    // The p0 job saw a newer version and stood down; only p1 polled.
    expect(deps.speech.calls().poll).toBe(2);
    deps.clock.advance(30_000);
    await deps.queue.runDue();
    expect((await stored(deps, uploaded)).status).toBe("ready");
    expect(deps.speech.calls().poll).toBe(3);
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("does the work once when the same job is delivered twice, one after the other", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);

    await processSession(deps, { sessionId: uploaded.id });
    const first = await stored(deps, uploaded);
    await processSession(deps, { sessionId: uploaded.id });
    await deps.queue.runDue();

    expect(await stored(deps, uploaded)).toEqual(first);
    expect(first.status).toBe("ready");
    expect(deps.speech.calls().submit).toBe(1);
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("does the work once when the same job is delivered twice at the same time", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);

    await Promise.all([
      processSession(deps, { sessionId: uploaded.id }),
      processSession(deps, { sessionId: uploaded.id }),
      processSession(deps, { sessionId: uploaded.id }),
    ]);
    await deps.queue.runDue();

    const session = await stored(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.transcript?.segments).toHaveLength(4);
    expect(deps.speech.calls().submit).toBe(1);
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("carries on when the upload moves the session to queued just after the worker read it", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    // The worker read the session while it was still `uploaded`; the upload then moved it on.
    const sessions = deps.sessions;
    let firstRead = true;
    deps.sessions = {
      ...sessions,
      async get(id) {
        const current = await sessions.get(id);
        if (!firstRead || current === null) return current;
        firstRead = false;
        return { ...current, status: "uploaded", version: current.version - 1 };
      },
    };

    await deps.queue.runDue();

    expect((await stored(deps, uploaded)).status).toBe("ready");
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("removes a device whose push token is no longer valid", async () => {
    const { deps, team } = await setUp({ invalidTokens: ["uninstalled-app"] }, ["phone-token", "uninstalled-app"]);
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    expect(deps.push.sent().map((push) => push.token)).toEqual(["phone-token"]);
    expect((await deps.devices.listByUser(team.therapist.userId)).map((device) => device.token)).toEqual([
      "phone-token",
    ]);
    expect((await stored(deps, uploaded)).status).toBe("ready");
  });

  it("keeps the session ready when the push service is down, and does not send twice", async () => {
    const { deps, team } = await setUp({
      push: {
        async send() {
          throw new ConfideError("dependency.unavailable", "FCM is down.", { retryable: true });
        },
        async check() {
          throw new ConfideError("dependency.unavailable", "FCM is down.", { retryable: true });
        },
        async close() {},
        sent: () => [],
      },
    });
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();
    const session = await stored(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.processing.notifiedAt).toEqual(deps.clock.now());
  });

  it("stops quietly when the session is deleted while waiting for the provider", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ pendingPolls: 1 }) });
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();
    await deps.sessions.delete(uploaded.id);
    await deps.blobs.delete(uploaded.audio.blobKey);

    deps.clock.advance(30_000);
    expect(await deps.queue.runDue()).toBe(1);

    expect(await deps.sessions.get(uploaded.id)).toBeNull();
    expect(deps.speech.calls().poll).toBe(0);
    expect(deps.queue.pending()).toEqual([]);
    expect(deps.push.sent()).toEqual([]);
  });

  it("stops quietly when the session is deleted during transcription, without bringing it back", async () => {
    const { deps, team } = await setUp();
    const scripted = deps.speech;
    const deleting: SpeechToText = {
      ...scripted,
      async submit(audio, settings, options) {
        const result = await scripted.submit(audio, settings, options);
        await deps.sessions.delete(uploaded.id);
        await deps.blobs.delete(uploaded.audio.blobKey);
        return result;
      },
    };
    const uploaded = await uploadSample(deps, team);

    await expect(processSession({ ...deps, speech: deleting }, { sessionId: uploaded.id })).resolves.toBeUndefined();

    expect(await deps.sessions.get(uploaded.id)).toBeNull();
    expect(deps.blobs.keys()).toEqual([]);
    expect(deps.push.sent()).toEqual([]);
    expect(deps.queue.pending().filter((job) => job.jobId !== `process-${uploaded.id}-r0`)).toEqual([]);
  });

  it("fails the session, not the job, when its recording has gone missing", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    await deps.blobs.delete(uploaded.audio.blobKey);
    const speech: SpeechToText = {
      ...deps.speech,
      async submit(audio) {
        await audio.open();
        return { status: "done", transcript: sampleTranscriptDraft, warnings: [] };
      },
    };
    await processSession({ ...deps, speech }, { sessionId: uploaded.id });
    expect((await stored(deps, uploaded)).processing.lastError).toMatchObject({ code: "blob.not_found", retryable: false });
  });

  it("lets the queue redeliver the job when the session store is down", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    const down = {
      ...deps.sessions,
      async get(): Promise<Session | null> {
        throw new ConfideError("dependency.unavailable", "The database is down.", { retryable: true });
      },
    };
    await expect(processSession({ ...deps, sessions: down }, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "dependency.unavailable",
    });
    expect((await stored(deps, uploaded)).status).toBe("queued");
  });

  it("retries a transient sentiment failure without transcribing again", async () => {
    const keywords = createKeywordLanguageAnalyzer();
    let failures = 1;
    const language: LanguageAnalyzer = {
      ...keywords,
      async sentiment(texts, options) {
        if (failures > 0) {
          failures -= 1;
          throw new ConfideError("provider.throttled", "Slow down.", { retryable: true });
        }
        return keywords.sentiment(texts, options);
      },
    };
    const { deps, team } = await setUp({ language });
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();
    expect(await stored(deps, uploaded)).toMatchObject({ status: "analyzing", processing: { attempts: 1 } });
    deps.clock.advance(1_000);
    await deps.queue.runDue();
    expect((await stored(deps, uploaded)).status).toBe("ready");
    expect(deps.speech.calls().submit).toBe(1);
  });

  it("leaves finalized sessions alone", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();
    const ready = await stored(deps, uploaded);
    const finalized = await deps.sessions.update({ ...ready, status: "finalized" }, ready.version);
    await processSession(deps, { sessionId: uploaded.id });
    expect(await stored(deps, uploaded)).toEqual(finalized);
  });

  it("does nothing for a session that does not exist", async () => {
    const { deps } = await setUp();
    await expect(processSession(deps, { sessionId: "session-404" })).resolves.toBeUndefined();
  });
});

describe("processSession lease", () => {
  it("renews its lease during a long transcription so the recovery sweep leaves it alone", async () => {
    const held = heldSpeech();
    const base = createTestDeps({ settings: { leaseMs: 30 } });
    const deps: TestDeps = { ...base, speech: { ...base.speech, ...held.speech } };
    const team: CareTeam = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);

    const running = processSession(deps, { sessionId: uploaded.id });
    await held.whenStarted;
    const transcribing = await stored(deps, uploaded);
    deps.clock.advance(60 * 60_000);

    await vi.waitFor(async () => {
      const current = await stored(deps, uploaded);
      expect(current.version).toBeGreaterThan(transcribing.version);
      expect(current.updatedAt).toEqual(deps.clock.now());
    });
    expect(await recoverStaleSessions(deps)).toBe(0);

    held.finish();
    await running;
    expect((await stored(deps, uploaded)).status).toBe("ready");
    expect(held.seen.signal?.aborted).toBe(false);
  });

  it("aborts the provider call and stops when another delivery takes the session over", async () => {
    const held = heldSpeech();
    const base = createTestDeps({ settings: { leaseMs: 30 } });
    const deps: TestDeps = { ...base, speech: { ...base.speech, ...held.speech } };
    const team = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);

    const running = processSession(deps, { sessionId: uploaded.id });
    await held.whenStarted;
    const current = await stored(deps, uploaded);
    // Someone else (a recovery) writes the session between two renewals.
    const takenOver = await deps.sessions.update({ ...current, updatedAt: deps.clock.now() }, current.version);

    await expect(running).resolves.toBeUndefined();
    expect(held.seen.signal?.aborted).toBe(true);
    const after = await stored(deps, uploaded);
    expect(after.version).toBe(takenOver.version);
    expect(after).toMatchObject({ status: "transcribing", transcript: null, processing: { attempts: 0, lastError: null } });
    expect(deps.push.sent()).toEqual([]);
  });

  it("leaves the job for redelivery when the worker shuts down mid-call", async () => {
    const held = heldSpeech();
    const base = createTestDeps();
    const deps: TestDeps = { ...base, speech: { ...base.speech, ...held.speech } };
    const team = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);
    const shutdown = new AbortController();

    const running = processSession(deps, { sessionId: uploaded.id, signal: shutdown.signal });
    await held.whenStarted;
    shutdown.abort();

    await expect(running).rejects.toMatchObject({ code: "dependency.unavailable" });
    expect(await stored(deps, uploaded)).toMatchObject({ status: "transcribing", processing: { attempts: 0 } });
  });

  it("leaves the job for redelivery, counting no attempt, when the engine was stopped from outside", async () => {
    // E.g. Ctrl-C in the terminal reached the engine's process group before the worker stopped.
    const base = createTestDeps();
    let interruptions = 1;
    const deps: TestDeps = {
      ...base,
      speech: {
        ...base.speech,
        async submit(audio, settings, options) {
          if (interruptions > 0) {
            interruptions -= 1;
            throw new ConfideError("provider.interrupted", "PocketSphinx was ended by SIGINT while recognising.", {
              retryable: true,
            });
          }
          return base.speech.submit(audio, settings, options);
        },
      },
    };
    const team = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);

    await expect(processSession(deps, { sessionId: uploaded.id })).rejects.toMatchObject({ code: "dependency.unavailable" });
    expect(await stored(deps, uploaded)).toMatchObject({
      status: "transcribing",
      processing: { attempts: 0, lastError: null },
    });
    expect(deps.queue.pending().filter((job) => job.jobId !== `process-${uploaded.id}-r0`)).toEqual([]);

    await processSession(deps, { sessionId: uploaded.id });
    expect(await stored(deps, uploaded)).toMatchObject({ status: "ready", processing: { attempts: 0, lastError: null } });
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("keeps the engine's warnings on the transcript: which requested features were not honoured", async () => {
    const base = createTestDeps();
    const warning = {
      type: "unsupported" as const,
      feature: "diarization",
      message: "PocketSphinx does not separate speakers in one channel.",
    };
    const deps: TestDeps = {
      ...base,
      speech: {
        ...base.speech,
        async submit(audio, settings, options) {
          const result = await base.speech.submit(audio, settings, options);
          return result.status === "done" ? { ...result, warnings: [warning] } : result;
        },
      },
    };
    const team = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);

    await processSession(deps, { sessionId: uploaded.id });

    const session = await stored(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.transcript?.warnings).toEqual([warning]);
  });

  it("records every status it passes through, with the version of the write that made it", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await stored(deps, uploaded);
    const history = session.statusHistory ?? [];
    expect(history.map((change) => change.status)).toEqual(["uploaded", "queued", "transcribing", "analyzing", "writing_notes", "ready"]);
    expect(history.map((change) => change.version)).toEqual([1, 2, 3, 4, 5, 6]);
    // The write that made it ready also claimed the notification: the last write.
    expect(history.at(-1)?.version).toBe(session.version);
    expect(history.every((change) => change.at.getTime() === deps.clock.now().getTime())).toBe(true);
  });
});

describe("processSession notification", () => {
  /** A ready session whose run ended before it claimed the notification (e.g. a crash). */
  async function unnotifiedReady(deps: TestDeps) {
    return storeSession(deps, { status: "ready" });
  }

  /** Lets `beforeClaim` write first when the notification is claimed, `times` times. */
  function racingClaims(deps: TestDeps, times: number, beforeClaim: () => Promise<unknown>): TestDeps {
    let left = times;
    return {
      ...deps,
      sessions: {
        ...deps.sessions,
        async update(session, expectedVersion) {
          if (left > 0 && session.processing.notifiedAt !== null) {
            left -= 1;
            await beforeClaim();
          }
          return deps.sessions.update(session, expectedVersion);
        },
      },
    };
  }

  it("notifies the therapist once of a ready session whose run did not", async () => {
    const { deps } = await setUp();
    const session = await unnotifiedReady(deps);

    await processSession(deps, { sessionId: session.id });
    await processSession(deps, { sessionId: session.id });

    expect(deps.push.sent()).toMatchObject([
      { token: "phone-token", message: { title: "Session ready for review", data: { sessionId: session.id, status: "ready" } } },
    ]);
    expect((await stored(deps, session)).processing.notifiedAt).toEqual(deps.clock.now());
  });

  it("still notifies when a review edit lands while the notification is claimed, keeping the edit", async () => {
    const { deps } = await setUp();
    const session = await unnotifiedReady(deps);
    let editVersion = session.version;
    const racing = racingClaims(deps, 1, async () => {
      const edited = await editTranscript(deps, therapist, {
        sessionId: session.id,
        expectedVersion: editVersion,
        edits: [{ segmentId: "seg-1", text: "How did you sleep?" }],
      });
      editVersion = edited.version;
    });

    await processSession(racing, { sessionId: session.id });

    expect(deps.push.sent()).toHaveLength(1);
    const after = await stored(deps, session);
    expect(after.processing.notifiedAt).toEqual(deps.clock.now());
    expect(after.transcript?.segments[0]?.text).toBe("How did you sleep?");
    expect(after.review.edits).toHaveLength(1);
  });

  it("sends nothing for a session finalized while the notification was claimed", async () => {
    const { deps } = await setUp();
    const session = await unnotifiedReady(deps);
    const racing = racingClaims(deps, 1, () => finalizeSession(deps, therapist, { sessionId: session.id, expectedVersion: session.version }));

    await processSession(racing, { sessionId: session.id });

    expect(deps.push.sent()).toEqual([]);
    expect(await stored(deps, session)).toMatchObject({ status: "finalized", processing: { notifiedAt: null } });
  });

  it("stops quietly when the session is deleted while the notification is claimed", async () => {
    const { deps } = await setUp();
    const session = await unnotifiedReady(deps);
    const racing = racingClaims(deps, 1, () => deps.sessions.delete(session.id));

    await expect(processSession(racing, { sessionId: session.id })).resolves.toBeUndefined();

    expect(deps.push.sent()).toEqual([]);
    expect(await deps.sessions.get(session.id)).toBeNull();
  });

  it("gives up the notification, without failing the job, when every claim loses to another write", async () => {
    const { deps } = await setUp();
    const session = await unnotifiedReady(deps);
    const racing = racingClaims(deps, 10, async () => {
      const current = await stored(deps, session);
      await deps.sessions.update({ ...current, title: `${current.title}.` }, current.version);
    });

    await expect(processSession(racing, { sessionId: session.id })).resolves.toBeUndefined();

    expect(deps.push.sent()).toEqual([]);
    // Three claims, each beaten by one write.
    expect(await stored(deps, session)).toMatchObject({ title: "Weekly session...", processing: { notifiedAt: null } });
  });

  it("lets the job fail when the claim write fails for another reason", async () => {
    const { deps } = await setUp();
    const session = await unnotifiedReady(deps);
    const down = racingClaims(deps, 1, async () => {
      throw new ConfideError("dependency.unavailable", "The database is down.", { retryable: true });
    });

    await expect(processSession(down, { sessionId: session.id })).rejects.toMatchObject({ code: "dependency.unavailable" });
    expect(deps.push.sent()).toEqual([]);
    await processSession(deps, { sessionId: session.id });
    expect(deps.push.sent()).toHaveLength(1);
  });

  it("tells the therapist a failure can be retried when the provider kept failing transiently", async () => {
    const { deps, team } = await setUp({
      speech: createScriptedSpeechToText({ transientFailures: 100 }),
      settings: { maxProviderAttempts: 3 },
    });
    const uploaded = await uploadSample(deps, team);

    await runUntilIdle(deps);

    const session = await stored(deps, uploaded);
    expect(session).toMatchObject({
      status: "failed",
      processing: { attempts: 3, lastError: { code: "provider.unavailable", retryable: true } },
    });
    expect(deps.speech.calls().submit).toBe(3);
    expect(deps.push.sent()).toMatchObject([
      {
        message: {
          title: "Session processing failed",
          body: "A recorded session could not be processed. You can retry it in the app.",
          data: { sessionId: uploaded.id, status: "failed" },
        },
      },
    ]);
  });

  it("does not offer a retry for a failure the provider called permanent, and tries once", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ permanentFailure: true }) });
    const uploaded = await uploadSample(deps, team);

    await runUntilIdle(deps);

    expect(deps.speech.calls().submit).toBe(1);
    expect((await stored(deps, uploaded)).processing).toMatchObject({ attempts: 1, lastError: { retryable: false } });
    expect(deps.push.sent()).toMatchObject([{ message: { body: "A recorded session could not be processed." } }]);
  });

  it("caps the retry delay at maxRetryDelayMs, however many attempts", async () => {
    const { deps, team } = await setUp({
      speech: createScriptedSpeechToText({ transientFailures: 100 }),
      random: () => 1,
      settings: { maxProviderAttempts: 6, baseRetryDelayMs: 1_000, maxRetryDelayMs: 5_000 },
    });
    const uploaded = await uploadSample(deps, team);
    const delaysMs: number[] = [];

    await deps.queue.runDue();
    while (deps.queue.pending().length > 0) {
      const [job] = deps.queue.pending();
      delaysMs.push((job?.runAt ?? 0) - deps.clock.now().getTime());
      deps.clock.set(new Date(job?.runAt ?? 0));
      await deps.queue.runDue();
    }

    // 1 s, 2 s, 4 s, then the 5 s ceiling; the sixth attempt fails the session.
    expect(delaysMs).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
    expect((await stored(deps, uploaded)).status).toBe("failed");
  });
});

describe("processSession transcripts and analysis", () => {
  /** A SpeechToText answering `draft` at once. */
  function answering(deps: TestDeps, draft: typeof sampleTranscriptDraft): SpeechToText {
    return { ...deps.speech, provider: "fallback-engine", submit: async () => ({ status: "done", transcript: structuredClone(draft), warnings: [] }) };
  }

  it("numbers segments in time order, keeping the provider's order for equal starts", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    const draft = {
      ...sampleTranscriptDraft,
      segments: [
        { speaker: "S2", startMs: 9_000, endMs: 9_500, text: "Later." },
        { speaker: "S1", startMs: 1_000, endMs: 2_000, text: "First of two at one second?" },
        { speaker: "S2", startMs: 1_000, endMs: 1_500, text: "Second of two at one second." },
        { speaker: "S1", startMs: 0, endMs: 500, text: "How are you?" },
      ],
    };

    await processSession({ ...deps, speech: answering(deps, draft) }, { sessionId: uploaded.id });

    expect((await stored(deps, uploaded)).transcript?.segments.map((segment) => [segment.id, segment.text])).toEqual([
      ["seg-0001", "How are you?"],
      ["seg-0002", "First of two at one second?"],
      ["seg-0003", "Second of two at one second."],
      ["seg-0004", "Later."],
    ]);
  });

  it("names the engine that answered when the transcript does not", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    await processSession({ ...deps, speech: answering(deps, { ...sampleTranscriptDraft, provider: "" }) }, { sessionId: uploaded.id });
    expect((await stored(deps, uploaded)).transcript?.provider).toBe("fallback-engine");
  });

  it("keeps the duration read from the WAV header, and takes the transcript's when the header had none", async () => {
    const { deps, team } = await setUp();
    const wav = await uploadSample(deps, team);
    await processSession(deps, { sessionId: wav.id });
    // The sample WAV is 2 s long; the scripted transcript claims 20 s.
    expect((await stored(deps, wav)).audio.durationMs).toBe(2_000);

    const mp3 = await uploadSample(deps, team, {
      audio: byteStream(Uint8Array.from({ length: 2_000 }, (_, index) => (index < 3 ? [0x49, 0x44, 0x33][index] ?? 0 : index % 251))),
    });
    expect(mp3.audio.durationMs).toBeNull();
    await processSession(deps, { sessionId: mp3.id });
    expect((await stored(deps, mp3)).audio.durationMs).toBe(20_000);
  });

  it("measures only the patient's segments that have words, and calls no analyzer when there are none", async () => {
    const keywords = createKeywordLanguageAnalyzer();
    const sent: string[][] = [];
    const language: LanguageAnalyzer = {
      ...keywords,
      async sentiment(texts, options) {
        sent.push([...texts]);
        return keywords.sentiment(texts, options);
      },
    };
    const { deps, team } = await setUp({ language });
    const withBlank = await uploadSample(deps, team);
    const draft = {
      ...sampleTranscriptDraft,
      segments: [
        { speaker: "S1", startMs: 0, endMs: 1_000, text: "How are you? What happened?" },
        { speaker: "S2", startMs: 1_000, endMs: 2_000, text: "   " },
        { speaker: "S2", startMs: 2_000, endMs: 3_000, text: "I am sad." },
      ],
    };
    await processSession({ ...deps, speech: answering(deps, draft) }, { sessionId: withBlank.id });
    expect(sent).toEqual([["I am sad."]]);
    expect((await stored(deps, withBlank)).sentiment?.segments.map((segment) => segment.segmentId)).toEqual(["seg-0003"]);

    const therapistOnly = await uploadSample(deps, team);
    const monologue = { ...sampleTranscriptDraft, speakers: [{ label: "S1" }, { label: "S2" }], segments: [draft.segments[0] as (typeof draft.segments)[0]] };
    const refusing: LanguageAnalyzer = {
      ...keywords,
      async sentiment() {
        throw new ConfideError("provider.rejected", "Nothing to analyse was expected.");
      },
    };
    await processSession({ ...deps, speech: answering(deps, monologue), language: refusing }, { sessionId: therapistOnly.id });
    expect(await stored(deps, therapistOnly)).toMatchObject({ status: "ready", sentiment: { segments: [], timeline: [] } });
  });

  it("fails the session when the analyzer answers a different number of results than texts sent", async () => {
    const keywords = createKeywordLanguageAnalyzer();
    const short: LanguageAnalyzer = {
      ...keywords,
      async sentiment(texts, options) {
        return (await keywords.sentiment(texts, options)).slice(1);
      },
    };
    const { deps, team } = await setUp({ language: short });
    const uploaded = await uploadSample(deps, team);

    await deps.queue.runDue();

    expect(await stored(deps, uploaded)).toMatchObject({
      status: "failed",
      sentiment: null,
      processing: {
        lastError: {
          code: "provider.bad_response",
          message: "The language analyzer returned the wrong number of results.",
          retryable: false,
        },
      },
    });
  });

  it("fails a session found analysing without a transcript, for good", async () => {
    const { deps } = await setUp();
    const broken = await storeSession(deps, { status: "analyzing", transcript: null, sentiment: null });

    await processSession(deps, { sessionId: broken.id });

    expect(await stored(deps, broken)).toMatchObject({
      status: "failed",
      processing: { lastError: { code: "internal", message: "The session has no transcript to analyse.", retryable: false } },
    });
    expect(deps.push.sent()).toMatchObject([{ message: { title: "Session processing failed", body: "A recorded session could not be processed." } }]);
  });

  it("analyses again, without transcribing, a session retried after its analysis failed", async () => {
    const { deps } = await setUp();
    const retried = await storeSession(deps, {
      status: "transcribing",
      transcript: sampleTranscript(),
      sentiment: null,
      processing: { attempts: 0, lastError: { code: "provider.throttled", message: "Slow down.", retryable: true }, providerRef: null, polls: 0, notifiedAt: null, run: 1 },
    });

    await processSession(deps, { sessionId: retried.id });

    expect(deps.speech.calls().submit).toBe(0);
    expect(await stored(deps, retried)).toMatchObject({
      status: "ready",
      transcript: { revision: 1 },
      processing: { attempts: 0, lastError: null, run: 1, notifiedAt: deps.clock.now() },
    });
    expect(deps.push.sent()).toMatchObject([{ message: { title: "Session ready for review", body: "A recorded session has been transcribed and analysed." } }]);
  });

  it("notifies the therapist of a failed session whose run did not", async () => {
    const { deps } = await setUp();
    const failed = await storeSession(deps, {
      status: "failed",
      transcript: null,
      sentiment: null,
      processing: { attempts: 5, lastError: { code: "provider.unavailable", message: "Down.", retryable: true }, providerRef: null, polls: 0, notifiedAt: null, run: 0 },
    });

    await processSession(deps, { sessionId: failed.id });

    expect(deps.push.sent()).toMatchObject([
      { message: { title: "Session processing failed", body: "A recorded session could not be processed. You can retry it in the app." } },
    ]);
    expect((await stored(deps, failed)).processing.notifiedAt).toEqual(deps.clock.now());
  });
});

describe("processSession when writes fail or race", () => {
  it("lets the queue redeliver the job when a status write fails, and leaves the status as it was", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    const failing = {
      ...deps.sessions,
      async update(): Promise<Session> {
        throw new ConfideError("dependency.unavailable", "The database is down.", { retryable: true });
      },
    };
    await expect(processSession({ ...deps, sessions: failing }, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "dependency.unavailable",
    });
    expect((await stored(deps, uploaded)).status).toBe("queued");
    expect(deps.speech.calls().submit).toBe(0);
  });

  it("leaves a freshly uploaded session to the delivery that has already moved it past queued", async () => {
    const { deps } = await setUp();
    const uploadedOnly = await storeSession(deps, { status: "uploaded", transcript: null, sentiment: null });
    // Between this delivery's read and its write, another one takes the session to transcribing.
    let raced = false;
    const racing = {
      ...deps.sessions,
      async update(session: Session, expectedVersion: number) {
        if (!raced) {
          raced = true;
          const current = await deps.sessions.get(session.id);
          if (current) {
            const queued = await deps.sessions.update({ ...current, status: "queued" }, current.version);
            await deps.sessions.update({ ...queued, status: "transcribing" }, queued.version);
          }
        }
        return deps.sessions.update(session, expectedVersion);
      },
    };

    await processSession({ ...deps, sessions: racing }, { sessionId: uploadedOnly.id });

    expect(deps.speech.calls().submit).toBe(0);
    expect((await stored(deps, uploadedOnly)).status).toBe("transcribing");
  });

  it("stops quietly when the session is deleted while the provider answers pending or fails", async () => {
    for (const script of [{ pendingPolls: 1 }, { transientFailures: 1 }]) {
      const { deps, team } = await setUp();
      const uploaded = await uploadSample(deps, team);
      const scripted = deps.speech;
      const deleting: SpeechToText = {
        ...scripted,
        async submit(audio, settings, options) {
          await deps.sessions.delete(uploaded.id);
          return scripted.submit(audio, settings, options);
        },
      };
      scripted.script(script);

      await expect(processSession({ ...deps, speech: deleting }, { sessionId: uploaded.id })).resolves.toBeUndefined();

      expect(await deps.sessions.get(uploaded.id)).toBeNull();
      expect(deps.queue.pending().filter((job) => job.jobId !== `process-${uploaded.id}-r0`), JSON.stringify(script)).toEqual([]);
    }
  });

  it("finishes the call when a lease renewal fails for a reason other than a takeover", async () => {
    const held = heldSpeech();
    const base = createTestDeps({ settings: { leaseMs: 30 } });
    let renewals = 0;
    const deps: TestDeps = {
      ...base,
      speech: { ...base.speech, ...held.speech },
      sessions: {
        ...base.sessions,
        async update(session, expectedVersion) {
          const current = await base.sessions.get(session.id);
          // A renewal rewrites the session unchanged but for updatedAt.
          if (current?.status === "transcribing" && session.status === "transcribing" && current.version === expectedVersion) {
            renewals += 1;
            throw new ConfideError("dependency.unavailable", "The database blinked.", { retryable: true });
          }
          return base.sessions.update(session, expectedVersion);
        },
      },
    };
    const team = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);

    const running = processSession(deps, { sessionId: uploaded.id });
    await held.whenStarted;
    await vi.waitFor(() => expect(renewals).toBeGreaterThan(1));
    held.finish();
    await running;

    expect(held.seen.signal?.aborted).toBe(false);
    expect((await stored(deps, uploaded)).status).toBe("ready");
  });

  it("marks the interruption of a worker shutting down as worth retrying", async () => {
    const held = heldSpeech();
    const base = createTestDeps();
    const deps: TestDeps = { ...base, speech: { ...base.speech, ...held.speech } };
    const team = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);
    const shutdown = new AbortController();

    const running = processSession(deps, { sessionId: uploaded.id, signal: shutdown.signal });
    await held.whenStarted;
    shutdown.abort();

    await expect(running).rejects.toMatchObject({
      code: "dependency.unavailable",
      retryable: true,
      message: "The worker stopped during a provider call.",
    });
  });
});
