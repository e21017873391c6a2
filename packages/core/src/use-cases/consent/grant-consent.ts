import type { ConfideDeps } from "../../deps.ts";
import {
  activeConsent,
  type ActiveConsent,
  type ConsentForm,
  type ConsentGrant,
  type ConsentMethod,
  type ConsentScopeEntry,
} from "../../domain/consent.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { scopesDetail } from "../policies/consent.ts";
import { appendConsentRecord } from "./append-consent-record.ts";
import { checkConsentForm, checkConsentMethod, checkConsentScopes } from "./consent-input.ts";
import { consentSubject } from "./consent-subject.ts";

export interface GrantConsentInput {
  /** The patient; a patient granting their own consent may leave it out. */
  patientId?: string;
  /** What is granted: `[{ scope: "recording" }, { scope: "cloud_processing", providers: ["azure-speech"] }]`. */
  scopes: ConsentScopeEntry[];
  /** The form the patient agreed to: its version and the sha256 (hex) of its text. */
  form: ConsentForm;
  /** `written` or `verbal_witnessed` when a therapist records it; `electronic` when the patient gives it. */
  method: ConsentMethod;
}

/** Who may record consent obtained in each way. */
const methodsOf: Record<"therapist" | "patient", readonly ConsentMethod[]> = {
  therapist: ["written", "verbal_witnessed"],
  patient: ["electronic"],
};

/**
 * Records a grant of consent in the patient's history: a therapist records consent the patient
 * gave in writing or verbally before them (for a patient linked to them); a patient grants it
 * electronically themselves. Scopes granted earlier and not named stay as they were. Audited as
 * `consent.grant` (scopes, method, form version).
 * @returns the stored grant and what is in force after it.
 * @throws ConfideError `auth.forbidden` (an administrator; a method the actor may not record),
 * `user.not_found` (unknown or unlinked patient), `validation.invalid_input`, `consent.conflict`.
 */
export async function grantConsent(
  deps: ConfideDeps,
  actor: Actor,
  input: GrantConsentInput,
): Promise<{ record: ConsentGrant; active: ActiveConsent }> {
  const patientId = await consentSubject(deps, actor, input.patientId);
  const scopes = checkConsentScopes(input.scopes);
  const form = checkConsentForm(input.form);
  const method = checkConsentMethod(input.method);
  const allowed = methodsOf[actor.role as "therapist" | "patient"];
  if (!allowed.includes(method)) {
    throw new ConfideError("auth.forbidden", `A ${actor.role} records consent obtained as ${allowed.join(" or ")}.`, {
      details: { method },
    });
  }
  const { record, history } = await appendConsentRecord(deps, {
    kind: "grant",
    patientId,
    recordedBy: actor.userId,
    recordedByRole: actor.role,
    scopes,
    form,
    method,
  });
  await audit(deps, actor, "consent.grant", {
    subjectUserId: patientId,
    detail: { scopes: scopesDetail(scopes), method, formVersion: form.version, sequence: record.sequence },
  });
  return { record: record as ConsentGrant, active: activeConsent(history) };
}
