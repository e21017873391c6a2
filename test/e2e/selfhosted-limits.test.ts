/**
 * Sign-in limits, upload quotas and access-token revocation in the self-hosted profile: two real
 * `confide serve` processes behind one (pretend) proxy, sharing PostgreSQL and Redis. What one
 * process counts or revokes, the other sees.
 */
import { sign } from "hono/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, requestWithTimeout, waitFor, type SeededAccount } from "../support/confide-api-client.ts";
import { readSseEvents } from "@confide/contracts/support";
import { startSelfHostedStack, type ApiProcess, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { makeToneWav } from "../support/tone-wav.ts";

const uploadsPerHour = 4;
let stack: SelfHostedStack;
let apis: [ApiProcess, ApiProcess];

beforeAll(async () => {
  stack = await startSelfHostedStack({
    env: { CONFIDE_TRUST_PROXY: "true", CONFIDE_UPLOAD_LIMIT_PER_HOUR: String(uploadsPerHour) },
  });
  apis = [await stack.startApi(), await stack.startApi()];
}, 90_000);

afterAll(async () => {
  await stack?.close();
});

/** A sign-in as the proxy forwards it: `claimed` is whatever the client put in X-Forwarded-For. */
function signInFrom(api: ApiProcess, address: string, email: string, password: string, claimed?: string): Promise<Response> {
  return requestWithTimeout(`${api.baseUrl}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": claimed === undefined ? address : `${claimed}, ${address}` },
    body: JSON.stringify({ email, password }),
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function uploadFrom(api: ApiProcess, token: string, patientId: string): Promise<Response> {
  const form = new FormData();
  form.append("patientId", patientId);
  form.append("audio", new Blob([makeToneWav({ durationMs: 500 })], { type: "audio/wav" }), "session.wav");
  return requestWithTimeout(`${api.baseUrl}/v1/sessions`, { method: "POST", headers: bearer(token), body: form });
}

/** Polls `path` with `token` until it answers 401; fails after 10 s (the per-process cache keeps an account 2 s). */
async function expectRefusedSoon(api: ApiProcess, token: string, path = "/v1/me"): Promise<void> {
  await waitFor(
    async () => ((await requestWithTimeout(`${api.baseUrl}${path}`, { headers: bearer(token) })).status === 401 ? true : undefined),
    { timeoutMs: 10_000, describe: () => `${path} on ${api.baseUrl} still accepts the revoked token` },
  );
}

describe("sign-in limits shared by two API processes", () => {
  it("checks at most 5 of 25 parallel wrong passwords for one account from one address; the rest are 429 with Retry-After", async () => {
    const { therapist } = stack.accounts;
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, index) => signInFrom(apis[index % 2] as ApiProcess, "198.51.100.25", therapist.user.email, "wrong password!!")),
    );
    expect(responses.filter((response) => response.status === 401)).toHaveLength(5);
    const throttled = responses.filter((response) => response.status === 429);
    expect(throttled).toHaveLength(20);
    for (const response of throttled) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await response.json()) as { code: string }).code).toBe("auth.throttled");
    }

    // The owner, from another address, still signs in: the attacker's failures do not lock them out.
    expect((await signInFrom(apis[1], "192.0.2.44", therapist.user.email, therapist.password)).status).toBe(200);
  }, 60_000);

  it("counts one pair's failures across both processes, and a rotated X-Forwarded-For does not reset them", async () => {
    const { patient } = stack.accounts;
    const statuses: number[] = [];
    for (let index = 0; index < 7; index += 1) {
      const response = await signInFrom(apis[index % 2] as ApiProcess, "203.0.113.77", patient.user.email, "wrong password!!", `10.0.0.${index}`);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // An address the attacker named is not blamed.
    expect((await signInFrom(apis[0], "10.0.0.3", patient.user.email, patient.password)).status).toBe(200);
  }, 60_000);
});

describe("upload quotas shared by two API processes", () => {
  it("refuses the upload past the hourly count with 429 and Retry-After, whichever process takes it, and stores nothing", async () => {
    const { therapist, patient } = stack.accounts;
    const token = await login(apis[0].baseUrl, therapist);
    for (let index = 0; index < uploadsPerHour; index += 1) {
      expect((await uploadFrom(apis[index % 2] as ApiProcess, token, patient.user.id)).status).toBe(201);
    }
    for (const api of apis) {
      const refused = await uploadFrom(api, token, patient.user.id);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ code: "upload.quota_exceeded", quota: "uploads_per_hour" });
    }
    const listed = await requestWithTimeout(`${apis[1].baseUrl}/v1/sessions?limit=100`, { headers: bearer(token) });
    expect(((await listed.json()) as { items: unknown[] }).items).toHaveLength(uploadsPerHour);
  }, 60_000);
});

describe("access tokens revoked on one process are refused by the other", () => {
  async function signIn(account: SeededAccount, api: ApiProcess, password = account.password) {
    const response = await signInFrom(api, "192.0.2.200", account.user.email, password);
    expect(response.status).toBe(200);
    return (await response.json()) as { accessToken: string; refreshToken: string };
  }

  it("refuses a correctly signed token of a user who does not exist", async () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const token = await sign(
      { sub: "no-such-user", role: "admin", gen: 0, iat: nowSeconds, exp: nowSeconds + 600 },
      stack.env.CONFIDE_JWT_SECRET as string,
      "HS256",
    );
    for (const api of apis) expect((await requestWithTimeout(`${api.baseUrl}/v1/admin/users`, { headers: bearer(token) })).status).toBe(401);
  });

  it("logout: the token stops working on the other process within seconds, and its open event stream ends", async () => {
    const { therapist } = stack.accounts;
    const signedIn = await signIn(therapist, apis[0]);
    const sessions = await requestWithTimeout(`${apis[0].baseUrl}/v1/sessions?limit=1`, { headers: bearer(signedIn.accessToken) });
    const [session] = ((await sessions.json()) as { items: Array<{ id: string; status: string }> }).items;
    if (!session) throw new Error("no session to follow");
    expect(session.status).toBe("queued"); // no worker runs: the stream stays open until something ends it
    const stream = await requestWithTimeout(
      `${apis[0].baseUrl}/v1/sessions/${session.id}/events`,
      { headers: bearer(signedIn.accessToken) },
      30_000,
    );
    expect(stream.status).toBe(200);
    const events = readSseEvents(stream, (event) => event.event === "unauthenticated");

    const logout = await requestWithTimeout(`${apis[1].baseUrl}/v1/auth/logout`, {
      method: "POST",
      headers: { ...bearer(signedIn.accessToken), "content-type": "application/json" },
      body: JSON.stringify({ refreshToken: signedIn.refreshToken }),
    });
    expect(logout.status).toBe(204);
    expect((await requestWithTimeout(`${apis[1].baseUrl}/v1/me`, { headers: bearer(signedIn.accessToken) })).status).toBe(401);
    await expectRefusedSoon(apis[0], signedIn.accessToken);
    expect((await events).map((event) => event.event)).toEqual(["status", "unauthenticated"]);
  }, 60_000);

  it("password change: the old token stops working on the other process", async () => {
    const { therapist } = stack.accounts;
    const signedIn = await signIn(therapist, apis[0]);
    expect((await requestWithTimeout(`${apis[0].baseUrl}/v1/me`, { headers: bearer(signedIn.accessToken) })).status).toBe(200);
    const newPassword = "violet harbour engine 1942";
    const change = await requestWithTimeout(`${apis[1].baseUrl}/v1/auth/password`, {
      method: "POST",
      headers: { ...bearer(signedIn.accessToken), "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: therapist.password, newPassword }),
    });
    expect(change.status).toBe(204);
    await expectRefusedSoon(apis[0], signedIn.accessToken);
    const renewed = await signIn(therapist, apis[0], newPassword);
    expect((await requestWithTimeout(`${apis[0].baseUrl}/v1/me`, { headers: bearer(renewed.accessToken) })).status).toBe(200);
  }, 60_000);

  it("erasure: the erased user's token is refused on the other process and creates no device", async () => {
    const { admin, patient } = stack.accounts;
    const patientToken = (await signIn(patient, apis[0])).accessToken;
    expect((await requestWithTimeout(`${apis[0].baseUrl}/v1/me`, { headers: bearer(patientToken) })).status).toBe(200);
    const adminToken = (await signIn(admin, apis[1])).accessToken;
    const erased = await requestWithTimeout(`${apis[1].baseUrl}/v1/admin/users/${patient.user.id}`, { method: "DELETE", headers: bearer(adminToken) });
    expect(erased.status).toBe(200);

    await expectRefusedSoon(apis[0], patientToken);
    const device = await requestWithTimeout(`${apis[0].baseUrl}/v1/devices`, {
      method: "POST",
      headers: { ...bearer(patientToken), "content-type": "application/json" },
      body: JSON.stringify({ token: "erased-phone", platform: "android" }),
    });
    expect(device.status).toBe(401);
  }, 60_000);
});
