import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/user.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { changePassword } from "./change-password.ts";
import { createUser } from "./create-user.ts";
import { login } from "./login.ts";
import { refreshToken } from "./refresh-session-token.ts";

const admin: Actor = { userId: "admin-1", role: "admin" };
const oldPassword = "the original password";
const newPassword = "a brand new password";

async function setup() {
  const deps = createTestDeps();
  const user = await createUser(deps, admin, { email: "kim@example.org", displayName: "Kim", role: "patient", password: oldPassword });
  const actor: Actor = { userId: user.id, role: "patient" };
  return { deps, actor };
}

describe("changePassword", () => {
  it("replaces the password and ends every existing sign-in", async () => {
    const { deps, actor } = await setup();
    const phone = await login(deps, { email: "kim@example.org", password: oldPassword });
    const laptop = await login(deps, { email: "kim@example.org", password: oldPassword });

    await changePassword(deps, actor, { currentPassword: oldPassword, newPassword });

    await expect(refreshToken(deps, { refreshToken: phone.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
    await expect(refreshToken(deps, { refreshToken: laptop.refreshToken })).rejects.toMatchObject({ code: "auth.refresh_invalid" });
    await expect(login(deps, { email: "kim@example.org", password: oldPassword })).rejects.toMatchObject({
      code: "auth.invalid_credentials",
    });
    const fresh = await login(deps, { email: "kim@example.org", password: newPassword });
    await expect(refreshToken(deps, { refreshToken: fresh.refreshToken })).resolves.toBeDefined();
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "user.password.change", actorId: actor.userId, subjectUserId: actor.userId });
  });

  it("refuses a wrong current password and keeps the old one", async () => {
    const { deps, actor } = await setup();
    const session = await login(deps, { email: "kim@example.org", password: oldPassword });
    await expect(changePassword(deps, actor, { currentPassword: "not my password", newPassword })).rejects.toMatchObject({
      code: "auth.invalid_credentials",
    });
    await expect(login(deps, { email: "kim@example.org", password: oldPassword })).resolves.toBeDefined();
    await expect(refreshToken(deps, { refreshToken: session.refreshToken })).resolves.toBeDefined();
  });

  it("refuses a weak new password", async () => {
    const { deps, actor } = await setup();
    await expect(changePassword(deps, actor, { currentPassword: oldPassword, newPassword: "short" })).rejects.toMatchObject({
      code: "auth.weak_password",
    });
    await expect(login(deps, { email: "kim@example.org", password: oldPassword })).resolves.toBeDefined();
  });
});

describe("changePassword answers", () => {
  it("says the current password is wrong, and that a vanished account is gone", async () => {
    const { deps, actor } = await setup();
    await expect(changePassword(deps, actor, { currentPassword: "not my password", newPassword })).rejects.toMatchObject({
      message: "The current password is not correct.",
    });
    await expect(
      changePassword(deps, { userId: "gone", role: "patient" }, { currentPassword: oldPassword, newPassword }),
    ).rejects.toMatchObject({ code: "user.not_found", message: "The account no longer exists." });
  });
  it("applies exactly the sign-up password rule: each candidate gets the same verdict and rule at both", async () => {
    const candidates = [
      "short pw",
      "x".repeat(1_025),
      "aaaaaaaaaaaaaaaa",
      "kim@example.org is mine",
      "my name is kim, hello there",
      "password1234",
      "qwertyuiopasdf",
      "plum lantern gravel sonnet",
      "a brand new password",
    ];
    const verdict = (attempt: Promise<unknown>) =>
      attempt.then(
        () => "accepted",
        (error: { code?: string; details?: { rule?: string } }) => `${error.code}:${error.details?.rule ?? ""}`,
      );
    const seen = new Set<string>();
    for (const candidate of candidates) {
      const { deps, actor } = await setup();
      const atChange = await verdict(changePassword(deps, actor, { currentPassword: oldPassword, newPassword: candidate }));
      const atSignUp = await verdict(createUser(createTestDeps(), admin, { email: "kim@example.org", displayName: "Kim", role: "patient", password: candidate }));
      expect(atChange, candidate.slice(0, 30)).toBe(atSignUp);
      seen.add(atChange);
    }
    // The candidates reach every rule and the accepting path, so the comparison means something.
    expect([...seen].sort()).toEqual(
      ["accepted", "auth.weak_password:guessable", "auth.weak_password:one_character", "auth.weak_password:personal_data", "auth.weak_password:too_long", "auth.weak_password:too_short"].sort(),
    );
  });
});
