import type { ConfideDeps } from "../../deps.ts";
import { unacknowledgedRiskFlags } from "../../domain/acknowledged-risk-flags.ts";
import { assertEditable, moveTo, type Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";

export interface FinalizeSessionInput {
  sessionId: string;
  /** The version the therapist reviewed (If-Match); checked when given. */
  expectedVersion?: number;
  /**
   * Whether the patient may read the patient summary once the session is finalized. Absent
   * means false: a request that says nothing releases nothing, so a patient is never shown a
   * summary the therapist did not choose to release. The session itself becomes
   * visible to its patient either way.
   */
  releaseSummaryToPatient?: boolean;
}

/**
 * The therapist's sign-off of a ready session: the session becomes `finalized`, read-only and
 * visible to its patient, with the patient summary only when `releaseSummaryToPatient` is true.
 * Refused while a current risk flag is not acknowledged (`acknowledgeRiskFlag`); past risk
 * (`history`) does not block. Records the attestation — `review.finalizedBy` and
 * `review.finalizedAt`, the note's signature — and `review.summaryReleased`. Without
 * `expectedVersion` the write is still conditional on the version read here, so a concurrent
 * edit makes it fail rather than be lost. Audited as `session.finalize`, with whether the
 * summary was released.
 * @throws ConfideError `session.risk_unacknowledged` (with `details.flagIds`) while a current
 * risk flag is unacknowledged, `session.invalid_state` unless ready (a finalized session is
 * read-only), `session.version_conflict`, `session.not_found`, `auth.forbidden`.
 */
export async function finalizeSession(deps: ConfideDeps, actor: Actor, input: FinalizeSessionInput): Promise<Session> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  if (input.expectedVersion !== undefined) assertVersion(session, input.expectedVersion);
  assertEditable(session);
  const unacknowledged = unacknowledgedRiskFlags(session.risk);
  if (unacknowledged.length > 0) {
    const count = unacknowledged.length;
    throw new ConfideError(
      "session.risk_unacknowledged",
      `${count === 1 ? "A risk flag has" : `${count} risk flags have`} not been acknowledged yet. Review and acknowledge ${count === 1 ? "it" : "each one"} before signing off.`,
      { details: { flagIds: unacknowledged.map((flag) => flag.id) } },
    );
  }
  const released = input.releaseSummaryToPatient === true;
  const now = deps.clock.now();
  const next: Session = {
    ...moveTo(session, "finalized", now),
    review: { ...session.review, finalizedAt: now, finalizedBy: actor.userId, summaryReleased: released },
    updatedAt: now,
  };
  const stored = await deps.sessions.update(next, session.version);
  await audit(deps, actor, "session.finalize", { sessionId: session.id, subjectUserId: session.patientId, detail: { summaryReleased: released } });
  return stored;
}
