import { describe, expect, it } from "vitest";
import type { Session } from "../../domain/session.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { getSession } from "./get-session.ts";
import { admin, otherPatient, otherTherapist, patient, storeSession, therapist } from "./session-fixture.test-support.ts";

describe("getSession", () => {
  it("gives the owning therapist the whole session and audits the read", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    const session = (await getSession(deps, therapist, { sessionId: stored.id })) as Session;

    expect(session.id).toBe(stored.id);
    expect(session.transcript?.segments).toHaveLength(4);
    expect(session.sentiment?.segments.map((s) => s.segmentId)).toEqual(["seg-2", "seg-4"]);
    expect(session.processing).toBeDefined();
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({
        action: "session.read",
        actorId: therapist.userId,
        actorRole: "therapist",
        sessionId: stored.id,
        subjectUserId: patient.userId,
        at: deps.clock.now(),
      }),
    ]);
  });

  it("answers session.not_found to another therapist, as for an id that does not exist", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    await expect(getSession(deps, otherTherapist, { sessionId: stored.id })).rejects.toMatchObject({
      code: "session.not_found",
    });
    await expect(getSession(deps, therapist, { sessionId: "no-such-session" })).rejects.toMatchObject({
      code: "session.not_found",
    });
    expect(deps.audit.events()).toEqual([]);
  });

  it("forbids an admin to read clinical content", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "finalized" });

    await expect(getSession(deps, admin, { sessionId: stored.id })).rejects.toMatchObject({ code: "auth.forbidden" });
  });

  it("shows a patient their own finalized session as the patient view", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "finalized" });

    const view = await getSession(deps, patient, { sessionId: stored.id });

    expect(view).not.toHaveProperty("sentiment");
    expect(view).not.toHaveProperty("processing");
    expect(view.review).toEqual({ finalizedAt: stored.review.finalizedAt });
    expect(view.audio).toEqual({ contentType: "audio/wav", sizeBytes: 1_000, durationMs: 20_000 });
    expect(view.transcript?.segments.map((s) => s.text)).toEqual(stored.transcript?.segments.map((s) => s.text));
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.read", actorId: patient.userId, actorRole: "patient", sessionId: stored.id }),
    ]);
  });

  it("answers session.not_found to a patient for their session not yet finalized, and for another patient's", async () => {
    const deps = createTestDeps();
    const ready = await storeSession(deps, { status: "ready" });
    const finalized = await storeSession(deps, { status: "finalized" });

    await expect(getSession(deps, patient, { sessionId: ready.id })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(getSession(deps, otherPatient, { sessionId: finalized.id })).rejects.toMatchObject({
      code: "session.not_found",
    });
  });
});
