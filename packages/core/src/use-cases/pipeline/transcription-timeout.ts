import type { ConfideDeps } from "../../deps.ts";
import { withoutProviderJob, type Session } from "../../domain/session.ts";
import { discardProviderJob, providerJobSentence, providerJobSettled } from "../policies/provider-job.ts";
import { fail } from "./retry-policy.ts";
import type { Step } from "./session-write.ts";

/**
 * True when the session's provider job has been pending longer than
 * `settings.transcriptionTimeoutMs`, counted from its submission. A job without a recorded
 * submission time (stored before it was kept) is never overdue: its clock starts at its next poll.
 */
export function isTranscriptionOverdue(deps: Pick<ConfideDeps, "clock" | "settings">, session: Session): boolean {
  const { providerRef, submittedAt } = session.processing;
  if (providerRef === null || submittedAt === undefined) return false;
  return deps.clock.now().getTime() - submittedAt.getTime() >= deps.settings.transcriptionTimeoutMs;
}

/**
 * Ends an overdue transcription: the provider job is discarded (best effort) and the session
 * fails with `speech.timeout`, retryable, so the therapist can start it again. No automatic
 * retry: a provider that held one job this long would likely hold the next. The ref stays on
 * the session when the discard failed, for a retry or the deletion to discard it again. A job the provider deletes only once it finishes
 * is settled (its adapter finishes the deletion), and the message says so.
 */
export async function failOverdueTranscription(deps: ConfideDeps, session: Session): Promise<Step> {
  const discard = await discardProviderJob(deps, session, "timeout");
  const minutes = Math.round(deps.settings.transcriptionTimeoutMs / 60_000);
  return fail(
    deps,
    { ...session, processing: providerJobSettled(discard) ? withoutProviderJob(session.processing) : session.processing },
    session.processing.attempts,
    {
      code: "speech.timeout",
      message:
        discard === "deferred"
          ? `The speech provider had not finished the transcription after ${minutes} minutes; it was abandoned.${providerJobSentence(discard)}`
          : `The speech provider had not finished the transcription after ${minutes} minutes; it was stopped.${providerJobSentence(discard)}`,
      retryable: true,
    },
  );
}
