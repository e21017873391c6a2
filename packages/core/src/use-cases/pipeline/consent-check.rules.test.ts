import { describe, expect, it } from "vitest";
import type { ConsentScopeEntry, ConsentWithdrawal } from "../../domain/consent.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import type { ConsentRepository } from "../../ports/consent-repository.ts";
import { createInMemoryConsentRepository } from "../../testing/in-memory-consent-repository.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";
import { stopWithoutConsent } from "./consent-check.ts";
import { setUpPipeline, storedSession, uploadSample } from "./pipeline-fixture.test-support.ts";

/** A session uploaded and submitted to the speech engine, whose job is pending there. */
async function inTranscription(overrides: Parameters<typeof setUpPipeline>[0] = {}): Promise<{ deps: TestDeps; session: Session }> {
  const { deps, team } = await setUpPipeline(overrides);
  deps.speech.script({ pendingPolls: 5, retryAfterMs: 60_000 });
  const uploaded = await uploadSample(deps, team);
  await deps.queue.runDue();
  const session = await storedSession(deps, uploaded);
  expect(session.status).toBe("transcribing");
  expect(session.processing.providerRef).not.toBeNull();
  return { deps, session };
}

const withdrawal = (deps: TestDeps, patientId: string, sequence: number, scopes: ConsentScopeEntry[]): ConsentWithdrawal => ({
  kind: "withdrawal",
  id: `withdrawal-${sequence}`,
  patientId,
  sequence,
  at: deps.clock.now(),
  recordedBy: patientId,
  recordedByRole: "patient",
  scopes,
  reason: null,
  eraseSessions: false,
});

describe("consent checked before a step", () => {
  it("lets a step run while the consent covers it, changing nothing", async () => {
    const deps = createTestDeps();
    const session = await storeSession(deps, { status: "transcribing" });
    expect(await stopWithoutConsent(deps, session)).toBeUndefined();
    expect(await deps.sessions.get(session.id)).toEqual(session);
  });

  it("a session not in flight is not the check's to stop, even without any consent", async () => {
    const deps = createTestDeps();
    for (const status of ["uploaded", "ready", "failed", "finalized"] as const) {
      const session = await storeSession(deps, { status });
      const sequence = (await deps.consents.history(session.patientId)).length + 1;
      await deps.consents.append(withdrawal(deps, session.patientId, sequence, [{ scope: "recording" }, { scope: "transcription" }]));
      expect(await stopWithoutConsent(deps, session)).toBeUndefined();
      expect(await deps.sessions.get(session.id)).toEqual(session);
    }
  });

  it("when the consent was withdrawn: logs what is missing, discards the provider job and fails the session, retryable", async () => {
    const logger = createRecordingLogger();
    const { deps, session } = await inTranscription({ logger, settings: { cloudProviders: ["scripted"] } });
    const sequence = (await deps.consents.history(session.patientId)).length + 1;
    await deps.consents.append(withdrawal(deps, session.patientId, sequence, [{ scope: "transcription" }, { scope: "cloud_processing", providers: ["scripted"] }]));
    expect(await stopWithoutConsent(deps, session)).toBeNull();
    const stopped = (await deps.sessions.get(session.id)) as Session;
    expect(stopped.status).toBe("failed");
    expect(stopped.processing).toMatchObject({ attempts: session.processing.attempts, providerRef: null, lastError: { code: "consent.withdrawn", retryable: true } });
    expect(stopped.processing.lastError?.message).toBe("Processing stopped: the patient's consent no longer covers transcription, cloud_processing for scripted.");
    expect(deps.speech.jobs()).toEqual([]);
    expect(logger.entries).toContainEqual({
      level: "warn",
      message: "session.consent_withdrawn",
      fields: { sessionId: session.id, status: "transcribing", missing: "transcription,scripted" },
    });
    expect(logger.entries).toContainEqual({
      level: "info",
      message: "session.provider_job.discarded",
      fields: { sessionId: session.id, provider: "scripted", reason: "consent" },
    });
  });

  it("keeps the provider ref when the provider could not discard the job, so it can be discarded later", async () => {
    const { deps, session } = await inTranscription();
    const ref = session.processing.providerRef;
    deps.speech.script({ discardFailure: true });
    const sequence = (await deps.consents.history(session.patientId)).length + 1;
    await deps.consents.append(withdrawal(deps, session.patientId, sequence, [{ scope: "recording" }]));
    expect(await stopWithoutConsent(deps, session)).toBeNull();
    const stopped = (await deps.sessions.get(session.id)) as Session;
    expect(stopped.status).toBe("failed");
    expect(stopped.processing.providerRef).toBe(ref);
    expect(deps.speech.jobs()).toEqual([ref]);
  });

  it("a consent store that cannot be read stops nothing: its error reaches the caller", async () => {
    const inner = createInMemoryConsentRepository();
    let down = false;
    const flaky: ConsentRepository = {
      ...inner,
      history: async (patientId) => {
        if (down) throw new ConfideError("dependency.unavailable", "Down.");
        return inner.history(patientId);
      },
    };
    const deps = createTestDeps({ consents: flaky });
    const session = await storeSession(deps, { status: "analyzing" });
    down = true;
    await expect(stopWithoutConsent(deps, session)).rejects.toMatchObject({ code: "dependency.unavailable" });
    expect(await deps.sessions.get(session.id)).toEqual(session);
  });
});
