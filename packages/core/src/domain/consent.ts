import type { Role } from "./user.ts";

/**
 * A patient's consent to the processing of their sessions. Not the account's terms
 * (`User.consent`, what a user agreed to when the account was opened): this is what the patient
 * allowed to be done with the recordings of their therapy, scope by scope, with the evidence a
 * clinic must be able to show — which form, when, how it was obtained, who recorded it.
 *
 * The history is append-only: a grant and a withdrawal are each a new record; what is in force
 * now is derived from the whole history (`activeConsent`).
 */

/** What a patient may consent to. */
export const consentScopes = ["recording", "transcription", "ai_notes", "cloud_processing"] as const;
export type ConsentScope = (typeof consentScopes)[number];

/** How consent was obtained. */
export const consentMethods = ["written", "verbal_witnessed", "electronic"] as const;
/**
 * `written`: a signed form the therapist keeps; `verbal_witnessed`: said by the patient, witnessed
 * and recorded by the therapist; `electronic`: given by the patient themselves in the console.
 */
export type ConsentMethod = (typeof consentMethods)[number];

/**
 * One scope of a grant or a withdrawal. `cloud_processing` names the providers it covers
 * (`azure-speech`, `azure-text-analytics`, `transcribe`, `comprehend`, `openai-notes`, `whisper`):
 * consent to send the recording to one service is not consent for another.
 */
export type ConsentScopeEntry =
  | { scope: Exclude<ConsentScope, "cloud_processing"> }
  | { scope: "cloud_processing"; providers: string[] };

/** The consent form the patient saw: its version and the sha256 (hex) of its text. */
export interface ConsentForm {
  version: string;
  textSha256: string;
}

interface ConsentRecordBase {
  id: string;
  patientId: string;
  /**
   * The record's place in the patient's history, from 1 with no gaps: the repository refuses a
   * second record at the same place, so two writers cannot both append on the same history.
   */
  sequence: number;
  at: Date;
  /** Who recorded it: the therapist (written, verbal) or the patient (electronic, withdrawal). */
  recordedBy: string;
  recordedByRole: Role;
}

export interface ConsentGrant extends ConsentRecordBase {
  kind: "grant";
  scopes: ConsentScopeEntry[];
  form: ConsentForm;
  method: ConsentMethod;
}

export interface ConsentWithdrawal extends ConsentRecordBase {
  kind: "withdrawal";
  /** What is withdrawn; a `cloud_processing` entry withdraws the providers it names. */
  scopes: ConsentScopeEntry[];
  /** The patient's reason, when given (at most 500 characters); removed when the patient is erased. */
  reason: string | null;
  /** The patient asked for their sessions to be erased with the withdrawal. */
  eraseSessions: boolean;
}

export type ConsentRecord = ConsentGrant | ConsentWithdrawal;

/** What is in force after a history: the scopes granted and not withdrawn since. */
export interface ActiveConsent {
  scopes: Array<Exclude<ConsentScope, "cloud_processing">>;
  /** The providers `cloud_processing` covers; empty when none. */
  cloudProviders: string[];
  /** The form of the latest grant in the history, or null when there is none. */
  form: ConsentForm | null;
  /** When the state last changed, or null for an empty history. */
  since: Date | null;
}

/** What a processing step needs: scopes, and `cloud_processing` for each of these providers. */
export interface ConsentRequirement {
  scopes: Array<Exclude<ConsentScope, "cloud_processing">>;
  cloudProviders: string[];
}

/** A requirement of the deployment and what of it the consent in force does not cover. */
export interface ConsentNeed {
  required: ConsentRequirement;
  missing: ConsentRequirement;
}

/** In history order (sequence). */
export function inHistoryOrder(records: ConsentRecord[]): ConsentRecord[] {
  return [...records].sort((a, b) => a.sequence - b.sequence);
}

/**
 * The form of the latest grant of `scope` in the history: what the patient read when they last
 * agreed to it (null when no grant names it). Whether the scope is still in force is
 * `activeConsent`'s answer, not this one's.
 */
export function formOfLatestGrant(records: ConsentRecord[], scope: Exclude<ConsentScope, "cloud_processing">): ConsentForm | null {
  const grants = inHistoryOrder(records).filter((record): record is ConsentGrant => record.kind === "grant" && record.scopes.some((entry) => entry.scope === scope));
  return grants.at(-1)?.form ?? null;
}

/** Folds a patient's history, oldest first, into what is in force now. */
export function activeConsent(records: ConsentRecord[]): ActiveConsent {
  const scopes = new Set<Exclude<ConsentScope, "cloud_processing">>();
  const providers = new Set<string>();
  let form: ConsentForm | null = null;
  let since: Date | null = null;
  for (const record of inHistoryOrder(records)) {
    for (const entry of record.scopes) {
      if (entry.scope === "cloud_processing") {
        for (const provider of entry.providers) {
          if (record.kind === "grant") providers.add(provider);
          else providers.delete(provider);
        }
      } else if (record.kind === "grant") scopes.add(entry.scope);
      else scopes.delete(entry.scope);
    }
    if (record.kind === "grant") form = record.form;
    since = record.at;
  }
  return {
    scopes: consentScopes.filter((scope): scope is Exclude<ConsentScope, "cloud_processing"> => scopes.has(scope as never)),
    cloudProviders: [...providers].sort(),
    form,
    since,
  };
}

/** What of `required` the active consent does not cover; both lists empty when it covers all. */
export function missingConsent(active: ActiveConsent, required: ConsentRequirement): ConsentRequirement {
  return {
    scopes: required.scopes.filter((scope) => !active.scopes.includes(scope)),
    cloudProviders: required.cloudProviders.filter((provider) => !active.cloudProviders.includes(provider)),
  };
}

export function coversAll(missing: ConsentRequirement): boolean {
  return missing.scopes.length === 0 && missing.cloudProviders.length === 0;
}
