import { describe, expect, it } from "vitest";
import { createTestApp } from "../app-fixture.test-support.ts";

describe("/healthz and /readyz", () => {
  it("answers alive, and ready only when every dependency is", async () => {
    let speechOk = true;
    const { call, deps } = await createTestApp({
      readiness: async () => [
        { name: "database", ok: true },
        speechOk
          ? { name: "speech", ok: true }
          : { name: "speech", ok: false, code: "speech.engine_unavailable", message: "pocketsphinx_continuous not found in /usr/bin" },
      ],
    });
    const health = await call("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await call("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: [
        { name: "database", ok: true },
        { name: "speech", ok: true },
      ],
    });

    speechOk = false;
    deps.clock.advance(60_000);
    const unavailable = await call("/readyz");
    expect(unavailable.status).toBe(503);
    const body = await unavailable.json();
    expect(body).toEqual({
      status: "unavailable",
      checks: [
        { name: "database", ok: true },
        { name: "speech", ok: false, code: "speech.engine_unavailable" },
      ],
    });
    expect(JSON.stringify(body)).not.toContain("/usr/bin");
  });

  it("answers 503 when the readiness check itself fails", async () => {
    const { call } = await createTestApp({
      readiness: async () => {
        throw new Error("boom");
      },
    });
    const response = await call("/readyz");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", checks: [{ name: "readiness", ok: false, code: "internal" }] });
  });
});

describe("/readyz shares its checks", () => {
  it("checks at most once per 5 s for any number of callers, answers a result up to 30 s old at once, and waits past that", async () => {
    let runs = 0;
    let databaseOk = true;
    let release: (() => void) | undefined;
    const { call, deps } = await createTestApp({
      readiness: async () => {
        runs += 1;
        const ok = databaseOk;
        if (release === undefined) await new Promise<void>((resolve) => (release = resolve));
        return [{ name: "database", ok }];
      },
    });
    const first = Promise.all(Array.from({ length: 20 }, () => call("/readyz")));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release?.();
    const answers = await first;
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(runs).toBe(1);

    databaseOk = false;
    deps.clock.advance(4_000);
    expect((await call("/readyz")).status).toBe(200);
    expect(runs).toBe(1);

    deps.clock.advance(2_000);
    expect((await call("/readyz")).status).toBe(200);
    expect(runs).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await call("/readyz")).status).toBe(503);
    expect(runs).toBe(2);

    databaseOk = true;
    deps.clock.advance(31_000);
    expect((await call("/readyz")).status).toBe(200);
    expect(runs).toBe(3);
  });
});

describe("/openapi.json", () => {
  it("documents every route, the bearer scheme and the multipart upload", async () => {
    const { call } = await createTestApp();
    const response = await call("/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown; requestBody?: { content: Record<string, { schema: unknown }> }; description?: string }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        "GET /healthz",
        "GET /readyz",
        "GET /openapi.json",
        "POST /v1/auth/login",
        "POST /v1/auth/refresh",
        "POST /v1/auth/logout",
        "POST /v1/auth/password",
        "GET /v1/me",
        "PATCH /v1/me",
        "GET /v1/me/export",
        "PUT /v1/me/voice",
        "GET /v1/me/voice",
        "DELETE /v1/me/voice",
        "GET /v1/patients",
        "GET /v1/me/consent",
        "POST /v1/me/consent",
        "POST /v1/me/consent/withdrawals",
        "GET /v1/patients/{patientId}/consent",
        "POST /v1/patients/{patientId}/consent",
        "POST /v1/patients/{patientId}/consent/withdrawals",
        "POST /v1/admin/users",
        "GET /v1/admin/users",
        "POST /v1/admin/users/{id}/patients/{patientId}",
        "DELETE /v1/admin/users/{id}",
        "POST /v1/sessions",
        "GET /v1/sessions",
        "GET /v1/sessions/pending",
        "GET /v1/sessions/{id}",
        "GET /v1/sessions/{id}/audio",
        "POST /v1/sessions/{id}/audio:link",
        "GET /v1/sessions/{id}/events",
        "PATCH /v1/sessions/{id}/transcript",
        "PUT /v1/sessions/{id}/speakers",
        "PUT /v1/sessions/{id}/notes",
        "POST /v1/sessions/{id}/notes:regenerate",
        "GET /v1/sessions/{id}/note",
        "GET /v1/sessions/{id}/note/fhir",
        "POST /v1/sessions/{id}/risk-flags/{flagId}/acknowledgement",
        "DELETE /v1/sessions/{id}/risk-flags/{flagId}/acknowledgement",
        "PUT /v1/sessions/{id}/title-sharing",
        "POST /v1/sessions/{id}/finalize",
        "POST /v1/sessions/{id}/retry",
        "DELETE /v1/sessions/{id}",
        "POST /v1/devices",
        "GET /v1/devices",
        "DELETE /v1/devices/{id}",
        "POST /v1/legal-holds",
        "GET /v1/legal-holds",
        "POST /v1/legal-holds/{id}/release",
        "GET /v1/admin/retention",
        "POST /v1/admin/retention/sweep",
        "OPTIONS /v1/uploads",
        "POST /v1/uploads",
        "GET /v1/uploads/{id}",
        "PATCH /v1/uploads/{id}",
        "DELETE /v1/uploads/{id}",
      ].sort(),
    );
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    const upload = document.paths["/v1/sessions"]?.post;
    expect(upload?.security).toEqual([{ bearer: [] }]);
    expect(upload?.description).toContain("before");
    expect(upload?.requestBody?.content["multipart/form-data"]?.schema).toMatchObject({
      required: ["patientId", "audio"],
      properties: { audio: { type: "string", format: "binary" } },
    });
  });
});

interface OperationObject {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown> }>;
}

describe("/openapi.json operations", () => {
  async function operations() {
    const { call } = await createTestApp();
    const document = (await (await call("/openapi.json")).json()) as {
      servers?: Array<{ url: string }>;
      info: { license?: { name: string } };
      paths: Record<string, Record<string, OperationObject>>;
      components: { responses?: Record<string, { headers?: Record<string, unknown> }> };
    };
    const list = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, operation })),
    );
    return { document, list, byName: new Map(list.map((entry) => [entry.name, entry.operation])) };
  }

  it("names every operation once, sets servers, and marks the public operations security: []", async () => {
    const { document, list, byName } = await operations();
    expect(document.servers).toEqual([expect.objectContaining({ url: "/" })]);
    expect(document.info.license?.name).toBe("Apache-2.0");
    const ids = list.map((entry) => entry.operation.operationId);
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // OPTIONS /v1/uploads is tus discovery: what the server supports, before any sign-in.
    const publicOperations = ["GET /healthz", "GET /readyz", "GET /openapi.json", "POST /v1/auth/login", "POST /v1/auth/refresh", "OPTIONS /v1/uploads"];
    // The recording also opens with a short-lived signed link, for the browser's <audio> element.
    const linkOperations = ["GET /v1/sessions/{id}/audio"];
    for (const { name, operation } of list) {
      const expected = publicOperations.includes(name) ? [] : linkOperations.includes(name) ? [{ bearer: [] }, { audioLink: [] }] : [{ bearer: [] }];
      expect(operation.security, name).toEqual(expected);
    }
    for (const name of ["PATCH /v1/sessions/{id}/transcript", "PUT /v1/sessions/{id}/speakers"]) {
      expect(byName.get(name)?.parameters?.find((parameter) => parameter.name === "if-match"), name).toMatchObject({ in: "header", required: true });
      expect(Object.keys(byName.get(name)?.responses ?? {}), name).toContain("428");
    }
    expect(byName.get("POST /v1/sessions/{id}/finalize")?.parameters?.find((parameter) => parameter.name === "if-match")).toMatchObject({ required: false });
    expect(byName.get("PUT /v1/sessions/{id}/notes")?.parameters?.find((parameter) => parameter.name === "if-match")).toMatchObject({ required: true });
  });

  it("documents the statuses every route can answer", async () => {
    const { document, list, byName } = await operations();
    for (const { name, path, operation } of list) {
      const statuses = Object.keys(operation.responses);
      expect(operation.responses["405"], name).toEqual({ $ref: "#/components/responses/MethodNotAllowed" });
      if (path.includes("{")) expect(statuses, `${name}: ids too long or invalid`).toContain("400");
      if (operation.requestBody?.content["application/json"]) expect(statuses, `${name}: JSON body`).toEqual(expect.arrayContaining(["400", "413", "415"]));
      if (operation.security?.length) expect(statuses, `${name}: authenticated`).toEqual(expect.arrayContaining(["401", "503"]));
    }
    expect(document.components.responses?.MethodNotAllowed?.headers).toHaveProperty("Allow");
    expect(Object.keys(byName.get("POST /v1/auth/login")?.responses ?? {})).toContain("429");
    expect(byName.get("GET /v1/sessions/{id}/events")?.responses["429"]?.headers).toHaveProperty("Retry-After");
  });
});
