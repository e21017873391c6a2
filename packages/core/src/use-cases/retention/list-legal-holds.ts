import type { ConfideDeps } from "../../deps.ts";
import type { LegalHold } from "../../domain/legal-hold.ts";
import type { Actor } from "../../domain/user.ts";
import { assertMayHoldPatient } from "./legal-hold-access.ts";

export interface ListLegalHoldsInput {
  patientId: string;
  activeOnly?: boolean;
}

/**
 * The holds on a patient and on their sessions, newest first, released ones too unless
 * `activeOnly`: for an administrator, or a therapist in whose care the patient is.
 * @throws ConfideError `auth.forbidden` (patients), `user.not_found`, `care.not_linked`.
 */
export async function listLegalHolds(deps: ConfideDeps, actor: Actor, input: ListLegalHoldsInput): Promise<LegalHold[]> {
  await assertMayHoldPatient(deps, actor, input.patientId);
  return deps.holds.listByPatient(input.patientId, { activeOnly: input.activeOnly ?? false });
}
