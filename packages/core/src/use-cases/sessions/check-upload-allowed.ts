import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { assertProcessingCapacity } from "../policies/processing-capacity.ts";
import { consentRequirement, requireConsent } from "../policies/consent.ts";
import { assertRole } from "../policies/session-access.ts";

export interface CheckUploadAllowedInput {
  patientId: string;
}

/**
 * What `uploadSession` checks before it reads a byte (it calls this), on its own: a host that
 * accepts a recording in several requests (a resumable upload) asks it when the upload is
 * created, so a refusal comes before any body is sent; `uploadSession` checks it again at the end
 * (consent may have been withdrawn meanwhile).
 * @throws ConfideError `auth.forbidden` (not a therapist), `user.not_found` (unknown or unlinked
 * patient), `consent.missing` (the patient's consent does not cover an upload in this
 * deployment), `upload.quota_exceeded` (the therapist has `settings.maxSessionsInProcessing`
 * sessions in processing).
 */
export async function checkUploadAllowed(deps: ConfideDeps, actor: Actor, input: CheckUploadAllowedInput): Promise<void> {
  assertRole(actor, "therapist");
  const patient = await deps.users.get(input.patientId);
  const linked = patient !== null && patient.role === "patient" && (await deps.users.isLinked(actor.userId, patient.id));
  if (!linked) throw new ConfideError("user.not_found", "No such patient.");
  await requireConsent(deps, input.patientId, consentRequirement(deps, "upload"));
  await assertProcessingCapacity(deps, actor);
}
