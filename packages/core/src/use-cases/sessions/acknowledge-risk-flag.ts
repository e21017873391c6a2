import type { ConfideDeps } from "../../deps.ts";
import { acknowledgementReason, undoRefusal, type RiskAcknowledgement } from "../../domain/risk-acknowledgement.ts";
import type { RiskScreenResult, ScreenedRiskFlag } from "../../domain/risk-flag.ts";
import { assertEditable, type Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";

export interface AcknowledgeRiskFlagInput {
  sessionId: string;
  /** The id of a flag of the session's risk screen (`ScreenedRiskFlag.id`). */
  flagId: string;
  /** What was done about it (`acknowledgementActions`). */
  action: string;
  /** The therapist's words; required with "other". */
  note?: string | null;
  /** The version the therapist read (If-Match); checked when given. */
  expectedVersion?: number;
}

export type UndoRiskAcknowledgementInput = Pick<AcknowledgeRiskFlagInput, "sessionId" | "flagId" | "expectedVersion">;

/** The ready session the therapist owns, its risk screen and the flag named; the write is conditional on the version read. */
async function loadFlag(deps: ConfideDeps, actor: Actor, input: UndoRiskAcknowledgementInput): Promise<{ session: Session; risk: RiskScreenResult; flag: ScreenedRiskFlag }> {
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
  return { session, risk, flag };
}

/** The session with one flag's acknowledgement set (or removed when `acknowledgement` is undefined). */
function withAcknowledgement(session: Session, risk: RiskScreenResult, flagId: string, acknowledgement: RiskAcknowledgement | undefined, now: Date): Session {
  const flags = risk.flags.map((flag) => {
    if (flag.id !== flagId) return flag;
    const { acknowledgement: _previous, ...rest } = flag;
    return acknowledgement ? { ...rest, acknowledgement } : rest;
  });
  return { ...session, risk: { ...risk, flags }, updatedAt: now };
}

/** Why an acknowledgement cannot be taken back, in words. */
const undoRefusals = {
  not_acknowledged: "This flag is not acknowledged.",
  not_yours: "Only the clinician who acknowledged this flag can take it back.",
  too_late: "This acknowledgement can no longer be taken back: the few minutes to undo it have passed.",
} as const;

function undoRefused(flagId: string, reason: keyof typeof undoRefusals): ConfideError {
  return new ConfideError("session.risk_acknowledgement_final", undoRefusals[reason], { details: { flagId, reason } });
}

/**
 * Records that the session's therapist has seen one risk flag and what was done about it:
 * `acknowledgement: {by, at, action, note?, alert}` on the flag (`alert` copies the flag's, so a
 * listing can keep a mark for an acknowledged high-priority flag). Idempotent: a flag already
 * acknowledged keeps its first acknowledgement, nothing is written and the session is returned as
 * it is (still audited). Without `expectedVersion` the write is still conditional on the version
 * read here. The acknowledgement outlives a re-screen of the same flag (`carryAcknowledgements`).
 * Audited as `session.risk.acknowledge`, with the flag's id, whether it was new and the action
 * (the note stays on the flag: the audit trail holds no clinical words).
 * @throws ConfideError `validation.invalid_input` for an unknown action or a missing or too long
 * note, `session.invalid_state` unless the session is ready (a finalized session is read-only),
 * `session.risk_flag_not_found` when the screen has no such flag, `session.version_conflict`,
 * `session.not_found`, `auth.forbidden`.
 */
export async function acknowledgeRiskFlag(deps: ConfideDeps, actor: Actor, input: AcknowledgeRiskFlagInput): Promise<Session> {
  const reason = acknowledgementReason(input);
  const { session, risk, flag } = await loadFlag(deps, actor, input);
  const about = { sessionId: session.id, subjectUserId: session.patientId };
  if (flag.acknowledgement) {
    await audit(deps, actor, "session.risk.acknowledge", { ...about, detail: { flagId: flag.id, acknowledged: false } });
    return session;
  }
  const now = deps.clock.now();
  const acknowledgement: RiskAcknowledgement = { by: actor.userId, at: now, ...reason, alert: flag.alert };
  const stored = await deps.sessions.update(withAcknowledgement(session, risk, flag.id, acknowledgement, now), session.version);
  await audit(deps, actor, "session.risk.acknowledge", { ...about, detail: { flagId: flag.id, acknowledged: true, action: reason.action } });
  return stored;
}

/**
 * Takes an acknowledgement back (a wrong answer, the wrong flag): the flag waits for
 * acknowledgement again. Only the therapist who acknowledged it, only within
 * `acknowledgementUndoMs` of it (by the injected clock), only while the session is ready.
 * Audited as `session.risk.acknowledge_undo` with the flag's id and the action taken back.
 * @throws ConfideError `session.risk_acknowledgement_final` (`details.reason`: `not_acknowledged`,
 * `not_yours`, `too_late`), `session.invalid_state`, `session.risk_flag_not_found`,
 * `session.version_conflict`, `session.not_found`, `auth.forbidden`.
 */
export async function undoRiskAcknowledgement(deps: ConfideDeps, actor: Actor, input: UndoRiskAcknowledgementInput): Promise<Session> {
  const { session, risk, flag } = await loadFlag(deps, actor, input);
  const now = deps.clock.now();
  const acknowledgement = flag.acknowledgement;
  if (!acknowledgement) throw undoRefused(flag.id, "not_acknowledged");
  const refusal = undoRefusal(acknowledgement, actor.userId, now);
  if (refusal !== null) throw undoRefused(flag.id, refusal);
  const stored = await deps.sessions.update(withAcknowledgement(session, risk, flag.id, undefined, now), session.version);
  await audit(deps, actor, "session.risk.acknowledge_undo", {
    sessionId: session.id,
    subjectUserId: session.patientId,
    detail: { flagId: flag.id, action: acknowledgement.action ?? "unknown" },
  });
  return stored;
}
