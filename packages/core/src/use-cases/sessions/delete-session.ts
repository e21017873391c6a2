import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { audit } from "../policies/audit.ts";
import { assertSessionNotHeld } from "../policies/legal-hold-guard.ts";
import { eraseSession } from "../policies/session-erasure.ts";
import { loadOwnedSession } from "../policies/session-access.ts";

export interface DeleteSessionInput {
  sessionId: string;
}

/**
 * Erases a session, as its therapist, in any status (a finalized session too): the speech
 * provider's job when one is set (best effort: a provider that cannot be reached is logged with
 * the ref it keeps, and does not stop the deletion), the recording, then the record with its
 * transcript, sentiment and review history. If the record cannot be removed the call fails and
 * can be repeated (deleting a missing recording or job does not throw). The audit detail's
 * `providerJob` says what became of the provider's job: `none`, `discarded`, `deferred` (the
 * provider deletes a running job only once it finishes; the copies of the audio are gone) or
 * `failed` (it could not be reached). A worker still
 * processing the session finds it gone on its next write. The audit event (`session.delete`,
 * ids only) outlives the session.
 * A session under legal hold (on it or on its patient) is refused, and nothing is deleted.
 * @throws ConfideError `session.not_found`, `auth.forbidden`, `session.legal_hold`,
 * `dependency.unavailable`.
 */
export async function deleteSession(deps: ConfideDeps, actor: Actor, input: DeleteSessionInput): Promise<void> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  await assertSessionNotHeld(deps, session);
  const providerJob = await eraseSession(deps, session);
  await audit(deps, actor, "session.delete", {
    sessionId: session.id,
    subjectUserId: session.patientId,
    detail: { status: session.status, providerJob },
  });
  deps.logger.info("Session erased", { sessionId: session.id });
}
