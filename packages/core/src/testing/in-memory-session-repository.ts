import { toSessionSummary, type Session } from "../domain/session.ts";
import { searchWords, sessionSearchIndex, type SearchAudience } from "../domain/session-search-terms.ts";
import { ConfideError } from "../errors.ts";
import type { RetentionCandidate, SessionQuery, SessionRepository } from "../ports/session-repository.ts";
import { assertRetentionLimit, retentionCandidateOf } from "../ports/retention-candidates.ts";
import { pageOf } from "./cursor.ts";

type Key = [string | number, string];

/** recordedAt descending, then id descending. */
const newestFirst = (a: Key, b: Key) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0) : a[0] < b[0] ? 1 : -1);

/**
 * Every word of the query is one of the session's search terms for the query's audience, as
 * written (no stemming).
 * A query without any word filters nothing, as in the SQL repositories.
 */
function matchesText(session: Session, text: string, audience: SearchAudience): boolean {
  const terms = new Set(sessionSearchIndex(session)[audience]);
  return searchWords(text).every((word) => terms.has(word));
}

function matches(session: Session, query: SessionQuery): boolean {
  return (
    (query.therapistId === undefined || session.therapistId === query.therapistId) &&
    (query.patientId === undefined || session.patientId === query.patientId) &&
    (query.statuses === undefined || query.statuses.includes(session.status)) &&
    (query.recordedFrom === undefined || session.recordedAt >= query.recordedFrom) &&
    (query.recordedTo === undefined || session.recordedAt < query.recordedTo) &&
    (query.text === undefined || matchesText(session, query.text, query.searchAudience ?? "patient"))
  );
}

export function createInMemorySessionRepository(): SessionRepository {
  const rows = new Map<string, Session>();
  return {
    async create(session) {
      if (rows.has(session.id)) {
        throw new ConfideError("session.version_conflict", "A session with this id exists.");
      }
      rows.set(session.id, structuredClone(session));
    },
    async get(id) {
      const row = rows.get(id);
      return row ? structuredClone(row) : null;
    },
    async getStatus(id) {
      const row = rows.get(id);
      if (!row) return null;
      const { therapistId, patientId, status, version, updatedAt } = row;
      return { therapistId, patientId, status, version, updatedAt: new Date(updatedAt) };
    },
    async update(session, expectedVersion) {
      const row = rows.get(session.id);
      if (!row) throw new ConfideError("session.not_found", "The session does not exist.");
      if (row.version !== expectedVersion) {
        throw new ConfideError("session.version_conflict", "The session was changed by someone else.", {
          details: { currentVersion: row.version },
        });
      }
      const stored = structuredClone({ ...session, version: expectedVersion + 1 });
      rows.set(session.id, stored);
      return structuredClone(stored);
    },
    async delete(id) {
      rows.delete(id);
    },
    async list(query) {
      const sorted = [...rows.values()]
        .filter((session) => matches(session, query))
        .sort((a, b) => newestFirst([a.recordedAt.getTime(), a.id], [b.recordedAt.getTime(), b.id]));
      const page = pageOf(sorted, (s) => [s.recordedAt.getTime(), s.id], newestFirst, query, { kind: "sessions", sortKey: "number" });
      return { items: page.items.map((s) => structuredClone(toSessionSummary(s))), nextCursor: page.nextCursor };
    },
    async findStale({ statuses, updatedBefore, limit }) {
      return [...rows.values()]
        .filter((s) => statuses.includes(s.status) && s.updatedAt < updatedBefore)
        .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
        .slice(0, limit)
        .map((s) => structuredClone(s));
    },
    async findRetentionCandidates(query) {
      assertRetentionLimit(query.limit);
      const after = query.after;
      return [...rows.values()]
        .map((session) => retentionCandidateOf(session, query.rule))
        .filter((candidate): candidate is RetentionCandidate => candidate !== null && candidate.at < query.before)
        .filter((c) => after === undefined || c.at > after.at || (c.at.getTime() === after.at.getTime() && c.id > after.id))
        .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, query.limit)
        .map((candidate) => structuredClone(candidate));
    },
    async close() {},
  };
}
