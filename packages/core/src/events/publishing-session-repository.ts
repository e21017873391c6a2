import type { Session } from "../domain/session.ts";
import { loggableCode } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { SessionChange, SessionEvents } from "../ports/session-events.ts";
import type { SessionRepository } from "../ports/session-repository.ts";

export interface PublishingSessionRepositoryOptions {
  events: SessionEvents;
  /** Told about a publication that failed. */
  logger: Logger;
  /** When a deletion happened. */
  clock: Clock;
}

const changeOf = (session: Session): SessionChange => ({
  sessionId: session.id,
  therapistId: session.therapistId,
  version: session.version,
  status: session.status,
  updatedAt: session.updatedAt,
});

/**
 * The session repository, telling `events` about every successful write: `create` and
 * `update` publish the stored version and status, `delete` publishes a `deleted` change (the
 * therapist is read with `getStatus` first). Every host builds its deps through
 * `createConfideDeps`, which wraps the repository with this, so no use case has to remember to
 * publish. Publication is best effort: it is not awaited, and a failure is logged, never thrown
 * at the writer (streams catch up on their safety poll).
 */
export function publishingSessionRepository(sessions: SessionRepository, options: PublishingSessionRepositoryOptions): SessionRepository {
  const { events, logger } = options;
  const publish = async (change: SessionChange) => {
    try {
      await events.publish(change);
    } catch (error) {
      logger.warn("session.change.publish_failed", { sessionId: change.sessionId, version: change.version, code: loggableCode(error) });
    }
  };
  return {
    async create(session) {
      await sessions.create(session);
      void publish(changeOf(session));
    },
    get: (id) => sessions.get(id),
    getStatus: (id) => sessions.getStatus(id),
    async update(session, expectedVersion) {
      const stored = await sessions.update(session, expectedVersion);
      void publish(changeOf(stored));
      return stored;
    },
    async delete(id) {
      const state = await sessions.getStatus(id).catch((error: unknown) => {
        logger.warn("session.change.publish_failed", { sessionId: id, status: "deleted", code: loggableCode(error) });
        return null;
      });
      await sessions.delete(id);
      if (state === null) return;
      void publish({ sessionId: id, therapistId: state.therapistId, version: state.version, status: "deleted", updatedAt: options.clock.now() });
    },
    list: (query) => sessions.list(query),
    findStale: (query) => sessions.findStale(query),
    findRetentionCandidates: (query) => sessions.findRetentionCandidates(query),
    close: () => sessions.close(),
  };
}
