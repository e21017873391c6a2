import { createRecordingLogger, createTestDeps } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import { createTestApp, storeSession } from "../app-fixture.test-support.ts";

const dayMs = 24 * 3600_000;

async function retentionApp() {
  const deps = createTestDeps({ logger: createRecordingLogger(), settings: { maxUploadBytes: 256 * 1024, retention: { audioAfterFinalizeDays: 30, sessionAfterFinalizeDays: 365 } } });
  return createTestApp({ deps });
}

describe("legal holds and retention over HTTP", () => {
  it("a therapist holds a session: its delete is 409 session.legal_hold naming the hold, until released", async () => {
    const test = await retentionApp();
    const session = await storeSession(test.deps, { therapistId: test.therapist.id, patientId: test.patient.id });
    const token = await test.tokenFor(test.therapist);

    const set = await test.call("/v1/legal-holds", { method: "POST", token, json: { sessionId: session.id, reason: "Subpoena 2026-4" } });
    expect(set.status).toBe(201);
    const hold = (await set.json()) as { id: string; sessionId: string; patientId: string; setBy: string; releasedAt: null };
    expect(hold).toMatchObject({ sessionId: session.id, patientId: test.patient.id, setBy: test.therapist.id, releasedAt: null });

    const refused = await test.call(`/v1/sessions/${session.id}`, { method: "DELETE", token });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "session.legal_hold", status: 409, title: "Conflict", holds: [{ holdId: hold.id, scope: "session" }] });

    const listed = await test.call(`/v1/legal-holds?patientId=${test.patient.id}&active=true`, { token });
    expect(((await listed.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([hold.id]);

    const released = await test.call(`/v1/legal-holds/${hold.id}/release`, { method: "POST", token });
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ releasedBy: test.therapist.id });
    expect((await test.call(`/v1/sessions/${session.id}`, { method: "DELETE", token })).status).toBe(204);
  });

  it("an admin holds a patient without reading clinical content; a patient may not hold; another therapist's session is 404", async () => {
    const test = await retentionApp();
    const session = await storeSession(test.deps, { therapistId: test.therapist.id, patientId: test.patient.id });
    const adminToken = await test.tokenFor(test.admin);

    const set = await test.call("/v1/legal-holds", { method: "POST", token: adminToken, json: { patientId: test.patient.id, reason: "Regulator R-7" } });
    expect(set.status).toBe(201);
    expect(JSON.stringify(await set.json())).not.toMatch(/sleeping|Weekly/);
    const patientToken = await test.tokenFor(test.patient);
    expect((await test.call("/v1/legal-holds", { method: "POST", token: patientToken, json: { patientId: test.patient.id, reason: "x" } })).status).toBe(403);
    const otherToken = await test.tokenFor(test.otherTherapist);
    expect((await test.call("/v1/legal-holds", { method: "POST", token: otherToken, json: { sessionId: session.id, reason: "x" } })).status).toBe(404);
    expect((await test.call("/v1/legal-holds", { method: "POST", token: adminToken, json: { reason: "x" } })).status).toBe(400);
    const erase = await test.call(`/v1/admin/users/${test.patient.id}`, { method: "DELETE", token: adminToken });
    expect(erase.status).toBe(409);
    expect(await erase.json()).toMatchObject({ code: "session.legal_hold" });
  });

  it("the admin dry run lists what would go, the sweep deletes the recording, and the audio answers 410 audio.deleted", async () => {
    const test = await retentionApp();
    const finalizedAt = test.deps.clock.now();
    const session = await storeSession(test.deps, { therapistId: test.therapist.id, patientId: test.patient.id }, {
      status: "finalized",
      review: { edits: [], finalizedAt, finalizedBy: test.therapist.id },
    });
    test.deps.clock.advance(31 * dayMs);
    const adminToken = await test.tokenFor(test.admin);

    const preview = await test.call("/v1/admin/retention", { token: adminToken });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      dryRun: true,
      counts: { due: 1, deleted: 0 },
      outcomes: [{ sessionId: session.id, rule: "audio", removes: "audio", since: finalizedAt.toISOString(), outcome: "due", holdIds: [] }],
      truncated: false,
    });
    expect(test.deps.blobs.keys()).toContain(session.audio.blobKey);
    const therapistToken = await test.tokenFor(test.therapist);
    expect((await test.call("/v1/admin/retention", { token: therapistToken })).status).toBe(403);

    const swept = await test.call("/v1/admin/retention/sweep", { method: "POST", token: adminToken });
    expect(await swept.json()).toMatchObject({ dryRun: false, counts: { deleted: 1 } });

    const audio = await test.call(`/v1/sessions/${session.id}/audio`, { token: therapistToken });
    expect(audio.status).toBe(410);
    expect(await audio.json()).toMatchObject({ code: "audio.deleted", status: 410, title: "Gone", rule: "audio" });
    const detail = await test.call(`/v1/sessions/${session.id}`, { token: therapistToken });
    const body = (await detail.json()) as { audio: { removed: unknown }; transcript: { segments: unknown[] } };
    expect(body.audio.removed).toEqual({ at: test.deps.clock.now().toISOString(), rule: "audio" });
    expect(body.transcript.segments).toHaveLength(2);
  });
});
