import type { ConfideDeps } from "../../deps.ts";
import {
  activeConsent,
  coversAll,
  formOfLatestGrant,
  missingConsent,
  type ActiveConsent,
  type ConsentNeed,
  type ConsentRequirement,
  type ConsentScope,
} from "../../domain/consent.ts";
import { ConfideError } from "../../errors.ts";
import type { LiveSpeechToText } from "../../ports/live-speech-to-text.ts";

/**
 * The one place that says what a patient's consent must cover, called by the upload,
 * by each pipeline step, by the notes and by live sessions:
 * - storing a recording (an upload, a live session) and every processing step need `recording`
 *   and `transcription`;
 * - a step that hands the session to a provider that sends data out of the deployment
 *   (`deps.settings.cloudProviders`) needs `cloud_processing` naming that provider;
 * - clinical notes need `ai_notes` (and `cloud_processing` for a cloud notes writer); without it
 *   the session is processed and its notes are not written (`notesConsentGap`);
 * - a live session's suggested reflections need what notes need, given on a form that tells the
 *   patient of them (`reflectionConsentGap`).
 */

/** What Confide does with a patient's session, each with its own consent requirement. */
export type ConsentedActivity = "upload" | "live" | "transcribe" | "analyze" | "notes";

type Processor = "speech" | "language" | "notes";

/** The providers each activity hands the session to. */
const processorsOf: Record<ConsentedActivity, Processor[]> = {
  // An upload is refused before any byte is stored when its processing would be refused.
  upload: ["speech", "language"],
  live: ["speech", "language"],
  transcribe: ["speech"],
  analyze: ["language"],
  notes: [],
};

/** Of the configured processors, the names of those that send data out of the deployment. */
function cloudProvidersOf(deps: Pick<ConfideDeps, "settings" | "speech" | "language" | "notes">, processors: Processor[]): string[] {
  return processors.map((processor) => deps[processor].provider).filter((provider) => deps.settings.cloudProviders.includes(provider));
}

/**
 * What `activity` needs of the patient's consent in this deployment. For `live`, name the live
 * engine's provider in `extraProviders` when it differs from the batch speech provider.
 */
export function consentRequirement(
  deps: Pick<ConfideDeps, "settings" | "speech" | "language" | "notes">,
  activity: ConsentedActivity,
  options: { extraProviders?: string[] } = {},
): ConsentRequirement {
  const extra = (options.extraProviders ?? []).filter((provider) => deps.settings.cloudProviders.includes(provider));
  return {
    scopes: ["recording", "transcription"],
    cloudProviders: [...new Set([...cloudProvidersOf(deps, processorsOf[activity]), ...extra])],
  };
}

/** What the patient's clinical notes need: `ai_notes`, and `cloud_processing` for a notes writer that sends data out. */
export function notesRequirement(deps: Pick<ConfideDeps, "settings" | "notes">): ConsentRequirement {
  return {
    scopes: ["ai_notes"],
    cloudProviders: deps.settings.cloudProviders.includes(deps.notes.provider) ? [deps.notes.provider] : [],
  };
}

/**
 * What this deployment asks of a patient's consent, and what of it is missing from `active`: to
 * upload a session, to run a live session (when the host serves them: `deps.liveSpeech`), and to
 * write the notes. The same requirements the checks above enforce, for a client to show first.
 */
export function consentNeeds(deps: ConsentNeedsDeps, active: ActiveConsent): ConsentNeeds {
  const need = (required: ConsentRequirement): ConsentNeed => ({ required, missing: missingConsent(active, required) });
  return {
    upload: need(consentRequirement(deps, "upload")),
    ...(deps.liveSpeech ? { live: need(consentRequirement(deps, "live", { extraProviders: [deps.liveSpeech.provider] })) } : {}),
    notes: need(notesRequirement(deps)),
  };
}

/** The deps `consentNeeds` reads: the configured providers and, where live sessions are served, the live engine. */
export type ConsentNeedsDeps = Pick<ConfideDeps, "settings" | "speech" | "language" | "notes"> & { liveSpeech?: Pick<LiveSpeechToText, "provider"> };

/** What each activity needs of the consent, and what is missing; `live` only where live sessions are served. */
export interface ConsentNeeds {
  upload: ConsentNeed;
  live?: ConsentNeed;
  notes: ConsentNeed;
}

/** What is in force for the patient now. */
export async function loadActiveConsent(deps: Pick<ConfideDeps, "consents">, patientId: string): Promise<ActiveConsent> {
  return activeConsent(await deps.consents.history(patientId));
}

/**
 * Throws unless the patient's consent in force covers `requirement` — the check every entry
 * point calls before it stores or processes anything of the patient's. Live sessions call it as
 * `requireConsent(deps, patientId, consentRequirement(deps, "live", { extraProviders: [liveEngine.provider] }))`.
 * @throws ConfideError `code` (default `consent.missing`; the pipeline uses `consent.withdrawn`)
 * with `details.missingScopes` and `details.missingCloudProviders`.
 */
export async function requireConsent(
  deps: Pick<ConfideDeps, "consents">,
  patientId: string,
  requirement: ConsentRequirement,
  code: "consent.missing" | "consent.withdrawn" = "consent.missing",
): Promise<void> {
  const missing = missingConsent(await loadActiveConsent(deps, patientId), requirement);
  if (coversAll(missing)) return;
  throw new ConfideError(code, describeMissing(code, missing), {
    details: { patientId, missingScopes: missing.scopes, missingCloudProviders: missing.cloudProviders },
  });
}

/**
 * Why the notes of the patient's session may not be written, or null when they may: no
 * `ai_notes`, or a notes writer that sends data out without `cloud_processing` for it.
 */
export async function notesConsentGap(
  deps: Pick<ConfideDeps, "consents" | "settings" | "notes">,
  patientId: string,
): Promise<string | null> {
  const missing = missingConsent(await loadActiveConsent(deps, patientId), notesRequirement(deps));
  if (coversAll(missing)) return null;
  return missing.scopes.length > 0
    ? "The patient has not consented to AI-written notes (ai_notes)."
    : `The patient has not consented to cloud processing by ${missing.cloudProviders.join(", ")} (cloud_processing).`;
}

/**
 * Why the patient's consent does not cover suggested reflections in a live session, or null when
 * it does: `consent` when it does not cover the notes writer (as `notesConsentGap`),
 * `consentForm` when `ai_notes` was last given on a form not among
 * `settings.live.reflectionConsentForms`. Reads the history once.
 */
export async function reflectionConsentGap(
  deps: Pick<ConfideDeps, "consents" | "settings" | "notes">,
  patientId: string,
): Promise<"consent" | "consentForm" | null> {
  const history = await deps.consents.history(patientId);
  if (!coversAll(missingConsent(activeConsent(history), notesRequirement(deps)))) return "consent";
  const form = formOfLatestGrant(history, "ai_notes");
  return form !== null && deps.settings.live.reflectionConsentForms.includes(form.version) ? null : "consentForm";
}

function describeMissing(code: "consent.missing" | "consent.withdrawn", missing: ConsentRequirement): string {
  const parts: string[] = [...missing.scopes];
  if (missing.cloudProviders.length > 0) parts.push(`cloud_processing for ${missing.cloudProviders.join(", ")}`);
  const what = parts.join(", ");
  return code === "consent.withdrawn"
    ? `Processing stopped: the patient's consent no longer covers ${what}.`
    : `The patient has not consented to ${what}. Record their consent first.`;
}

/** Scope names as an audit detail: "recording,transcription,cloud_processing:azure-speech". */
export function scopesDetail(entries: Array<{ scope: ConsentScope; providers?: string[] }>): string {
  return entries.map((entry) => (entry.providers ? `${entry.scope}:${entry.providers.join("+")}` : entry.scope)).join(",");
}
