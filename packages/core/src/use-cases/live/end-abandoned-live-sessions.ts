import type { ConfideDeps } from "../../deps.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import { endLiveSession } from "./end-live-session.ts";

const pageSize = 100;

/**
 * Ends live sessions nobody holds any more, with the audio they received (an abandoned
 * live session is a short recording, not a failure): those detached longer than
 * the resume window, and those not written for the resume window plus the idle timeout (their
 * process died: a held session writes at least every `partIntervalMs` while audio flows, and
 * its connection is closed after `idleTimeoutMs` without audio). Run it in every API process,
 * every few seconds.
 * @returns how many sessions were ended.
 * @throws errors of the repository (`dependency.unavailable`).
 */
export async function endAbandonedLiveSessions(deps: ConfideDeps): Promise<number> {
  const { resumeWindowMs, idleTimeoutMs } = deps.settings.live;
  const now = deps.clock.now().getTime();
  const page = await deps.sessions.findStale({ statuses: ["live"], updatedBefore: new Date(now - resumeWindowMs), limit: pageSize });
  let count = 0;
  for (const session of page) {
    const detachedAt = session.live?.detachedAt ?? null;
    const abandoned = detachedAt !== null ? now - detachedAt.getTime() > resumeWindowMs : now - session.updatedAt.getTime() > resumeWindowMs + idleTimeoutMs;
    if (!abandoned) continue;
    try {
      const ended = await endLiveSession(deps, session.id, { endedBy: "abandoned" });
      if (ended.status !== "live") count += 1;
    } catch (error) {
      // Resumed or ended meanwhile by its holder: nothing to do.
      if (ConfideError.is(error, "session.version_conflict") || ConfideError.is(error, "session.not_found")) continue;
      deps.logger.warn("live.abandon_failed", { sessionId: session.id, code: loggableCode(error) });
    }
  }
  return count;
}
