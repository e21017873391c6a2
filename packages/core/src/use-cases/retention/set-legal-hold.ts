import type { ConfideDeps } from "../../deps.ts";
import type { LegalHold } from "../../domain/legal-hold.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError, invalidInput } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertRole } from "../policies/session-access.ts";
import { assertMayHoldPatient } from "./legal-hold-access.ts";

export interface SetLegalHoldInput {
  /** Exactly one of `sessionId` (one session) and `patientId` (every session of the patient). */
  sessionId?: string;
  patientId?: string;
  /** Why (a case or request reference): 1–500 characters; not clinical content. */
  reason: string;
}

const maxReasonLength = 500;

/**
 * Puts a legal hold on one session or on a patient: until released, neither the retention
 * sweep nor a therapist's delete nor a user's erasure deletes what it covers. An administrator
 * may hold any session or patient — reading only the session's ids, never its content; a
 * therapist their own sessions and the patients in their care. Audited as `legal_hold.set`.
 * @returns the hold as stored.
 * @throws ConfideError `validation.invalid_input` (neither or both targets, empty or long
 * reason), `auth.forbidden` (patients), `session.not_found` (missing, or another therapist's),
 * `user.not_found`, `care.not_linked`.
 */
export async function setLegalHold(deps: ConfideDeps, actor: Actor, input: SetLegalHoldInput): Promise<LegalHold> {
  assertRole(actor, "admin", "therapist");
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > maxReasonLength) {
    throw invalidInput(`Say why the hold is set, in 1 to ${maxReasonLength} characters.`, "reason");
  }
  if ((input.sessionId === undefined) === (input.patientId === undefined)) {
    throw invalidInput("Name either a session or a patient to hold.", input.sessionId === undefined ? "sessionId" : "patientId");
  }
  let patientId: string;
  if (input.sessionId !== undefined) {
    // Its state only: who it belongs to, no content.
    const state = await deps.sessions.getStatus(input.sessionId);
    if (state === null || (actor.role === "therapist" && state.therapistId !== actor.userId)) {
      throw new ConfideError("session.not_found", "No such session.");
    }
    patientId = state.patientId;
  } else {
    patientId = input.patientId as string;
    await assertMayHoldPatient(deps, actor, patientId);
  }
  const hold: LegalHold = {
    id: deps.ids.newId(),
    patientId,
    sessionId: input.sessionId ?? null,
    reason,
    setAt: deps.clock.now(),
    setBy: actor.userId,
    setByRole: actor.role,
    releasedAt: null,
    releasedBy: null,
  };
  await deps.holds.create(hold);
  await audit(deps, actor, "legal_hold.set", {
    ...(hold.sessionId === null ? {} : { sessionId: hold.sessionId }),
    subjectUserId: patientId,
    detail: { holdId: hold.id, scope: hold.sessionId === null ? "patient" : "session" },
  });
  return hold;
}
