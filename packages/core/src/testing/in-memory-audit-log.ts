import type { AuditEvent } from "../domain/audit-event.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import { pageOf } from "./cursor.ts";

type Key = [string | number, string];
const newestFirst = (a: Key, b: Key) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0) : a[0] < b[0] ? 1 : -1);

export interface InMemoryAuditLog extends AuditLog {
  /** Every recorded event in order, for assertions. */
  events(): AuditEvent[];
}

export function createInMemoryAuditLog(): InMemoryAuditLog {
  const all: AuditEvent[] = [];
  return {
    async record(event) {
      all.push(structuredClone(event));
    },
    async list(query) {
      const sorted = all
        .filter(
          (e) =>
            (query.userId === undefined || e.actorId === query.userId || e.subjectUserId === query.userId) &&
            (query.sessionId === undefined || e.sessionId === query.sessionId),
        )
        .sort((a, b) => newestFirst([a.at.getTime(), a.id], [b.at.getTime(), b.id]));
      const page = pageOf(sorted, (e) => [e.at.getTime(), e.id], newestFirst, query, { kind: "audit", sortKey: "number" });
      return { items: page.items.map((e) => structuredClone(e)), nextCursor: page.nextCursor };
    },
    async close() {},
    events: () => all.map((e) => structuredClone(e)),
  };
}
