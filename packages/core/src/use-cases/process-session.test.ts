import { describe, expect, it, vi } from "vitest";
import type { ConfideDeps } from "../deps.ts";
import type { Session } from "../domain/session.ts";
import { ConfideError } from "../errors.ts";
import type { LanguageAnalyzer } from "../ports/language-analyzer.ts";
import type { SpeechResult, SpeechToText } from "../ports/speech-to-text.ts";
import { createKeywordLanguageAnalyzer } from "../testing/keyword-language-analyzer.ts";
import { createScriptedSpeechToText, sampleTranscriptDraft } from "../testing/scripted-speech-to-text.ts";
import { createTestDeps, type TestDeps } from "../testing/test-deps.ts";
import { createJobHandlers } from "./job-handlers.ts";
import { seedCareTeam, uploadSample, type CareTeam } from "./pipeline-fixture.test-support.ts";
import { processSession } from "./process-session.ts";
import { recoverStaleSessions } from "./recover-stale-sessions.ts";

async function setUp(overrides: Parameters<typeof createTestDeps>[0] = {}, deviceTokens?: string[]) {
  const deps = createTestDeps(overrides);
  const team = await seedCareTeam(deps, deviceTokens ? { deviceTokens } : {});
  await deps.queue.start(createJobHandlers(deps));
  return { deps, team };
}

async function stored(deps: ConfideDeps, session: Session): Promise<Session> {
  const current = await deps.sessions.get(session.id);
  if (!current) throw new Error(`Session ${session.id} is gone.`);
  return current;
}

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
    expect(history.map((change) => change.status)).toEqual(["uploaded", "queued", "transcribing", "analyzing", "ready"]);
    expect(history.map((change) => change.version)).toEqual([1, 2, 3, 4, 5]);
    // The write that made it ready also claimed the notification: the last write.
    expect(history.at(-1)?.version).toBe(session.version);
    expect(history.every((change) => change.at.getTime() === deps.clock.now().getTime())).toBe(true);
  });
});
