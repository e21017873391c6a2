import type { ConfideDeps } from "../../deps.ts";
import { toPublicUser, type Actor, type PublicUser } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { checkConsentTerms, checkDisplayName } from "./account-input.ts";
import { audit } from "../policies/audit.ts";

export interface UpdateProfileInput {
  displayName?: string;
  /** Records that the user agreed to these terms now (replacing an earlier consent). */
  consent?: { terms: string };
}

/**
 * The actor changes their own display name or records consent. Absent fields stay as they are.
 * @throws ConfideError `validation.invalid_input` for a display name outside 1–200 characters
 * or empty terms, `user.not_found` when the account no longer exists.
 */
export async function updateProfile(deps: ConfideDeps, actor: Actor, input: UpdateProfileInput): Promise<PublicUser> {
  const displayName = input.displayName === undefined ? undefined : checkDisplayName(input.displayName);
  const terms = input.consent === undefined ? undefined : checkConsentTerms(input.consent.terms);
  const user = await deps.users.get(actor.userId);
  if (!user) throw new ConfideError("user.not_found", "The account no longer exists.");
  const now = deps.clock.now();
  const updated = {
    ...user,
    ...(displayName === undefined ? {} : { displayName }),
    ...(terms === undefined ? {} : { consent: { terms, agreedAt: now } }),
    updatedAt: now,
  };
  const fields = [displayName === undefined ? null : "displayName", terms === undefined ? null : "consent"].filter(
    (field) => field !== null,
  );
  if (fields.length === 0) return toPublicUser(user);
  await deps.users.update(updated);
  await audit(deps, actor, "user.update", { subjectUserId: user.id, detail: { fields: fields.join(",") } });
  return toPublicUser(updated);
}
