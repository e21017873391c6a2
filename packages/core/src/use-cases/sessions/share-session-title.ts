import type { ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { invalidInput } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";

/**
 * Whether a session's title is shown to its patient: a boolean, false when left out (the
 * patient then reads a neutral title).
 * @throws ConfideError `validation.invalid_input` (field `titleShared`) for anything but a boolean.
 */
export function checkTitleShared(titleShared: unknown): boolean {
  if (titleShared === undefined) return false;
  if (typeof titleShared !== "boolean") throw invalidInput("titleShared is true or false.", "titleShared");
  return titleShared;
}

export interface ShareSessionTitleInput {
  sessionId: string;
  /** True shows the therapist's title to the patient; false gives them a neutral one. */
  titleShared: boolean;
  /** The version the therapist read (If-Match); checked when given. */
  expectedVersion?: number;
}

/**
 * Shows or hides a session's title to its patient, in any status (the title is not clinical
 * content the sign-off attests). Writes nothing when it is already so. Audited as
 * `session.title.share` with the choice.
 * @throws ConfideError `validation.invalid_input`, `session.version_conflict`,
 * `session.not_found` (another therapist's session, a patient), `auth.forbidden` (an administrator).
 */
export async function shareSessionTitle(deps: ConfideDeps, actor: Actor, input: ShareSessionTitleInput): Promise<Session> {
  const titleShared = checkTitleShared(input.titleShared);
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  if (input.expectedVersion !== undefined) assertVersion(session, input.expectedVersion);
  const stored =
    (session.titleShared === true) === titleShared
      ? session
      : await deps.sessions.update({ ...session, titleShared, updatedAt: deps.clock.now() }, session.version);
  await audit(deps, actor, "session.title.share", { sessionId: session.id, subjectUserId: session.patientId, detail: { titleShared } });
  return stored;
}
