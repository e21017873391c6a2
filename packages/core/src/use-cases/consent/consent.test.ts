import { describe, expect, it } from "vitest";
import { activeConsent, type ConsentScopeEntry } from "../../domain/consent.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError, type ErrorCode } from "../../errors.ts";
import { testUser } from "../../testing/linked-pair.ts";
import { createScriptedNoteWriter } from "../../testing/scripted-note-writer.ts";
import { recordTestConsent, testConsentForm } from "../../testing/test-consent.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { eraseUser } from "../accounts/erase-user.ts";
import { exportUserData } from "../accounts/export-user-data.ts";
import { createJobHandlers } from "../pipeline/job-handlers.ts";
import { runUntilIdle, seedCareTeam, storedSession, uploadSample, type CareTeam } from "../pipeline/pipeline-fixture.test-support.ts";
import { setLegalHold } from "../retention/set-legal-hold.ts";
import { retrySession } from "../sessions/retry-session.ts";
import { getConsent } from "./get-consent.ts";
import { grantConsent } from "./grant-consent.ts";
import { withdrawConsent } from "./withdraw-consent.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };

async function rejection(promise: Promise<unknown>, code: ErrorCode): Promise<ConfideError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!ConfideError.is(error)) throw new Error(`Expected a ConfideError ${code}, got ${String(error)}`);
  expect(error.code).toBe(code);
  return error;
}

/** A care team whose patient has no consent yet, and a queue running the job handlers. */
async function setUp(overrides: Parameters<typeof createTestDeps>[0] = {}): Promise<{ deps: TestDeps; team: CareTeam }> {
  const deps = createTestDeps(overrides);
  const team = await seedCareTeam(deps, { consent: false });
  await deps.queue.start(createJobHandlers(deps));
  return { deps, team };
}

/** A written grant of `scopes` (typed loosely: some tests send what a client should not). */
const written = (scopes: unknown) => ({ scopes: scopes as ConsentScopeEntry[], form: testConsentForm, method: "written" as const });

describe("consent before an upload", () => {
  it("refuses an upload for a patient without consent (consent.missing, what is missing), storing nothing", async () => {
    const { deps, team } = await setUp();

    const error = await rejection(uploadSample(deps, team), "consent.missing");

    expect(error.details).toMatchObject({ missingScopes: ["recording", "transcription"], missingCloudProviders: [] });
    expect(deps.blobs.keys()).toEqual([]);
    expect((await deps.sessions.list({ limit: 10 })).items).toEqual([]);
    expect(deps.queue.pending()).toEqual([]);
  });

  it("refuses with recording alone, accepts once transcription is granted too", async () => {
    const { deps, team } = await setUp();
    await grantConsent(deps, team.therapist, { patientId: team.patient.userId, ...written([{ scope: "recording" }]) });

    const error = await rejection(uploadSample(deps, team), "consent.missing");
    expect(error.details).toMatchObject({ missingScopes: ["transcription"] });

    await grantConsent(deps, team.therapist, { patientId: team.patient.userId, ...written([{ scope: "transcription" }]) });
    const session = await uploadSample(deps, team);
    expect(session.status).toBe("queued");
  });

  it("asks for cloud_processing naming each cloud provider the deployment uses, and only those", async () => {
    // The scripted speech engine and the keyword analyzer stand for cloud services here.
    const { deps, team } = await setUp({ settings: { cloudProviders: ["scripted", "keywords", "not-configured"] } });
    await grantConsent(deps, team.therapist, {
      patientId: team.patient.userId,
      ...written([{ scope: "recording" }, { scope: "transcription" }, { scope: "cloud_processing", providers: ["scripted"] }]),
    });

    const error = await rejection(uploadSample(deps, team), "consent.missing");
    expect(error.details).toMatchObject({ missingScopes: [], missingCloudProviders: ["keywords"] });
    expect(deps.blobs.keys()).toEqual([]);

    await grantConsent(deps, team.patient, { scopes: [{ scope: "cloud_processing", providers: ["keywords"] }], form: testConsentForm, method: "electronic" });
    expect((await uploadSample(deps, team)).status).toBe("queued");
  });
});

describe("what the deployment needs of a patient's consent", () => {
  it("says what an upload, a live session and the notes need here, and what of each is missing", async () => {
    const writer = createScriptedNoteWriter();
    const { deps, team } = await setUp({ notes: { ...writer, provider: "cloud-notes" }, settings: { cloudProviders: ["keywords", "cloud-notes", "live-cloud"] } });
    const patientId = team.patient.userId;
    await grantConsent(deps, team.therapist, {
      patientId,
      ...written([{ scope: "recording" }, { scope: "transcription" }, { scope: "cloud_processing", providers: ["keywords"] }]),
    });

    const withLive = { ...deps, liveSpeech: { provider: "live-cloud" } };
    const { needs } = await getConsent(withLive, team.therapist, { patientId });
    expect(needs.upload).toEqual({
      required: { scopes: ["recording", "transcription"], cloudProviders: ["keywords"] },
      missing: { scopes: [], cloudProviders: [] },
    });
    expect(needs.live).toEqual({
      required: { scopes: ["recording", "transcription"], cloudProviders: ["keywords", "live-cloud"] },
      missing: { scopes: [], cloudProviders: ["live-cloud"] },
    });
    expect(needs.notes).toEqual({
      required: { scopes: ["ai_notes"], cloudProviders: ["cloud-notes"] },
      missing: { scopes: ["ai_notes"], cloudProviders: ["cloud-notes"] },
    });
    // What `needs.upload` says is what the upload check enforces.
    expect((await uploadSample(deps, team)).status).toBe("queued");

    // A host that serves no live sessions says nothing of them; the patient reads the same needs.
    const own = await getConsent(deps, team.patient, {});
    expect(own.needs.live).toBeUndefined();
    expect(own.needs.upload).toEqual(needs.upload);
  });
});

describe("consent through processing", () => {
  it("writes no notes without ai_notes: the session is ready and its notes say why", async () => {
    const { deps, team } = await setUp();
    await grantConsent(deps, team.therapist, { patientId: team.patient.userId, ...written([{ scope: "recording" }, { scope: "transcription" }]) });

    const session = await uploadSample(deps, team);
    await runUntilIdle(deps);

    const stored = await storedSession(deps, session);
    expect(stored.status).toBe("ready");
    expect(stored.transcript).not.toBeNull();
    expect(deps.notes.inputs).toEqual([]);
    expect(stored.notes?.keyTopics).toEqual({ status: "not_assessed", reason: "The patient has not consented to AI-written notes (ai_notes)." });
    expect(stored.notes?.provenance.provider).toBe("consent");
  });

  it("writes no notes with a cloud notes writer the patient did not name in cloud_processing", async () => {
    const writer = createScriptedNoteWriter();
    const { deps, team } = await setUp({ notes: { ...writer, provider: "cloud-notes" }, settings: { cloudProviders: ["cloud-notes"] } });
    await grantConsent(deps, team.therapist, {
      patientId: team.patient.userId,
      ...written([{ scope: "recording" }, { scope: "transcription" }, { scope: "ai_notes" }]),
    });

    const session = await uploadSample(deps, team);
    await runUntilIdle(deps);

    const stored = await storedSession(deps, session);
    expect(stored.status).toBe("ready");
    expect(writer.inputs).toEqual([]);
    expect(stored.notes?.sessionMood).toEqual({
      status: "not_assessed",
      reason: "The patient has not consented to cloud processing by cloud-notes (cloud_processing).",
    });
  });

  it("stops a session in transcription when consent is withdrawn: failed consent.withdrawn, provider job discarded, nothing more asked of the provider", async () => {
    const { deps, team } = await setUp();
    deps.speech.script({ pendingPolls: 5, retryAfterMs: 60_000 });
    await recordTestConsent(deps, team.patient.userId);
    const session = await uploadSample(deps, team);
    await deps.queue.runDue();
    const inFlight = await storedSession(deps, session);
    expect(inFlight.status).toBe("transcribing");
    const ref = inFlight.processing.providerRef as string;
    expect(ref).not.toBeNull();

    const result = await withdrawConsent(deps, team.patient, { scopes: [{ scope: "transcription" }], reason: "Changed my mind." });

    expect(result.stoppedSessionIds).toEqual([session.id]);
    const stopped = await storedSession(deps, session);
    expect(stopped.status).toBe("failed");
    expect(stopped.processing.lastError).toMatchObject({ code: "consent.withdrawn", retryable: true });
    expect(stopped.processing.providerRef).toBeNull();
    expect(deps.speech.discarded()).toEqual([ref]);
    const callsBefore = deps.speech.calls();
    await runUntilIdle(deps);
    expect(deps.speech.calls()).toEqual(callsBefore);
    expect((await storedSession(deps, session)).status).toBe("failed");
    // A retry waits for the patient's consent again.
    await rejection(retrySession(deps, team.therapist, { sessionId: session.id }), "consent.missing");
  });

  it("checks consent before every step: a withdrawal stored while a poll is due stops the session at that poll", async () => {
    const { deps, team } = await setUp();
    deps.speech.script({ pendingPolls: 3, retryAfterMs: 1_000 });
    await recordTestConsent(deps, team.patient.userId);
    const session = await uploadSample(deps, team);
    await deps.queue.runDue();
    const ref = (await storedSession(deps, session)).processing.providerRef as string;
    // Straight into the repository: nothing but the pipeline's own check can stop it.
    await deps.consents.append({
      kind: "withdrawal",
      id: "withdraw-recording",
      patientId: team.patient.userId,
      sequence: (await deps.consents.history(team.patient.userId)).length + 1,
      at: deps.clock.now(),
      recordedBy: team.patient.userId,
      recordedByRole: "patient",
      scopes: [{ scope: "recording" }],
      reason: null,
      eraseSessions: false,
    });

    await runUntilIdle(deps);

    const stopped = await storedSession(deps, session);
    expect(stopped.status).toBe("failed");
    expect(stopped.processing.lastError?.code).toBe("consent.withdrawn");
    expect(deps.speech.discarded()).toEqual([ref]);
    expect(deps.speech.calls().poll).toBe(0);
    // The therapist is told, as for any failure.
    expect(deps.push.sent().at(-1)?.message.data).toMatchObject({ sessionId: session.id, status: "failed" });
  });

  it("erases the patient's sessions when the patient asks at withdrawal", async () => {
    const { deps, team } = await setUp();
    await recordTestConsent(deps, team.patient.userId);
    const first = await uploadSample(deps, team);
    await runUntilIdle(deps);
    const second = await uploadSample(deps, team, { title: "Second" });

    const result = await withdrawConsent(deps, team.patient, { eraseSessions: true });

    expect(result.erasedSessionCount).toBe(2);
    expect(await deps.sessions.get(first.id)).toBeNull();
    expect(await deps.sessions.get(second.id)).toBeNull();
    expect(deps.blobs.keys()).toEqual([]);
    expect(result.active.scopes).toEqual([]);
    const deletions = (await deps.audit.list({ userId: team.patient.userId, limit: 50 })).items.filter((event) => event.action === "session.delete");
    expect(deletions.map((event) => event.detail?.reason)).toEqual(["consent.withdrawn", "consent.withdrawn"]);
  });
  it("refuses withdrawal with erasure while a legal hold covers a session, writing nothing; withdrawal alone goes through", async () => {
    const { deps, team } = await setUp();
    await recordTestConsent(deps, team.patient.userId);
    const session = await uploadSample(deps, team);
    await runUntilIdle(deps);
    await setLegalHold(deps, admin, { sessionId: session.id, reason: "Case 2026-114" });
    const historyBefore = await deps.consents.history(team.patient.userId);

    await rejection(withdrawConsent(deps, team.patient, { eraseSessions: true }), "session.legal_hold");

    expect(await deps.consents.history(team.patient.userId)).toEqual(historyBefore);
    expect(await deps.sessions.get(session.id)).not.toBeNull();
    const result = await withdrawConsent(deps, team.patient, {});
    expect(result.erasedSessionCount).toBe(0);
    expect(result.active.scopes).toEqual([]);
  });
});

describe("the consent history", () => {
  it("is append-only: a grant and a withdrawal are new records, and what is in force is derived", async () => {
    const { deps, team } = await setUp();
    const before = await deps.consents.history(team.patient.userId);

    const granted = await grantConsent(deps, team.therapist, {
      patientId: team.patient.userId,
      scopes: [{ scope: "recording" }, { scope: "transcription" }, { scope: "cloud_processing", providers: ["azure-speech", "azure-text-analytics"] }],
      form: { version: "  clinic-form-3 ", textSha256: testConsentForm.textSha256.toUpperCase() },
      method: "verbal_witnessed",
    });
    const withdrawn = await withdrawConsent(deps, team.patient, { scopes: [{ scope: "cloud_processing", providers: ["azure-speech"] }] });

    const history = await deps.consents.history(team.patient.userId);
    expect(history.slice(0, before.length)).toEqual(before);
    expect(history.slice(before.length)).toEqual([granted.record, withdrawn.record]);
    expect(granted.record).toMatchObject({
      kind: "grant",
      sequence: before.length + 1,
      recordedBy: team.therapist.userId,
      recordedByRole: "therapist",
      method: "verbal_witnessed",
      form: { version: "clinic-form-3", textSha256: testConsentForm.textSha256 },
    });
    expect(withdrawn.active).toEqual({
      scopes: ["recording", "transcription"],
      cloudProviders: ["azure-text-analytics"],
      form: { version: "clinic-form-3", textSha256: testConsentForm.textSha256 },
      since: deps.clock.now(),
    });
    expect(activeConsent(history)).toEqual(withdrawn.active);
    const status = await getConsent(deps, team.therapist, { patientId: team.patient.userId });
    expect(status.history).toEqual(history);
  });

  it("refuses malformed scopes, forms and reasons, recording nothing", async () => {
    const { deps, team } = await setUp();
    const before = await deps.consents.history(team.patient.userId);
    const patientId = team.patient.userId;
    for (const scopes of [[], [{ scope: "everything" }], [{ scope: "recording" }, { scope: "recording" }], [{ scope: "cloud_processing" }], [{ scope: "recording", providers: ["x"] }], [{ scope: "cloud_processing", providers: ["Azure Speech"] }]]) {
      await rejection(grantConsent(deps, team.therapist, { patientId, ...written(scopes) }), "validation.invalid_input");
    }
    await rejection(
      grantConsent(deps, team.therapist, { patientId, scopes: [{ scope: "recording" }], form: { version: "v1", textSha256: "abc" }, method: "written" }),
      "validation.invalid_input",
    );
    await rejection(grantConsent(deps, team.therapist, { patientId, ...written([{ scope: "recording" }]), method: "by telepathy" as never }), "validation.invalid_input");
    await rejection(withdrawConsent(deps, team.patient, { reason: "r".repeat(501) }), "validation.invalid_input");
    expect(await deps.consents.history(patientId)).toEqual(before);
  });
});

describe("who may read and record consent", () => {
  it("lets a therapist see and record their own patients' consent only, as upload does (user.not_found)", async () => {
    const { deps, team } = await setUp();
    const patientId = team.patient.userId;

    await rejection(getConsent(deps, team.otherTherapist, { patientId }), "user.not_found");
    await rejection(grantConsent(deps, team.otherTherapist, { patientId, ...written([{ scope: "recording" }]) }), "user.not_found");
    await rejection(withdrawConsent(deps, team.otherTherapist, { patientId }), "user.not_found");
    await rejection(getConsent(deps, team.therapist, { patientId: "patient-unknown" }), "user.not_found");
    await rejection(getConsent(deps, team.therapist, { patientId: team.otherTherapist.userId }), "user.not_found");
  });

  it("lets a patient see and change only their own consent, electronically", async () => {
    const { deps, team } = await setUp();
    await deps.users.create(testUser("patient-2", "patient", deps.clock.now()));

    await rejection(getConsent(deps, team.patient, { patientId: "patient-2" }), "user.not_found");
    await rejection(grantConsent(deps, team.patient, { ...written([{ scope: "recording" }]) }), "auth.forbidden");
    await rejection(grantConsent(deps, team.therapist, { patientId: team.patient.userId, scopes: [{ scope: "recording" }], form: testConsentForm, method: "electronic" }), "auth.forbidden");
    const granted = await grantConsent(deps, team.patient, { scopes: [{ scope: "recording" }], form: testConsentForm, method: "electronic" });
    expect(granted.record).toMatchObject({ patientId: team.patient.userId, recordedByRole: "patient", method: "electronic" });
  });

  it("keeps administrators out: consent to therapy processing is clinical content", async () => {
    const { deps, team } = await setUp();
    await rejection(getConsent(deps, admin, { patientId: team.patient.userId }), "auth.forbidden");
    await rejection(grantConsent(deps, admin, { patientId: team.patient.userId, ...written([{ scope: "recording" }]) }), "auth.forbidden");
    await rejection(withdrawConsent(deps, admin, { patientId: team.patient.userId }), "auth.forbidden");
    await rejection(getConsent(deps, team.therapist, {}), "auth.forbidden");
  });

  it("audits every grant, withdrawal and read, with ids and scopes only", async () => {
    const { deps, team } = await setUp();
    await grantConsent(deps, team.therapist, { patientId: team.patient.userId, ...written([{ scope: "recording" }, { scope: "cloud_processing", providers: ["transcribe"] }]) });
    await withdrawConsent(deps, team.patient, { scopes: [{ scope: "recording" }], reason: "A private reason", eraseSessions: false });
    await getConsent(deps, team.therapist, { patientId: team.patient.userId });

    const events = (await deps.audit.list({ userId: team.patient.userId, limit: 20 })).items.filter((event) => event.action.startsWith("consent."));
    expect(events.map((event) => [event.action, event.actorId, event.subjectUserId]).reverse()).toEqual([
      ["consent.grant", team.therapist.userId, team.patient.userId],
      ["consent.withdraw", team.patient.userId, team.patient.userId],
      ["consent.read", team.therapist.userId, team.patient.userId],
    ]);
    expect(events.at(-1)?.detail).toMatchObject({ scopes: "recording,cloud_processing:transcribe", method: "written", formVersion: testConsentForm.version });
    expect(JSON.stringify(events)).not.toContain("A private reason");
  });
});

describe("consent in export and erasure", () => {
  it("puts the patient's consent history in their own export", async () => {
    const { deps, team } = await setUp();
    await withdrawConsent(deps, team.patient, { reason: "Moving clinics." });

    const data = await exportUserData(deps, team.patient);

    expect(data.consents).toEqual(await deps.consents.history(team.patient.userId));
    expect(data.consents?.at(-1)).toMatchObject({ kind: "withdrawal", reason: "Moving clinics." });
    expect(data.omitted).toEqual([]);
  });

  it("keeps an erased patient's consent history as proof, without the reasons they gave", async () => {
    const { deps, team } = await setUp();
    await deps.users.create(testUser("admin-1", "admin", deps.clock.now()));
    await withdrawConsent(deps, team.patient, { reason: "Private words." });
    const before = await deps.consents.history(team.patient.userId);

    await eraseUser(deps, admin, { userId: team.patient.userId });

    const after = await deps.consents.history(team.patient.userId);
    expect(after).toHaveLength(before.length);
    expect(after.at(-1)).toMatchObject({ kind: "withdrawal", reason: null });
    expect(JSON.stringify(after)).not.toContain("Private words.");
  });
});
