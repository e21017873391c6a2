import type { ConfideDeps } from "../../deps.ts";
import { assertEditable, moveTo, type Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { audit } from "../policies/audit.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";

export interface FinalizeSessionInput {
  sessionId: string;
  /** The version the therapist reviewed (If-Match); checked when given. */
  expectedVersion?: number;
}

/**
 * Ends the review of a ready session, as its therapist: the session becomes `finalized`,
 * read-only, and visible to its patient. Without `expectedVersion` the write is still
 * conditional on the version read here, so a concurrent edit makes it fail rather than be
 * lost. Audited as `session.finalize`.
 * @throws ConfideError `session.invalid_state` unless ready (a finalized session is
 * read-only), `session.version_conflict`, `session.not_found`, `auth.forbidden`.
 */
export async function finalizeSession(deps: ConfideDeps, actor: Actor, input: FinalizeSessionInput): Promise<Session> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  if (input.expectedVersion !== undefined) assertVersion(session, input.expectedVersion);
  assertEditable(session);
  const now = deps.clock.now();
  const next: Session = {
    ...moveTo(session, "finalized", now),
    review: { ...session.review, finalizedAt: now, finalizedBy: actor.userId },
    updatedAt: now,
  };
  const stored = await deps.sessions.update(next, session.version);
  await audit(deps, actor, "session.finalize", { sessionId: session.id, subjectUserId: session.patientId });
  return stored;
}
