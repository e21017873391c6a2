import { describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/test-deps.ts";
import { finalizeSession } from "./finalize-session.ts";
import { getSession } from "./get-session.ts";
import { listSessions } from "./list-sessions.ts";
import { admin, otherTherapist, patient, storeSession, therapist } from "./session-fixture.test-support.ts";

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
      expect.objectContaining({ action: "session.finalize", sessionId: stored.id, subjectUserId: patient.userId }),
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
