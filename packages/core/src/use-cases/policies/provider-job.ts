import type { ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import { loggableCode } from "../../errors.ts";

/** Why a provider job is discarded; named in the log lines. */
export type DiscardReason = "transcribed" | "timeout" | "retry" | "delete" | "consent";

/**
 * Asks the speech provider to delete the session's transcription job (`processing.providerRef`)
 * and its copies of the audio and transcript. Best effort: a provider that cannot be reached
 * must not block a deletion, a retry or the pipeline, so a failure is logged, with the ref left
 * at the provider, and never thrown.
 * @returns true when no job is left at the provider (none was set, or it was discarded).
 */
export async function discardProviderJob(
  deps: Pick<ConfideDeps, "speech" | "logger">,
  session: Session,
  reason: DiscardReason,
): Promise<boolean> {
  const providerRef = session.processing.providerRef;
  if (providerRef === null) return true;
  try {
    await deps.speech.discard(providerRef);
    deps.logger.info("session.provider_job.discarded", { sessionId: session.id, provider: deps.speech.provider, reason });
    return true;
  } catch (error) {
    deps.logger.warn("session.provider_job.discard_failed", {
      sessionId: session.id,
      provider: deps.speech.provider,
      providerRef,
      reason,
      code: loggableCode(error),
    });
    return false;
  }
}
