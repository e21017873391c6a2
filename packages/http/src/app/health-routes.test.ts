import { describe, expect, it } from "vitest";
import { createTestApp } from "./app-fixture.test-support.ts";

describe("/healthz and /readyz", () => {
  it("answers alive, and ready only when every dependency is", async () => {
    let speechOk = true;
    const { call } = await createTestApp({
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
        "POST /v1/auth/login",
        "POST /v1/auth/refresh",
        "POST /v1/auth/logout",
        "POST /v1/auth/password",
        "GET /v1/me",
        "PATCH /v1/me",
        "GET /v1/me/export",
        "GET /v1/patients",
        "POST /v1/admin/users",
        "GET /v1/admin/users",
        "POST /v1/admin/users/{id}/patients/{patientId}",
        "DELETE /v1/admin/users/{id}",
        "POST /v1/sessions",
        "GET /v1/sessions",
        "GET /v1/sessions/pending",
        "GET /v1/sessions/{id}",
        "GET /v1/sessions/{id}/audio",
        "GET /v1/sessions/{id}/events",
        "PATCH /v1/sessions/{id}/transcript",
        "PUT /v1/sessions/{id}/speakers",
        "POST /v1/sessions/{id}/finalize",
        "POST /v1/sessions/{id}/retry",
        "DELETE /v1/sessions/{id}",
        "POST /v1/devices",
        "GET /v1/devices",
        "DELETE /v1/devices/{id}",
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
