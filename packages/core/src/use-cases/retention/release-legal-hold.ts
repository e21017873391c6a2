import type { ConfideDeps } from "../../deps.ts";
import type { LegalHold } from "../../domain/legal-hold.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertRole } from "../policies/session-access.ts";

export interface ReleaseLegalHoldInput {
  holdId: string;
}

/**
 * Releases a legal hold: what it covered may be deleted again (by the next retention sweep,
 * among others). An administrator may release any hold; a therapist only one they set — a hold
 * compliance set is not theirs to lift. Releasing a released hold changes nothing and answers
 * it as it is. Audited as `legal_hold.release` (when this call released it).
 * @returns the hold as stored.
 * @throws ConfideError `auth.forbidden` (patients, or a therapist and someone else's hold),
 * `legal_hold.not_found`.
 */
export async function releaseLegalHold(deps: ConfideDeps, actor: Actor, input: ReleaseLegalHoldInput): Promise<LegalHold> {
  assertRole(actor, "admin", "therapist");
  const hold = await deps.holds.get(input.holdId);
  if (hold === null) throw new ConfideError("legal_hold.not_found", "No such legal hold.", { details: { holdId: input.holdId } });
  if (actor.role === "therapist" && hold.setBy !== actor.userId) {
    throw new ConfideError("auth.forbidden", "Only an administrator or whoever set this hold may release it.", { details: { holdId: hold.id } });
  }
  if (hold.releasedAt !== null) return hold;
  const released = await deps.holds.release(hold.id, { releasedAt: deps.clock.now(), releasedBy: actor.userId });
  await audit(deps, actor, "legal_hold.release", {
    ...(hold.sessionId === null ? {} : { sessionId: hold.sessionId }),
    subjectUserId: hold.patientId,
    detail: { holdId: hold.id, scope: hold.sessionId === null ? "patient" : "session" },
  });
  return released;
}
