import { jobNames, type ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import { inFlightStatuses } from "../../domain/session-status.ts";
import { ConfideError } from "../../errors.ts";

const pageSize = 100;

/**
 * The recovery sweep (docs/architecture.md#durability): the session table is the source of truth, so every session
 * in flight (uploaded, queued, transcribing, analyzing, writing notes) not written for `leaseMs` — its job
 * was lost with a crashed worker or a flushed queue — is taken over and given a new process job.
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
      const recovered = await takeOverSession(deps, session, "recover");
      if (!recovered) continue;
      count += 1;
      deps.logger.warn("session.recovered", { sessionId: session.id, status: session.status, version: recovered.version });
    }
    if (page.length < pageSize || unseen.length === 0) return count;
  }
}

/**
 * Takes a session in flight over from a worker presumed gone, then gives it a process job.
 *
 * The takeover comes first: a conditional rewrite with a fresh updatedAt, which starts a new
 * lease, moves the sweep on to the next page, and makes every earlier delivery stand down
 * (their lease renewals and writes conflict; their delayed jobs carry an older version).
 * Only then is the job enqueued, so however soon the queue delivers it, it reads the session
 * as taken over and its writes hold (enqueued first, a job that started at once read the old
 * version and lost every write to the takeover, sweep after sweep). The job carries no version:
 * should it fail and be delivered again, it resumes from whatever it wrote meanwhile. Its id
 * `<prefix>-<id>-v<version>` is unique per takeover. Should the enqueue fail, the session is
 * stale again after one lease and the sweep retries.
 * @returns the session as taken over, or null when it moved on or was deleted meanwhile
 * (another worker's progress, another sweep's takeover): nothing to do.
 * @throws errors of the repository and the queue (`dependency.unavailable`).
 */
export async function takeOverSession(deps: ConfideDeps, session: Session, jobIdPrefix: string): Promise<Session | null> {
  let takenOver: Session;
  try {
    takenOver = await deps.sessions.update({ ...session, updatedAt: deps.clock.now() }, session.version);
  } catch (error) {
    if (!ConfideError.is(error, "session.version_conflict") && !ConfideError.is(error, "session.not_found")) throw error;
    deps.logger.info("session.recovery.superseded", { sessionId: session.id, code: error.code });
    return null;
  }
  await deps.queue.enqueue(
    jobNames.processSession,
    { sessionId: takenOver.id },
    { jobId: `${jobIdPrefix}-${takenOver.id}-v${takenOver.version}` },
  );
  return takenOver;
}
