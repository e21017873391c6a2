import { jobNames, type ConfideDeps } from "../deps.ts";
import { moveTo, newProcessing, type Session } from "../domain/session.ts";
import type { Actor } from "../domain/user.ts";
import { ConfideError } from "../errors.ts";
import { audit } from "./audit.ts";
import { assertVersion, loadOwnedSession } from "./session-access.ts";

export interface RetrySessionInput {
  sessionId: string;
  /** The version the caller read (If-Match); checked when given. */
  expectedVersion?: number;
}

/**
 * Starts a new processing run of a session that failed for a reason that may pass
 * (throttling, an outage): back to `queued` with fresh processing counters, and a new process
 * job. A transcript made before the failure is kept, so only the analysis runs again.
 * Audited as `session.retry`.
 * @returns the queued session.
 * @throws ConfideError `session.not_found`, `auth.forbidden`, `session.version_conflict`,
 * `session.invalid_state` (not failed, or failed for a reason a retry cannot fix).
 */
export async function retrySession(deps: ConfideDeps, actor: Actor, input: RetrySessionInput): Promise<Session> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  if (input.expectedVersion !== undefined) assertVersion(session, input.expectedVersion);
  if (session.status !== "failed" || session.processing.lastError?.retryable !== true) {
    throw new ConfideError(
      "session.invalid_state",
      session.status === "failed"
        ? "This session failed for a reason a retry cannot fix."
        : `Only a failed session can be retried (it is ${session.status}).`,
      { details: { status: session.status, code: session.processing.lastError?.code ?? null } },
    );
  }
  const run = session.processing.run + 1;
  const queued = await deps.sessions.update(
    { ...moveTo(session, "queued"), updatedAt: deps.clock.now(), processing: newProcessing(run) },
    session.version,
  );
  // Should this enqueue fail, the session stays queued and the recovery sweep picks it up.
  await deps.queue.enqueue(jobNames.processSession, { sessionId: session.id }, { jobId: `process-${session.id}-r${run}` });
  await audit(deps, actor, "session.retry", {
    sessionId: session.id,
    subjectUserId: session.patientId,
    detail: { run, previousError: session.processing.lastError.code },
  });
  deps.logger.info("session.retry", { sessionId: session.id, run });
  return queued;
}
