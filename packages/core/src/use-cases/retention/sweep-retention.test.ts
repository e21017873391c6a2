import { describe, expect, it } from "vitest";
import { ConfideError } from "../../errors.ts";
import type { CoreSettings } from "../../settings.ts";
import { createInMemoryBlobStore } from "../../testing/in-memory-blob-store.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { eraseUser } from "../accounts/erase-user.ts";
import { deleteSession } from "../sessions/delete-session.ts";
import { getSession } from "../sessions/get-session.ts";
import { readSessionAudio } from "../sessions/read-session-audio.ts";
import { retrySession } from "../sessions/retry-session.ts";
import { admin, createCareTeam, patient, storeSession, therapist } from "../sessions/session-fixture.test-support.ts";
import { createJobHandlers } from "../pipeline/job-handlers.ts";
import { releaseLegalHold } from "./release-legal-hold.ts";
import { enqueueRetentionSweep } from "./schedule-retention-sweep.ts";
import { setLegalHold } from "./set-legal-hold.ts";
import { sweepRetention, type RetentionOutcome } from "./sweep-retention.ts";

const dayMs = 24 * 3600_000;
const policy: CoreSettings["retention"] = { audioAfterFinalizeDays: 30, sessionAfterFinalizeDays: 365, failedAfterDays: 7 };

function depsWith(retention: CoreSettings["retention"] = policy, overrides: Parameters<typeof createTestDeps>[0] = {}): TestDeps {
  return createTestDeps({ ...overrides, settings: { retention } });
}

const failedSession = (deps: TestDeps) =>
  storeSession(deps, {
    status: "failed",
    processing: { attempts: 1, lastError: { code: "provider.rejected", message: "no", retryable: false }, providerRef: null, polls: 0, notifiedAt: null, run: 0 },
  });

describe("sweepRetention", () => {
  it("keeps everything when no rule is set, however old", async () => {
    const deps = depsWith({});
    const finalized = await storeSession(deps, { status: "finalized" });
    const failed = await failedSession(deps);
    deps.clock.advance(10_000 * dayMs);

    const result = await sweepRetention(deps);

    expect(result.counts).toEqual({ due: 0, deleted: 0, held: 0, skipped: 0, failed: 0 });
    expect(await deps.sessions.get(finalized.id)).toEqual(finalized);
    expect(await deps.sessions.get(failed.id)).toEqual(failed);
    expect(deps.blobs.keys().sort()).toEqual([finalized.audio.blobKey, failed.audio.blobKey].sort());
    expect(deps.audit.events()).toEqual([]);
  });

  it("deletes the recording N days after finalize, keeps the transcript, and the audio answers audio.deleted", async () => {
    const deps = depsWith();
    const old = await storeSession(deps, { status: "finalized" });
    deps.clock.advance(10 * dayMs);
    const recent = await storeSession(deps, { status: "finalized" });
    const ready = await storeSession(deps, { status: "ready" });
    deps.clock.advance(25 * dayMs);

    const result = await sweepRetention(deps);

    expect(result.counts.deleted).toBe(1);
    expect(deps.blobs.keys().sort()).toEqual([recent.audio.blobKey, ready.audio.blobKey].sort());
    const kept = await getSession(deps, therapist, { sessionId: old.id });
    expect(kept.transcript).toEqual(old.transcript);
    expect(kept.audio.removed).toEqual({ at: deps.clock.now(), rule: "audio" });
    await expect(readSessionAudio(deps, therapist, { sessionId: old.id })).rejects.toMatchObject({
      code: "audio.deleted",
      details: { rule: "audio" },
    });
    await expect(readSessionAudio(deps, patient, { sessionId: old.id })).rejects.toMatchObject({ code: "audio.deleted" });
    const events = deps.audit.events().filter((event) => event.action === "session.audio.delete");
    expect(events).toEqual([
      expect.objectContaining({ actorId: "system:retention", sessionId: old.id, subjectUserId: patient.userId, detail: { reason: "retention", rule: "audio" } }),
    ]);
    // A second sweep finds nothing more to do.
    expect((await sweepRetention(deps)).counts.deleted).toBe(0);
  });

  it("erases whole sessions M days after finalize, by the session deletion path", async () => {
    const deps = depsWith();
    const old = await storeSession(deps, { status: "finalized" });
    deps.clock.advance(200 * dayMs);
    const younger = await storeSession(deps, { status: "finalized" });
    deps.clock.advance(166 * dayMs);

    const result = await sweepRetention(deps);

    expect(await deps.sessions.get(old.id)).toBeNull();
    expect(deps.blobs.keys()).not.toContain(old.audio.blobKey);
    // The younger one is past the audio rule only.
    expect((await deps.sessions.get(younger.id))?.audio.removed?.rule).toBe("audio");
    expect(result.counts.deleted).toBe(2);
    expect(deps.audit.events().filter((event) => event.action === "session.delete")).toEqual([
      expect.objectContaining({ sessionId: old.id, detail: { reason: "retention", rule: "session", status: "finalized" } }),
    ]);
  });

  it("erases failed sessions K days after they failed, and leaves sessions in other states", async () => {
    const deps = depsWith();
    const failed = await failedSession(deps);
    const ready = await storeSession(deps, { status: "ready" });
    deps.clock.advance(6 * dayMs);
    expect((await sweepRetention(deps)).counts.deleted).toBe(0);
    deps.clock.advance(2 * dayMs);

    await sweepRetention(deps);

    expect(await deps.sessions.get(failed.id)).toBeNull();
    expect(deps.blobs.keys()).not.toContain(failed.audio.blobKey);
    expect(await deps.sessions.get(ready.id)).toEqual(ready);
    expect(deps.audit.events().map((event) => [event.action, event.sessionId, event.detail?.rule])).toEqual([["session.delete", failed.id, "failed"]]);
  });

  it("a dry run lists what would go and why, held ones flagged, and deletes nothing", async () => {
    const deps = depsWith();
    const { therapist: owner, patient: heldPatient } = await createCareTeam(deps);
    const due = await storeSession(deps, { status: "finalized" });
    const held = await storeSession(deps, { status: "finalized", therapistId: owner.userId, patientId: heldPatient.userId });
    const failed = await failedSession(deps);
    const hold = await setLegalHold(deps, owner, { patientId: heldPatient.userId, reason: "Court order 17" });
    deps.clock.advance(400 * dayMs);
    const before = { events: deps.audit.events().length, keys: deps.blobs.keys().sort() };
    const listed: RetentionOutcome[] = [];

    const result = await sweepRetention(deps, { dryRun: true, onOutcome: (outcome) => listed.push(outcome) });

    expect(result).toMatchObject({ dryRun: true, counts: { due: 3, held: 2, deleted: 0 } });
    expect(listed.map((item) => [item.rule, item.sessionId, item.outcome, item.holdIds])).toEqual([
      ["session", due.id, "due", []],
      ["session", held.id, "held", [hold.id]],
      ["failed", failed.id, "due", []],
      ["audio", due.id, "due", []],
      ["audio", held.id, "held", [hold.id]],
    ]);
    expect(listed[0]?.since).toEqual(due.review.finalizedAt);
    expect(await deps.sessions.get(due.id)).toEqual(due);
    expect(deps.blobs.keys().sort()).toEqual(before.keys);
    expect(deps.audit.events()).toHaveLength(before.events);
  });

  it("spares a held session and a held patient's sessions; after release the next sweep removes them", async () => {
    const deps = depsWith();
    const team = await createCareTeam(deps);
    const onSession = await storeSession(deps, { status: "finalized" });
    const ofPatient = await storeSession(deps, { status: "finalized", therapistId: team.therapist.userId, patientId: team.patient.userId });
    const sessionHold = await setLegalHold(deps, admin, { sessionId: onSession.id, reason: "Litigation hold L-1" });
    const patientHold = await setLegalHold(deps, team.therapist, { patientId: team.patient.userId, reason: "Subpoena S-2" });
    deps.clock.advance(400 * dayMs);

    const first = await sweepRetention(deps);

    expect(first.counts).toMatchObject({ held: 4, deleted: 0 });
    expect(await deps.sessions.get(onSession.id)).toEqual(onSession);
    expect(await deps.sessions.get(ofPatient.id)).toEqual(ofPatient);

    await releaseLegalHold(deps, admin, { holdId: sessionHold.id });
    await sweepRetention(deps);
    expect(await deps.sessions.get(onSession.id)).toBeNull();
    expect(await deps.sessions.get(ofPatient.id)).toEqual(ofPatient);

    await releaseLegalHold(deps, team.therapist, { holdId: patientHold.id });
    await sweepRetention(deps);
    expect(await deps.sessions.get(ofPatient.id)).toBeNull();
    expect(deps.audit.events().map((event) => event.action)).toEqual(
      expect.arrayContaining(["legal_hold.set", "legal_hold.release", "session.delete"]),
    );
  });

  it("pages through more candidates than one batch", async () => {
    const deps = depsWith();
    const stored = [];
    for (let index = 0; index < 7; index += 1) stored.push(await failedSession(deps));
    deps.clock.advance(8 * dayMs);

    const result = await sweepRetention(deps, { batchSize: 3 });

    expect(result.counts.deleted).toBe(7);
    for (const session of stored) expect(await deps.sessions.get(session.id)).toBeNull();
  });

  it("finishes on the next sweep what a failing blob store interrupted", async () => {
    const blobs = createInMemoryBlobStore();
    const realDelete = blobs.delete.bind(blobs);
    let deletes = 0;
    blobs.delete = async (key) => {
      deletes += 1;
      if (deletes === 2) throw new ConfideError("dependency.unavailable", "blob store down", { retryable: true });
      return realDelete(key);
    };
    const deps = depsWith(policy, { blobs });
    const audioDue = [await storeSession(deps, { status: "finalized" }), await storeSession(deps, { status: "finalized" }), await storeSession(deps, { status: "finalized" })];
    deps.clock.advance(31 * dayMs);

    const first = await sweepRetention(deps);

    expect(first.counts).toMatchObject({ deleted: 2, failed: 1 });
    const interrupted = await deps.sessions.get(audioDue[1]?.id ?? "");
    // Nothing half-done: the recording and its session without a marker, as before.
    expect(interrupted?.audio.removed).toBeUndefined();
    expect(deps.blobs.keys()).toContain(interrupted?.audio.blobKey);

    const second = await sweepRetention(deps);

    expect(second.counts).toMatchObject({ deleted: 1, failed: 0 });
    for (const session of audioDue) {
      expect((await deps.sessions.get(session.id))?.audio.removed?.rule).toBe("audio");
      expect(deps.blobs.keys()).not.toContain(session.audio.blobKey);
      expect(deps.audit.events().some((event) => event.action === "session.audio.delete" && event.sessionId === session.id)).toBe(true);
    }
  });

  it("finishes a marker a crash left unwritten after the blob went", async () => {
    const deps = depsWith();
    const session = await storeSession(deps, { status: "finalized" });
    deps.clock.advance(31 * dayMs);
    // The first sweep deleted the blob and crashed before writing the marker.
    await deps.blobs.delete(session.audio.blobKey);

    await sweepRetention(deps);

    expect((await deps.sessions.get(session.id))?.audio.removed?.rule).toBe("audio");
  });

  it("two sweeps at once delete each recording once and leave every session consistent", async () => {
    const deps = depsWith();
    const stored = [];
    for (let index = 0; index < 5; index += 1) stored.push(await storeSession(deps, { status: "finalized" }));
    deps.clock.advance(31 * dayMs);

    const results = await Promise.all([sweepRetention(deps, { batchSize: 2 }), sweepRetention(deps, { batchSize: 2 })]);

    expect(results.every((result) => result.counts.failed === 0)).toBe(true);
    for (const session of stored) expect((await deps.sessions.get(session.id))?.audio.removed?.rule).toBe("audio");
    expect(deps.blobs.keys()).toEqual([]);
  });

  it("a retry that would have to transcribe a deleted recording is refused with audio.deleted", async () => {
    const deps = depsWith();
    const failed = await failedSession(deps);
    const marked = await deps.sessions.update(
      {
        ...failed,
        processing: { ...failed.processing, lastError: { code: "provider.unavailable", message: "down", retryable: true } },
        audio: { ...failed.audio, removed: { at: deps.clock.now(), rule: "audio" } },
      },
      failed.version,
    );

    await expect(retrySession(deps, therapist, { sessionId: marked.id })).rejects.toMatchObject({ code: "audio.deleted" });
  });
});

describe("legal holds and manual deletion", () => {
  it("refuses to delete a held session, naming the hold; after release it deletes", async () => {
    const deps = depsWith();
    const session = await storeSession(deps, { status: "finalized" });
    const hold = await setLegalHold(deps, admin, { sessionId: session.id, reason: "Audit request A-9" });

    await expect(deleteSession(deps, therapist, { sessionId: session.id })).rejects.toMatchObject({
      code: "session.legal_hold",
      details: { sessionId: session.id, holds: [expect.objectContaining({ holdId: hold.id, scope: "session" })] },
    });
    expect(await deps.sessions.get(session.id)).toEqual(session);

    await releaseLegalHold(deps, admin, { holdId: hold.id });
    await deleteSession(deps, therapist, { sessionId: session.id });
    expect(await deps.sessions.get(session.id)).toBeNull();
  });

  it("refuses to erase a patient with a held session, before changing anything", async () => {
    const deps = depsWith();
    const team = await createCareTeam(deps);
    const session = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    await setLegalHold(deps, team.therapist, { sessionId: session.id, reason: "Complaint C-3" });

    await expect(eraseUser(deps, admin, { userId: team.patient.userId })).rejects.toMatchObject({ code: "session.legal_hold" });

    expect((await deps.users.get(team.patient.userId))?.active).toBe(true);
    expect(await deps.sessions.get(session.id)).toEqual(session);
  });

  it("lets a therapist hold only their own sessions and linked patients, and release only their own holds", async () => {
    const deps = depsWith();
    const team = await createCareTeam(deps);
    const others = await storeSession(deps, { status: "finalized" });
    await expect(setLegalHold(deps, team.therapist, { sessionId: others.id, reason: "x" })).rejects.toMatchObject({ code: "session.not_found" });
    await expect(setLegalHold(deps, team.therapist, { patientId: patient.userId, reason: "x" })).rejects.toMatchObject({ code: "care.not_linked" });
    await expect(setLegalHold(deps, team.patient, { patientId: team.patient.userId, reason: "x" })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(setLegalHold(deps, admin, { reason: "x" })).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(setLegalHold(deps, admin, { sessionId: others.id, reason: "  " })).rejects.toMatchObject({ code: "validation.invalid_input" });
    const compliance = await setLegalHold(deps, admin, { patientId: team.patient.userId, reason: "Regulator R-1" });

    await expect(releaseLegalHold(deps, team.therapist, { holdId: compliance.id })).rejects.toMatchObject({ code: "auth.forbidden" });
    const released = await releaseLegalHold(deps, admin, { holdId: compliance.id });
    expect(released).toMatchObject({ releasedBy: admin.userId, releasedAt: deps.clock.now() });
    await expect(releaseLegalHold(deps, admin, { holdId: "hold-missing" })).rejects.toMatchObject({ code: "legal_hold.not_found" });
    const holdEvents = deps.audit.events().filter((event) => event.action.startsWith("legal_hold."));
    expect(holdEvents.map((event) => [event.action, event.actorId, event.detail?.holdId])).toEqual([
      ["legal_hold.set", admin.userId, compliance.id],
      ["legal_hold.release", admin.userId, compliance.id],
    ]);
    expect(JSON.stringify(holdEvents)).not.toContain("Regulator");
  });
});

describe("the retention sweep job", () => {
  it("is enqueued once per interval whoever asks, runs the sweep, and not at all without a rule", async () => {
    const deps = depsWith();
    await deps.queue.start(createJobHandlers(deps));
    const failed = await failedSession(deps);
    deps.clock.advance(8 * dayMs);

    expect(await enqueueRetentionSweep(deps, { intervalMs: 3600_000 })).toBe(true);
    // A second worker in the same hour names the same job.
    deps.clock.advance(60_000);
    await enqueueRetentionSweep(deps, { intervalMs: 3600_000 });
    expect(deps.queue.pending().map((job) => job.name)).toEqual(["retention.sweep"]);
    await deps.queue.runDue();
    expect(await deps.sessions.get(failed.id)).toBeNull();
    deps.clock.advance(3600_000);
    await enqueueRetentionSweep(deps, { intervalMs: 3600_000 });
    expect(deps.queue.pending()).toHaveLength(1);

    const keepAll = depsWith({});
    expect(await enqueueRetentionSweep(keepAll, { intervalMs: 3600_000 })).toBe(false);
    expect(keepAll.queue.pending()).toEqual([]);
  });
});
