import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";

/**
 * The patient whose consent the actor may read or record: a patient their own (naming no one or
 * themselves), a therapist a patient linked to them. Another therapist's patient, an unknown id
 * or a patient naming someone else answer `user.not_found`, as an upload for them does, so ids
 * cannot be probed. Administrators manage accounts and never read clinical content: whether and
 * to what a patient consented to in their therapy is part of it, so they get `auth.forbidden`.
 * @returns the patient's id.
 */
export async function consentSubject(deps: Pick<ConfideDeps, "users">, actor: Actor, patientId: string | undefined): Promise<string> {
  if (actor.role === "admin") {
    throw new ConfideError("auth.forbidden", "Administrators cannot access patients' consent records.");
  }
  const notFound = () => new ConfideError("user.not_found", "No such patient.");
  if (actor.role === "patient") {
    if (patientId !== undefined && patientId !== actor.userId) throw notFound();
    return actor.userId;
  }
  if (patientId === undefined || patientId === "") {
    throw new ConfideError("auth.forbidden", "Only patients have consent of their own; a therapist names the patient.");
  }
  const patient = await deps.users.get(patientId);
  const linked = patient !== null && patient.role === "patient" && (await deps.users.isLinked(actor.userId, patient.id));
  if (!linked) throw notFound();
  return patient.id;
}
