import type { ConfideDeps } from "../../deps.ts";
import { toPublicUser, type Actor, type PublicUser } from "../../domain/user.ts";
import type { Page } from "../../ports/page.ts";
import { checkPageLimit } from "./account-input.ts";
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
  const text = input.text?.trim();
  const page = await deps.users.listPatients(actor.userId, {
    limit: checkPageLimit(input.limit),
    ...(text ? { text } : {}),
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  });
  return { items: page.items.map(toPublicUser), nextCursor: page.nextCursor };
}
