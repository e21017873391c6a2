import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/user.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { audit } from "../policies/audit.ts";
import { exportUserData } from "./export-user-data.ts";
import { getSession } from "../sessions/get-session.ts";
import { listSessions } from "../sessions/list-sessions.ts";
import { login } from "./login.ts";
import { registerDevice } from "./register-device.ts";
import { careTeamPassword, createCareTeam, storeSession } from "../sessions/session-fixture.test-support.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };
const password = careTeamPassword;

async function setup() {
  const deps = createTestDeps();
  const { therapist, patient, otherPatientId } = await createCareTeam(deps);
  const ready = await storeSession(deps, { therapistId: therapist.userId, patientId: patient.userId, status: "ready" });
  const finalized = await storeSession(deps, { therapistId: therapist.userId, patientId: patient.userId, status: "finalized" });
  const otherPatients = await storeSession(deps, {
    therapistId: therapist.userId,
    patientId: otherPatientId,
    status: "finalized",
  });
  await registerDevice(deps, patient, { token: "fcm-secret-token-of-the-patient-XY1234", platform: "android" });
  await login(deps, { email: "patient@example.org", password });
  return { deps, therapist, patient, sessions: { ready, finalized, otherPatients } };
}

/** The export as the user downloads it. */
const download = (value: unknown) => JSON.stringify(value);

function expectNoSecrets(json: string) {
  expect(json).not.toContain("passwordHash");
  expect(json).not.toContain("scrypt$");
  expect(json).not.toContain("tokenHash");
  expect(json).not.toContain(password);
}

describe("exportUserData", () => {
  it("gives a therapist every session they own, in full", async () => {
    const { deps, therapist, sessions } = await setup();
    const data = await exportUserData(deps, therapist);
    expect(data.user).toMatchObject({ id: therapist.userId, email: "therapist@example.org" });
    expect(data.omitted).toEqual([]);
    expect(data.sessions?.map((session) => session.id).sort()).toEqual(
      [sessions.ready.id, sessions.finalized.id, sessions.otherPatients.id].sort(),
    );
    const ready = data.sessions?.find((session) => session.id === sessions.ready.id);
    expect(ready).toMatchObject({ status: "ready", sentiment: { segments: expect.any(Array) }, review: { edits: [] } });
    expect(data.careRelations).toHaveLength(2);
    expect(data.auditEvents).toContainEqual(expect.objectContaining({ action: "user.create", subjectUserId: therapist.userId }));
    const json = download(data);
    expect(json).toContain("How have you been sleeping this week?");
    expectNoSecrets(json);
  });

  it("gives a patient their finalized sessions as the patient sees them, devices and audit events", async () => {
    const { deps, patient, sessions } = await setup();
    const data = await exportUserData(deps, patient);
    expect(data.sessions?.map((session) => session.id)).toEqual([sessions.finalized.id]);
    const [view] = data.sessions ?? [];
    expect(view).not.toHaveProperty("sentiment");
    expect(view).not.toHaveProperty("processing");
    expect(view).toMatchObject({ transcript: { segments: expect.any(Array) }, review: { finalizedAt: expect.any(Date) } });
    expect(view?.review).not.toHaveProperty("edits");
    expect(data.devices).toEqual([expect.objectContaining({ platform: "android", token: "…XY1234" })]);
    expect(data.careRelations).toEqual([expect.objectContaining({ patientId: patient.userId })]);
    const actions = data.auditEvents.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["user.create", "user.link"]));
    expect(data.auditEvents.every((event) => event.actorId === patient.userId || event.subjectUserId === patient.userId)).toBe(true);

    const json = download(data);
    expectNoSecrets(json);
    expect(json).not.toContain("fcm-secret-token-of-the-patient");
    expect(json).not.toContain("Oli Reed");
    expect(deps.audit.events().at(-1)).toMatchObject({
      action: "user.export",
      actorId: patient.userId,
      subjectUserId: patient.userId,
      detail: { sessionCount: 1, sessionsOmitted: false },
    });
  });

  it("gives a patient only the audit events they may see: nothing about sessions hidden from them", async () => {
    const { deps, therapist, patient, sessions } = await setup();
    // The therapist works on a session the patient cannot see yet, and on the finalized one.
    await getSession(deps, therapist, { sessionId: sessions.ready.id });
    await audit(deps, therapist, "session.transcript.edit", { sessionId: sessions.ready.id, subjectUserId: patient.userId });
    await audit(deps, therapist, "session.transcript.edit", { sessionId: sessions.finalized.id, subjectUserId: patient.userId });
    await listSessions(deps, therapist, { patientId: patient.userId });
    await getSession(deps, therapist, { sessionId: sessions.finalized.id });
    // The patient's own reads.
    await getSession(deps, patient, { sessionId: sessions.finalized.id });
    await listSessions(deps, patient, {});

    const data = await exportUserData(deps, patient);

    const events = data.auditEvents.map((event) => `${event.actorId === patient.userId ? "patient" : event.actorRole} ${event.action} ${event.sessionId ?? "-"}`);
    expect(data.auditEvents.some((event) => event.sessionId === sessions.ready.id)).toBe(false);
    expect(data.auditEvents.some((event) => event.sessionId === sessions.otherPatients.id)).toBe(false);
    expect(events).not.toContain(`therapist session.transcript.edit ${sessions.finalized.id}`);
    expect(events).not.toContain("therapist session.list -");
    expect(events).toEqual(
      expect.arrayContaining([
        `therapist session.read ${sessions.finalized.id}`,
        `patient session.read ${sessions.finalized.id}`,
        "patient session.list -",
        "admin user.create -",
        "admin user.link -",
      ]),
    );
    // Every event the therapist's own export has about the patient's hidden session stays theirs.
    const therapistExport = await exportUserData(deps, therapist);
    expect(therapistExport.auditEvents.some((event) => event.sessionId === sessions.ready.id)).toBe(true);
  });

  it("lets an administrator export an account without its clinical content", async () => {
    const { deps, patient } = await setup();
    const data = await exportUserData(deps, admin, { userId: patient.userId });
    expect(data).not.toHaveProperty("sessions");
    expect(data.omitted).toEqual(["sessions", "consents"]);
    expect(data).not.toHaveProperty("consents");
    expect(data.user.id).toBe(patient.userId);
    const json = download(data);
    expect(json).not.toContain("sleeping");
    expectNoSecrets(json);
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "user.export", actorId: admin.userId, subjectUserId: patient.userId });
  });

  it("refuses a non-admin exporting someone else, and a missing user", async () => {
    const { deps, therapist, patient } = await setup();
    await expect(exportUserData(deps, therapist, { userId: patient.userId })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(exportUserData(deps, admin, { userId: "nobody" })).rejects.toMatchObject({ code: "user.not_found" });
  });

  it("pages through every session and audit event", async () => {
    const { deps, therapist, patient } = await setup();
    for (let index = 0; index < 105; index += 1) {
      await storeSession(deps, { therapistId: therapist.userId, patientId: patient.userId, status: "ready" });
      await audit(deps, therapist, "session.read", { subjectUserId: patient.userId });
    }
    const expectedEvents = deps.audit
      .events()
      .filter((event) => event.actorId === therapist.userId || event.subjectUserId === therapist.userId).length;
    expect(expectedEvents).toBeGreaterThan(105);
    const data = await exportUserData(deps, therapist);
    expect(data.sessions).toHaveLength(108);
    expect(new Set(data.sessions?.map((session) => session.id)).size).toBe(108);
    expect(data.auditEvents).toHaveLength(expectedEvents);
  });
});
