import type { ConfideDeps } from "../../deps.ts";
import { toPublicUser, type Actor, type PublicUser } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";

/**
 * The actor's own account.
 * @throws ConfideError `user.not_found` when the account no longer exists.
 */
export async function getProfile(deps: ConfideDeps, actor: Actor): Promise<PublicUser> {
  const user = await deps.users.get(actor.userId);
  if (!user) throw new ConfideError("user.not_found", "The account no longer exists.");
  return toPublicUser(user);
}
