import { createTestDeps } from "@confide/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { describeOnEachDatabase, type TestDatabase } from "../../../../adapters-local/test-support/sql-test-databases.ts";
import { createTestApp, multipartBody, wavBytes, type TestApp } from "../app-fixture.test-support.ts";

/** A page cursor as the SQL repositories write it, for a listing kind and position. */
const cursorOf = (kind: string, ...position: Array<string | number>) =>
  Buffer.from(JSON.stringify([kind, ...position]), "utf8").toString("base64url");

async function expectInvalidInput(response: Response): Promise<void> {
  const body = (await response.json()) as { code: string };
  expect({ status: response.status, code: body.code }).toEqual({ status: 400, code: "validation.invalid_input" });
}

interface AppFactory {
  create(): Promise<TestApp>;
  close(): Promise<void>;
}

/** Every way a NUL character or an unstorable date reached a database through the API, each refused at the edge. */
function describeNulRefusals(factory: AppFactory) {
  afterEach(() => factory.close());

  it("refuses a NUL in a path id", async () => {
    const { call, therapist, tokenFor } = await factory.create();
    const token = await tokenFor(therapist);
    await expectInvalidInput(await call("/v1/sessions/abc%00def", { token }));
    await expectInvalidInput(await call("/v1/devices/abc%00def", { token, method: "DELETE" }));
  });

  it("refuses a NUL in a query string", async () => {
    const { call, therapist, tokenFor } = await factory.create();
    const token = await tokenFor(therapist);
    await expectInvalidInput(await call("/v1/sessions?q=calm%00", { token }));
    await expectInvalidInput(await call("/v1/patients?q=%00", { token }));
  });

  it("refuses a NUL in a JSON string, also before signing in", async () => {
    const { call, therapist, tokenFor } = await factory.create();
    await expectInvalidInput(await call("/v1/auth/login", { method: "POST", json: { email: "a\u0000@example.org", password: "x" } }));
    const token = await tokenFor(therapist);
    await expectInvalidInput(await call("/v1/devices", { token, method: "POST", json: { token: "phone\u0000", platform: "android" } }));
    await expectInvalidInput(await call("/v1/me", { token, method: "PATCH", json: { displayName: "Theo\u0000" } }));
  });

  it("refuses a NUL in a multipart title or file name, storing nothing", async () => {
    const { app, call, deps, patient, therapist, tokenFor } = await factory.create();
    const token = await tokenFor(therapist);
    const audio = { name: "audio", filename: "session.wav", type: "audio/wav", bytes: wavBytes(3_200) };
    for (const parts of [
      [{ name: "patientId", value: patient.id }, { name: "title", value: "Week\u00003" }, audio],
      [{ name: "patientId", value: patient.id }, { ...audio, filename: "a\u0000.wav" }],
    ]) {
      const { body, contentType } = multipartBody(parts);
      const response = await app.request("/v1/sessions", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": contentType },
        body,
      });
      await expectInvalidInput(response);
    }
    const listed = await call("/v1/sessions", { token });
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
    expect(deps.blobs.keys()).toEqual([]);
  });

  it("refuses dates outside years 1 to 9999 in an upload's recordedAt and in list filters, storing nothing", async () => {
    const { app, call, deps, patient, therapist, tokenFor } = await factory.create();
    const token = await tokenFor(therapist);
    const { body, contentType } = multipartBody([
      { name: "patientId", value: patient.id },
      { name: "recordedAt", value: "0000-01-01T00:00:00Z" },
      { name: "audio", filename: "session.wav", type: "audio/wav", bytes: wavBytes(3_200) },
    ]);
    const response = await app.request("/v1/sessions", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body });
    await expectInvalidInput(response);
    expect(deps.blobs.keys()).toEqual([]);
    await expectInvalidInput(await call("/v1/sessions?from=0000-01-01T00:00:00Z", { token }));
    await expectInvalidInput(await call("/v1/sessions?to=9999-12-31T23:00:00-05:00", { token }));
    const listed = await call("/v1/sessions?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z", { token });
    expect(listed.status).toBe(200);
  });

  it("refuses a page cursor with a date out of range or a NUL in its position", async () => {
    const { call, therapist, tokenFor } = await factory.create();
    const token = await tokenFor(therapist);
    for (const recordedAt of ["+270000-01-01T00:00:00.000Z", "-270000-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z"]) {
      await expectInvalidInput(await call(`/v1/sessions?cursor=${cursorOf("sessions", recordedAt, "s-1")}`, { token }));
    }
    await expectInvalidInput(await call(`/v1/sessions?cursor=${cursorOf("sessions", "2026-01-01T00:00:00.000Z", "s\u00001")}`, { token }));
  });
}

describe("NUL characters and unstorable dates at the edge, in-memory adapters", () => {
  describeNulRefusals({ create: () => createTestApp(), close: async () => undefined });
});

describeOnEachDatabase("NUL characters, unstorable dates and page cursors at the edge", (database: TestDatabase) => {
  let close: () => Promise<void> = async () => undefined;
  describeNulRefusals({
    async create() {
      const repositories = await database.createRepositories();
      close = () => repositories.close();
      // The audit log stays in memory: the test deps read it back as a list.
      const { sessions, users, tokens, devices } = repositories;
      return createTestApp({ deps: createTestDeps({ sessions, users, tokens, devices, settings: { maxUploadBytes: 256 * 1024 } }) });
    },
    close: () => close(),
  });
});
