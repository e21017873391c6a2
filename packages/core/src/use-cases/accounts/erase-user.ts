import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertPatientNotHeld } from "../policies/legal-hold-guard.ts";
import { erasePatientSessions } from "../policies/session-erasure.ts";
import { assertRole } from "../policies/session-access.ts";

export interface EraseUserInput {
  userId: string;
}

export interface EraseUserResult {
  userId: string;
  deletedSessionCount: number;
  deletedDeviceCount: number;
}

/**
 * An administrator erases an account and everything about it (the right to erasure). For a
 * patient: every session about them (the speech provider's job, recording and record; a
 * provider that cannot be reached does not stop the erasure, its ref is logged), devices, refresh tokens, care
 * relations, a therapist's voice enrolment and the account; their consent history is kept (proof that past processing was
 * consented to) with the reasons of their withdrawals removed. The account is deactivated first and deleted last, so an
 * interrupted erasure can simply be run again.
 * @throws ConfideError `auth.forbidden` for non-admins, `validation.invalid_input` when an
 * administrator names themselves, `user.not_found` when there is no such user (also when it was
 * already erased), `user.has_sessions` for a therapist who still owns sessions,
 * `session.legal_hold` for a patient a legal hold covers (on them or on one of their sessions):
 * refused before anything changes.
 */
export async function eraseUser(deps: ConfideDeps, actor: Actor, input: EraseUserInput): Promise<EraseUserResult> {
  assertRole(actor, "admin");
  if (input.userId === actor.userId) {
    throw new ConfideError("validation.invalid_input", "Administrators cannot erase their own account; ask another administrator.");
  }
  const user = await deps.users.get(input.userId);
  if (!user) throw new ConfideError("user.not_found", "No such user.");
  if (user.role === "therapist") {
    const owned = await deps.sessions.list({ therapistId: user.id, limit: 1 });
    if (owned.items.length > 0) {
      throw new ConfideError(
        "user.has_sessions",
        "This therapist still owns sessions. Reassign them to another therapist or erase them before erasing the account.",
      );
    }
  }
  if (user.role === "patient") await assertPatientNotHeld(deps, user.id);
  const now = deps.clock.now();
  // The voice enrolment (a biometric embedding) goes with the deactivation, before anything else.
  if (user.active || user.voice !== undefined) {
    const { voice: _erased, ...rest } = user;
    await deps.users.update({ ...rest, active: false, updatedAt: now });
  }
  await deps.users.revokeAccessTokens(user.id);
  await deps.tokens.revokeUser(user.id, now);

  const deletedSessionCount = user.role === "patient" ? await erasePatientSessions(deps, actor, user.id, "user.erase") : 0;
  // The consent history stays, as proof that what was done before the erasure was consented to
  // (GDPR Art. 7(1), Art. 17(3)(e)): ids, scopes, form hash, times. Only the patient's own words go.
  const erasedConsentReasons = user.role === "patient" ? await deps.consents.eraseReasons(user.id) : 0;
  const deletedDeviceCount = (await deps.devices.listByUser(user.id)).length;
  await deps.devices.deleteByUser(user.id);
  await deps.tokens.deleteByUser(user.id);
  for (const relation of await deps.users.relationsOf(user.id)) {
    await deps.users.unlink(relation.therapistId, relation.patientId);
  }
  await deps.users.delete(user.id);
  await audit(deps, actor, "user.erase", {
    subjectUserId: user.id,
    detail: { role: user.role, deletedSessionCount, deletedDeviceCount, erasedConsentReasons },
  });
  return { userId: user.id, deletedSessionCount, deletedDeviceCount };
}
