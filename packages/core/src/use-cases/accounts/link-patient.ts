import type { ConfideDeps } from "../../deps.ts";
import type { Actor, CareRelation, Role } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertRole } from "../policies/session-access.ts";

export interface LinkPatientInput {
  therapistId: string;
  patientId: string;
}

async function loadWithRole(deps: ConfideDeps, userId: string, role: Role, field: string) {
  const user = await deps.users.get(userId);
  if (!user) throw new ConfideError("user.not_found", `No user with the given ${field}.`, { details: { field } });
  if (user.role !== role) {
    throw new ConfideError("validation.invalid_input", `The user given as ${field} is not a ${role}.`, {
      details: { field, role: user.role },
    });
  }
  return user;
}

/**
 * An administrator records that a therapist treats a patient. Linking twice does nothing more.
 * @throws ConfideError `auth.forbidden` for non-admins, `user.not_found` when either user is
 * missing, `validation.invalid_input` when the therapist is not a therapist or the patient not
 * a patient.
 */
export async function linkPatient(deps: ConfideDeps, actor: Actor, input: LinkPatientInput): Promise<CareRelation> {
  assertRole(actor, "admin");
  await loadWithRole(deps, input.therapistId, "therapist", "therapistId");
  await loadWithRole(deps, input.patientId, "patient", "patientId");
  const relation: CareRelation = { therapistId: input.therapistId, patientId: input.patientId, createdAt: deps.clock.now() };
  await deps.users.link(relation);
  await audit(deps, actor, "user.link", { subjectUserId: input.patientId, detail: { therapistId: input.therapistId } });
  const stored = (await deps.users.relationsOf(input.patientId)).find((r) => r.therapistId === input.therapistId);
  return stored ?? relation;
}
