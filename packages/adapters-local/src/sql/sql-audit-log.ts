import { decodeCursor, fetchSizeOf, pageOfRows } from "@confide/core/adapter-kit";
import type { AuditAction, AuditEvent, AuditLog, AuditQuery, Page, Role } from "@confide/core/ports";
import type { SqlClient } from "./sql-client.ts";
import type { SqlRepositoryOptions } from "./sql-session-repository.ts";

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  actor_role: Role;
  action: AuditAction;
  session_id: string | null;
  subject_user_id: string | null;
  detail: Record<string, string | number | boolean> | string | null;
}

const cursorKind = "audit";

function toEvent(row: AuditRow): AuditEvent {
  const event: AuditEvent = { id: row.id, at: row.at, actorId: row.actor_id, actorRole: row.actor_role, action: row.action };
  if (row.session_id !== null) event.sessionId = row.session_id;
  if (row.subject_user_id !== null) event.subjectUserId = row.subject_user_id;
  if (row.detail !== null) event.detail = typeof row.detail === "string" ? JSON.parse(row.detail) : row.detail;
  return event;
}

/** AuditLog over SQL: inserts only; recording an id twice keeps the first event. */
export function createSqlAuditLog(client: SqlClient, options: SqlRepositoryOptions = {}): AuditLog {
  return {
    async record(event) {
      await client.query(
        `INSERT INTO confide_audit_events (id, at, actor_id, actor_role, action, session_id, subject_user_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [
          event.id,
          event.at,
          event.actorId,
          event.actorRole,
          event.action,
          event.sessionId ?? null,
          event.subjectUserId ?? null,
          event.detail === undefined ? null : JSON.stringify(event.detail),
        ],
      );
    },

    async list(query: AuditQuery): Promise<Page<AuditEvent>> {
      const fetchSize = fetchSizeOf(query.limit);
      const params: unknown[] = [];
      const where: string[] = [];
      const parameter = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      if (query.userId !== undefined) {
        const userId = parameter(query.userId);
        where.push(`(actor_id = ${userId} OR subject_user_id = ${userId})`);
      }
      if (query.sessionId !== undefined) where.push(`session_id = ${parameter(query.sessionId)}`);
      if (query.cursor !== undefined) {
        const [at, id] = decodeCursor(cursorKind, query.cursor, ["date", "string"]);
        where.push(`(at, id) < (${parameter(new Date(at))}::timestamptz, ${parameter(id)})`);
      }
      const rows = await client.query<AuditRow>(
        `SELECT * FROM confide_audit_events
         ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`}
         ORDER BY at DESC, id DESC
         LIMIT ${parameter(fetchSize)}`,
        params,
      );
      return pageOfRows(rows, query.limit, { kind: cursorKind, positionOf: (row) => [toEvent(row).at.toISOString(), row.id] }, toEvent);
    },

    close: options.close ?? (() => client.close()),
  };
}
