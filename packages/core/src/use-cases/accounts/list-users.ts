import type { ConfideDeps } from "../../deps.ts";
import { toPublicUser, type Actor, type PublicUser, type Role } from "../../domain/user.ts";
import type { Page } from "../../ports/page.ts";
import { checkPageLimit, checkRole } from "./account-input.ts";
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
  const text = input.text?.trim();
  const page = await deps.users.list({
    limit: checkPageLimit(input.limit),
    ...(input.role === undefined ? {} : { role: checkRole(input.role) }),
    ...(text ? { text } : {}),
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  });
  return { items: page.items.map(toPublicUser), nextCursor: page.nextCursor };
}
