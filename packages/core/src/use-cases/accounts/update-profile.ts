import type { ConfideDeps } from "../../deps.ts";
import { checkNoteFormat, type NoteFormat } from "../../domain/note-formats.ts";
import { toPublicUser, type Actor, type PublicUser } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { checkConsentTerms, checkDisplayName } from "./account-input.ts";
import { audit } from "../policies/audit.ts";
import { assertRole } from "../policies/session-access.ts";

export interface UpdateProfileInput {
  displayName?: string;
  /** Records that the user agreed to these terms now (replacing an earlier consent). */
  consent?: { terms: string };
  /** A therapist's default note format for new sessions. */
  defaultNoteFormat?: NoteFormat;
}

/**
 * The actor changes their own display name, records consent, or (a therapist) sets the default
 * note format of their new sessions. Absent fields stay as they are.
 * @throws ConfideError `validation.invalid_input` for a display name outside 1–200 characters,
 * empty terms, or an unknown note format (nothing written), `auth.forbidden` for a default note
 * format set by someone who is not a therapist, `user.not_found` when the account no longer exists.
 */
export async function updateProfile(deps: ConfideDeps, actor: Actor, input: UpdateProfileInput): Promise<PublicUser> {
  const displayName = input.displayName === undefined ? undefined : checkDisplayName(input.displayName);
  const terms = input.consent === undefined ? undefined : checkConsentTerms(input.consent.terms);
  const defaultNoteFormat = input.defaultNoteFormat === undefined ? undefined : checkNoteFormat(input.defaultNoteFormat, "defaultNoteFormat");
  if (defaultNoteFormat !== undefined) assertRole(actor, "therapist");
  const user = await deps.users.get(actor.userId);
  if (!user) throw new ConfideError("user.not_found", "The account no longer exists.");
  const now = deps.clock.now();
  const updated = {
    ...user,
    ...(displayName === undefined ? {} : { displayName }),
    ...(terms === undefined ? {} : { consent: { terms, agreedAt: now } }),
    ...(defaultNoteFormat === undefined ? {} : { defaultNoteFormat }),
    updatedAt: now,
  };
  const fields = [
    displayName === undefined ? null : "displayName",
    terms === undefined ? null : "consent",
    defaultNoteFormat === undefined ? null : "defaultNoteFormat",
  ].filter(
    (field) => field !== null,
  );
  if (fields.length === 0) return toPublicUser(user);
  await deps.users.update(updated);
  await audit(deps, actor, "user.update", {
    subjectUserId: user.id,
    detail: { fields: fields.join(","), ...(defaultNoteFormat === undefined ? {} : { defaultNoteFormat }) },
  });
  return toPublicUser(updated);
}
