import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../app-fixture.test-support.ts";
import { notBuiltMessage } from "./console-assets.ts";

const page = '<!doctype html><html lang="en"><title>Confide</title><script type="module" src="/assets/index-abc123.js"></script></html>';
const script = "console.log('console');";

/** Parses a Content-Security-Policy header into directive → sources. */
function policyOf(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe("the browser console at /", () => {
  let directory: string;
  let testApp: TestApp;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "confide-console-"));
    await mkdir(join(directory, "assets"));
    await writeFile(join(directory, "index.html"), page);
    await writeFile(join(directory, "console-paths.json"), JSON.stringify(["/", "/sessions", "/upload", "/sessions/:id"]));
    await writeFile(join(directory, "assets", "index-abc123.js"), script);
    await writeFile(join(directory, "assets", "index-abc123.css"), "body{}");
    await writeFile(join(directory, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    await writeFile(join(tmpdir(), "outside-console.txt"), "not the console's");
    testApp = await createTestApp({ consoleAssetsDirectory: directory });
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("serves the page at / and at its own routes, checked again on every load", async () => {
    for (const path of ["/", "/sessions", "/sessions/abc-123", "/upload?patientId=x", "/index.html"]) {
      const response = await testApp.call(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control"), path).toBe("no-cache");
      expect(await response.text(), path).toBe(page);
    }
    const head = await testApp.call("/sessions", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(page)));
  });

  it("serves hashed assets with their content type and a year-long immutable cache", async () => {
    const js = await testApp.call("/assets/index-abc123.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await js.text()).toBe(script);
    const css = await testApp.call("/assets/index-abc123.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const icon = await testApp.call("/favicon.svg");
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(icon.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers a missing file, a path outside the folder, a path of no screen and other methods with the API's JSON 404", async () => {
    for (const path of ["/nothing-here", "/sessions/", "//sessions", "/sessions/abc/extra", "/assets/missing-123.js", "/favicon.ico", "/../outside-console.txt", "/%2e%2e/outside-console.txt", "/assets/%2e%2e/%2e%2e/outside-console.txt", "/..%2Foutside-console.txt", "/assets/..%2F..%2F..%2Foutside-console.txt"]) {
      const response = await testApp.call(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toBe("application/problem+json");
    }
    const post = await testApp.call("/sessions", { method: "POST" });
    expect(post.status).toBe(404);
    expect(((await post.json()) as { code: string }).code).toBe("route.not_found");
  });

  it("never answers an API path with the page: those keep their JSON 404", async () => {
    for (const path of ["/v1", "/v1/", "/v1/nothing-here", "/v1/nothing/deeper.js", "//v1//sessions", "//v1", "/v1//", "/v1/./nothing", "/x/../v1/nothing", "/%2e/v1/nothing", "///v1/nothing"]) {
      const response = await testApp.call(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toBe("application/problem+json");
      expect(((await response.json()) as { code: string }).code, path).toBe("route.not_found");
    }
    const openapi = await testApp.call("/openapi.json");
    expect(openapi.headers.get("content-type")).toMatch(/^application\/json/);
    const health = await testApp.call("/healthz");
    expect(await health.json()).toEqual({ status: "ok" });
  });

  it("sends the console a strict Content-Security-Policy, and the API its own", async () => {
    const response = await testApp.call("/sessions");
    const policy = policyOf(response.headers.get("content-security-policy"));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("media-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    const everySource = [...policy.values()].flat().join(" ");
    expect(everySource).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|https?:/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-frame-options")).toBe("DENY");

    const asset = await testApp.call("/assets/index-abc123.js");
    expect(asset.headers.get("content-security-policy")).toBe(response.headers.get("content-security-policy"));

    const api = await testApp.call("/v1/nothing-here");
    const apiPolicy = policyOf(api.headers.get("content-security-policy"));
    expect(apiPolicy.get("default-src")).toEqual(["'none'"]);
    expect(apiPolicy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("never answers an API path written another way with the page, and gives it the API's security headers", async () => {
    const trailing = await testApp.call("/v1/sessions/");
    expect(trailing.headers.get("content-type")).toBe("application/problem+json");
    const response = await testApp.call("//v1//sessions");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(policyOf(response.headers.get("content-security-policy")).get("default-src")).toEqual(["'none'"]);
  });

  it("says how to build the console when its build wrote no screen paths (a build older than the server)", async () => {
    const older = await mkdtemp(join(tmpdir(), "confide-console-older-"));
    await writeFile(join(older, "index.html"), page);
    const app = await createTestApp({ consoleAssetsDirectory: older });
    const response = await app.call("/sessions");
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(notBuiltMessage);
    await rm(older, { recursive: true, force: true });
  });

  it("says how to build the console when it is not built, and the API still answers", async () => {
    const unbuilt = await createTestApp({ consoleAssetsDirectory: join(directory, "not-built") });
    const response = await unbuilt.call("/");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(notBuiltMessage);
    expect(notBuiltMessage).toContain("npm run build:console");
    expect((await unbuilt.call("/healthz")).status).toBe(200);
  });
});
