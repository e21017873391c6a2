import { createHash } from "node:crypto";
import type { ConfideDeps } from "../deps.ts";
import type { ConsentForm, ConsentGrant, ConsentScopeEntry } from "../domain/consent.ts";

/** The consent form test set-ups record: its version and the sha256 of its text. */
export const testConsentForm: ConsentForm = {
  version: "test-consent-form-v1",
  textSha256: createHash("sha256").update("I consent to the recording and processing of my therapy sessions.").digest("hex"),
};

/**
 * Every scope a session's processing may need in `deps`: `recording`, `transcription`,
 * `ai_notes`, and `cloud_processing` for each of `deps.settings.cloudProviders` (none: no entry).
 */
export function fullTestConsentScopes(deps: Pick<ConfideDeps, "settings">): ConsentScopeEntry[] {
  const cloud = deps.settings.cloudProviders;
  return [
    { scope: "recording" },
    { scope: "transcription" },
    { scope: "ai_notes" },
    ...(cloud.length > 0 ? [{ scope: "cloud_processing" as const, providers: [...cloud].sort() }] : []),
  ];
}

/**
 * Records, straight through `deps.consents`, that the patient gave written consent to `scopes`
 * (default: `fullTestConsentScopes`) before their therapist: what a test needs before it uploads
 * for a patient. The record's id is `consent-<patientId>-<sequence>`, so a test's sequential ids
 * are not consumed. Tests of the HTTP API record it through the API instead
 * (test/support `recordTestConsent`).
 * @returns the stored grant.
 */
export async function recordTestConsent(
  deps: Pick<ConfideDeps, "consents" | "clock" | "settings">,
  patientId: string,
  options: { scopes?: ConsentScopeEntry[]; recordedBy?: string; form?: ConsentForm } = {},
): Promise<ConsentGrant> {
  const history = await deps.consents.history(patientId);
  const sequence = (history.at(-1)?.sequence ?? 0) + 1;
  const grant: ConsentGrant = {
    kind: "grant",
    id: `consent-${patientId}-${sequence}`,
    patientId,
    sequence,
    at: deps.clock.now(),
    recordedBy: options.recordedBy ?? "therapist-1",
    recordedByRole: "therapist",
    scopes: options.scopes ?? fullTestConsentScopes(deps),
    form: options.form ?? testConsentForm,
    method: "written",
  };
  return (await deps.consents.append(grant)) as ConsentGrant;
}
