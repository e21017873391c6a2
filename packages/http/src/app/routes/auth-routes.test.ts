import { describe, expect, it } from "vitest";
import { createTestApp, password, type TestApp } from "../app-fixture.test-support.ts";
import { csrfHeaderName } from "../auth/csrf-check.ts";

interface TokenPair {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: { id: string; email: string; role: string; passwordHash?: unknown };
}

function decodeClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("POST /v1/auth/login", () => {
  it("answers an access token, a refresh token and the user without its password hash", async () => {
    const { call, therapist, deps } = await createTestApp();
    const response = await call("/v1/auth/login", { method: "POST", json: { email: "Therapist@Example.org ", password } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as TokenPair;
    expect(body).toMatchObject({ tokenType: "Bearer", expiresIn: 900, user: { id: therapist.id, role: "therapist" } });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.refreshToken.length).toBeGreaterThan(20);
    const claims = decodeClaims(body.accessToken);
    const nowSeconds = Math.floor(deps.clock.now().getTime() / 1000);
    expect(claims).toMatchObject({ sub: therapist.id, role: "therapist", iat: nowSeconds, exp: nowSeconds + 900 });
    expect(typeof claims.jti).toBe("string");

    const me = await call("/v1/me", { token: body.accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: therapist.id, email: "therapist@example.org" });
  });

  it("refuses a wrong password and an unknown email alike with 401 auth.invalid_credentials", async () => {
    const { call } = await createTestApp();
    for (const email of ["therapist@example.org", "nobody@example.org"]) {
      const response = await call("/v1/auth/login", { method: "POST", json: { email, password: "wrong password!!" } });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ code: "auth.invalid_credentials", status: 401 });
    }
  });

  /** A sign-in through one trusted proxy that appends the caller's address to what the caller sent. */
  const attemptFrom = (testApp: TestApp, address: string, email: string, pass: string, claimed?: string) =>
    testApp.call("/v1/auth/login", {
      method: "POST",
      headers: { "X-Forwarded-For": claimed === undefined ? address : `${claimed}, ${address}` },
      json: { email, password: pass },
    });

  it("checks at most the limit of 25 parallel wrong passwords for one account; the rest are 429 with Retry-After", async () => {
    const testApp = await createTestApp({ trustedProxyHops: 1 });
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => attemptFrom(testApp, "198.51.100.7", "therapist@example.org", "wrong password!!")),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    for (const response of responses.filter((candidate) => candidate.status === 429)) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({ code: "auth.throttled" });
    }
  });

  it("limits failures per (account, address): that pair waits even with the right password; the owner elsewhere signs in", async () => {
    const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAccountAddress: 3, windowMs: 60_000 } });
    for (let index = 0; index < 3; index += 1) {
      expect((await attemptFrom(testApp, "203.0.113.66", "therapist@example.org", "wrong password!!")).status).toBe(401);
    }
    const throttled = await attemptFrom(testApp, "203.0.113.66", "THERAPIST@example.org", password);
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toMatchObject({ code: "auth.throttled" });
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(Number(throttled.headers.get("retry-after"))).toBeLessThanOrEqual(60);

    expect((await attemptFrom(testApp, "192.0.2.10", "therapist@example.org", password)).status).toBe(200);
    expect((await attemptFrom(testApp, "203.0.113.66", "patient@example.org", password)).status).toBe(200);
  });

  it("rotating the X-Forwarded-For the client sends does not bypass the limit behind one trusted proxy", async () => {
    const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAccountAddress: 3 } });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const response = await attemptFrom(testApp, "198.51.100.7", "patient@example.org", "wrong password!!", `10.9.8.${index}`);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    // Nor can the client pin the blame on an innocent address: that one still signs in.
    expect((await attemptFrom(testApp, "10.9.8.1", "patient@example.org", password)).status).toBe(200);
  });

  it("slows an address down past its failures: what fails there waits, a correct password for an account that has not failed signs in", async () => {
    const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAddress: 3, windowMs: 60_000 } });
    const clinic = "198.51.100.9";
    expect((await attemptFrom(testApp, clinic, "therapist@example.org", password)).status).toBe(200);
    for (const email of ["a@example.org", "b@example.org", "c@example.org"]) {
      expect((await attemptFrom(testApp, clinic, email, "wrong password!!")).status).toBe(401);
    }
    // Past the address's failures an unknown email or a wrong password is answered "wait", with the time.
    for (const email of ["d@example.org", "patient@example.org"]) {
      const slowed = await attemptFrom(testApp, clinic, email, "wrong password!!");
      expect(slowed.status).toBe(429);
      expect(await slowed.json()).toMatchObject({ code: "auth.throttled" });
      expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThan(50);
      expect(Number(slowed.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    }
    // An account that failed from the busy address waits, even with its right password…
    expect((await attemptFrom(testApp, clinic, "patient@example.org", password)).status).toBe(429);
    // …one that has not failed signs in there, and the patient signs in from elsewhere.
    expect((await attemptFrom(testApp, clinic, "therapist@example.org", password)).status).toBe(200);
    expect((await attemptFrom(testApp, "198.51.100.10", "patient@example.org", password)).status).toBe(200);
  });

  it("with the default limits, signs a therapist in after 56 failed sign-ins for 56 other emails from the same address", async () => {
    const testApp = await createTestApp({ trustedProxyHops: 1 });
    const clinic = "198.51.100.56";
    const statuses = new Set<number>();
    for (let index = 0; index < 56; index += 1) {
      statuses.add((await attemptFrom(testApp, clinic, `guess-${index}@example.org`, "wrong password!!")).status);
    }
    expect([...statuses].sort()).toEqual([401, 429]);
    expect((await attemptFrom(testApp, clinic, "therapist@example.org", password)).status).toBe(200);
    expect((await attemptFrom(testApp, clinic, "patient@example.org", password)).status).toBe(200);
  });

  it("stops a slowed-down address once it has used its slowed-down checks", async () => {
    const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAddress: 1, perAddressSlowed: 2 } });
    const busy = "198.51.100.11";
    const statuses: number[] = [];
    for (const email of ["a@example.org", "b@example.org", "c@example.org", "d@example.org"]) {
      statuses.push((await attemptFrom(testApp, busy, email, "wrong password!!")).status);
    }
    expect(statuses).toEqual([401, 429, 429, 429]);
    expect((await attemptFrom(testApp, busy, "therapist@example.org", password)).status).toBe(429);
    expect((await attemptFrom(testApp, "198.51.100.12", "therapist@example.org", password)).status).toBe(200);
  });

  it("locks an account that failed from many addresses for a while; other accounts are not affected", async () => {
    const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAccount: 3, accountLockMs: 120_000 } });
    for (let index = 0; index < 3; index += 1) {
      expect((await attemptFrom(testApp, `203.0.113.${index}`, "therapist@example.org", "wrong password!!")).status).toBe(401);
    }
    const locked = await attemptFrom(testApp, "192.0.2.10", "therapist@example.org", password);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: "auth.throttled" });
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(110);
    expect(Number(locked.headers.get("retry-after"))).toBeLessThanOrEqual(120);
    expect((await attemptFrom(testApp, "203.0.113.51", "patient@example.org", password)).status).toBe(200);
  });

  describe("a browser that signed in before (device cookie)", () => {
    /** The device cookie a response set, as the browser would send it back. */
    const deviceCookieOf = (response: Response) => {
      const set = response.headers.getSetCookie().find((cookie) => cookie.startsWith("confide_device="));
      expect(set, "no device cookie set").toBeDefined();
      expect(set).toMatch(/HttpOnly/i);
      expect(set).toMatch(/Path=\/v1\/auth/);
      return set!.split(";")[0]!;
    };
    /** A browser's sign-in: cookie mode (same-origin), with the device cookie when it has one. */
    const attemptWith = (testApp: TestApp, address: string, email: string, pass: string, cookie?: string) =>
      testApp.call("/v1/auth/login", {
        method: "POST",
        headers: { "X-Forwarded-For": address, "Sec-Fetch-Site": "same-origin", [csrfHeaderName]: "1", ...(cookie ? { cookie } : {}) },
        json: { email, password: pass, refreshTokenIn: "cookie" },
      });
    /** Fails `count` sign-ins from `address`, each with another email: the address's limit. */
    const burstFrom = async (testApp: TestApp, address: string, count: number) => {
      for (let index = 0; index < count; index += 1) {
        expect((await attemptWith(testApp, address, `someone-${index}@example.org`, "wrong password!!")).status).toBe(401);
      }
    };

    it("gets through its address's limit with the right password; a browser without the cookie does not", async () => {
      const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAddress: 3 } });
      const clinic = "198.51.100.20";
      const cookie = deviceCookieOf(await attemptWith(testApp, clinic, "therapist@example.org", password));
      await burstFrom(testApp, clinic, 3);
      // The address is out of failures and the account failed there: a new browser is refused even with the right password…
      expect((await attemptWith(testApp, clinic, "therapist@example.org", "wrong password!!")).status).toBe(429);
      expect((await attemptWith(testApp, clinic, "therapist@example.org", password)).status).toBe(429);
      // …the therapist's own browser is not.
      const signedIn = await attemptWith(testApp, clinic, "therapist@example.org", password, cookie);
      expect(signedIn.status).toBe(200);
      // A cookie for one account does not open the address to another.
      expect((await attemptWith(testApp, clinic, "patient@example.org", "wrong password!!")).status).toBe(429);
      expect((await attemptWith(testApp, clinic, "patient@example.org", password, cookie)).status).toBe(429);
    });

    it("also gets through the account's lock", async () => {
      const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAccount: 3 } });
      const cookie = deviceCookieOf(await attemptWith(testApp, "192.0.2.30", "therapist@example.org", password));
      for (let index = 0; index < 3; index += 1) {
        expect((await attemptWith(testApp, `203.0.113.${70 + index}`, "therapist@example.org", "wrong password!!")).status).toBe(401);
      }
      expect((await attemptWith(testApp, "192.0.2.30", "therapist@example.org", password)).status).toBe(429);
      expect((await attemptWith(testApp, "192.0.2.30", "therapist@example.org", password, cookie)).status).toBe(200);
    });

    it("also gets through the (account, address) pair's limit", async () => {
      const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAccountAddress: 3 } });
      const clinic = "198.51.100.22";
      const cookie = deviceCookieOf(await attemptWith(testApp, clinic, "therapist@example.org", password));
      for (let index = 0; index < 3; index += 1) {
        expect((await attemptWith(testApp, clinic, "therapist@example.org", "wrong password!!")).status).toBe(401);
      }
      expect((await attemptWith(testApp, clinic, "therapist@example.org", password)).status).toBe(429);
      expect((await attemptWith(testApp, clinic, "therapist@example.org", password, cookie)).status).toBe(200);
    });

    it("has its own failures limited: a stolen cookie buys no more guesses than an address", async () => {
      const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAccountAddress: 3 } });
      const cookie = deviceCookieOf(await attemptWith(testApp, "192.0.2.40", "therapist@example.org", password));
      const statuses: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        statuses.push((await attemptWith(testApp, `203.0.113.${90 + index}`, "therapist@example.org", "wrong password!!", cookie)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect((await attemptWith(testApp, "203.0.113.99", "therapist@example.org", password, cookie)).status).toBe(429);
    });

    it("ignores a cookie that was altered or made up: the address's limit holds", async () => {
      const testApp = await createTestApp({ trustedProxyHops: 1, loginThrottle: { perAddress: 2 } });
      const clinic = "198.51.100.21";
      const cookie = deviceCookieOf(await attemptWith(testApp, "192.0.2.50", "therapist@example.org", password));
      await burstFrom(testApp, clinic, 2);
      expect((await attemptWith(testApp, clinic, "therapist@example.org", "wrong password!!")).status).toBe(429);
      const [name, value] = cookie.split("=");
      const [deviceId, signature] = value!.split(".");
      const otherDevice = `${deviceId!.slice(0, -1)}${deviceId!.endsWith("A") ? "B" : "A"}`;
      for (const forged of [`${name}=${otherDevice}.${signature}`, `${name}=${deviceId}.${"x".repeat(43)}`, `${name}=made-up`]) {
        expect((await attemptWith(testApp, clinic, "therapist@example.org", password, forged)).status).toBe(429);
      }
    });
  });

  it("behind two trusted proxies, takes the second address from the right", async () => {
    const testApp = await createTestApp({ trustedProxyHops: 2, loginThrottle: { perAccountAddress: 1 } });
    const attempt = (forwardedFor: string, pass: string) =>
      testApp.call("/v1/auth/login", {
        method: "POST",
        headers: { "X-Forwarded-For": forwardedFor },
        json: { email: "patient@example.org", password: pass },
      });
    expect((await attempt("10.1.1.1, 198.51.100.1, 10.0.0.1", "wrong password!!")).status).toBe(401);
    expect((await attempt("10.2.2.2, 198.51.100.1, 10.0.0.2", password)).status).toBe(429);
    expect((await attempt("10.1.1.1, 198.51.100.2, 10.0.0.1", password)).status).toBe(200);
  });

  it("takes the address from X-Forwarded-For only with trusted proxy hops", async () => {
    const direct = await createTestApp({ loginThrottle: { perAccountAddress: 1 } });
    expect((await attemptFrom(direct, "203.0.113.1", "patient@example.org", "wrong password!!")).status).toBe(401);
    // Without trusted proxies the header is ignored: both come from the same (socket) address.
    expect((await attemptFrom(direct, "203.0.113.2", "patient@example.org", password)).status).toBe(429);
  });

  it("rejects a body without a password as validation.invalid_input listing the field", async () => {
    const { call } = await createTestApp();
    const response = await call("/v1/auth/login", { method: "POST", json: { email: "therapist@example.org" } });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; errors: Array<{ in: string; field: string }> };
    expect(problem.code).toBe("validation.invalid_input");
    expect(problem.errors).toContainEqual(expect.objectContaining({ in: "json", field: "password" }));
  });
});

describe("POST /v1/auth/refresh", () => {
  it("rotates the refresh token, and reusing a spent one ends the whole sign-in", async () => {
    const { call } = await createTestApp();
    const login = (await (
      await call("/v1/auth/login", { method: "POST", json: { email: "therapist@example.org", password } })
    ).json()) as TokenPair;

    const first = await call("/v1/auth/refresh", { method: "POST", json: { refreshToken: login.refreshToken } });
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as TokenPair;
    expect(rotated.refreshToken).not.toBe(login.refreshToken);
    expect((await call("/v1/me", { token: rotated.accessToken })).status).toBe(200);

    const reused = await call("/v1/auth/refresh", { method: "POST", json: { refreshToken: login.refreshToken } });
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ code: "auth.refresh_reused" });
    // The token the legitimate refresh produced was revoked with its family.
    const afterReuse = await call("/v1/auth/refresh", { method: "POST", json: { refreshToken: rotated.refreshToken } });
    expect(afterReuse.status).toBe(401);
    expect(await afterReuse.json()).toMatchObject({ code: "auth.refresh_invalid" });
  });

  it("refuses an unknown refresh token with 401 auth.refresh_invalid", async () => {
    const { call } = await createTestApp();
    const response = await call("/v1/auth/refresh", { method: "POST", json: { refreshToken: "not-a-token" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "auth.refresh_invalid" });
  });
});

describe("POST /v1/auth/logout and /v1/auth/password", () => {
  it("logout revokes the refresh token (204), and needs a bearer token", async () => {
    const { call } = await createTestApp();
    const login = (await (
      await call("/v1/auth/login", { method: "POST", json: { email: "therapist@example.org", password } })
    ).json()) as TokenPair;
    expect((await call("/v1/auth/logout", { method: "POST", json: { refreshToken: login.refreshToken } })).status).toBe(401);
    const response = await call("/v1/auth/logout", {
      method: "POST",
      token: login.accessToken,
      json: { refreshToken: login.refreshToken },
    });
    expect(response.status).toBe(204);
    const refresh = await call("/v1/auth/refresh", { method: "POST", json: { refreshToken: login.refreshToken } });
    expect(refresh.status).toBe(401);
  });

  it("changes the password (204): the old one stops working, a wrong current one is 401", async () => {
    const { call, tokenFor, therapist } = await createTestApp();
    const token = await tokenFor(therapist);
    const wrong = await call("/v1/auth/password", {
      method: "POST",
      token,
      json: { currentPassword: "not my password", newPassword: "a brand new long password" },
    });
    expect(wrong.status).toBe(401);
    const weak = await call("/v1/auth/password", { method: "POST", token, json: { currentPassword: password, newPassword: "short" } });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ code: "auth.weak_password" });

    const changed = await call("/v1/auth/password", {
      method: "POST",
      token,
      json: { currentPassword: password, newPassword: "a brand new long password" },
    });
    expect(changed.status).toBe(204);
    const old = await call("/v1/auth/login", { method: "POST", json: { email: therapist.email, password } });
    expect(old.status).toBe(401);
    const fresh = await call("/v1/auth/login", {
      method: "POST",
      json: { email: therapist.email, password: "a brand new long password" },
    });
    expect(fresh.status).toBe(200);
  });
});

describe("bearer authentication", () => {
  it("answers 401 auth.unauthenticated with WWW-Authenticate for a missing, forged or expired token", async () => {
    const { call, tokenFor, therapist, deps } = await createTestApp({ accessTokenTtlSeconds: 60 });
    const missing = await call("/v1/sessions");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await missing.json()).toMatchObject({ code: "auth.unauthenticated", status: 401 });

    const token = await tokenFor(therapist);
    const [header, payload] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodeClaims(token), role: "admin" })).toString("base64url");
    const forged = await call("/v1/me", { token: `${header}.${forgedPayload}.${token.split(".")[2]}` });
    expect(forged.status).toBe(401);
    expect(forged.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(payload).toBeDefined();

    const malformed = await call("/v1/me", { headers: { Authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);

    expect((await call("/v1/me", { token })).status).toBe(200);
    deps.clock.advance(61_000);
    const expired = await call("/v1/me", { token });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: "auth.unauthenticated", reason: "expired" });
  });
});

describe("password strength", () => {
  it("refuses password1234, the user's own email and their name with 400 auth.weak_password saying why, and keeps the old password", async () => {
    const { call, tokenFor, patient } = await createTestApp();
    const token = await tokenFor(patient);
    for (const [newPassword, why] of [
      ["password1234", /commonly used password/],
      ["patient@example.org", /email address or your name/],
      ["Pat Patient 1987!", /email address or your name/],
    ] as const) {
      const response = await call("/v1/auth/password", { method: "POST", token, json: { currentPassword: password, newPassword } });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { code: string; detail: string };
      expect(problem.code).toBe("auth.weak_password");
      expect(problem.detail).toMatch(why);
    }
    const login = await call("/v1/auth/login", { method: "POST", json: { email: "patient@example.org", password } });
    expect(login.status).toBe(200);
  });

  it("refuses an account opened with a common password and stores nothing", async () => {
    const { call, tokenFor, admin, deps } = await createTestApp();
    const response = await call("/v1/admin/users", {
      method: "POST",
      token: await tokenFor(admin),
      json: { email: "new.therapist@example.org", displayName: "New Therapist", role: "therapist", password: "password1234" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "auth.weak_password" });
    expect(await deps.users.getByEmail("new.therapist@example.org")).toBeNull();
  });
});
