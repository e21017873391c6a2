import { describe, expect, it } from "vitest";
import { createTestApp, multipartBody, storeSession, wavBytes } from "../app-fixture.test-support.ts";

const recordedAt = new Date("2026-03-03T10:00:00Z");

async function setup() {
  const testApp = await createTestApp();
  const owner = { therapistId: testApp.therapist.id, patientId: testApp.patient.id };
  const session = await storeSession(testApp.deps, owner, { status: "finalized", title: "Week 4 - risk", recordedAt });
  const [therapist, patient, admin] = await Promise.all([testApp.tokenFor(testApp.therapist), testApp.tokenFor(testApp.patient), testApp.tokenFor(testApp.admin)]);
  return { testApp, session, therapist, patient, admin };
}

describe("the session title a patient reads", () => {
  it("is never the therapist's title until they share it: not in the view, the listing or a search", async () => {
    const { testApp, session, therapist, patient } = await setup();
    const asPatient = async () => {
      const view = (await (await testApp.call(`/v1/sessions/${session.id}`, { token: patient })).json()) as Record<string, unknown>;
      const listed = (await (await testApp.call("/v1/sessions", { token: patient })).json()) as { items: Array<Record<string, unknown>> };
      const found = (await (await testApp.call("/v1/sessions?q=risk", { token: patient })).json()) as { items: unknown[] };
      return { view, listed: listed.items, found: found.items.length };
    };

    const hidden = await asPatient();
    expect(hidden.view.title).toBe("Session of 2026-03-03");
    expect(hidden.listed.map((item) => item.title)).toEqual(["Session of 2026-03-03"]);
    expect(JSON.stringify(hidden)).not.toContain("risk");
    expect(hidden.found).toBe(0);
    // The patient's view is an allow-list: exactly these fields, no sharing flag, no risk count.
    expect(Object.keys(hidden.view).sort()).toEqual(
      ["audio", "createdAt", "id", "patientId", "patientSummary", "recordedAt", "review", "settings", "status", "therapistId", "title", "transcript", "updatedAt", "version"].sort(),
    );
    expect(Object.keys(hidden.listed[0]!).sort()).toEqual(
      ["createdAt", "durationMs", "finalizedAt", "id", "patientId", "recordedAt", "segmentCount", "status", "therapistId", "title", "updatedAt", "version"].sort(),
    );
    // The therapist reads their own title; a session stored before the choice existed is not shared.
    const own = (await (await testApp.call(`/v1/sessions/${session.id}`, { token: therapist })).json()) as { title: string; titleShared?: boolean };
    expect(own.title).toBe("Week 4 - risk");
    expect(own.titleShared ?? false).toBe(false);

    const shared = await testApp.call(`/v1/sessions/${session.id}/title-sharing`, { method: "PUT", token: therapist, json: { titleShared: true } });
    expect(shared.status).toBe(200);
    expect(await shared.json()).toMatchObject({ titleShared: true, version: 2 });
    const shown = await asPatient();
    expect(shown.view.title).toBe("Week 4 - risk");
    expect(shown.listed.map((item) => item.title)).toEqual(["Week 4 - risk"]);
    expect(shown.found).toBe(1);

    // And hidden again.
    await testApp.call(`/v1/sessions/${session.id}/title-sharing`, { method: "PUT", token: therapist, json: { titleShared: false } });
    expect((await asPatient()).view.title).toBe("Session of 2026-03-03");
  });

  it("is set by the session's therapist only, with a boolean, If-Match checked when sent", async () => {
    const { testApp, session, therapist, patient, admin } = await setup();
    const put = (token: string, json: unknown, headers: Record<string, string> = {}) =>
      testApp.call(`/v1/sessions/${session.id}/title-sharing`, { method: "PUT", token, json, headers });
    expect((await put(patient, { titleShared: true })).status).toBe(404);
    expect((await put(admin, { titleShared: true })).status).toBe(403);
    for (const body of [{}, { titleShared: "yes" }, { titleShared: true, title: "Other" }]) {
      const refused = await put(therapist, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(await refused.json()).toMatchObject({ code: "validation.invalid_input" });
    }
    expect((await put(therapist, { titleShared: true }, { "If-Match": '"7"' })).status).toBe(412);
    expect((await testApp.deps.sessions.get(session.id))?.titleShared).toBeUndefined();
  });

  it("is chosen at upload: false when left out, true with titleShared=true; anything else is refused", async () => {
    const testApp = await createTestApp();
    const token = await testApp.tokenFor(testApp.therapist);
    const upload = (extra: Array<{ name: string; value: string }>) => {
      const { body, contentType } = multipartBody([
        { name: "patientId", value: testApp.patient.id },
        { name: "title", value: "Week 4 - risk" },
        ...extra,
        { name: "audio", filename: "session.wav", type: "audio/wav", bytes: wavBytes(3_200) },
      ]);
      return testApp.call("/v1/sessions", { method: "POST", token, headers: { "Content-Type": contentType }, body });
    };
    expect(await (await upload([])).json()).toMatchObject({ titleShared: false });
    expect(await (await upload([{ name: "titleShared", value: "true" }])).json()).toMatchObject({ titleShared: true });
    const refused = await upload([{ name: "titleShared", value: "maybe" }]);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "validation.invalid_input" });
  });
});
