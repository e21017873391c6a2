import { jobNames, type ConfideDeps } from "../deps.ts";
import type { Session } from "../domain/session.ts";
import { inFlightStatuses } from "../domain/session-status.ts";
import { ConfideError } from "../errors.ts";

const pageSize = 100;

/**
 * The recovery sweep (DESIGN §5): the session table is the source of truth, so every session
 * in flight (uploaded, queued, transcribing, analyzing) not written for `leaseMs` — its job
 * was lost with a crashed worker or a flushed queue — gets a new process job, with the id
 * `recover-<id>-v<version>` so sweeping the same state twice enqueues once.
 *
 * Each recovered session is then taken over: rewritten with a fresh updatedAt (a conditional
 * write), which starts a new lease, moves the sweep on to the next page, and retires any
 * delayed job of the previous owner (those carry the version they were scheduled at).
 * Run it when a worker starts and then periodically.
 * @returns how many sessions were given a job.
 * @throws errors of the repository and the queue (`dependency.unavailable`).
 */
export async function recoverStaleSessions(deps: ConfideDeps): Promise<number> {
  const updatedBefore = new Date(deps.clock.now().getTime() - deps.settings.leaseMs);
  const seen = new Set<string>();
  let count = 0;
  for (;;) {
    const page = await deps.sessions.findStale({ statuses: [...inFlightStatuses], updatedBefore, limit: pageSize });
    const unseen = page.filter((session) => !seen.has(session.id));
    for (const session of unseen) {
      seen.add(session.id);
      await deps.queue.enqueue(
        jobNames.processSession,
        { sessionId: session.id },
        { jobId: `recover-${session.id}-v${session.version}` },
      );
      count += 1;
      deps.logger.warn("session.recovered", { sessionId: session.id, status: session.status, version: session.version });
      await takeOver(deps, session);
    }
    if (page.length < pageSize || unseen.length === 0) return count;
  }
}

async function takeOver(deps: ConfideDeps, session: Session): Promise<void> {
  try {
    await deps.sessions.update({ ...session, updatedAt: deps.clock.now() }, session.version);
  } catch (error) {
    // The session moved on (its job ran already) or was deleted: nothing to take over.
    if (!ConfideError.is(error, "session.version_conflict") && !ConfideError.is(error, "session.not_found")) throw error;
    deps.logger.info("session.recovery.superseded", { sessionId: session.id, code: error.code });
  }
}
