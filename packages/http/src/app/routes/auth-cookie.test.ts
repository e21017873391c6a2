import { describe, expect, it } from "vitest";
import { createTestApp, password, type TestApp } from "../app-fixture.test-support.ts";

/** What a same-origin `fetch` from the console sends on a cookie-mode request. */
const sameOrigin = { "Confide-CSRF": "1", Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" };

interface CookieLogin {
  cookie: string;
  setCookie: string;
  body: Record<string, unknown>;
}

/** `name=value` of a Set-Cookie header, as the browser would send it back. */
const cookieOf = (setCookie: string) => setCookie.split(";")[0] ?? "";

async function cookieLogin(testApp: TestApp): Promise<CookieLogin> {
  const response = await testApp.call("/v1/auth/login", {
    method: "POST",
    headers: sameOrigin,
    json: { email: testApp.therapist.email, password, refreshTokenIn: "cookie" },
  });
  expect(response.status).toBe(200);
  // The refresh cookie; a cookie-mode sign-in also sets the device cookie (auth-routes.test.ts).
  const setCookie = response.headers.getSetCookie().find((header) => header.startsWith("confide_refresh=")) ?? "";
  return { cookie: cookieOf(setCookie), setCookie, body: (await response.json()) as Record<string, unknown> };
}

const cookieRefresh = (testApp: TestApp, cookie: string, headers: Record<string, string> = sameOrigin) =>
  testApp.call("/v1/auth/refresh", { method: "POST", headers: { ...headers, Cookie: cookie }, json: {} });

describe("refresh token in a cookie (the browser console)", () => {
  it("login sets the refresh token as an HttpOnly, Secure, SameSite=Strict cookie scoped to /v1/auth, not in the body", async () => {
    const testApp = await createTestApp();
    const { setCookie, body } = await cookieLogin(testApp);
    expect(setCookie).toMatch(/^confide_refresh=[^;]{20,};/);
    const attributes = setCookie.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=strict", "path=/v1/auth"]));
    expect(attributes.find((attribute) => attribute.startsWith("max-age="))).toMatch(/^max-age=\d{4,}$/);
    expect(body.refreshToken).toBeUndefined();
    expect(body).toMatchObject({ tokenType: "Bearer", user: { id: testApp.therapist.id } });
  });

  it("refresh takes the cookie, rotates it, and answers a new access token", async () => {
    const testApp = await createTestApp();
    const { cookie } = await cookieLogin(testApp);
    const response = await cookieRefresh(testApp, cookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accessToken: string; refreshToken?: string };
    expect(body.refreshToken).toBeUndefined();
    const rotated = cookieOf(response.headers.get("set-cookie") ?? "");
    expect(rotated).toMatch(/^confide_refresh=/);
    expect(rotated).not.toBe(cookie);
    expect((await testApp.call("/v1/me", { token: body.accessToken })).status).toBe(200);
  });

  it("detects reuse as body mode does: an old cookie revokes the whole sign-in and the cookie is cleared", async () => {
    const testApp = await createTestApp();
    const { cookie } = await cookieLogin(testApp);
    const first = await cookieRefresh(testApp, cookie);
    const rotated = cookieOf(first.headers.get("set-cookie") ?? "");

    const replayed = await cookieRefresh(testApp, cookie);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ code: "auth.refresh_reused" });
    expect(replayed.headers.get("set-cookie")).toMatch(/^confide_refresh=;.*max-age=0/i);

    const afterTheft = await cookieRefresh(testApp, rotated);
    expect(afterTheft.status).toBe(401);
    expect(await afterTheft.json()).toMatchObject({ code: "auth.refresh_invalid" });
  });

  it("refuses a cookie-mode refresh that a cross-site page could have made, with 403 auth.csrf_rejected, and keeps the token usable", async () => {
    const testApp = await createTestApp();
    const { cookie } = await cookieLogin(testApp);
    const forged: Array<[string, Record<string, string>]> = [
      ["no CSRF header (an HTML form or a simple request)", { Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" }],
      ["from another site", { ...sameOrigin, "Sec-Fetch-Site": "cross-site" }],
      ["from a sibling subdomain (same site, not same origin)", { ...sameOrigin, "Sec-Fetch-Site": "same-site" }],
      ["with a foreign Origin", { "Confide-CSRF": "1", Origin: "https://evil.example" }],
    ];
    for (const [what, headers] of forged) {
      const response = await cookieRefresh(testApp, cookie, headers);
      expect({ what, status: response.status }).toEqual({ what, status: 403 });
      expect(await response.json()).toMatchObject({ code: "auth.csrf_rejected" });
    }
    // Nothing was consumed: the console's own request still works.
    expect((await cookieRefresh(testApp, cookie)).status).toBe(200);
  });

  it("refuses a cookie-mode login without the CSRF header (no sign-in forced on a victim's browser)", async () => {
    const testApp = await createTestApp();
    const response = await testApp.call("/v1/auth/login", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site" },
      json: { email: testApp.therapist.email, password, refreshTokenIn: "cookie" },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "auth.csrf_rejected" });
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("logout with the cookie ends the sign-in and clears the cookie", async () => {
    const testApp = await createTestApp();
    const { cookie, body } = await cookieLogin(testApp);
    const response = await testApp.call("/v1/auth/logout", {
      method: "POST",
      token: body.accessToken as string,
      headers: { ...sameOrigin, Cookie: cookie },
      json: {},
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/^confide_refresh=;.*max-age=0/i);
    const after = await cookieRefresh(testApp, cookie);
    expect(after.status).toBe(401);
  });

  it("a refresh with neither a token in the body nor the cookie is 401 auth.refresh_invalid", async () => {
    const testApp = await createTestApp();
    const response = await testApp.call("/v1/auth/refresh", { method: "POST", headers: sameOrigin, json: {} });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "auth.refresh_invalid" });
  });

  it("body mode is unchanged: no cookie, the refresh token in the body, no CSRF header needed", async () => {
    const testApp = await createTestApp();
    const login = await testApp.call("/v1/auth/login", { method: "POST", json: { email: testApp.therapist.email, password } });
    expect(login.headers.get("set-cookie")).toBeNull();
    const { refreshToken } = (await login.json()) as { refreshToken: string };
    const refreshed = await testApp.call("/v1/auth/refresh", { method: "POST", headers: { "Sec-Fetch-Site": "cross-site" }, json: { refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get("set-cookie")).toBeNull();
    expect(((await refreshed.json()) as { refreshToken: string }).refreshToken.length).toBeGreaterThan(20);
  });
});
