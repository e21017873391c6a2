import { describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/test-deps.ts";
import { deleteSession } from "./delete-session.ts";
import { getSession } from "./get-session.ts";
import { admin, otherTherapist, patient, storeSession, therapist } from "./session-fixture.test-support.ts";

describe("deleteSession", () => {
  it("erases the recording and the record, and keeps an audit event of ids only", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const kept = await storeSession(deps);
    expect(deps.blobs.keys()).toContain(stored.audio.blobKey);

    await deleteSession(deps, therapist, { sessionId: stored.id });

    expect(deps.blobs.keys()).not.toContain(stored.audio.blobKey);
    expect(deps.blobs.keys()).toContain(kept.audio.blobKey);
    expect(await deps.sessions.get(stored.id)).toBeNull();
    await expect(getSession(deps, therapist, { sessionId: stored.id })).rejects.toMatchObject({ code: "session.not_found" });
    const [event] = deps.audit.events();
    expect(event).toMatchObject({
      action: "session.delete",
      actorId: therapist.userId,
      sessionId: stored.id,
      subjectUserId: patient.userId,
    });
    expect(JSON.stringify(event)).not.toMatch(/sleeping|happy|Weekly session/);
    expect((await deps.audit.list({ sessionId: stored.id, limit: 10 })).items).toHaveLength(1);
  });

  it("erases a finalized session too", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "finalized" });

    await deleteSession(deps, therapist, { sessionId: stored.id });

    expect(await deps.sessions.get(stored.id)).toBeNull();
    expect(deps.blobs.keys()).toEqual([]);
    await expect(getSession(deps, patient, { sessionId: stored.id })).rejects.toMatchObject({ code: "session.not_found" });
  });

  it("erases a session still being processed; the worker's next write finds it gone", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "transcribing" });

    await deleteSession(deps, therapist, { sessionId: stored.id });

    await expect(deps.sessions.update({ ...stored, status: "analyzing" }, stored.version)).rejects.toMatchObject({
      code: "session.not_found",
    });
    expect(await deps.sessions.get(stored.id)).toBeNull();
  });

  it("lets only the owning therapist erase, and leaves the session intact otherwise", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "finalized" });

    await expect(deleteSession(deps, otherTherapist, { sessionId: stored.id })).rejects.toMatchObject({
      code: "session.not_found",
    });
    await expect(deleteSession(deps, patient, { sessionId: stored.id })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(deleteSession(deps, admin, { sessionId: stored.id })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(deleteSession(deps, therapist, { sessionId: "no-such-session" })).rejects.toMatchObject({
      code: "session.not_found",
    });
    expect(await deps.sessions.get(stored.id)).toEqual(stored);
    expect(deps.blobs.keys()).toEqual([stored.audio.blobKey]);
    expect(deps.audit.events()).toEqual([]);
  });
});

describe("deleteSession audit", () => {
  it("records the status the session had when it was deleted", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "failed", transcript: null });
    await deleteSession(deps, therapist, { sessionId: stored.id });
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.delete", sessionId: stored.id, detail: { status: "failed" } }),
    ]);
  });
});
