import { jobNames, type ConfideDeps } from "../../deps.ts";
import { moveTo, type ProcessingError, type Session } from "../../domain/session.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import { finish } from "./session-notification.ts";
import { save, type Step } from "./session-write.ts";

/** Full-jitter exponential backoff, never sooner than the provider asked. */
function retryDelayMs(deps: ConfideDeps, attempts: number, retryAfterMs: number | undefined): number {
  const ceiling = Math.min(deps.settings.maxRetryDelayMs, deps.settings.baseRetryDelayMs * 2 ** (attempts - 1));
  return Math.max(Math.floor(ceiling * deps.random()), retryAfterMs ?? 0);
}

/** Records a provider failure: schedules a retry, or fails the session. */
export async function recordFailure(deps: ConfideDeps, session: Session, error: unknown): Promise<Step> {
  const known = ConfideError.is(error) ? error : null;
  const lastError: ProcessingError = known
    ? { code: known.code, message: known.message, retryable: known.retryable }
    : { code: "provider.unavailable", message: "The provider failed unexpectedly.", retryable: true };
  const attempts = session.processing.attempts + 1;
  deps.logger.warn("session.provider_failed", {
    sessionId: session.id,
    status: session.status,
    code: lastError.code,
    retryable: lastError.retryable,
    attempts,
    ...(known ? {} : { errorName: loggableCode(error) }),
  });

  if (lastError.retryable && attempts < deps.settings.maxProviderAttempts) {
    const delayMs = retryDelayMs(deps, attempts, known?.retryAfterMs);
    const saved = await save(
      deps,
      { ...session, processing: { ...session.processing, attempts, lastError } },
      session.version,
    );
    if (!saved) return null;
    await deps.queue.enqueue(
      jobNames.processSession,
      { sessionId: saved.id, version: saved.version },
      { jobId: `process-${saved.id}-r${saved.processing.run}-a${attempts}`, delayMs },
    );
    deps.logger.info("session.retry_scheduled", { sessionId: saved.id, attempts, delayMs });
    return null;
  }
  return fail(deps, session, attempts, lastError);
}

export async function fail(deps: ConfideDeps, session: Session, attempts: number, lastError: ProcessingError): Promise<Step> {
  deps.logger.warn("session.failed", { sessionId: session.id, code: lastError.code, retryable: lastError.retryable });
  return finish(
    deps,
    { ...moveTo(session, "failed", deps.clock.now()), processing: { ...session.processing, attempts, lastError } },
    session.version,
  );
}

/**
 * A step that needs the transcript (analysis, notes) reached a session without one: a bug, not
 * a provider's failure, so the session fails for good (`internal`) saying what it could not do.
 */
export async function failWithoutTranscript(deps: ConfideDeps, session: Session, missingFor: string): Promise<Step> {
  return fail(deps, session, session.processing.attempts, {
    code: "internal",
    message: `The session has no transcript to ${missingFor}.`,
    retryable: false,
  });
}
