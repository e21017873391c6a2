import { describe, expect, it } from "vitest";
import { jobNames } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import type { LanguageAnalyzer } from "../../ports/language-analyzer.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createKeywordLanguageAnalyzer } from "../../testing/keyword-language-analyzer.ts";
import { createScriptedSpeechToText } from "../../testing/scripted-speech-to-text.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { createJobHandlers } from "../pipeline/job-handlers.ts";
import { runUntilIdle, seedCareTeam, uploadSample } from "../pipeline/pipeline-fixture.test-support.ts";
import { newProcessing } from "../../domain/session.ts";
import { retrySession } from "./retry-session.ts";
import { sampleTranscript, storeSession, therapist } from "./session-fixture.test-support.ts";

async function setUp(overrides: Parameters<typeof createTestDeps>[0] = {}) {
  const deps = createTestDeps(overrides);
  const team = await seedCareTeam(deps);
  await deps.queue.start(createJobHandlers(deps));
  return { deps, team };
}

async function stored(deps: TestDeps, id: string): Promise<Session> {
  const session = await deps.sessions.get(id);
  if (!session) throw new Error(`Session ${id} is gone.`);
  return session;
}

describe("retrySession", () => {
  it("fails a session after the last transient attempt, then a retry takes it to ready", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ transientFailures: 5 }) });
    const uploaded = await uploadSample(deps, team);

    await runUntilIdle(deps);
    const failed = await stored(deps, uploaded.id);
    expect(failed.status).toBe("failed");
    expect(failed.processing).toMatchObject({
      attempts: 5,
      run: 0,
      lastError: { code: "provider.unavailable", message: "The provider is unavailable.", retryable: true },
    });
    expect(deps.speech.calls().submit).toBe(5);
    expect(deps.push.sent()).toMatchObject([
      { message: { title: "Session processing failed", data: { sessionId: uploaded.id, status: "failed" } } },
    ]);

    const queued = await retrySession(deps, team.therapist, { sessionId: uploaded.id, expectedVersion: failed.version });
    expect(queued).toMatchObject({
      status: "queued",
      version: failed.version + 1,
      processing: { attempts: 0, lastError: null, providerRef: null, polls: 0, notifiedAt: null, run: 1 },
    });
    expect(deps.queue.pending()).toMatchObject([
      { name: jobNames.processSession, jobId: `process-${uploaded.id}-r1`, payload: { sessionId: uploaded.id } },
    ]);
    expect(deps.audit.events().map((event) => event.action)).toEqual(["session.create", "session.retry"]);

    await runUntilIdle(deps);
    const ready = await stored(deps, uploaded.id);
    expect(ready.status).toBe("ready");
    expect(ready.processing).toMatchObject({ attempts: 0, run: 1 });
    expect(deps.push.sent().map((push) => push.message.data.status)).toEqual(["failed", "ready"]);
  });

  it("refuses to retry a permanent failure", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ permanentFailure: true }) });
    const uploaded = await uploadSample(deps, team);
    await runUntilIdle(deps);
    const failed = await stored(deps, uploaded.id);
    expect(failed.processing.lastError).toEqual({
      code: "provider.rejected",
      message: "The provider refused the audio.",
      retryable: false,
    });

    await expect(retrySession(deps, team.therapist, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "session.invalid_state",
    });
    expect(await stored(deps, uploaded.id)).toEqual(failed);
    expect(deps.queue.pending()).toEqual([]);
  });

  it("keeps the transcript and only analyses again when the analysis was what failed", async () => {
    const keywords = createKeywordLanguageAnalyzer();
    let down = true;
    const language: LanguageAnalyzer = {
      ...keywords,
      async sentiment(texts, options) {
        if (down) throw new ConfideError("provider.unavailable", "Analyzer outage.", { retryable: true });
        return keywords.sentiment(texts, options);
      },
    };
    const { deps, team } = await setUp({ language, settings: { maxProviderAttempts: 2 } });
    const uploaded = await uploadSample(deps, team);
    await runUntilIdle(deps);
    const failed = await stored(deps, uploaded.id);
    expect(failed).toMatchObject({ status: "failed", processing: { attempts: 2, lastError: { retryable: true } } });
    expect(failed.transcript?.segments).toHaveLength(4);

    down = false;
    await retrySession(deps, team.therapist, { sessionId: uploaded.id });
    await runUntilIdle(deps);

    const ready = await stored(deps, uploaded.id);
    expect(ready.status).toBe("ready");
    expect(ready.transcript).toEqual(failed.transcript);
    expect(ready.sentiment?.segments).toHaveLength(2);
    expect(deps.speech.calls().submit).toBe(1);
  });

  it("refuses a session that has not failed", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    await expect(retrySession(deps, team.therapist, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "session.invalid_state",
    });
    await runUntilIdle(deps);
    await expect(retrySession(deps, team.therapist, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "session.invalid_state",
    });
  });

  it("is for the owning therapist only, and checks the version read", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ transientFailures: 5 }) });
    const uploaded = await uploadSample(deps, team);
    await runUntilIdle(deps);
    const failed = await stored(deps, uploaded.id);

    await expect(retrySession(deps, team.otherTherapist, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "session.not_found",
    });
    await expect(retrySession(deps, team.patient, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "session.not_found",
    });
    await expect(retrySession(deps, { userId: "admin-1", role: "admin" }, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "auth.forbidden",
    });
    await expect(
      retrySession(deps, team.therapist, { sessionId: uploaded.id, expectedVersion: failed.version - 1 }),
    ).rejects.toMatchObject({ code: "session.version_conflict" });
    expect(await stored(deps, uploaded.id)).toEqual(failed);
  });

  it("resumes a session stuck in flight past its lease, and refuses one still within it", async () => {
    const leaseMs = 15 * 60_000;
    const deps = createTestDeps({ settings: { leaseMs } });
    const team = await seedCareTeam(deps);
    const uploaded = await uploadSample(deps, team);
    // The worker died mid-transcription: its job is gone, the session stays transcribing.
    await deps.queue.runDue();
    const queued = await stored(deps, uploaded.id);
    const stuck = await deps.sessions.update({ ...queued, status: "transcribing" }, queued.version);
    await deps.queue.start(createJobHandlers(deps));

    deps.clock.advance(leaseMs);
    const refused = await retrySession(deps, team.therapist, { sessionId: uploaded.id }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "session.invalid_state", details: { status: "transcribing" } });
    expect((refused as Error).message).toBe(
      "This session is being processed (it is transcribing). It can be retried if it makes no progress for 15 minutes.",
    );
    expect(deps.queue.pending()).toEqual([]);

    deps.clock.advance(1);
    const resumed = await retrySession(deps, team.therapist, { sessionId: uploaded.id, expectedVersion: stuck.version });
    expect(resumed).toMatchObject({ status: "transcribing", version: stuck.version + 1, updatedAt: deps.clock.now() });
    expect(deps.audit.events().map((event) => event.action)).toEqual(["session.create", "session.retry"]);
    // A second click right away finds it moving again.
    await expect(retrySession(deps, team.therapist, { sessionId: uploaded.id })).rejects.toMatchObject({
      code: "session.invalid_state",
    });

    await runUntilIdle(deps);
    const ready = await stored(deps, uploaded.id);
    expect(ready.status).toBe("ready");
    expect(ready.transcript?.revision).toBe(1);
    expect(deps.speech.calls().submit).toBe(1);
    expect(deps.push.sent().map((push) => push.message.data.status)).toEqual(["ready"]);
  });

  describe("the failed run's provider job", () => {
    /** A session whose job was submitted, then whose polls failed until the session failed (retryable). */
    async function failedWithJob(discardFailure: boolean) {
      const logger = createRecordingLogger();
      const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ pendingPolls: 1, discardFailure }), logger });
      const uploaded = await uploadSample(deps, team);
      await deps.queue.runDue();
      deps.speech.script({ transientFailures: 5 });
      await runUntilIdle(deps);
      const failed = await stored(deps, uploaded.id);
      expect(failed).toMatchObject({ status: "failed", processing: { providerRef: "job-1", lastError: { retryable: true } } });
      deps.speech.script({ transientFailures: 0, pendingPolls: 0 });
      return { deps, team, logger, failed };
    }

    it("is discarded before the session starts again with a new submission", async () => {
      const { deps, team, failed } = await failedWithJob(false);

      const queued = await retrySession(deps, team.therapist, { sessionId: failed.id });

      expect(deps.speech.discarded()).toEqual(["job-1"]);
      expect(queued.processing).toMatchObject({ providerRef: null, run: 1 });
      await runUntilIdle(deps);
      expect((await stored(deps, failed.id)).status).toBe("ready");
      expect(deps.speech.calls().submit).toBe(2);
    });

    it("does not hold the retry back when the provider cannot discard it, and its ref is logged", async () => {
      const { deps, team, logger, failed } = await failedWithJob(true);

      await expect(retrySession(deps, team.therapist, { sessionId: failed.id })).resolves.toMatchObject({ status: "queued" });

      expect(logger.entries).toContainEqual({
        level: "warn",
        message: "session.provider_job.discard_failed",
        fields: { sessionId: failed.id, provider: "scripted", providerRef: "job-1", reason: "retry", code: "provider.unavailable" },
      });
      await runUntilIdle(deps);
      expect((await stored(deps, failed.id)).status).toBe("ready");
    });
  });

  describe("what a retry says and records", () => {
    const failedWith = (retryable: boolean | null) => ({
      status: "failed" as const,
      processing: { ...newProcessing(2), lastError: retryable === null ? null : { code: retryable ? "provider.unavailable" : "provider.rejected", message: "x", retryable } },
    });

    it("refuses in words a failure a retry cannot fix, a failure with no error recorded, and a session that has not failed", async () => {
      const deps = createTestDeps();
      const permanent = await storeSession(deps, failedWith(false));
      const refusedPermanent = await retrySession(deps, therapist, { sessionId: permanent.id }).catch((error: unknown) => error);
      expect(refusedPermanent).toMatchObject({
        code: "session.invalid_state",
        message: "This session failed for a reason a retry cannot fix.",
        details: { status: "failed", code: "provider.rejected" },
      });
      const unexplained = await storeSession(deps, failedWith(null));
      expect(await retrySession(deps, therapist, { sessionId: unexplained.id }).catch((error: unknown) => error)).toMatchObject({
        code: "session.invalid_state",
        details: { status: "failed", code: null },
      });
      const ready = await storeSession(deps, { status: "ready" });
      expect(await retrySession(deps, therapist, { sessionId: ready.id }).catch((error: unknown) => error)).toMatchObject({
        code: "session.invalid_state",
        message: "Only a failed or stuck session can be retried (it is ready).",
        details: { status: "ready", code: null },
      });
    });

    it("refuses a session that is not failed even when a passing error is still recorded on it", async () => {
      const deps = createTestDeps();
      const ready = await storeSession(deps, { status: "ready", processing: { ...newProcessing(1), lastError: { code: "provider.unavailable", message: "x", retryable: true } } });
      await expect(retrySession(deps, therapist, { sessionId: ready.id })).rejects.toMatchObject({ code: "session.invalid_state", details: { status: "ready", code: "provider.unavailable" } });
    });

    it("counts a one-minute lease in the singular", async () => {
      const deps = createTestDeps({ settings: { leaseMs: 60_000 } });
      const moving = await storeSession(deps, { status: "analyzing" });
      expect(await retrySession(deps, therapist, { sessionId: moving.id }).catch((error: unknown) => (error as Error).message)).toBe(
        "This session is being processed (it is analyzing). It can be retried if it makes no progress for 1 minute.",
      );
    });

    it("audits and logs the new run with the error it follows", async () => {
      const logger = createRecordingLogger();
      const deps = createTestDeps({ logger });
      const failed = await storeSession(deps, failedWith(true));
      const queued = await retrySession(deps, therapist, { sessionId: failed.id });
      expect(queued).toMatchObject({ status: "queued", processing: { run: 3, attempts: 0, lastError: null } });
      expect(deps.audit.events().filter((event) => event.action === "session.retry").map((event) => ({ sessionId: event.sessionId, subjectUserId: event.subjectUserId, detail: event.detail }))).toEqual([
        { sessionId: failed.id, subjectUserId: failed.patientId, detail: { run: 3, previousError: "provider.unavailable" } },
      ]);
      expect(logger.entries).toContainEqual({ level: "info", message: "session.retry", fields: { sessionId: failed.id, run: 3 } });
    });

    it("analyses again a session whose recording is gone but whose transcript was kept", async () => {
      const deps = createTestDeps();
      const stored = await storeSession(deps, { ...failedWith(true), transcript: sampleTranscript() });
      const removedAudio = await deps.sessions.update({ ...stored, audio: { ...stored.audio, removed: { at: deps.clock.now(), rule: "audio" } } }, stored.version);
      await expect(retrySession(deps, therapist, { sessionId: removedAudio.id })).resolves.toMatchObject({ status: "queued" });
      const noTranscript = await storeSession(deps, { ...failedWith(true), transcript: null });
      const gone = await deps.sessions.update({ ...noTranscript, audio: { ...noTranscript.audio, removed: { at: deps.clock.now(), rule: "audio" } } }, noTranscript.version);
      await expect(retrySession(deps, therapist, { sessionId: gone.id })).rejects.toMatchObject({ code: "audio.deleted" });
    });

    it("audits and logs a stuck session taken over with the status it resumes from", async () => {
      const logger = createRecordingLogger();
      const deps = createTestDeps({ logger, settings: { leaseMs: 60_000 } });
      const stuck = await storeSession(deps, { status: "transcribing", processing: newProcessing(4) });
      deps.clock.advance(60_001);
      await retrySession(deps, therapist, { sessionId: stuck.id });
      expect(deps.audit.events().filter((event) => event.action === "session.retry").map((event) => ({ subjectUserId: event.subjectUserId, detail: event.detail }))).toEqual([
        { subjectUserId: stuck.patientId, detail: { run: 4, resumedFrom: "transcribing" } },
      ]);
      expect(logger.entries).toContainEqual({ level: "info", message: "session.retry", fields: { sessionId: stuck.id, run: 4, resumedFrom: "transcribing" } });
    });
  });
});

