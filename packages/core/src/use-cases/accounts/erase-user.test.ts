import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { newProcessing } from "../../domain/session.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { createUser } from "./create-user.ts";
import { eraseUser } from "./erase-user.ts";
import { linkPatient } from "./link-patient.ts";
import { login } from "./login.ts";
import { refreshToken } from "./refresh-session-token.ts";
import { registerDevice } from "./register-device.ts";
import { careTeamPassword, createCareTeam, storeSession } from "../sessions/session-fixture.test-support.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };
const password = careTeamPassword;

async function setup() {
  const deps = createTestDeps();
  const { therapist, patient, otherPatientId } = await createCareTeam(deps);
  const patientSessions = [
    await storeSession(deps, { therapistId: therapist.userId, patientId: patient.userId, status: "ready" }),
    await storeSession(deps, { therapistId: therapist.userId, patientId: patient.userId, status: "finalized" }),
    await storeSession(deps, { therapistId: therapist.userId, patientId: patient.userId, status: "failed", transcript: null }),
  ];
  const otherSession = await storeSession(deps, { therapistId: therapist.userId, patientId: otherPatientId });
  await registerDevice(deps, patient, { token: "patient-phone", platform: "ios" });
  await registerDevice(deps, patient, { token: "patient-browser", platform: "web" });
  await registerDevice(deps, therapist, { token: "therapist-phone", platform: "android" });
  const signIn = await login(deps, { email: "patient@example.org", password });
  return { deps, therapist, patient, otherPatientId, patientSessions, otherSession, signIn };
}

describe("eraseUser", () => {
  it("erases a patient: sessions, recordings, devices, tokens, relations and the account", async () => {
    const { deps, therapist, patient, patientSessions, otherSession, signIn } = await setup();

    const result = await eraseUser(deps, admin, { userId: patient.userId });
    expect(result).toEqual({ userId: patient.userId, deletedSessionCount: 3, deletedDeviceCount: 2 });

    for (const session of patientSessions) expect(await deps.sessions.get(session.id)).toBeNull();
    expect(deps.blobs.keys()).toEqual([otherSession.audio.blobKey]);
    expect(await deps.sessions.get(otherSession.id)).not.toBeNull();
    expect(await deps.devices.listByUser(patient.userId)).toEqual([]);
    expect(await deps.devices.listByUser(therapist.userId)).toHaveLength(1);
    await expect(refreshToken(deps, { refreshToken: signIn.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
    expect(await deps.users.relationsOf(patient.userId)).toEqual([]);
    expect((await deps.users.relationsOf(therapist.userId)).map((relation) => relation.patientId)).not.toContain(patient.userId);
    expect(await deps.users.get(patient.userId)).toBeNull();
    expect(await deps.users.getByEmail("patient@example.org")).toBeNull();
    await expect(login(deps, { email: "patient@example.org", password })).rejects.toMatchObject({ code: "auth.invalid_credentials" });

    const erase = deps.audit.events().filter((event) => event.action === "user.erase");
    expect(erase).toEqual([
      expect.objectContaining({ actorId: admin.userId, subjectUserId: patient.userId, detail: expect.objectContaining({ deletedSessionCount: 3 }) }),
    ]);
    expect(JSON.stringify(erase)).not.toMatch(/patient@example\.org|Pat Moss/);
    const deletions = deps.audit.events().filter((event) => event.action === "session.delete").map((event) => event.sessionId);
    expect(deletions.sort()).toEqual(patientSessions.map((session) => session.id).sort());
  });

  it("discards the speech provider's jobs of the patient's sessions, and erases them even when it cannot", async () => {
    const { deps, therapist, patient } = await setup();
    const logger = createRecordingLogger();
    deps.logger = logger;
    const processing = (providerRef: string) => ({ ...newProcessing(), providerRef });
    const failed = await storeSession(deps, { therapistId: therapist.userId, patientId: patient.userId, status: "failed", transcript: null, processing: processing("job-21") });
    const transcribing = await storeSession(deps, { therapistId: therapist.userId, patientId: patient.userId, status: "transcribing", transcript: null, sentiment: null, processing: processing("job-22") });
    const scripted = deps.speech;
    deps.speech = {
      ...scripted,
      async discard(ref, options) {
        // The provider is down for one of them.
        scripted.script({ discardFailure: ref === "job-22" });
        return scripted.discard(ref, options);
      },
    };

    const result = await eraseUser(deps, admin, { userId: patient.userId });

    expect(result.deletedSessionCount).toBe(5);
    expect(scripted.discarded()).toEqual(["job-21"]);
    expect(await deps.sessions.get(failed.id)).toBeNull();
    expect(await deps.sessions.get(transcribing.id)).toBeNull();
    expect(logger.entries.filter((line) => line.level === "warn")).toEqual([
      {
        level: "warn",
        message: "session.provider_job.discard_failed",
        fields: { sessionId: transcribing.id, provider: "scripted", providerRef: "job-22", reason: "delete", code: "provider.unavailable" },
      },
    ]);
  });

  it("answers user.not_found when the user is already erased", async () => {
    const { deps, patient } = await setup();
    await eraseUser(deps, admin, { userId: patient.userId });
    await expect(eraseUser(deps, admin, { userId: patient.userId })).rejects.toMatchObject({ code: "user.not_found" });
  });

  it("refuses to erase a therapist who still owns sessions, and changes nothing", async () => {
    const { deps, therapist } = await setup();
    const error = await eraseUser(deps, admin, { userId: therapist.userId }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "user.has_sessions", message: expect.stringMatching(/reassign/i) });
    expect(await deps.users.get(therapist.userId)).toMatchObject({ active: true });
    await expect(login(deps, { email: "therapist@example.org", password })).resolves.toBeDefined();
    expect(await deps.devices.listByUser(therapist.userId)).toHaveLength(1);
  });

  it("erases a therapist with no sessions, and their care relations", async () => {
    const deps = createTestDeps();
    const therapistUser = await createUser(deps, admin, { email: "t@example.org", displayName: "T", role: "therapist", password });
    const patientUser = await createUser(deps, admin, { email: "p@example.org", displayName: "P", role: "patient", password });
    await linkPatient(deps, admin, { therapistId: therapistUser.id, patientId: patientUser.id });
    await eraseUser(deps, admin, { userId: therapistUser.id });
    expect(await deps.users.get(therapistUser.id)).toBeNull();
    expect(await deps.users.relationsOf(patientUser.id)).toEqual([]);
    expect(await deps.users.get(patientUser.id)).not.toBeNull();
  });

  it("is for administrators, who cannot erase themselves", async () => {
    const { deps, therapist, patient } = await setup();
    await expect(eraseUser(deps, therapist, { userId: patient.userId })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(eraseUser(deps, admin, { userId: admin.userId })).rejects.toMatchObject({ code: "validation.invalid_input" });
    expect(await deps.users.get(patient.userId)).not.toBeNull();
  });
});

describe("eraseUser interrupted and resumed", () => {
  it("leaves the account deactivated when erasure stops midway, and a second run finishes it", async () => {
    const { deps, patient, patientSessions } = await setup();
    let failures = 1;
    const flaky = {
      ...deps.blobs,
      async delete(key: string) {
        if (failures > 0) {
          failures -= 1;
          throw new ConfideError("dependency.unavailable", "The bucket is unreachable.", { retryable: true });
        }
        return deps.blobs.delete(key);
      },
    };

    await expect(eraseUser({ ...deps, blobs: flaky }, admin, { userId: patient.userId })).rejects.toMatchObject({
      code: "dependency.unavailable",
    });
    expect(await deps.users.get(patient.userId)).toMatchObject({ active: false });
    await expect(login(deps, { email: "patient@example.org", password })).rejects.toMatchObject({ code: "auth.invalid_credentials" });

    const result = await eraseUser(deps, admin, { userId: patient.userId });
    expect(result.deletedSessionCount).toBe(patientSessions.length);
    expect(await deps.users.get(patient.userId)).toBeNull();
    expect(deps.audit.events().filter((event) => event.action === "session.delete").map((event) => event.detail)).toEqual(
      patientSessions.map(() => ({ reason: "user.erase", providerJob: "none" })),
    );
  });

  it("erases a therapist with no sessions of their own while other therapists have some", async () => {
    const { deps } = await setup();
    const newcomer = await createUser(deps, admin, {
      email: "newcomer@example.org",
      displayName: "Nia Newcomer",
      role: "therapist",
      password: careTeamPassword,
    });
    await expect(eraseUser(deps, admin, { userId: newcomer.id })).resolves.toMatchObject({ deletedSessionCount: 0 });
    expect(await deps.users.get(newcomer.id)).toBeNull();
  });

  it("says why it refuses", async () => {
    const { deps, therapist } = await setup();
    await expect(eraseUser(deps, admin, { userId: admin.userId })).rejects.toMatchObject({
      code: "validation.invalid_input",
      message: "Administrators cannot erase their own account; ask another administrator.",
    });
    await expect(eraseUser(deps, admin, { userId: "nobody" })).rejects.toMatchObject({ code: "user.not_found", message: "No such user." });
    await expect(eraseUser(deps, admin, { userId: therapist.userId })).rejects.toMatchObject({
      code: "user.has_sessions",
      message: "This therapist still owns sessions. Reassign them to another therapist or erase them before erasing the account.",
    });
  });
});
