import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { createUser } from "./create-user.ts";
import { login } from "./login.ts";
import { logout } from "./logout.ts";
import { refreshToken } from "./refresh-session-token.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };
const password = "a long enough password";

async function setup(): Promise<{ deps: TestDeps; userId: string }> {
  const deps = createTestDeps();
  const user = await createUser(deps, admin, { email: "Dana@Example.org", displayName: "Dana", role: "therapist", password });
  return { deps, userId: user.id };
}

describe("login and refresh", () => {
  it("logs in and rotates the refresh token on every refresh", async () => {
    const { deps, userId } = await setup();
    const first = await login(deps, { email: "  DANA@example.ORG ", password });
    expect(first.user).toMatchObject({ id: userId, email: "dana@example.org", role: "therapist" });
    expect(first.user).not.toHaveProperty("passwordHash");
    expect(first.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.refreshExpiresAt).toEqual(new Date(deps.clock.now().getTime() + deps.settings.refreshTokenTtlMs));

    deps.clock.advance(60_000);
    const second = await refreshToken(deps, { refreshToken: first.refreshToken });
    expect(second.user.id).toBe(userId);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.refreshExpiresAt.getTime()).toBe(deps.clock.now().getTime() + deps.settings.refreshTokenTtlMs);

    const third = await refreshToken(deps, { refreshToken: second.refreshToken });
    expect(third.refreshToken).not.toBe(second.refreshToken);
  });

  it("stores only a hash of the refresh token", async () => {
    const { deps } = await setup();
    const { refreshToken: secret } = await login(deps, { email: "dana@example.org", password });
    expect(await deps.tokens.getByHash(secret)).toBeNull();
  });

  it("revokes the family when a used token comes back", async () => {
    const { deps } = await setup();
    const first = await login(deps, { email: "dana@example.org", password });
    const second = await refreshToken(deps, { refreshToken: first.refreshToken });

    await expect(refreshToken(deps, { refreshToken: first.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_reused" });
    // The attacker or the victim holds `second`: neither may continue this sign-in.
    await expect(refreshToken(deps, { refreshToken: second.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
  });

  it("leaves other sign-ins of the same user alone when one family is revoked", async () => {
    const { deps } = await setup();
    const phone = await login(deps, { email: "dana@example.org", password });
    const laptop = await login(deps, { email: "dana@example.org", password });
    await refreshToken(deps, { refreshToken: phone.refreshToken });
    await expect(refreshToken(deps, { refreshToken: phone.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_reused" });
    await expect(refreshToken(deps, { refreshToken: laptop.refreshToken })).resolves.toMatchObject({ user: { email: "dana@example.org" } });
  });

  it("lets exactly one of two concurrent refreshes of the same token win", async () => {
    const { deps } = await setup();
    const { refreshToken: secret } = await login(deps, { email: "dana@example.org", password });
    const outcomes = await Promise.allSettled([
      refreshToken(deps, { refreshToken: secret }),
      refreshToken(deps, { refreshToken: secret }),
    ]);
    const fulfilled = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: "auth.refresh_reused" });
    // Reuse ends the whole family, including the token the winner received.
    const winner = fulfilled[0]?.value.refreshToken ?? "";
    await expect(refreshToken(deps, { refreshToken: winner })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
  });

  it("refuses an expired or unknown refresh token", async () => {
    const { deps } = await setup();
    const { refreshToken: secret } = await login(deps, { email: "dana@example.org", password });
    await expect(refreshToken(deps, { refreshToken: "not-a-token" })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
    deps.clock.advance(deps.settings.refreshTokenTtlMs);
    await expect(refreshToken(deps, { refreshToken: secret })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const { deps } = await setup();
    const wrongPassword = await login(deps, { email: "dana@example.org", password: "not the password" }).catch((error: unknown) => error);
    const unknownEmail = await login(deps, { email: "nobody@example.org", password }).catch((error: unknown) => error);
    expect(wrongPassword).toMatchObject({ code: "auth.invalid_credentials" });
    expect(unknownEmail).toMatchObject({ code: "auth.invalid_credentials" });
    expect((unknownEmail as Error).message).toBe((wrongPassword as Error).message);
  });

  it("refuses a password longer than any account can have without hashing it", async () => {
    const { deps } = await setup();
    await expect(login(deps, { email: "dana@example.org", password: "x".repeat(1_000_000) })).rejects.toMatchObject({
      code: "auth.invalid_credentials",
    });
  });

  it("refuses an inactive account, at login and at refresh", async () => {
    const { deps, userId } = await setup();
    const { refreshToken: secret } = await login(deps, { email: "dana@example.org", password });
    const stored = await deps.users.get(userId);
    if (!stored) throw new Error("test setup: user missing");
    await deps.users.update({ ...stored, active: false });

    const error = await login(deps, { email: "dana@example.org", password }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "auth.invalid_credentials", message: "The email or password is not correct." });
    await expect(refreshToken(deps, { refreshToken: secret })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
  });
});

describe("logout", () => {
  it("ends the sign-in of the given token only", async () => {
    const { deps, userId } = await setup();
    const actor: Actor = { userId, role: "therapist" };
    const phone = await login(deps, { email: "dana@example.org", password });
    const laptop = await login(deps, { email: "dana@example.org", password });
    const rotated = await refreshToken(deps, { refreshToken: phone.refreshToken });

    await logout(deps, actor, { refreshToken: rotated.refreshToken });
    await expect(refreshToken(deps, { refreshToken: rotated.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
    await expect(refreshToken(deps, { refreshToken: laptop.refreshToken })).resolves.toBeDefined();
  });

  it("accepts an unknown token, and ignores another user's token", async () => {
    const { deps, userId } = await setup();
    const other = await createUser(deps, admin, { email: "lee@example.org", displayName: "Lee", role: "patient", password });
    const otherSession = await login(deps, { email: "lee@example.org", password });

    await expect(logout(deps, { userId, role: "therapist" }, { refreshToken: "unknown" })).resolves.toBeUndefined();
    await logout(deps, { userId, role: "therapist" }, { refreshToken: otherSession.refreshToken });
    await expect(refreshToken(deps, { refreshToken: otherSession.refreshToken })).resolves.toMatchObject({ user: { id: other.id } });
  });
});

describe("refresh of a spent token", () => {
  it("treats a spent token as stolen even after it expired, ending the family", async () => {
    const { deps } = await setup();
    const first = await login(deps, { email: "dana@example.org", password });
    deps.clock.advance(60_000);
    const second = await refreshToken(deps, { refreshToken: first.refreshToken });
    // Past the first token's expiry, not yet the second's.
    deps.clock.advance(deps.settings.refreshTokenTtlMs - 30_000);

    await expect(refreshToken(deps, { refreshToken: first.refreshToken })).rejects.toMatchObject({
      code: "auth.refresh_reused",
      message: "The refresh token was already used; every session of this sign-in was ended.",
    });
    await expect(refreshToken(deps, { refreshToken: second.refreshToken })).rejects.toMatchObject({
      code: "auth.refresh_invalid",
      message: "The refresh token is not valid; sign in again.",
    });
  });
});

describe("refresh of a spent token of an account being erased", () => {
  it("still answers refresh_reused when the account is already gone", async () => {
    const { deps, userId } = await setup();
    const first = await login(deps, { email: "dana@example.org", password });
    await refreshToken(deps, { refreshToken: first.refreshToken });
    // Erasure deletes the account between the two refreshes (its tokens go a moment later).
    await deps.users.delete(userId);

    await expect(refreshToken(deps, { refreshToken: first.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_reused" });
  });

  it("fails, rather than pretend the tokens were ended, when the account store is down", async () => {
    const { deps } = await setup();
    const first = await login(deps, { email: "dana@example.org", password });
    await refreshToken(deps, { refreshToken: first.refreshToken });
    const down = {
      ...deps.users,
      async revokeAccessTokens(): Promise<number> {
        throw new ConfideError("dependency.unavailable", "The database is down.", { retryable: true });
      },
    };

    await expect(refreshToken({ ...deps, users: down }, { refreshToken: first.refreshToken })).rejects.toMatchObject({
      code: "dependency.unavailable",
    });
  });
});
