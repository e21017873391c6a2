import { assertAudioKept } from "../../domain/audio-kept.ts";
import { jobNames, type ConfideDeps } from "../../deps.ts";
import { isLeaseExpired, moveTo, newProcessing, type Session } from "../../domain/session.ts";
import { inFlightStatuses } from "../../domain/session-status.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { consentRequirement, requireConsent } from "../policies/consent.ts";
import { takeOverSession } from "../pipeline/recover-stale-sessions.ts";
import { discardProviderJob } from "../policies/provider-job.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";

export interface RetrySessionInput {
  sessionId: string;
  /** The version the caller read (If-Match); checked when given. */
  expectedVersion?: number;
}

/**
 * Starts processing a session again, in one of two cases:
 * - it failed for a reason that may pass (throttling, an outage): back to `queued` with fresh
 *   processing counters, and a new process job. A transcript made before the failure is kept,
 *   so only the analysis runs again. The failed run's provider job, if any, is discarded
 *   first (best effort: a provider that cannot be reached is logged, the retry goes on).
 * - it is stuck in flight: not written for longer than the lease (its worker is gone and the
 *   recovery sweep has not come by yet). It is taken over as the sweep would, and a new job
 *   resumes it from its stored status.
 * Audited as `session.retry`.
 * @returns the session as written (queued, or the in-flight status it resumes from).
 * @throws ConfideError `session.not_found`, `auth.forbidden`, `session.version_conflict`,
 * `consent.missing` (a failed session whose patient's consent does not cover its processing),
 * `session.invalid_state` (failed for a reason a retry cannot fix, still being processed within
 * its lease, ready or finalized), `audio.deleted` when it would have to transcribe a recording
 * the retention policy deleted.
 */
export async function retrySession(deps: ConfideDeps, actor: Actor, input: RetrySessionInput): Promise<Session> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  if (input.expectedVersion !== undefined) assertVersion(session, input.expectedVersion);
  if (isLeaseExpired(session, deps.clock.now(), deps.settings.leaseMs)) return resumeStuck(deps, actor, session);
  if (session.status !== "failed" || session.processing.lastError?.retryable !== true) {
    throw new ConfideError("session.invalid_state", refusal(deps, session), {
      details: { status: session.status, code: session.processing.lastError?.code ?? null },
    });
  }
  // Only a finalized session loses its recording, and it is never retried; should one without a
  // transcript ever have lost it, a retry could not transcribe it again: said, not attempted.
  if (session.transcript === null) assertAudioKept(session);
  // A session stopped by a withdrawal starts again only once the patient consents again.
  await requireConsent(deps, session.patientId, consentRequirement(deps, "upload"));
  const run = session.processing.run + 1;
  // Before the write that forgets the ref: should the write fail, a repeated retry discards again.
  await discardProviderJob(deps, session, "retry");
  const queued = await deps.sessions.update(
    { ...moveTo(session, "queued", deps.clock.now()), updatedAt: deps.clock.now(), processing: newProcessing(run) },
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

function refusal(deps: ConfideDeps, session: Session): string {
  if (session.status === "failed") return "This session failed for a reason a retry cannot fix.";
  if (inFlightStatuses.includes(session.status)) {
    const minutes = Math.ceil(deps.settings.leaseMs / 60_000);
    return (
      `This session is being processed (it is ${session.status}). ` +
      `It can be retried if it makes no progress for ${minutes} minute${minutes === 1 ? "" : "s"}.`
    );
  }
  return `Only a failed or stuck session can be retried (it is ${session.status}).`;
}

async function resumeStuck(deps: ConfideDeps, actor: Actor, session: Session): Promise<Session> {
  const resumed = await takeOverSession(deps, session, "retry");
  if (!resumed) {
    // A worker or the sweep wrote it between our read and our takeover: it is moving again.
    throw new ConfideError("session.version_conflict", "The session changed while it was being retried; read it again.");
  }
  await audit(deps, actor, "session.retry", {
    sessionId: session.id,
    subjectUserId: session.patientId,
    detail: { run: session.processing.run, resumedFrom: session.status },
  });
  deps.logger.info("session.retry", { sessionId: session.id, run: session.processing.run, resumedFrom: session.status });
  return resumed;
}
