import { toPublicUser, type PublicUser, type User } from "../../domain/user.ts";
import type { Page } from "../../ports/page.ts";
import type { UserQuery } from "../../ports/user-repository.ts";
import { checkPageLimit } from "./account-input.ts";

/**
 * What both account searches (an administrator's `listUsers`, a therapist's `searchPatients`)
 * ask the repository: the page size checked, the text trimmed and left out when blank, the cursor
 * as given.
 * @throws ConfideError `validation.invalid_input` for a bad page size.
 */
export function checkAccountSearch(input: { text?: string; cursor?: string; limit?: number }): Omit<UserQuery, "role"> {
  const text = input.text?.trim();
  return {
    limit: checkPageLimit(input.limit),
    ...(text ? { text } : {}),
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  };
}

/** A page of accounts as they may leave core (`toPublicUser`). */
export function publicUserPage(page: Page<User>): Page<PublicUser> {
  return { items: page.items.map(toPublicUser), nextCursor: page.nextCursor };
}
