import type { ConfideDeps } from "../../deps.ts";
import type { Actor, PublicUser } from "../../domain/user.ts";
import type { Page } from "../../ports/page.ts";
import { checkAccountSearch, publicUserPage } from "./account-search.ts";
import { assertRole } from "../policies/session-access.ts";

export interface SearchPatientsInput {
  /** Case-insensitive part of the patient's display name or email. */
  text?: string;
  cursor?: string;
  /** 1–100; 50 when absent. */
  limit?: number;
}

/**
 * A therapist pages through their own patients (those linked to them), by display name.
 * @throws ConfideError `auth.forbidden` for anyone but a therapist, `validation.invalid_input`
 * for a bad limit or cursor.
 */
export async function searchPatients(
  deps: ConfideDeps,
  actor: Actor,
  input: SearchPatientsInput = {},
): Promise<Page<PublicUser>> {
  assertRole(actor, "therapist");
  return publicUserPage(await deps.users.listPatients(actor.userId, checkAccountSearch(input)));
}
