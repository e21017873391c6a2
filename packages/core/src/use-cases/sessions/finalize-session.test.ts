import { describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/test-deps.ts";
import { finalizeSession } from "./finalize-session.ts";
import { getSession } from "./get-session.ts";
import { listSessions } from "./list-sessions.ts";
import { verifyNotes } from "../../domain/note-evidence.ts";
import { findingOn } from "../../testing/scripted-risk-screen.ts";
import { allNotAssessed } from "../../domain/clinical-notes.ts";
import type { TestDeps } from "../../testing/test-deps.ts";
import { screenRisk } from "../policies/risk-screening.ts";
import { acknowledgeRiskFlag } from "./acknowledge-risk-flag.ts";
import { admin, otherTherapist, patient, sampleTranscript, storeSession, therapist } from "./session-fixture.test-support.ts";

describe("finalizeSession", () => {
  it("finalizes a ready session, after which its patient can see it", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    await expect(getSession(deps, patient, { sessionId: stored.id })).rejects.toMatchObject({ code: "session.not_found" });
    deps.clock.advance(5 * 60_000);

    const finalized = await finalizeSession(deps, therapist, { sessionId: stored.id, expectedVersion: stored.version });

    expect(finalized.status).toBe("finalized");
    expect(finalized.version).toBe(stored.version + 1);
    expect(finalized.review.finalizedAt).toEqual(deps.clock.now());
    expect(finalized.review.finalizedBy).toBe(therapist.userId);
    expect(finalized.updatedAt).toEqual(deps.clock.now());

    const view = await getSession(deps, patient, { sessionId: stored.id });
    expect(view.review).toEqual({ finalizedAt: deps.clock.now() });
    expect(finalized.review).toMatchObject({ finalizedBy: therapist.userId, finalizedAt: deps.clock.now(), summaryReleased: false });
    expect(view).not.toHaveProperty("sentiment");
    expect((await listSessions(deps, patient, {})).items.map((s) => s.id)).toEqual([stored.id]);
    expect(deps.audit.events().map((e) => [e.action, e.actorId])).toEqual([
      ["session.finalize", therapist.userId],
      ["session.read", patient.userId],
      ["session.list", patient.userId],
    ]);
  });

  it("works without a version, and checks one when given", async () => {
    const deps = createTestDeps();
    const first = await storeSession(deps);
    const second = await storeSession(deps);

    expect((await finalizeSession(deps, therapist, { sessionId: first.id })).status).toBe("finalized");
    await expect(finalizeSession(deps, therapist, { sessionId: second.id, expectedVersion: 3 })).rejects.toMatchObject({
      code: "session.version_conflict",
    });
    expect((await deps.sessions.get(second.id))?.status).toBe("ready");
  });

  it("answers session.invalid_state for a finalized session or one not yet ready", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const analyzing = await storeSession(deps, { status: "analyzing" });
    await finalizeSession(deps, therapist, { sessionId: stored.id, expectedVersion: 1 });

    await expect(finalizeSession(deps, therapist, { sessionId: stored.id, expectedVersion: 2 })).rejects.toMatchObject({
      code: "session.invalid_state",
    });
    await expect(finalizeSession(deps, therapist, { sessionId: analyzing.id })).rejects.toMatchObject({
      code: "session.invalid_state",
    });
  });

  it("lets only the owning therapist finalize", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    await expect(finalizeSession(deps, otherTherapist, { sessionId: stored.id })).rejects.toMatchObject({
      code: "session.not_found",
    });
    await expect(finalizeSession(deps, patient, { sessionId: stored.id })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(finalizeSession(deps, admin, { sessionId: stored.id })).rejects.toMatchObject({ code: "auth.forbidden" });
    expect((await deps.sessions.get(stored.id))?.status).toBe("ready");
  });
});

describe("finalizeSession answers", () => {
  it("says a finalized session is read-only, and audits the finalization against the patient", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    await finalizeSession(deps, therapist, { sessionId: stored.id });
    await expect(finalizeSession(deps, therapist, { sessionId: stored.id })).rejects.toMatchObject({
      code: "session.invalid_state",
      message: "A finalized session is read-only.",
    });
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.finalize", sessionId: stored.id, subjectUserId: patient.userId, detail: { summaryReleased: false } }),
    ]);
  });

  it("tells apart a missing session, a role that may not, and a stale version", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    await expect(finalizeSession(deps, otherTherapist, { sessionId: stored.id })).rejects.toMatchObject({
      code: "session.not_found",
      message: "No such session.",
    });
    await expect(finalizeSession(deps, admin, { sessionId: stored.id })).rejects.toMatchObject({
      code: "auth.forbidden",
      message: "Administrators cannot access clinical content.",
    });
    await expect(finalizeSession(deps, therapist, { sessionId: stored.id, expectedVersion: 9 })).rejects.toMatchObject({
      code: "session.version_conflict",
      message: "The session was changed since you read it.",
      details: { currentVersion: 1 },
    });
  });
});

/** A ready session with notes whose patient summary the therapist wrote, and the screen's flags on the patient's words. */
async function signOffSession(deps: TestDeps, findings: Array<{ phrase: string; temporality: "current" | "history" }>) {
  deps.risk.script((input) => findings.map(({ phrase, temporality }) => findingOn(input, phrase, { temporality })));
  const transcript = sampleTranscript();
  const written = verifyNotes(allNotAssessed("not needed here"), transcript, { provider: "scripted", model: "m", promptVersion: "1", writtenAt: deps.clock.now() }, deps.claims);
  const review = { therapistNotes: null, patientSummary: "We talked about your job and sleep.", editedAt: deps.clock.now(), editedBy: therapist.userId };
  return storeSession(deps, { risk: await screenRisk(deps, transcript), notes: { ...written, review } });
}

describe("the sign-off", () => {
  it("refuses while a current risk flag is unacknowledged, naming it, and writes nothing", async () => {
    const deps = createTestDeps();
    const stored = await signOffSession(deps, [{ phrase: "worried and sad", temporality: "current" }]);
    const flagId = stored.risk?.flags[0]?.id;

    await expect(finalizeSession(deps, therapist, { sessionId: stored.id, releaseSummaryToPatient: true })).rejects.toMatchObject({
      code: "session.risk_unacknowledged",
      message: "A risk flag has not been acknowledged yet. Review and acknowledge it before signing off.",
      details: { flagIds: [flagId] },
    });
    expect((await deps.sessions.get(stored.id))?.status).toBe("ready");
    expect(deps.audit.events()).toEqual([]);

    const acknowledged = await acknowledgeRiskFlag(deps, therapist, { sessionId: stored.id, flagId: flagId ?? "", action: "discussed" });
    const finalized = await finalizeSession(deps, therapist, { sessionId: stored.id, expectedVersion: acknowledged.version });
    expect(finalized.status).toBe("finalized");
  });

  it("counts every unacknowledged current flag in plain words, and lets past risk (history) through", async () => {
    const deps = createTestDeps();
    const two = await signOffSession(deps, [
      { phrase: "worried and sad", temporality: "current" },
      { phrase: "much better", temporality: "current" },
    ]);
    await expect(finalizeSession(deps, therapist, { sessionId: two.id })).rejects.toMatchObject({
      code: "session.risk_unacknowledged",
      message: "2 risk flags have not been acknowledged yet. Review and acknowledge each one before signing off.",
    });

    const past = await signOffSession(deps, [{ phrase: "worried and sad", temporality: "history" }]);
    expect(past.risk?.flags).toHaveLength(1);
    expect((await finalizeSession(deps, therapist, { sessionId: past.id })).status).toBe("finalized");
  });

  it("records the attestation: who signed and when", async () => {
    const deps = createTestDeps();
    const stored = await signOffSession(deps, []);
    deps.clock.advance(90_000);
    const finalized = await finalizeSession(deps, therapist, { sessionId: stored.id, releaseSummaryToPatient: true });
    expect(finalized.review).toMatchObject({ finalizedBy: therapist.userId, finalizedAt: deps.clock.now(), summaryReleased: true });
    expect((await deps.sessions.get(stored.id))?.review).toMatchObject({ finalizedBy: therapist.userId, finalizedAt: deps.clock.now() });
  });

  it("shows the patient no summary unless the therapist released it; a request that says nothing releases nothing", async () => {
    const deps = createTestDeps();
    const kept = await signOffSession(deps, []);
    const unsaid = await signOffSession(deps, []);
    const released = await signOffSession(deps, []);

    await finalizeSession(deps, therapist, { sessionId: kept.id, releaseSummaryToPatient: false });
    await finalizeSession(deps, therapist, { sessionId: unsaid.id });
    await finalizeSession(deps, therapist, { sessionId: released.id, expectedVersion: released.version, releaseSummaryToPatient: true });

    expect(await getSession(deps, patient, { sessionId: kept.id })).toMatchObject({ status: "finalized", patientSummary: null });
    expect(await getSession(deps, patient, { sessionId: unsaid.id })).toMatchObject({ status: "finalized", patientSummary: null });
    expect(await getSession(deps, patient, { sessionId: released.id })).toMatchObject({ patientSummary: "We talked about your job and sleep." });
    // Nor can the patient find a summary they were not given by searching for its words.
    const found = await listSessions(deps, patient, { text: "talked" });
    expect(found.items.map((session) => session.id)).toEqual([released.id]);
  });
});
