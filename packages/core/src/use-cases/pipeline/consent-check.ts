import type { ConfideDeps } from "../../deps.ts";
import { withoutProviderJob, type Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import { consentRequirement, requireConsent, type ConsentedActivity } from "../policies/consent.ts";
import { discardProviderJob, providerJobSentence, providerJobSettled } from "../policies/provider-job.ts";
import { fail } from "./retry-policy.ts";
import type { Step } from "./session-write.ts";

/**
 * The step a session in flight takes next, as the consent policy names it. An `uploaded` session
 * is checked once it is queued (it cannot fail before).
 */
const activityOf: Partial<Record<Session["status"], ConsentedActivity>> = {
  queued: "transcribe",
  transcribing: "transcribe",
  analyzing: "analyze",
  writing_notes: "notes",
};

/**
 * Checks the patient's consent before the session's next step (policies/consent.ts). When it no
 * longer covers the step — the patient withdrew it — processing stops: the provider job is
 * discarded (best effort, as on delete; the ref stays when that failed; a job the provider
 * deletes only once it finishes is said so in the message) and the session fails
 * with `consent.withdrawn`, retryable, so the therapist can start it again once the patient
 * consents again (the retry is checked the same way).
 * @returns undefined when the step may run; null when it may not: processing stopped (the session
 * failed and its therapist was notified), or another writer got there first.
 */
export async function stopWithoutConsent(deps: ConfideDeps, session: Session): Promise<Step | undefined> {
  const activity = activityOf[session.status];
  if (activity === undefined) return undefined;
  try {
    await requireConsent(deps, session.patientId, consentRequirement(deps, activity), "consent.withdrawn");
    return undefined;
  } catch (error) {
    if (!ConfideError.is(error, "consent.withdrawn")) throw error;
    deps.logger.warn("session.consent_withdrawn", {
      sessionId: session.id,
      status: session.status,
      missing: [...(error.details?.missingScopes as string[]), ...(error.details?.missingCloudProviders as string[])].join(","),
    });
    const discard = await discardProviderJob(deps, session, "consent");
    const stopped = { ...session, processing: providerJobSettled(discard) ? withoutProviderJob(session.processing) : session.processing };
    return fail(deps, stopped, session.processing.attempts, { code: "consent.withdrawn", message: `${error.message}${providerJobSentence(discard)}`, retryable: true });
  }
}
