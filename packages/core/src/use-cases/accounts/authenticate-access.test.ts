import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/user.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { authorizeAccess, loadAccessAccount } from "./authenticate-access.ts";
import { changePassword } from "./change-password.ts";
import { createUser } from "./create-user.ts";
import { eraseUser } from "./erase-user.ts";
import { login } from "./login.ts";
import { logout } from "./logout.ts";
import { refreshToken } from "./refresh-session-token.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };
const password = "a long enough password";

async function setup() {
  const deps = createTestDeps();
  const user = await createUser(deps, admin, { email: "noor@example.org", displayName: "Noor", role: "patient", password });
  const actor: Actor = { userId: user.id, role: "patient" };
  const signedIn = await login(deps, { email: "noor@example.org", password });
  const claims = { userId: user.id, tokenGeneration: signedIn.tokenGeneration };
  /** What the host decides for a token issued at that sign-in. */
  const stillAccepted = async () => {
    try {
      authorizeAccess(await loadAccessAccount(deps, user.id), claims);
      return true;
    } catch (error) {
      expect(error).toMatchObject({ code: "auth.unauthenticated", details: { reason: "revoked" } });
      return false;
    }
  };
  return { deps, actor, signedIn, stillAccepted };
}

describe("access tokens and what ends them", () => {
  it("accepts a token of the account's current generation, with the role from the account", async () => {
    const { deps, actor, signedIn, stillAccepted } = await setup();
    expect(signedIn.tokenGeneration).toBe(0);
    expect(await stillAccepted()).toBe(true);
    expect(authorizeAccess(await loadAccessAccount(deps, actor.userId), { userId: actor.userId, tokenGeneration: 0 })).toEqual(actor);
  });

  it("logout ends it, also with a refresh token that is not the caller's; a new sign-in carries the new generation", async () => {
    const { deps, actor, signedIn, stillAccepted } = await setup();
    await logout(deps, actor, { refreshToken: "not-a-token-of-anyone" });
    expect(await stillAccepted()).toBe(false);
    const again = await login(deps, { email: "noor@example.org", password });
    expect(again.tokenGeneration).toBe(1);
    expect(authorizeAccess(await loadAccessAccount(deps, actor.userId), { userId: actor.userId, tokenGeneration: 1 })).toEqual(actor);
    await expect(refreshToken(deps, { refreshToken: signedIn.refreshToken })).resolves.toMatchObject({ tokenGeneration: 1 });
  });

  it("a password change ends it", async () => {
    const { deps, actor, stillAccepted } = await setup();
    await changePassword(deps, actor, { currentPassword: password, newPassword: "another quite long password" });
    expect(await stillAccepted()).toBe(false);
  });

  it("reuse of a spent refresh token ends it (the copy may have been traded already)", async () => {
    const { deps, signedIn, stillAccepted } = await setup();
    await refreshToken(deps, { refreshToken: signedIn.refreshToken });
    await expect(refreshToken(deps, { refreshToken: signedIn.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_reused" });
    expect(await stillAccepted()).toBe(false);
  });

  it("erasure and deactivation end it: a missing or inactive account is refused", async () => {
    const { deps, actor, stillAccepted } = await setup();
    const user = await deps.users.get(actor.userId);
    if (!user) throw new Error("no user");
    await deps.users.update({ ...user, active: false });
    expect(await stillAccepted()).toBe(false);
    await deps.users.update({ ...user, active: true });
    expect(await stillAccepted()).toBe(true);
    await eraseUser(deps, admin, { userId: actor.userId });
    expect(await loadAccessAccount(deps, actor.userId)).toBeNull();
    expect(await stillAccepted()).toBe(false);
  });

  it("refuses claims naming another account than the one read", () => {
    expect(() =>
      authorizeAccess({ id: "user-a", role: "therapist", active: true, tokenGeneration: 0 }, { userId: "user-b", tokenGeneration: 0 }),
    ).toThrow(expect.objectContaining({ code: "auth.unauthenticated" }));
  });
});
