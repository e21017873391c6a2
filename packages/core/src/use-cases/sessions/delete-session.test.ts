import { describe, expect, it } from "vitest";
import { newProcessing } from "../../domain/session.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createScriptedSpeechToText } from "../../testing/scripted-speech-to-text.ts";
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

describe("deleteSession and the speech provider", () => {
  const withJob = (providerRef: string) => ({
    status: "transcribing" as const,
    transcript: null,
    sentiment: null,
    processing: { ...newProcessing(), providerRef, submittedAt: new Date(0) },
  });

  it("discards the session's provider job before erasing the recording, and none for a session without one", async () => {
    const deps = createTestDeps();
    const transcribing = await storeSession(deps, withJob("job-7"));
    const ready = await storeSession(deps);
    const scripted = deps.speech;
    const blobsAtDiscard: string[][] = [];
    deps.speech = {
      ...scripted,
      async discard(ref, options) {
        blobsAtDiscard.push(deps.blobs.keys());
        return scripted.discard(ref, options);
      },
    };

    await deleteSession(deps, therapist, { sessionId: transcribing.id });
    await deleteSession(deps, therapist, { sessionId: ready.id });

    expect(scripted.discarded()).toEqual(["job-7"]);
    expect(blobsAtDiscard).toEqual([[transcribing.audio.blobKey, ready.audio.blobKey]]);
    expect(await deps.sessions.get(transcribing.id)).toBeNull();
  });

  it("erases the session even when the provider cannot discard its job, logging the ref left there", async () => {
    const logger = createRecordingLogger();
    const deps = createTestDeps({ speech: createScriptedSpeechToText({ discardFailure: true }), logger });
    const stored = await storeSession(deps, withJob("job-8"));

    await deleteSession(deps, therapist, { sessionId: stored.id });

    expect(await deps.sessions.get(stored.id)).toBeNull();
    expect(deps.blobs.keys()).toEqual([]);
    expect(logger.entries).toContainEqual({
      level: "warn",
      message: "session.provider_job.discard_failed",
      fields: { sessionId: stored.id, provider: "scripted", providerRef: "job-8", reason: "delete", code: "provider.unavailable" },
    });
    expect(deps.audit.events().map((event) => event.action)).toEqual(["session.delete"]);
  });
});

describe("deleteSession of a job the provider cannot stop", () => {
  it("erases the session and records in the audit trail that the provider's job is deleted once it finishes", async () => {
    const deps = createTestDeps({ speech: createScriptedSpeechToText({ pendingPolls: Number.POSITIVE_INFINITY, discardDeferred: true }) });
    const stored = await storeSession(deps, { status: "queued", transcript: null, sentiment: null });
    const running = await deps.speech.submit(
      { key: stored.audio.blobKey, contentType: "audio/wav", sizeBytes: 0, channels: 1, open: async () => (await deps.blobs.get(stored.audio.blobKey)).body },
      stored.settings,
    );
    if (running.status !== "pending") throw new Error("not pending");
    const current = (await deps.sessions.get(stored.id))!;
    await deps.sessions.update({ ...current, status: "transcribing", processing: { ...current.processing, providerRef: running.ref, submittedAt: new Date(0) } }, current.version);

    await deleteSession(deps, therapist, { sessionId: stored.id });

    expect(await deps.sessions.get(stored.id)).toBeNull();
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.delete", sessionId: stored.id, detail: { status: "transcribing", providerJob: "deferred" } }),
    ]);
  });
});

describe("deleteSession audit", () => {
  it("records the status the session had when it was deleted", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "failed", transcript: null });
    await deleteSession(deps, therapist, { sessionId: stored.id });
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.delete", sessionId: stored.id, detail: { status: "failed", providerJob: "none" } }),
    ]);
  });
});
