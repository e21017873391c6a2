import {
  ConfideError,
  decodeCursor,
  fetchSizeOf,
  fromSessionDocument,
  pageOfRows,
  toSessionDocument,
  type Page,
  type Session,
  type SessionQuery,
  type SessionRepository,
  type SessionDocument,
  type SessionStatus,
} from "@confide/core";
import type { SqlClient } from "./sql-client.ts";

interface DocumentRow {
  document: SessionDocument | string;
}

export interface SqlRepositoryOptions {
  /** Called by `close()`; default: closes the client. */
  close?: () => Promise<void>;
}

const cursorKind = "sessions";

/** True when the query has at least one word to search for (letters or digits). */
function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function columnsOf(session: Session, version: number): unknown[] {
  const document = toSessionDocument({ ...session, version });
  return [
    session.therapistId,
    session.patientId,
    session.status,
    session.recordedAt,
    session.updatedAt,
    version,
    JSON.stringify(document),
  ];
}

/**
 * SessionRepository over SQL (PostgreSQL or PGlite). A session is one row: the columns that
 * filters and sorts use, plus the whole Session as jsonb; the full-text vector is generated
 * from the jsonb by the database (see migrations/0001_init.sql).
 */
export function createSqlSessionRepository(client: SqlClient, options: SqlRepositoryOptions = {}): SessionRepository {
  const decode = (row: DocumentRow) => fromSessionDocument(row.document);

  return {
    async create(session) {
      const rows = await client.query(
        `INSERT INTO confide_sessions
           (id, therapist_id, patient_id, status, recorded_at, updated_at, version, document)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [session.id, ...columnsOf(session, session.version)],
      );
      if (rows.length === 0) {
        throw new ConfideError("session.version_conflict", "A session with this id already exists.", {
          details: { sessionId: session.id },
        });
      }
    },

    async get(id) {
      const [row] = await client.query<DocumentRow>("SELECT document FROM confide_sessions WHERE id = $1", [id]);
      return row === undefined ? null : decode(row);
    },

    async update(session, expectedVersion) {
      const [row] = await client.query<DocumentRow>(
        `UPDATE confide_sessions
            SET therapist_id = $3, patient_id = $4, status = $5, recorded_at = $6, updated_at = $7,
                version = $8, document = $9::jsonb
          WHERE id = $1 AND version = $2
          RETURNING document`,
        [session.id, expectedVersion, ...columnsOf(session, expectedVersion + 1)],
      );
      if (row !== undefined) return decode(row);
      const [current] = await client.query<{ version: number }>("SELECT version FROM confide_sessions WHERE id = $1", [
        session.id,
      ]);
      if (current === undefined) {
        throw new ConfideError("session.not_found", "The session does not exist.", {
          details: { sessionId: session.id },
        });
      }
      throw new ConfideError("session.version_conflict", "The session was changed by someone else.", {
        details: { sessionId: session.id, expectedVersion, currentVersion: current.version },
      });
    },

    async delete(id) {
      await client.query("DELETE FROM confide_sessions WHERE id = $1", [id]);
    },

    async list(query: SessionQuery): Promise<Page<Session>> {
      const fetchSize = fetchSizeOf(query.limit);
      const params: unknown[] = [];
      const where: string[] = [];
      const parameter = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      if (query.therapistId !== undefined) where.push(`therapist_id = ${parameter(query.therapistId)}`);
      if (query.patientId !== undefined) where.push(`patient_id = ${parameter(query.patientId)}`);
      if (query.statuses !== undefined) where.push(`status = ANY(${parameter(query.statuses)}::text[])`);
      if (query.recordedFrom !== undefined) where.push(`recorded_at >= ${parameter(query.recordedFrom)}`);
      if (query.recordedTo !== undefined) where.push(`recorded_at < ${parameter(query.recordedTo)}`);
      if (query.text !== undefined && hasWords(query.text)) {
        const text = parameter(query.text);
        where.push(`search @@ (plainto_tsquery('english', ${text}) || plainto_tsquery('simple', ${text}))`);
      }
      if (query.cursor !== undefined) {
        const [recordedAt, id] = decodeCursor(cursorKind, query.cursor, ["date", "string"]);
        where.push(`(recorded_at, id) < (${parameter(new Date(recordedAt))}::timestamptz, ${parameter(id)})`);
      }
      const rows = await client.query<DocumentRow>(
        `SELECT document FROM confide_sessions
         ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`}
         ORDER BY recorded_at DESC, id DESC
         LIMIT ${parameter(fetchSize)}`,
        params,
      );
      const items = rows.map(decode);
      return pageOfRows(items, query.limit, { kind: cursorKind, positionOf: (session) => [session.recordedAt.toISOString(), session.id] }, (session) => session);
    },

    async findStale({ statuses, updatedBefore, limit }: { statuses: SessionStatus[]; updatedBefore: Date; limit: number }) {
      if (!Number.isInteger(limit) || limit < 1) {
        throw new ConfideError("validation.invalid_input", "The limit must be a positive integer.", {
          details: { field: "limit" },
        });
      }
      if (statuses.length === 0) return [];
      const rows = await client.query<DocumentRow>(
        `SELECT document FROM confide_sessions
          WHERE status = ANY($1::text[]) AND updated_at < $2
          ORDER BY updated_at ASC, id ASC
          LIMIT $3`,
        [statuses, updatedBefore, limit],
      );
      return rows.map(decode);
    },

    close: options.close ?? (() => client.close()),
  };
}
