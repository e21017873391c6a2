import { ConfideError } from "@confide/core/ports";
import { createRecordingLogger, createTestDeps } from "@confide/core/testing";
import { describe, expect, it } from "vitest";
import { createTestApp, password } from "../app-fixture.test-support.ts";

describe("problem+json errors", () => {
  it("answers unknown routes with a 404 problem carrying the request id", async () => {
    const { call } = await createTestApp();
    const response = await call("/v1/nothing-here?secret=1", { headers: { "X-Request-Id": "client-req.42_a" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-request-id")).toBe("client-req.42_a");
    expect(await response.json()).toEqual({
      type: "urn:confide:problem:route.not_found",
      title: "Not Found",
      status: 404,
      detail: "No route for GET /v1/nothing-here.",
      code: "route.not_found",
      instance: "/v1/nothing-here",
      requestId: "client-req.42_a",
    });
  });

  it("answers an unsupported method on a known path with 405 and the path's methods in Allow", async () => {
    const { call, tokenFor, therapist } = await createTestApp();
    const token = await tokenFor(therapist);
    const cases: Array<[method: string, path: string, allow: string]> = [
      ["PUT", "/v1/sessions", "GET, HEAD, POST"],
      ["POST", "/v1/sessions/some-id", "GET, HEAD, DELETE"],
      ["GET", "/v1/sessions/some-id/finalize", "POST"],
      ["DELETE", "/v1/me", "GET, HEAD, PATCH"],
      ["POST", "/healthz", "GET, HEAD"],
      ["GET", "/v1/auth/login", "POST"],
      ["PATCH", "/v1/devices/device-1", "DELETE"],
    ];
    for (const [method, path, allow] of cases) {
      const response = await call(path, { method, token });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get("allow"), `${method} ${path}`).toBe(allow);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({
        status: 405,
        code: "request.method_not_allowed",
        type: "urn:confide:problem:request.method_not_allowed",
        title: "Method Not Allowed",
        allowedMethods: allow.split(", "),
      });
    }
    // A path no route knows stays 404, with any method.
    const unknown = await call("/v1/sessions/some-id/nothing", { method: "POST", token });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("allow")).toBeNull();
  });

  it("replaces an unsafe X-Request-Id with a generated one", async () => {
    const { call } = await createTestApp();
    for (const unsafe of ["has space", "x".repeat(129), "new\u00e9line"]) {
      const response = await call("/healthz", { headers: { "X-Request-Id": unsafe } });
      const echoed = response.headers.get("x-request-id") ?? "";
      expect(echoed).not.toBe(unsafe);
      expect(echoed).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
    }
  });

  it("maps malformed JSON to 400, a JSON body over 1 MiB to 413, and a non-JSON body to 415", async () => {
    const { call } = await createTestApp();
    const malformed = await call("/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "validation.invalid_input" });

    const huge = await call("/v1/auth/login", {
      method: "POST",
      json: { email: "therapist@example.org", password: "x".repeat(1024 * 1024 + 10) },
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: "request.too_large", status: 413 });

    const text = await call("/v1/auth/login", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "hello" });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ code: "request.unsupported_media_type" });
  });

  it("answers an unexpected failure with 500 internal, without its message, and logs it with the request id", async () => {
    const logger = createRecordingLogger();
    const deps = createTestDeps({ logger });
    const testApp = await createTestApp({ deps });
    const token = await testApp.tokenFor(testApp.therapist);
    deps.users.get = async () => {
      throw new TypeError("database driver exploded at 10.1.2.3");
    };
    const response = await testApp.call("/v1/me", { token, headers: { "X-Request-Id": "req-500" } });
    expect(response.status).toBe(500);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: "internal", status: 500, requestId: "req-500" });
    expect(JSON.stringify(problem)).not.toContain("exploded");
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: "error",
        fields: expect.objectContaining({ requestId: "req-500", message: "database driver exploded at 10.1.2.3" }),
      }),
    );
  });

  it("passes a dependency outage through as 503 with Retry-After and its safe details", async () => {
    const deps = createTestDeps();
    const testApp = await createTestApp({ deps });
    const token = await testApp.tokenFor(testApp.therapist);
    deps.users.get = async () => {
      throw new ConfideError("dependency.unavailable", "The database does not answer.", {
        retryable: true,
        retryAfterMs: 2_500,
        details: { dependency: "database" },
      });
    };
    const response = await testApp.call("/v1/me", { token });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await response.json()).toMatchObject({
      code: "dependency.unavailable",
      detail: "The database does not answer.",
      dependency: "database",
      retryable: true,
    });
  });
});

describe("every response", () => {
  it("carries security headers, and /v1 answers are not cached", async () => {
    const { call, tokenFor, therapist } = await createTestApp();
    const health = await call("/healthz");
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("x-frame-options")).toBe("DENY");
    expect(health.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const me = await call("/v1/me", { token: await tokenFor(therapist) });
    expect(me.headers.get("cache-control")).toBe("no-store");
    expect(me.headers.get("strict-transport-security")).toContain("max-age");
    const problem = await call("/v1/me");
    expect(problem.headers.get("cache-control")).toBe("no-store");
    expect(problem.headers.get("x-content-type-options")).toBe("nosniff");
    expect(problem.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const document = await call("/openapi.json");
    expect(document.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("is logged as one structured line without query, body or token", async () => {
    const { call, logger, therapist, tokenFor } = await createTestApp();
    const token = await tokenFor(therapist);
    logger.entries.length = 0;
    await call("/v1/patients?q=secret-name", { token, headers: { "X-Request-Id": "req-log" } });
    const lines = logger.entries.filter((entry) => entry.message === "request");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.fields).toEqual({
      method: "GET",
      path: "/v1/patients",
      status: 200,
      durationMs: expect.any(Number),
      userId: therapist.id,
      requestId: "req-log",
    });
    const everything = JSON.stringify(logger.entries);
    expect(everything).not.toContain("secret-name");
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(password);
  });
});
