import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { testUser } from "../../testing/linked-pair.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { deleteSession } from "../sessions/delete-session.ts";
import { admin, createCareTeam, storeSession } from "../sessions/session-fixture.test-support.ts";
import { withdrawConsent } from "../consent/withdraw-consent.ts";
import { listLegalHolds } from "./list-legal-holds.ts";
import { releaseLegalHold } from "./release-legal-hold.ts";
import { setLegalHold } from "./set-legal-hold.ts";

async function rejection(promise: Promise<unknown>): Promise<ConfideError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!ConfideError.is(error)) throw new Error(`Expected a ConfideError, got ${String(error)}`);
  return error;
}

async function setUp(): Promise<{ deps: TestDeps; team: Awaited<ReturnType<typeof createCareTeam>>; secondTherapist: Actor }> {
  const deps = createTestDeps();
  const team = await createCareTeam(deps);
  await deps.users.create(testUser("therapist-b", "therapist", deps.clock.now()));
  await deps.users.link({ therapistId: "therapist-b", patientId: team.patient.userId, createdAt: deps.clock.now() });
  return { deps, team, secondTherapist: { userId: "therapist-b", role: "therapist" } };
}

const holdEvents = (deps: TestDeps) => deps.audit.events().filter((event) => event.action.startsWith("legal_hold."));

describe("setting a legal hold", () => {
  it("stores who set it, when, on what and why (trimmed), active until released", async () => {
    const { deps, team } = await setUp();
    const session = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    deps.clock.advance(1000);
    const onSession = await setLegalHold(deps, team.therapist, { sessionId: session.id, reason: "  Case 7  " });
    expect(onSession).toEqual({
      id: onSession.id,
      patientId: team.patient.userId,
      sessionId: session.id,
      reason: "Case 7",
      setAt: deps.clock.now(),
      setBy: team.therapist.userId,
      setByRole: "therapist",
      releasedAt: null,
      releasedBy: null,
    });
    const onPatient = await setLegalHold(deps, admin, { patientId: team.patient.userId, reason: "Regulator" });
    expect(onPatient).toMatchObject({ patientId: team.patient.userId, sessionId: null, setByRole: "admin" });
    expect(await deps.holds.get(onSession.id)).toEqual(onSession);
    expect(holdEvents(deps).map((event) => [event.action, event.sessionId, event.subjectUserId, event.detail])).toEqual([
      ["legal_hold.set", session.id, team.patient.userId, { holdId: onSession.id, scope: "session" }],
      ["legal_hold.set", undefined, team.patient.userId, { holdId: onPatient.id, scope: "patient" }],
    ]);
  });

  it("takes a reason of 1 to 500 characters", async () => {
    const { deps, team } = await setUp();
    const message = "Say why the hold is set, in 1 to 500 characters.";
    for (const reason of ["", "   ", "r".repeat(501)]) {
      expect(await rejection(setLegalHold(deps, admin, { patientId: team.patient.userId, reason }))).toMatchObject({
        code: "validation.invalid_input",
        message,
        details: { field: "reason" },
      });
    }
    expect((await setLegalHold(deps, admin, { patientId: team.patient.userId, reason: "r".repeat(500) })).reason).toHaveLength(500);
  });

  it("names exactly one of a session and a patient, saying which field is wrong", async () => {
    const { deps, team } = await setUp();
    const session = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    const message = "Name either a session or a patient to hold.";
    expect(await rejection(setLegalHold(deps, admin, { reason: "x" }))).toMatchObject({ message, details: { field: "sessionId" } });
    expect(await rejection(setLegalHold(deps, admin, { sessionId: session.id, patientId: team.patient.userId, reason: "x" }))).toMatchObject({
      message,
      details: { field: "patientId" },
    });
    expect(await deps.holds.listByPatient(team.patient.userId)).toEqual([]);
  });

  it("lets an administrator hold any session, and refuses a session that does not exist", async () => {
    const { deps } = await setUp();
    const anyones = await storeSession(deps, {});
    expect((await setLegalHold(deps, admin, { sessionId: anyones.id, reason: "x" })).sessionId).toBe(anyones.id);
    expect(await rejection(setLegalHold(deps, admin, { sessionId: "no-such-session", reason: "x" }))).toMatchObject({ code: "session.not_found", message: "No such session." });
  });

  it("refuses an administrator a hold on someone who is not a patient, or no one", async () => {
    const { deps, team } = await setUp();
    for (const patientId of [team.therapist.userId, "nobody"]) {
      expect(await rejection(setLegalHold(deps, admin, { patientId, reason: "x" }))).toMatchObject({ code: "user.not_found", message: "No such patient.", details: { patientId } });
    }
  });

  it("refuses a therapist a hold on a patient not in their care, naming the patient", async () => {
    const { deps } = await setUp();
    await deps.users.create(testUser("stranger", "patient", deps.clock.now()));
    expect(await rejection(setLegalHold(deps, { userId: "therapist-b", role: "therapist" }, { patientId: "stranger", reason: "x" }))).toMatchObject({
      code: "care.not_linked",
      message: "This patient is not in your care.",
      details: { patientId: "stranger" },
    });
  });
});

describe("releasing a legal hold", () => {
  it("a release by a therapist who did not place the hold is refused, even one caring for the patient", async () => {
    const { deps, team, secondTherapist } = await setUp();
    const hold = await setLegalHold(deps, team.therapist, { patientId: team.patient.userId, reason: "Complaint" });
    expect(await rejection(releaseLegalHold(deps, secondTherapist, { holdId: hold.id }))).toMatchObject({
      code: "auth.forbidden",
      message: "Only an administrator or whoever set this hold may release it.",
      details: { holdId: hold.id },
    });
    expect(await rejection(releaseLegalHold(deps, team.patient, { holdId: hold.id }))).toMatchObject({ code: "auth.forbidden" });
    expect((await deps.holds.get(hold.id))?.releasedAt).toBeNull();
    const session = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    expect(await rejection(deleteSession(deps, team.therapist, { sessionId: session.id }))).toMatchObject({ code: "session.legal_hold" });
  });

  it("the therapist who placed a hold may release it, and then what it covered may be deleted", async () => {
    const { deps, team } = await setUp();
    const session = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    const hold = await setLegalHold(deps, team.therapist, { sessionId: session.id, reason: "Complaint" });
    deps.clock.advance(5000);
    const released = await releaseLegalHold(deps, team.therapist, { holdId: hold.id });
    expect(released).toEqual({ ...hold, releasedAt: deps.clock.now(), releasedBy: team.therapist.userId });
    expect(holdEvents(deps).at(-1)).toMatchObject({
      action: "legal_hold.release",
      actorId: team.therapist.userId,
      sessionId: session.id,
      subjectUserId: team.patient.userId,
      detail: { holdId: hold.id, scope: "session" },
    });
    await deleteSession(deps, team.therapist, { sessionId: session.id });
    expect(await deps.sessions.get(session.id)).toBeNull();
  });

  it("an administrator may release a hold a therapist placed", async () => {
    const { deps, team } = await setUp();
    const hold = await setLegalHold(deps, team.therapist, { patientId: team.patient.userId, reason: "Complaint" });
    expect(await releaseLegalHold(deps, admin, { holdId: hold.id })).toMatchObject({ releasedBy: admin.userId, releasedAt: deps.clock.now() });
  });

  it("releasing a released hold changes nothing and records nothing more", async () => {
    const { deps, team } = await setUp();
    const hold = await setLegalHold(deps, admin, { patientId: team.patient.userId, reason: "Regulator" });
    const first = await releaseLegalHold(deps, admin, { holdId: hold.id });
    expect(holdEvents(deps).at(-1)).toMatchObject({ action: "legal_hold.release", subjectUserId: team.patient.userId, detail: { holdId: hold.id, scope: "patient" } });
    expect(holdEvents(deps).at(-1)?.sessionId).toBeUndefined();
    const eventsBefore = holdEvents(deps).length;
    deps.clock.advance(60_000);
    expect(await releaseLegalHold(deps, admin, { holdId: hold.id })).toEqual(first);
    expect(holdEvents(deps)).toHaveLength(eventsBefore);
  });

  it("an unknown hold is legal_hold.not_found, naming it", async () => {
    const { deps } = await setUp();
    expect(await rejection(releaseLegalHold(deps, admin, { holdId: "hold-x" }))).toMatchObject({ code: "legal_hold.not_found", message: "No such legal hold.", details: { holdId: "hold-x" } });
  });
});

describe("listing legal holds", () => {
  it("lists a patient's holds newest first, released ones too unless only active ones are asked for", async () => {
    const { deps, team } = await setUp();
    const session = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    const older = await setLegalHold(deps, admin, { patientId: team.patient.userId, reason: "First" });
    deps.clock.advance(1000);
    const newer = await setLegalHold(deps, team.therapist, { sessionId: session.id, reason: "Second" });
    const released = await releaseLegalHold(deps, admin, { holdId: older.id });
    expect(await listLegalHolds(deps, team.therapist, { patientId: team.patient.userId })).toEqual([newer, released]);
    expect(await listLegalHolds(deps, admin, { patientId: team.patient.userId, activeOnly: true })).toEqual([newer]);
    expect(await listLegalHolds(deps, admin, { patientId: team.patient.userId, activeOnly: false })).toEqual([newer, released]);
  });

  it("is for administrators and the patient's therapists: not patients, not other therapists", async () => {
    const { deps, team } = await setUp();
    await deps.users.create(testUser("therapist-c", "therapist", deps.clock.now()));
    expect(await rejection(listLegalHolds(deps, team.patient, { patientId: team.patient.userId }))).toMatchObject({ code: "auth.forbidden" });
    expect(await rejection(listLegalHolds(deps, { userId: "therapist-c", role: "therapist" }, { patientId: team.patient.userId }))).toMatchObject({ code: "care.not_linked" });
    expect(await rejection(listLegalHolds(deps, admin, { patientId: "nobody" }))).toMatchObject({ code: "user.not_found" });
  });
});

describe("a legal hold against erasure", () => {
  it("a patient-wide hold refuses a withdrawal with erasure, naming the hold without its reason", async () => {
    const { deps, team } = await setUp();
    await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    deps.clock.advance(1234);
    const hold = await setLegalHold(deps, admin, { patientId: team.patient.userId, reason: "Secret case name" });
    const error = await rejection(withdrawConsent(deps, team.patient, { eraseSessions: true }));
    expect(error).toMatchObject({
      code: "session.legal_hold",
      message: "A legal hold covers this patient or one of their sessions: they cannot be erased until it is released.",
      details: { patientId: team.patient.userId, holds: [{ holdId: hold.id, scope: "patient", setAt: hold.setAt.toISOString(), setBy: admin.userId }] },
    });
    expect(JSON.stringify(error.details)).not.toContain("Secret");
  });

  it("a released hold no longer stands in the way of erasure", async () => {
    const { deps, team } = await setUp();
    const session = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    const hold = await setLegalHold(deps, admin, { patientId: team.patient.userId, reason: "Closed case" });
    await releaseLegalHold(deps, admin, { holdId: hold.id });
    const result = await withdrawConsent(deps, team.patient, { eraseSessions: true });
    expect(result.erasedSessionCount).toBe(1);
    expect(await deps.sessions.get(session.id)).toBeNull();
  });

  it("a session hold refuses the session's delete, saying so", async () => {
    const { deps, team } = await setUp();
    const session = await storeSession(deps, { therapistId: team.therapist.userId, patientId: team.patient.userId });
    const hold = await setLegalHold(deps, team.therapist, { sessionId: session.id, reason: "Complaint" });
    expect(await rejection(deleteSession(deps, team.therapist, { sessionId: session.id }))).toMatchObject({
      message: "A legal hold covers this session: it cannot be deleted until the hold is released.",
      details: { sessionId: session.id, holds: [{ holdId: hold.id, scope: "session", setAt: hold.setAt.toISOString(), setBy: team.therapist.userId }] },
    });
  });
});
