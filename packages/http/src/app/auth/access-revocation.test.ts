import type { Server } from "node:http";
import type { Session } from "@confide/core/ports";
import { serve } from "@hono/node-server";
import { sign } from "hono/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { readSseEvents } from "@confide/contracts/support";
import { createTestApp, password, storeSession, type TestApp } from "../app-fixture.test-support.ts";

const jwtSecret = "test-secret-that-is-long-enough-for-hs256";

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

async function signIn(testApp: TestApp, email: string, secret = password): Promise<TokenPair> {
  const response = await testApp.call("/v1/auth/login", { method: "POST", json: { email, password: secret } });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenPair;
}

const registerPhone = (testApp: TestApp, token: string) =>
  testApp.call("/v1/devices", { method: "POST", token, json: { token: "phone-push-token", platform: "android" } });

describe("access tokens end with what should end them", () => {
  it("logout: the access token is refused at once; a refresh token of another device still gets a new one", async () => {
    const testApp = await createTestApp();
    const laptop = await signIn(testApp, "therapist@example.org");
    const phone = await signIn(testApp, "therapist@example.org");
    expect((await testApp.call("/v1/me", { token: laptop.accessToken })).status).toBe(200);

    const logout = await testApp.call("/v1/auth/logout", {
      method: "POST",
      token: laptop.accessToken,
      json: { refreshToken: laptop.refreshToken },
    });
    expect(logout.status).toBe(204);

    const after = await testApp.call("/v1/me", { token: laptop.accessToken });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: "auth.unauthenticated" });
    expect((await testApp.call("/v1/me", { token: phone.accessToken })).status).toBe(401);

    const refreshed = await testApp.call("/v1/auth/refresh", { method: "POST", json: { refreshToken: phone.refreshToken } });
    expect(refreshed.status).toBe(200);
    const renewed = (await refreshed.json()) as TokenPair;
    expect((await testApp.call("/v1/me", { token: renewed.accessToken })).status).toBe(200);
    // The logged-out sign-in cannot refresh.
    expect((await testApp.call("/v1/auth/refresh", { method: "POST", json: { refreshToken: laptop.refreshToken } })).status).toBe(401);
  });

  it("password change: the old access token is refused on the next request; a new sign-in works", async () => {
    const testApp = await createTestApp();
    const before = await signIn(testApp, "patient@example.org");
    const newPassword = "tangerine lantern orbit 2031";
    const change = await testApp.call("/v1/auth/password", {
      method: "POST",
      token: before.accessToken,
      json: { currentPassword: password, newPassword },
    });
    expect(change.status).toBe(204);

    expect((await testApp.call("/v1/me", { token: before.accessToken })).status).toBe(401);
    const after = await signIn(testApp, "patient@example.org", newPassword);
    expect((await testApp.call("/v1/me", { token: after.accessToken })).status).toBe(200);
  });

  it("erasure: the erased user's token is refused and creates nothing (no device row under the deleted id)", async () => {
    const testApp = await createTestApp();
    const patient = await signIn(testApp, "patient@example.org");
    const admin = await signIn(testApp, "admin@example.org");
    expect((await testApp.call(`/v1/admin/users/${testApp.patient.id}`, { method: "DELETE", token: admin.accessToken })).status).toBe(200);

    const device = await registerPhone(testApp, patient.accessToken);
    expect(device.status).toBe(401);
    expect(await testApp.deps.devices.listByUser(testApp.patient.id)).toEqual([]);
  });

  it("refuses a correctly signed token of a user who does not exist with 401", async () => {
    const testApp = await createTestApp();
    const nowSeconds = Math.floor(testApp.deps.clock.now().getTime() / 1000);
    const forged = await sign(
      { sub: "user-who-never-existed", role: "admin", gen: 0, iat: nowSeconds, exp: nowSeconds + 900, jti: "x" },
      jwtSecret,
      "HS256",
    );
    const response = await testApp.call("/v1/admin/users", { token: forged });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "auth.unauthenticated" });
    expect((await registerPhone(testApp, forged)).status).toBe(401);
  });

  it("refuses a token without a generation claim (issued before generations existed)", async () => {
    const testApp = await createTestApp();
    const nowSeconds = Math.floor(testApp.deps.clock.now().getTime() / 1000);
    const old = await sign({ sub: testApp.therapist.id, role: "therapist", iat: nowSeconds, exp: nowSeconds + 900 }, jwtSecret, "HS256");
    expect((await testApp.call("/v1/me", { token: old })).status).toBe(401);
  });

  it("refuses a token dated in the future (nbf or iat past the clock leeway) and takes one within it", async () => {
    const testApp = await createTestApp();
    const nowSeconds = Math.floor(testApp.deps.clock.now().getTime() / 1000);
    const user = await testApp.deps.users.get(testApp.therapist.id);
    const claims = { sub: testApp.therapist.id, role: "therapist", gen: user?.tokenGeneration ?? 0, exp: nowSeconds + 900, jti: "t" };
    const tokenWith = (extra: Record<string, number>) => sign({ ...claims, ...extra }, jwtSecret, "HS256");
    const meWith = async (extra: Record<string, number>) => (await testApp.call("/v1/me", { token: await tokenWith(extra) })).status;

    expect(await meWith({ iat: nowSeconds })).toBe(200);
    expect(await meWith({ iat: nowSeconds, nbf: nowSeconds + 30 })).toBe(200);
    expect(await meWith({ iat: nowSeconds, nbf: nowSeconds + 3_600 })).toBe(401);
    expect(await meWith({ iat: nowSeconds + 3_600 })).toBe(401);
    const refused = await testApp.call("/v1/me", { token: await tokenWith({ nbf: nowSeconds + 600 }) });
    expect(await refused.json()).toMatchObject({ code: "auth.unauthenticated", reason: "invalid" });
  });

  it("a revocation written by another process is seen once the cache time has passed (here 0 ms)", async () => {
    const testApp = await createTestApp({ accessCheckCacheMs: 0 });
    const signedIn = await signIn(testApp, "therapist@example.org");
    expect((await testApp.call("/v1/me", { token: signedIn.accessToken })).status).toBe(200);
    // Straight to the repository, not through this app's use cases: as another API process would.
    await testApp.deps.users.revokeAccessTokens(testApp.therapist.id);
    expect((await testApp.call("/v1/me", { token: signedIn.accessToken })).status).toBe(401);
  });
});

describe("GET /v1/sessions/:id/events ends with its token", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  async function openStream() {
    const testApp = await createTestApp({ sessionEventsTokenCheckMs: 10 });
    const port = await new Promise<number>((resolve) => {
      servers.push(serve({ fetch: testApp.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port)) as Server);
    });
    const session: Session = await storeSession(
      testApp.deps,
      { therapistId: testApp.therapist.id, patientId: testApp.patient.id },
      { status: "queued", transcript: null },
    );
    const signedIn = await signIn(testApp, "therapist@example.org");
    const response = await fetch(`http://127.0.0.1:${port}/v1/sessions/${session.id}/events`, {
      headers: { Authorization: `Bearer ${signedIn.accessToken}` },
    });
    expect(response.status).toBe(200);
    return { testApp, response, signedIn };
  }

  it("ends with an unauthenticated event when the user logs out", async () => {
    const { testApp, response, signedIn } = await openStream();
    const events = readSseEvents(response, () => false);
    const logout = await testApp.call("/v1/auth/logout", {
      method: "POST",
      token: signedIn.accessToken,
      json: { refreshToken: signedIn.refreshToken },
    });
    expect(logout.status).toBe(204);
    const received = await events;
    expect(received.map((event) => event.event)).toEqual(["status", "unauthenticated"]);
  });

  it("ends with an unauthenticated event when the token expires", async () => {
    const { testApp, response } = await openStream();
    const events = readSseEvents(response, () => false);
    testApp.deps.clock.advance(901_000);
    const received = await events;
    expect(received.map((event) => event.event)).toEqual(["status", "unauthenticated"]);
  });
});
