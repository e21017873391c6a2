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
import { retrySession } from "./retry-session.ts";

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
});
