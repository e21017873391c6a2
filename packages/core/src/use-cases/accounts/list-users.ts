import type { ConfideDeps } from "../../deps.ts";
import type { Actor, PublicUser, Role } from "../../domain/user.ts";
import type { Page } from "../../ports/page.ts";
import { checkRole } from "./account-input.ts";
import { checkAccountSearch, publicUserPage } from "./account-search.ts";
import { assertRole } from "../policies/session-access.ts";

export interface ListUsersInput {
  role?: Role;
  /** Case-insensitive part of the display name or email. */
  text?: string;
  cursor?: string;
  /** 1–100; 50 when absent. */
  limit?: number;
}

/**
 * An administrator pages through accounts, ordered by display name.
 * @throws ConfideError `auth.forbidden` for non-admins, `validation.invalid_input` for a bad
 * role, limit or cursor.
 */
export async function listUsers(deps: ConfideDeps, actor: Actor, input: ListUsersInput = {}): Promise<Page<PublicUser>> {
  assertRole(actor, "admin");
  const search = checkAccountSearch(input);
  return publicUserPage(await deps.users.list({ ...search, ...(input.role === undefined ? {} : { role: checkRole(input.role) }) }));
}
