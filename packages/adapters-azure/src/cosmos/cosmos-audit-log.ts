import type { Container, SqlParameter } from "@azure/cosmos";
import { decodeCursor, fetchSizeOf, pageOfRows } from "@confide/core/adapter-kit";
import type { AuditAction, AuditEvent, AuditLog, AuditQuery, Role } from "@confide/core/ports";
import type { CosmosContext } from "./cosmos-client.ts";
import { auditEventsContainerId } from "./cosmos-containers.ts";
import { isCosmosConflict, withCosmosErrors } from "./cosmos-errors.ts";
import { queryUpTo } from "./cosmos-items.ts";

export interface CosmosAuditLogOptions {
  /** Items per query request (default: the page size asked for); tests make it small to see paging. */
  queryPageSize?: number;
  /** What `close()` does (default: closes the context; the bundle passes its shared close). */
  close?: () => Promise<void>;
}

interface AuditItem {
  id: string;
  /** ISO time: fixed width, so string order is time order. */
  at: string;
  actorId: string;
  actorRole: Role;
  action: AuditAction;
  sessionId?: string;
  subjectUserId?: string;
  detail?: Record<string, string | number | boolean>;
}

const cursorKind = "audit";

function toItem(event: AuditEvent): AuditItem {
  const item: AuditItem = { id: event.id, at: event.at.toISOString(), actorId: event.actorId, actorRole: event.actorRole, action: event.action };
  // Absent stays absent: no null or empty values stored for optional fields.
  if (event.sessionId !== undefined) item.sessionId = event.sessionId;
  if (event.subjectUserId !== undefined) item.subjectUserId = event.subjectUserId;
  if (event.detail !== undefined) item.detail = event.detail;
  return item;
}

function toEvent(item: AuditItem): AuditEvent {
  const event: AuditEvent = { id: item.id, at: new Date(item.at), actorId: item.actorId, actorRole: item.actorRole, action: item.action };
  if (item.sessionId !== undefined && item.sessionId !== null) event.sessionId = item.sessionId;
  if (item.subjectUserId !== undefined && item.subjectUserId !== null) event.subjectUserId = item.subjectUserId;
  if (item.detail !== undefined && item.detail !== null) event.detail = item.detail;
  return event;
}

/**
 * AuditLog on Cosmos DB for NoSQL (container `audit-events`, partition key `/id`, so appends
 * spread over every partition). `list` is one query across partitions ordered by (at, id)
 * descending — a composite index — paged by that key: the cursor holds the last event's
 * (at, id), and the query follows Cosmos DB's continuation tokens until the page is full or
 * the results end. Recording an id twice keeps the first event.
 * @returns the log; its errors are `dependency.unavailable` (cosmos-errors.ts).
 */
export function createCosmosAuditLog(context: CosmosContext, options: CosmosAuditLogOptions = {}): AuditLog {
  const container: Container = context.container(auditEventsContainerId);

  return {
    record: (event) =>
      withCosmosErrors("record an audit event", async () => {
        try {
          await container.items.create<AuditItem>(toItem(event));
        } catch (error) {
          if (!isCosmosConflict(error)) throw error;
        }
      }),

    list: (query: AuditQuery) =>
      withCosmosErrors("list audit events", async () => {
        const fetchSize = fetchSizeOf(query.limit);
        const where: string[] = [];
        const parameters: SqlParameter[] = [];
        if (query.userId !== undefined) {
          where.push("(c.actorId = @userId OR c.subjectUserId = @userId)");
          parameters.push({ name: "@userId", value: query.userId });
        }
        if (query.sessionId !== undefined) {
          where.push("c.sessionId = @sessionId");
          parameters.push({ name: "@sessionId", value: query.sessionId });
        }
        if (query.cursor !== undefined) {
          const [at, id] = decodeCursor(cursorKind, query.cursor, ["date", "string"]);
          where.push("(c.at < @beforeAt OR (c.at = @beforeAt AND c.id < @beforeId))");
          parameters.push({ name: "@beforeAt", value: new Date(at).toISOString() }, { name: "@beforeId", value: id });
        }
        const items = await queryUpTo<AuditItem>(
          container,
          { query: `SELECT * FROM c ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`} ORDER BY c.at DESC, c.id DESC`, parameters },
          fetchSize,
          options.queryPageSize === undefined ? {} : { pageSize: options.queryPageSize },
        );
        return pageOfRows(items, query.limit, { kind: cursorKind, positionOf: (item) => [item.at, item.id] }, toEvent);
      }),

    close: options.close ?? (() => context.close()),
  };
}
