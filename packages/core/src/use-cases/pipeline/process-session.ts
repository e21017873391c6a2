import type { ConfideDeps } from "../../deps.ts";
import { moveTo } from "../../domain/session.ts";
import { analyze } from "./analyze-step.ts";
import { stopWithoutConsent } from "./consent-check.ts";
import { notify } from "./session-notification.ts";
import { save, type Step } from "./session-write.ts";
import { transcribe } from "./transcribe-step.ts";
import { writeNotesStep } from "./write-notes-step.ts";

export interface ProcessSessionInput {
  sessionId: string;
  /**
   * Set by the delayed jobs this use case schedules (polls and retries): the session version
   * they were scheduled at. A different stored version means another delivery has taken
   * over (a recovery, a duplicate), and this one does nothing, so polling chains never fork.
   */
  expectedVersion?: number;
  /** The worker's shutdown signal: aborts a provider call and leaves the job for redelivery. */
  signal?: AbortSignal;
}

/**
 * The process job (docs/architecture.md#pipeline): drives a session forward from its stored status —
 * uploaded → queued → transcribing → analyzing → writing_notes → ready — then notifies the therapist.
 *
 * Idempotent and resumable: every write is conditional on the version read, so of two
 * deliveries only one progresses and the other stops quietly; a session that is missing,
 * ready, finalized or failed (and notified) is left alone. Long cloud transcriptions are not
 * waited on: a `pending` answer schedules a delayed poll job. Retryable provider errors
 * schedule a delayed retry with full-jitter exponential backoff until
 * `maxProviderAttempts`, then fail the session (retryable); other provider errors fail it
 * at once. While a provider call runs, the session's lease is renewed every `leaseMs / 3`.
 * Before each step the patient's consent is checked (`stopWithoutConsent`): without it the
 * session fails with `consent.withdrawn` and its provider job is discarded.
 *
 * @throws errors of the repositories and the queue (e.g. `dependency.unavailable`), so the
 * queue redelivers the job; provider errors are recorded on the session, never thrown.
 */
export async function processSession(deps: ConfideDeps, input: ProcessSessionInput): Promise<void> {
  let session: Step = await deps.sessions.get(input.sessionId);
  if (session && input.expectedVersion !== undefined && session.version !== input.expectedVersion) {
    deps.logger.info("session.process.superseded", {
      sessionId: input.sessionId,
      version: session.version,
      expectedVersion: input.expectedVersion,
    });
    return;
  }
  while (session) {
    // Before every step: a patient who withdrew consent stops what has not run yet.
    const stopped = await stopWithoutConsent(deps, session);
    if (stopped !== undefined) {
      session = stopped;
      continue;
    }
    switch (session.status) {
      case "uploaded": {
        const queued = await save(deps, moveTo(session, "queued", deps.clock.now()), session.version);
        if (queued) {
          session = queued;
          break;
        }
        // The upload moves its new session to queued too, right after enqueueing this job:
        // losing that race is no sign of another delivery, so carry on from what it stored.
        // Anything further along is another delivery's progress: leave it to that one.
        const current = await deps.sessions.get(session.id);
        session = current?.status === "queued" ? current : null;
        break;
      }
      case "queued":
        session = await save(deps, moveTo(session, "transcribing", deps.clock.now()), session.version);
        break;
      case "transcribing":
        session = await transcribe(deps, session, input.signal);
        break;
      case "analyzing":
        session = await analyze(deps, session, input.signal);
        break;
      case "writing_notes":
        session = await writeNotesStep(deps, session, input.signal);
        break;
      case "ready":
      case "failed":
        await notify(deps, session);
        return;
      case "finalized":
      // A live session belongs to its connection until it ends (use-cases/live/): a stray
      // delivery leaves it alone; ending it enqueues a new job.
      case "live":
        return;
    }
  }
}
