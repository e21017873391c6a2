import { describe, expect, it } from "vitest";
import { createTestApp, password, storeSession } from "../app-fixture.test-support.ts";

describe("/v1/me", () => {
  it("reads and updates the caller's profile", async () => {
    const { call, tokenFor, patient } = await createTestApp();
    const token = await tokenFor(patient);
    const updated = await call("/v1/me", {
      method: "PATCH",
      token,
      json: { displayName: "  Pat P.  ", consent: { terms: "recording-and-analysis-v1" } },
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      displayName: "Pat P.",
      consent: { terms: "recording-and-analysis-v1", agreedAt: "2026-01-05T09:00:00.000Z" },
    });
    expect(await (await call("/v1/me", { token })).json()).toMatchObject({ displayName: "Pat P." });

    const invalid = await call("/v1/me", { method: "PATCH", token, json: { role: "admin" } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: "validation.invalid_input" });
  });

  it("refuses a JSON body that is not valid UTF-8 with 400 validation.invalid_encoding and stores nothing", async () => {
    const { call, tokenFor, patient } = await createTestApp();
    const token = await tokenFor(patient);
    const before = await (await call("/v1/me", { token })).json();
    const text = new TextEncoder().encode('{"displayName":"Pat X"}');
    const body = new Uint8Array([...text.slice(0, 19), 0xc3, 0x28, ...text.slice(20)]);
    const refused = await call("/v1/me", { method: "PATCH", token, headers: { "Content-Type": "application/json" }, body });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(await refused.json()).toMatchObject({ code: "validation.invalid_encoding" });
    expect(await (await call("/v1/me", { token })).json()).toEqual(before);

    const wellFormed = await call("/v1/me", { method: "PATCH", token, headers: { "Content-Type": "application/json" }, body: new TextEncoder().encode('{"displayName":"Pat é"}') });
    expect(wellFormed.status).toBe(200);
    expect(await wellFormed.json()).toMatchObject({ displayName: "Pat é" });
  });

  it("exports the caller's data as a JSON download", async () => {
    const { call, tokenFor, therapist, patient, deps } = await createTestApp();
    const session = await storeSession(deps, { therapistId: therapist.id, patientId: patient.id });
    const response = await call("/v1/me/export", { token: await tokenFor(therapist) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="confide-export-${therapist.id}.json"`);
    const data = (await response.json()) as { user: { id: string }; sessions: Array<{ id: string }>; careRelations: unknown[] };
    expect(data.user.id).toBe(therapist.id);
    expect(data.sessions.map((item) => item.id)).toEqual([session.id]);
    expect(data.careRelations).toHaveLength(1);
  });
});

describe("/v1/patients", () => {
  it("finds the therapist's own patients only, and refuses patients with 403", async () => {
    const { call, tokenFor, therapist, otherTherapist, patient } = await createTestApp();
    const own = await call("/v1/patients?q=pat&limit=10", { token: await tokenFor(therapist) });
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ items: [expect.objectContaining({ id: patient.id })], nextCursor: null });

    const other = await call("/v1/patients", { token: await tokenFor(otherTherapist) });
    expect(await other.json()).toEqual({ items: [], nextCursor: null });

    const forbidden = await call("/v1/patients", { token: await tokenFor(patient) });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: "auth.forbidden" });

    const badLimit = await call("/v1/patients?limit=1000", { token: await tokenFor(therapist) });
    expect(badLimit.status).toBe(400);
  });
});

describe("/v1/admin/users", () => {
  it("lets an administrator create, list, link and erase accounts", async () => {
    const { call, tokenFor, admin, therapist } = await createTestApp();
    const token = await tokenFor(admin);
    const created = await call("/v1/admin/users", {
      method: "POST",
      token,
      json: { email: "New.Patient@example.org", displayName: "New Patient", role: "patient", password },
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: string; email: string };
    expect(user.email).toBe("new.patient@example.org");

    const duplicate = await call("/v1/admin/users", {
      method: "POST",
      token,
      json: { email: "new.patient@EXAMPLE.org", displayName: "Again", role: "patient", password },
    });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ code: "user.email_taken" });

    const listed = (await (await call("/v1/admin/users?role=patient", { token })).json()) as { items: Array<{ id: string }> };
    expect(listed.items.map((item) => item.id)).toContain(user.id);

    const linked = await call(`/v1/admin/users/${therapist.id}/patients/${user.id}`, { method: "POST", token });
    expect(linked.status).toBe(200);
    expect(await linked.json()).toMatchObject({ therapistId: therapist.id, patientId: user.id });
    const patients = (await (await call("/v1/patients", { token: await tokenFor(therapist) })).json()) as {
      items: Array<{ id: string }>;
    };
    expect(patients.items.map((item) => item.id)).toContain(user.id);

    const erased = await call(`/v1/admin/users/${user.id}`, { method: "DELETE", token });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ userId: user.id, deletedSessionCount: 0, deletedDeviceCount: 0 });
    const again = await call(`/v1/admin/users/${user.id}`, { method: "DELETE", token });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: "user.not_found" });
  });

  it("refuses non-administrators with 403 and refuses erasing a therapist who owns sessions with 409", async () => {
    const { call, tokenFor, admin, therapist, patient, deps } = await createTestApp();
    const therapistToken = await tokenFor(therapist);
    expect((await call("/v1/admin/users", { token: therapistToken })).status).toBe(403);
    await storeSession(deps, { therapistId: therapist.id, patientId: patient.id });
    const refused = await call(`/v1/admin/users/${therapist.id}`, { method: "DELETE", token: await tokenFor(admin) });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "user.has_sessions" });
  });
});

describe("/v1/devices", () => {
  it("registers (201), lists and removes (204) the caller's devices; another user's device is 404", async () => {
    const { call, tokenFor, therapist, patient } = await createTestApp();
    const token = await tokenFor(therapist);
    const registered = await call("/v1/devices", { method: "POST", token, json: { token: "fcm-token-1", platform: "android" } });
    expect(registered.status).toBe(201);
    const device = (await registered.json()) as { id: string; platform: string };
    expect(device.platform).toBe("android");

    const listed = await call("/v1/devices", { token });
    expect(await listed.json()).toEqual({ items: [expect.objectContaining({ id: device.id, token: "fcm-token-1" })] });

    const badPlatform = await call("/v1/devices", { method: "POST", token, json: { token: "x", platform: "symbian" } });
    expect(badPlatform.status).toBe(400);

    const foreign = await call(`/v1/devices/${device.id}`, { method: "DELETE", token: await tokenFor(patient) });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: "device.not_found" });

    expect((await call(`/v1/devices/${device.id}`, { method: "DELETE", token })).status).toBe(204);
    expect(await (await call("/v1/devices", { token })).json()).toEqual({ items: [] });
  });

  it("keeps 20 devices per user: the 21st registration succeeds and replaces the least recently seen", async () => {
    const { call, tokenFor, therapist, deps } = await createTestApp();
    const token = await tokenFor(therapist);
    for (let index = 1; index <= 21; index += 1) {
      const registered = await call("/v1/devices", { method: "POST", token, json: { token: `fcm-token-${index}`, platform: "ios" } });
      expect(registered.status).toBe(201);
      deps.clock.advance(1_000);
    }
    const listed = (await (await call("/v1/devices", { token })).json()) as { items: Array<{ token: string }> };
    expect(listed.items).toHaveLength(20);
    expect(listed.items.map((device) => device.token)).not.toContain("fcm-token-1");
    expect(listed.items[0]?.token).toBe("fcm-token-21");
  });
});
