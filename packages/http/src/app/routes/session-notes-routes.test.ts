import { describe, expect, it } from "vitest";
import { createTestApp, storeSession } from "../app-fixture.test-support.ts";

/** A ready session with no notes yet; the routes write them with the test deps' scripted writer. */
async function setup() {
  const testApp = await createTestApp();
  const session = await storeSession(testApp.deps, { therapistId: testApp.therapist.id, patientId: testApp.patient.id });
  const token = await testApp.tokenFor(testApp.therapist);
  return { ...testApp, session, token };
}

describe("clinical notes over HTTP", () => {
  it("POST notes:regenerate writes verified notes into the session, with a new ETag", async () => {
    const { call, session, token } = await setup();
    const stale = await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token, headers: { "If-Match": '"5"' } });
    expect(stale.status).toBe(412);

    const response = await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"2"');
    const body = (await response.json()) as { notes: Record<string, unknown> };
    expect(body.notes).toMatchObject({
      significantQuotes: [{ quote: "Better, thank you.", speaker: "patient", verification: { status: "grounded" }, evidence: [{ segmentId: "seg-2", start: 0, end: 18 }] }],
      quality: { grounded: 1, unverified: 0 },
      stale: false,
      review: null,
    });

    // GET shows the same notes.
    const read = await call(`/v1/sessions/${session.id}`, { token });
    expect(((await read.json()) as { notes: unknown }).notes).toEqual(body.notes);
  });

  it("an edited segment makes the notes stale until they are regenerated", async () => {
    const { call, session, token } = await setup();
    await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token });
    const edited = await call(`/v1/sessions/${session.id}/transcript`, {
      method: "PATCH",
      token,
      json: { edits: [{ segmentId: "seg-2", text: "Much better." }] },
      headers: { "If-Match": '"2"' },
    });
    expect(((await edited.json()) as { notes: { stale: boolean } }).notes.stale).toBe(true);
    const regenerated = await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token, headers: { "If-Match": '"3"' } });
    expect(await regenerated.json()).toMatchObject({ notes: { stale: false, transcriptRevision: 2, significantQuotes: [{ quote: "Much better." }] } });
  });

  it("PUT notes needs If-Match and a ready session with notes; the patient sees only the summary after finalize", async () => {
    const { call, session, token, tokenFor, patient } = await setup();
    const path = `/v1/sessions/${session.id}/notes`;
    const early = await call(path, { method: "PUT", token, json: { therapistNotes: "x" }, headers: { "If-Match": '"1"' } });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: "session.invalid_state" });

    await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token });
    expect((await call(path, { method: "PUT", token, json: { therapistNotes: "x" } })).status).toBe(428);
    expect((await call(path, { method: "PUT", token, json: { therapistNotes: 3 }, headers: { "If-Match": '"2"' } })).status).toBe(400);
    const edited = await call(path, {
      method: "PUT",
      token,
      json: { therapistNotes: "Sleep improving; review in two weeks.", patientSummary: "You are sleeping better. Keep the diary." },
      headers: { "If-Match": '"2"' },
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.get("etag")).toBe('"3"');
    expect(await edited.json()).toMatchObject({
      notes: { review: { therapistNotes: "Sleep improving; review in two weeks.", patientSummary: "You are sleeping better. Keep the diary." } },
    });

    expect((await call(`/v1/sessions/${session.id}/finalize`, { method: "POST", token, json: { releaseSummaryToPatient: true } })).status).toBe(200);
    const locked = await call(path, { method: "PUT", token, json: { therapistNotes: "late" }, headers: { "If-Match": '"4"' } });
    expect(locked.status).toBe(409);
    expect((await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token })).status).toBe(409);

    const view = (await (await call(`/v1/sessions/${session.id}`, { token: await tokenFor(patient) })).json()) as Record<string, unknown>;
    expect(view.patientSummary).toBe("You are sleeping better. Keep the diary.");
    expect(view).not.toHaveProperty("notes");
    expect(JSON.stringify(view)).not.toContain("Sleep improving");
  });

  it("forbids another therapist and the patient from writing notes", async () => {
    const { call, session, token, tokenFor, otherTherapist, patient } = await setup();
    await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token });
    const other = await call(`/v1/sessions/${session.id}/notes:regenerate`, { method: "POST", token: await tokenFor(otherTherapist) });
    expect(other.status).toBe(404);
    const asPatient = await call(`/v1/sessions/${session.id}/notes`, {
      method: "PUT",
      token: await tokenFor(patient),
      json: { patientSummary: "mine" },
      headers: { "If-Match": '"2"' },
    });
    expect([403, 404]).toContain(asPatient.status);
  });
});
