import { describe, expect, it } from "vitest";
import type { Session } from "../../domain/session.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createScriptedSpeechToText, type SpeechScript } from "../../testing/scripted-speech-to-text.ts";
import type { TestDeps } from "../../testing/test-deps.ts";
import { deleteSession } from "../sessions/delete-session.ts";
import { retrySession } from "../sessions/retry-session.ts";
import { runUntilIdle, setUpPipeline, storedSession, uploadSample, type CareTeam } from "./pipeline-fixture.test-support.ts";
import { processSession } from "./process-session.ts";

const hourMs = 3600_000;
const minuteMs = 60_000;

async function setUp(script: Partial<SpeechScript>, transcriptionTimeoutMs?: number) {
  const logger = createRecordingLogger();
  const { deps, team } = await setUpPipeline({
    speech: createScriptedSpeechToText(script),
    logger,
    ...(transcriptionTimeoutMs === undefined ? {} : { settings: { transcriptionTimeoutMs } }),
  });
  return { deps, team, logger };
}

const stored = storedSession;

/** Uploads, then runs the pipeline until the provider answers pending: the job is submitted. */
async function submitted(deps: TestDeps, team: CareTeam): Promise<Session> {
  const uploaded = await uploadSample(deps, team);
  await deps.queue.runDue();
  const session = await stored(deps, uploaded);
  expect(session.processing.providerRef).toMatch(/^job-/);
  return session;
}

describe("a transcription that stays pending", () => {
  it("fails the session with speech.timeout once the limit has passed, instead of polling forever, and discards the job", async () => {
    const { deps, team } = await setUp({ pendingPolls: Number.POSITIVE_INFINITY, retryAfterMs: 30 * minuteMs });
    const submittedAt = deps.clock.now().getTime();
    const uploaded = await uploadSample(deps, team);

    await runUntilIdle(deps, 100);

    const session = await stored(deps, uploaded);
    expect(session).toMatchObject({
      status: "failed",
      processing: {
        providerRef: null,
        lastError: {
          code: "speech.timeout",
          message: "The speech provider had not finished the transcription after 360 minutes; it was stopped.",
          retryable: true,
        },
      },
    });
    expect(session.processing.submittedAt).toBeUndefined();
    // The default limit, 6 hours, counted from the submission: the poll due at 6 h found it overdue.
    expect(deps.clock.now().getTime() - submittedAt).toBe(6 * hourMs);
    expect(deps.speech.calls()).toEqual({ submit: 1, poll: 11 });
    expect(deps.speech.discarded()).toEqual(["job-1"]);
    expect(deps.speech.jobs()).toEqual([]);
    expect(deps.queue.pending()).toEqual([]);
    expect(deps.push.sent()).toMatchObject([
      { message: { title: "Session processing failed", body: "A recorded session could not be processed. You can retry it in the app." } },
    ]);
  });

  it("says so when the provider cannot stop the running job: its audio copy is gone and the job is deleted once it finishes", async () => {
    const { deps, team, logger } = await setUp({ pendingPolls: Number.POSITIVE_INFINITY, retryAfterMs: 30 * minuteMs, discardDeferred: true });
    const uploaded = await uploadSample(deps, team);

    await runUntilIdle(deps, 100);

    const session = await stored(deps, uploaded);
    expect(session).toMatchObject({
      status: "failed",
      // The provider's adapter finishes the deletion: nothing is left for a retry to discard.
      processing: { providerRef: null, lastError: { code: "speech.timeout", retryable: true } },
    });
    expect(session.processing.lastError?.message).toBe(
      "The speech provider had not finished the transcription after 360 minutes; it was abandoned. The speech service cannot stop a transcription while it runs: the copy of the recording sent to it was removed, and its transcription will be deleted as soon as it finishes.",
    );
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: "warn", message: "session.provider_job.deletion_deferred", fields: expect.objectContaining({ reason: "timeout", why: "job_running" }) }),
    );
  });

  it("counts the limit from the submission: a job done before it is kept, one still pending at it is not", async () => {
    const { deps, team } = await setUp({ pendingPolls: 1, retryAfterMs: 25 * minuteMs }, hourMs);
    // Polled at 25 min (pending) and 50 min (done).
    const quick = await submitted(deps, team);
    await runUntilIdle(deps);
    expect((await stored(deps, quick)).status).toBe("ready");

    // Polled at 25 and 50 min (pending); the poll due at 75 min finds it past the hour.
    deps.speech.script({ pendingPolls: 2 });
    const slow = await submitted(deps, team);
    await runUntilIdle(deps);
    expect((await stored(deps, slow)).processing.lastError?.code).toBe("speech.timeout");
    expect(deps.speech.calls().poll).toBe(2 + 2);
  });

  it("records when the job was submitted, and keeps it while polling", async () => {
    const { deps, team } = await setUp({ pendingPolls: 2, retryAfterMs: 30 * minuteMs });
    const submittedAt = deps.clock.now();

    const session = await submitted(deps, team);
    expect(session.processing.submittedAt).toEqual(submittedAt);
    deps.clock.advance(30 * minuteMs);
    await deps.queue.runDue();
    expect((await stored(deps, session)).processing).toMatchObject({ polls: 1, submittedAt });
  });

  it("starts the limit at the next poll for a job stored before its submission time was kept", async () => {
    const { deps, team } = await setUp({ pendingPolls: Number.POSITIVE_INFINITY, retryAfterMs: 30 * minuteMs }, hourMs);
    const session = await submitted(deps, team);
    const { submittedAt: _submittedAt, ...older } = session.processing;
    const old = await deps.sessions.update({ ...session, processing: older }, session.version);
    // Far past the limit, had it been counted: the old job is polled, not failed. (The queued
    // poll was scheduled at the version before this rewrite and stands down.)
    deps.clock.advance(5 * hourMs);
    const firstPollAt = deps.clock.now();

    await processSession(deps, { sessionId: old.id });

    expect(await stored(deps, old)).toMatchObject({ status: "transcribing", processing: { polls: 1, submittedAt: firstPollAt } });
    await runUntilIdle(deps);
    expect((await stored(deps, old)).processing.lastError?.code).toBe("speech.timeout");
    expect(deps.clock.now().getTime() - firstPollAt.getTime()).toBe(hourMs);
  });

  it("still fails the session when the job cannot be discarded, keeping its ref for a retry or the deletion to discard", async () => {
    const { deps, team, logger } = await setUp({ pendingPolls: Number.POSITIVE_INFINITY, retryAfterMs: 30 * minuteMs, discardFailure: true }, hourMs);
    const session = await submitted(deps, team);

    await runUntilIdle(deps);

    expect(await stored(deps, session)).toMatchObject({
      status: "failed",
      processing: { providerRef: "job-1", lastError: { code: "speech.timeout" } },
    });
    expect(logger.entries).toContainEqual({
      level: "warn",
      message: "session.provider_job.discard_failed",
      fields: { sessionId: session.id, provider: "scripted", providerRef: "job-1", reason: "timeout", code: "provider.unavailable" },
    });

    deps.speech.script({ discardFailure: false });
    await deleteSession(deps, team.therapist, { sessionId: session.id });
    expect(deps.speech.discarded()).toEqual(["job-1"]);
  });

  it("lets the therapist retry a timed-out session with a new job", async () => {
    const { deps, team } = await setUp({ pendingPolls: Number.POSITIVE_INFINITY, retryAfterMs: 30 * minuteMs }, hourMs);
    const session = await submitted(deps, team);
    await runUntilIdle(deps);
    expect((await stored(deps, session)).processing.lastError?.code).toBe("speech.timeout");

    deps.speech.script({ pendingPolls: 0 });
    await retrySession(deps, team.therapist, { sessionId: session.id });
    await runUntilIdle(deps);

    expect(await stored(deps, session)).toMatchObject({ status: "ready", processing: { run: 1, providerRef: null } });
    expect(deps.speech.calls().submit).toBe(2);
  });
});
