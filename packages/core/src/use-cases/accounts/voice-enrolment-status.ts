import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { summarizeVoiceEnrolment, type VoiceEnrolmentSummary } from "../../domain/voice-enrolment.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertRole } from "../policies/session-access.ts";

async function ownAccount(deps: ConfideDeps, actor: Actor) {
  assertRole(actor, "therapist");
  const user = await deps.users.get(actor.userId);
  if (!user) throw new ConfideError("user.not_found", "The account no longer exists.");
  return user;
}

/**
 * Whether the calling therapist's voice is enrolled, since when, and how good the sample was —
 * never the embedding.
 * @throws ConfideError `auth.forbidden` for a non-therapist, `user.not_found`.
 */
export async function getVoiceEnrolment(deps: ConfideDeps, actor: Actor): Promise<VoiceEnrolmentSummary> {
  return summarizeVoiceEnrolment((await ownAccount(deps, actor)).voice);
}

/**
 * Erases the calling therapist's voice enrolment (the embedding and its consent record); their
 * later sessions get roles from the heuristic again. Erasing when none is enrolled does nothing.
 * @returns the summary after erasure (`enrolled: false`).
 * @throws ConfideError `auth.forbidden` for a non-therapist, `user.not_found`.
 */
export async function eraseVoiceEnrolment(deps: ConfideDeps, actor: Actor): Promise<VoiceEnrolmentSummary> {
  const user = await ownAccount(deps, actor);
  if (user.voice !== undefined) {
    const { voice: _erased, ...rest } = user;
    await deps.users.update({ ...rest, updatedAt: deps.clock.now() });
    await audit(deps, actor, "user.voice.erase", { subjectUserId: user.id });
  }
  return summarizeVoiceEnrolment(undefined);
}
