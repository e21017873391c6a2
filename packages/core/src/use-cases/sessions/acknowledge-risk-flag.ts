import type { ConfideDeps } from "../../deps.ts";
import { assertEditable, type Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";

export interface AcknowledgeRiskFlagInput {
  sessionId: string;
  /** The id of a flag of the session's risk screen (`ScreenedRiskFlag.id`). */
  flagId: string;
  /** The version the therapist read (If-Match); checked when given. */
  expectedVersion?: number;
}

/**
 * Records that the session's therapist has seen one risk flag (issue 24): `acknowledgement:
 * {by, at}` on the flag. Idempotent: a flag already acknowledged keeps its first
 * acknowledgement, nothing is written and the session is returned as it is (still audited).
 * Without `expectedVersion` the write is still conditional on the version read here. The
 * acknowledgement outlives a re-screen of the same flag (`carryAcknowledgements`). Audited as
 * `session.risk.acknowledge`, with the flag's id and whether it was new.
 * @throws ConfideError `session.invalid_state` unless the session is ready (a finalized
 * session is read-only), `session.risk_flag_not_found` when the screen has no such flag,
 * `session.version_conflict`, `session.not_found`, `auth.forbidden`.
 */
export async function acknowledgeRiskFlag(deps: ConfideDeps, actor: Actor, input: AcknowledgeRiskFlagInput): Promise<Session> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  if (input.expectedVersion !== undefined) assertVersion(session, input.expectedVersion);
  assertEditable(session);
  const risk = session.risk;
  const flag = risk?.flags.find((candidate) => candidate.id === input.flagId);
  if (!risk || !flag) {
    throw new ConfideError("session.risk_flag_not_found", "This session has no such risk flag: it may have changed. Reload the session.", {
      details: { flagId: input.flagId },
    });
  }
  const about = { sessionId: session.id, subjectUserId: session.patientId };
  if (flag.acknowledgement) {
    await audit(deps, actor, "session.risk.acknowledge", { ...about, detail: { flagId: flag.id, acknowledged: false } });
    return session;
  }
  const now = deps.clock.now();
  const acknowledgement = { by: actor.userId, at: now };
  const next: Session = {
    ...session,
    risk: { ...risk, flags: risk.flags.map((candidate) => (candidate.id === flag.id ? { ...candidate, acknowledgement } : candidate)) },
    updatedAt: now,
  };
  const stored = await deps.sessions.update(next, session.version);
  await audit(deps, actor, "session.risk.acknowledge", { ...about, detail: { flagId: flag.id, acknowledged: true } });
  return stored;
}
