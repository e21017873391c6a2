import type { ConfideDeps } from "../../deps.ts";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "../../domain/password.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * The actor replaces their own password. Every refresh and access token of the account is
 * revoked, so every device (this one included) must sign in again.
 * @throws ConfideError `auth.invalid_credentials` when the current password is wrong,
 * `auth.weak_password` when the new one breaks the policy, `user.not_found` when the account
 * is gone.
 */
export async function changePassword(deps: ConfideDeps, actor: Actor, input: ChangePasswordInput): Promise<void> {
  const user = await deps.users.get(actor.userId);
  if (!user) throw new ConfideError("user.not_found", "The account no longer exists.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new ConfideError("auth.invalid_credentials", "The current password is not correct.");
  }
  await checkPasswordPolicy(input.newPassword, { minLength: deps.settings.minPasswordLength, owner: user });
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.newPassword, { cost: deps.settings.passwordCost });
  await deps.users.update({ ...user, passwordHash, updatedAt: now });
  await deps.tokens.revokeUser(user.id, now);
  await deps.users.revokeAccessTokens(user.id);
  await audit(deps, actor, "user.password.change", { subjectUserId: user.id });
}
