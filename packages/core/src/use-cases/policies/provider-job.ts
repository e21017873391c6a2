import type { ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import { loggableCode } from "../../errors.ts";

/** Why a provider job is discarded; named in the log lines. */
export type DiscardReason = "transcribed" | "timeout" | "retry" | "delete" | "consent";

/**
 * What became of the session's provider job: `none` (there was none), `discarded` (nothing left at
 * the provider), `deferred` (the provider cannot delete a running job: the audio copies are gone,
 * and the job is deleted once it finishes — see `SpeechDiscardOutcome`), `failed` (the provider
 * could not be reached: the job and its copies may remain, and the ref is kept to try again).
 */
export type ProviderJobDiscard = "none" | "discarded" | "deferred" | "failed";

/** True when nothing more needs the session's ref: the job is gone, or its deletion is the provider adapter's to finish. */
export function providerJobSettled(outcome: ProviderJobDiscard): boolean {
  return outcome !== "failed";
}

/**
 * What a person is told about the provider's job when processing stopped, in plain words; empty
 * when there is nothing to say (it was deleted, or there was none).
 */
export function providerJobSentence(outcome: ProviderJobDiscard): string {
  if (outcome === "deferred") {
    return " The speech service cannot stop a transcription while it runs: the copy of the recording sent to it was removed, and its transcription will be deleted as soon as it finishes.";
  }
  if (outcome === "failed") return " The speech service could not be reached to delete its copy; it will be asked again.";
  return "";
}

/**
 * Asks the speech provider to delete the session's transcription job (`processing.providerRef`)
 * and its copies of the audio and transcript. Best effort: a provider that cannot be reached
 * must not block a deletion, a retry or the pipeline, so a failure is logged, with the ref left
 * at the provider, and never thrown.
 * @returns what became of the job (`ProviderJobDiscard`).
 */
export async function discardProviderJob(
  deps: Pick<ConfideDeps, "speech" | "logger">,
  session: Session,
  reason: DiscardReason,
): Promise<ProviderJobDiscard> {
  const providerRef = session.processing.providerRef;
  if (providerRef === null) return "none";
  try {
    const outcome = await deps.speech.discard(providerRef);
    if (outcome?.status === "deferred") {
      deps.logger.warn("session.provider_job.deletion_deferred", { sessionId: session.id, provider: deps.speech.provider, reason, why: outcome.reason });
      return "deferred";
    }
    deps.logger.info("session.provider_job.discarded", { sessionId: session.id, provider: deps.speech.provider, reason });
    return "discarded";
  } catch (error) {
    deps.logger.warn("session.provider_job.discard_failed", {
      sessionId: session.id,
      provider: deps.speech.provider,
      providerRef,
      reason,
      code: loggableCode(error),
    });
    return "failed";
  }
}
