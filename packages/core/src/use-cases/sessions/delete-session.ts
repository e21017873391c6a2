import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { audit } from "../policies/audit.ts";
import { loadOwnedSession } from "../policies/session-access.ts";

export interface DeleteSessionInput {
  sessionId: string;
}

/**
 * Erases a session, as its therapist, in any status (a finalized session too): the recording
 * first, then the record with its transcript, sentiment and review history. If the record
 * cannot be removed the call fails and can be repeated (deleting a missing recording does not
 * throw). A worker still processing the session finds it gone on its next write. The audit
 * event (`session.delete`, ids only) outlives the session.
 * @throws ConfideError `session.not_found`, `auth.forbidden`, `dependency.unavailable`.
 */
export async function deleteSession(deps: ConfideDeps, actor: Actor, input: DeleteSessionInput): Promise<void> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  await deps.blobs.delete(session.audio.blobKey);
  await deps.sessions.delete(session.id);
  await audit(deps, actor, "session.delete", {
    sessionId: session.id,
    subjectUserId: session.patientId,
    detail: { status: session.status },
  });
  deps.logger.info("Session erased", { sessionId: session.id });
}
