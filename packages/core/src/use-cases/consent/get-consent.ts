import type { ConfideDeps } from "../../deps.ts";
import { activeConsent, type ActiveConsent, type ConsentRecord } from "../../domain/consent.ts";
import type { Actor } from "../../domain/user.ts";
import { audit } from "../policies/audit.ts";
import { consentNeeds, type ConsentNeeds, type ConsentNeedsDeps } from "../policies/consent.ts";
import { consentSubject } from "./consent-subject.ts";

export interface ConsentStatus {
  patientId: string;
  /** What is in force now. */
  active: ActiveConsent;
  /** Every grant and withdrawal, oldest first. */
  history: ConsentRecord[];
  /**
   * What this deployment needs of the consent to upload a session, to run a live session (where
   * the host serves them) and to write notes, and what of each is missing: an upload or a live
   * start is refused while its `missing` names anything; notes are not written while theirs does.
   */
  needs: ConsentNeeds;
}

/**
 * A patient's consent: what is in force and the whole history. For the patient themselves and
 * their therapists (see `consentSubject`). Audited as `consent.read`.
 * @throws ConfideError `auth.forbidden` (an administrator), `user.not_found`, `validation.invalid_input`.
 */
export async function getConsent(deps: ConfideDeps & ConsentNeedsDeps, actor: Actor, input: { patientId?: string }): Promise<ConsentStatus> {
  const patientId = await consentSubject(deps, actor, input.patientId);
  const history = await deps.consents.history(patientId);
  await audit(deps, actor, "consent.read", { subjectUserId: patientId, detail: { records: history.length } });
  const active = activeConsent(history);
  return { patientId, active, history, needs: consentNeeds(deps, active) };
}
