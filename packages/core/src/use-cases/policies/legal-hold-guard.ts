import type { ConfideDeps } from "../../deps.ts";
import { holdsCovering, type LegalHold } from "../../domain/legal-hold.ts";
import { ConfideError } from "../../errors.ts";

/** What `session.legal_hold` tells a client about a hold: ids, when and by whom; never the reason. */
function describeHold(hold: LegalHold) {
  return { holdId: hold.id, scope: hold.sessionId === null ? "patient" : "session", setAt: hold.setAt.toISOString(), setBy: hold.setBy };
}

function heldError(message: string, holds: LegalHold[], target: Record<string, string>): ConfideError {
  return new ConfideError("session.legal_hold", message, { details: { ...target, holds: holds.map(describeHold) } });
}

/**
 * The active holds covering one session (on it, or on its patient).
 * @returns `[]` when nothing holds it.
 */
export async function activeHoldsOn(deps: Pick<ConfideDeps, "holds">, session: { id: string; patientId: string }): Promise<LegalHold[]> {
  return holdsCovering(await deps.holds.listByPatient(session.patientId, { activeOnly: true }), session.id);
}

/**
 * Refuses to delete a held session.
 * @throws ConfideError `session.legal_hold` naming the holds in `details.holds`.
 */
export async function assertSessionNotHeld(deps: Pick<ConfideDeps, "holds">, session: { id: string; patientId: string }): Promise<void> {
  const holds = await activeHoldsOn(deps, session);
  if (holds.length > 0) {
    throw heldError("A legal hold covers this session: it cannot be deleted until the hold is released.", holds, { sessionId: session.id });
  }
}

/**
 * Refuses to erase a patient while any hold covers them or one of their sessions.
 * @throws ConfideError `session.legal_hold` naming the holds in `details.holds`.
 */
export async function assertPatientNotHeld(deps: Pick<ConfideDeps, "holds">, patientId: string): Promise<void> {
  const holds = await deps.holds.listByPatient(patientId, { activeOnly: true });
  if (holds.length > 0) {
    throw heldError("A legal hold covers this patient or one of their sessions: they cannot be erased until it is released.", holds, {
      patientId,
    });
  }
}
