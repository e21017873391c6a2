import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { assertRole } from "../policies/session-access.ts";

/**
 * Who may see and set holds about a patient: an administrator (the compliance role; a hold
 * holds ids and a reason, never clinical content, so this reads none) or a therapist in whose
 * care the patient is.
 * @throws ConfideError `auth.forbidden` (patients), `user.not_found` when there is no such
 * patient, `care.not_linked` for a therapist the patient is not linked to.
 */
export async function assertMayHoldPatient(deps: ConfideDeps, actor: Actor, patientId: string): Promise<void> {
  assertRole(actor, "admin", "therapist");
  if (actor.role === "therapist") {
    if (!(await deps.users.isLinked(actor.userId, patientId))) {
      throw new ConfideError("care.not_linked", "This patient is not in your care.", { details: { patientId } });
    }
    return;
  }
  const patient = await deps.users.get(patientId);
  if (patient === null || patient.role !== "patient") throw new ConfideError("user.not_found", "No such patient.", { details: { patientId } });
}
