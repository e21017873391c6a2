import { createTestDeps, testConsentForm } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import { createTestApp, multipartBody, wavBytes } from "../app-fixture.test-support.ts";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function upload(testApp: TestApp, token: string): Promise<Response> {
  const { body, contentType } = multipartBody([
    { name: "patientId", value: testApp.patient.id },
    { name: "audio", filename: "session.wav", type: "audio/wav", bytes: wavBytes(3_200) },
  ]);
  return testApp.call("/v1/sessions", { method: "POST", token, headers: { "Content-Type": contentType }, body });
}

const basics = [{ scope: "recording" }, { scope: "transcription" }];

describe("consent over HTTP", () => {
  it("refuses an upload for a patient without consent: 403 consent.missing saying what is missing, nothing stored", async () => {
    const testApp = await createTestApp({ consent: false });
    const token = await testApp.tokenFor(testApp.therapist);

    const response = await upload(testApp, token);

    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({
      code: "consent.missing",
      missingScopes: ["recording", "transcription"],
      missingCloudProviders: [],
    });
    expect(testApp.deps.blobs.keys()).toEqual([]);
    expect((await testApp.deps.sessions.list({ limit: 10 })).items).toEqual([]);
  });

  it("refuses an upload in a deployment with a cloud speech provider until cloud_processing names it, and says so in the consent read", async () => {
    // The scripted speech engine stands for a cloud service here (as the host lists azure-speech).
    const deps = createTestDeps({ settings: { cloudProviders: ["scripted"], maxUploadBytes: 256 * 1024 } });
    const testApp = await createTestApp({ deps, consent: false });
    const token = await testApp.tokenFor(testApp.therapist);
    const path = `/v1/patients/${testApp.patient.id}/consent`;
    await testApp.call(path, { method: "POST", token, json: { scopes: basics, form: testConsentForm, method: "written" } });

    const refused = await upload(testApp, token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "consent.missing", missingScopes: [], missingCloudProviders: ["scripted"] });
    expect(testApp.deps.blobs.keys()).toEqual([]);
    // The consent read says so before an upload is tried (this app serves no live sessions).
    const needs = async () => ((await (await testApp.call(path, { token })).json()) as { needs: Record<string, unknown> }).needs;
    expect(await needs()).toEqual({
      upload: {
        required: { scopes: ["recording", "transcription"], cloudProviders: ["scripted"] },
        missing: { scopes: [], cloudProviders: ["scripted"] },
      },
      // The scripted note writer is named "scripted" too.
      notes: { required: { scopes: ["ai_notes"], cloudProviders: ["scripted"] }, missing: { scopes: ["ai_notes"], cloudProviders: ["scripted"] } },
    });

    const cloud = [{ scope: "cloud_processing", providers: ["scripted"] }];
    await testApp.call(path, { method: "POST", token, json: { scopes: cloud, form: testConsentForm, method: "verbal_witnessed" } });
    expect(await needs()).toMatchObject({ upload: { missing: { scopes: [], cloudProviders: [] } } });
    expect((await upload(testApp, token)).status).toBe(201);
  });

  it("lets the therapist record written consent and see the history; the upload then goes through", async () => {
    const testApp = await createTestApp({ consent: false });
    const token = await testApp.tokenFor(testApp.therapist);
    const path = `/v1/patients/${testApp.patient.id}/consent`;

    const recorded = await testApp.call(path, { method: "POST", token, json: { scopes: basics, form: testConsentForm, method: "written" } });

    expect(recorded.status).toBe(201);
    expect(await recorded.json()).toMatchObject({
      record: { kind: "grant", method: "written", recordedBy: testApp.therapist.id, sequence: 1, at: "2026-01-05T09:00:00.000Z" },
      active: { scopes: ["recording", "transcription"], cloudProviders: [], form: testConsentForm },
    });
    const status = await testApp.call(path, { token });
    expect(status.status).toBe(200);
    expect(((await status.json()) as { history: unknown[] }).history).toHaveLength(1);
    expect((await upload(testApp, token)).status).toBe(201);
  });

  it("lets a patient view, grant electronically and withdraw their own consent", async () => {
    const testApp = await createTestApp({ consent: false });
    const token = await testApp.tokenFor(testApp.patient);

    const granted = await testApp.call("/v1/me/consent", {
      method: "POST",
      token,
      json: { scopes: [...basics, { scope: "cloud_processing", providers: ["azure-speech"] }], form: testConsentForm },
    });
    expect(granted.status).toBe(201);
    expect(await granted.json()).toMatchObject({ record: { method: "electronic", recordedByRole: "patient" } });

    const withdrawn = await testApp.call("/v1/me/consent/withdrawals", { method: "POST", token, json: { reason: "No longer." } });
    expect(withdrawn.status).toBe(201);
    expect(await withdrawn.json()).toMatchObject({
      record: { kind: "withdrawal", reason: "No longer.", eraseSessions: false },
      active: { scopes: [], cloudProviders: [] },
      stoppedSessionIds: [],
      erasedSessionCount: 0,
    });

    const status = (await (await testApp.call("/v1/me/consent", { token })).json()) as { history: Array<{ kind: string }> };
    expect(status.history.map((record) => record.kind)).toEqual(["grant", "withdrawal"]);
  });

  it("answers another therapist's patient 404, an administrator 403, and a patient another's 404", async () => {
    const testApp = await createTestApp();
    const path = `/v1/patients/${testApp.patient.id}/consent`;
    const body = { scopes: basics, form: testConsentForm, method: "written" };
    const other = await testApp.tokenFor(testApp.otherTherapist);
    const admin = await testApp.tokenFor(testApp.admin);
    const patient = await testApp.tokenFor(testApp.patient);

    expect((await testApp.call(path, { token: other })).status).toBe(404);
    expect((await testApp.call(path, { method: "POST", token: other, json: body })).status).toBe(404);
    expect((await testApp.call(`${path}/withdrawals`, { method: "POST", token: other, json: {} })).status).toBe(404);
    expect((await testApp.call(path, { token: admin })).status).toBe(403);
    expect((await testApp.call("/v1/me/consent", { token: admin })).status).toBe(403);
    expect((await testApp.call(`/v1/patients/${testApp.otherTherapist.id}/consent`, { token: patient })).status).toBe(404);
    // A patient cannot record a written form in their own name.
    expect((await testApp.call(path, { method: "POST", token: patient, json: body })).status).toBe(403);
  });

  it("refuses malformed bodies with 400 validation.invalid_input", async () => {
    const testApp = await createTestApp();
    const token = await testApp.tokenFor(testApp.therapist);
    const path = `/v1/patients/${testApp.patient.id}/consent`;
    const historyLength = async () => ((await (await testApp.call(path, { token })).json()) as { history: unknown[] }).history.length;
    const before = await historyLength();
    for (const json of [
      // A grant names what it grants: without scopes nothing is assumed.
      { form: testConsentForm, method: "written" },
      { scopes: null, form: testConsentForm, method: "written" },
      { scopes: [], form: testConsentForm, method: "written" },
      { scopes: [{ scope: "everything" }], form: testConsentForm, method: "written" },
      { scopes: basics, form: { version: "v1", textSha256: "not-a-hash" }, method: "written" },
      { scopes: basics, form: testConsentForm, method: "electronic" },
    ]) {
      const response = await testApp.call(path, { method: "POST", token, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe("validation.invalid_input");
    }
    // The patient's own grant likewise; nothing was recorded by any of them.
    const patient = await testApp.tokenFor(testApp.patient);
    for (const json of [{ form: testConsentForm }, { scopes: [], form: testConsentForm }]) {
      const response = await testApp.call("/v1/me/consent", { method: "POST", token: patient, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe("validation.invalid_input");
    }
    expect(await historyLength()).toBe(before);
  });

  it("audits the reads and writes, and puts the history in the patient's export", async () => {
    const testApp = await createTestApp();
    const token = await testApp.tokenFor(testApp.patient);
    await testApp.call("/v1/me/consent", { token });

    const exported = (await (await testApp.call("/v1/me/export", { token })).json()) as { consents: Array<{ kind: string; recordedBy: string }> };

    expect(exported.consents).toEqual([expect.objectContaining({ kind: "grant", recordedBy: testApp.therapist.id })]);
    const events = (await testApp.deps.audit.list({ userId: testApp.patient.id, limit: 50 })).items.map((event) => event.action);
    expect(events).toContain("consent.read");
  });
});
