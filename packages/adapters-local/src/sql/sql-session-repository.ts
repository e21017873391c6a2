import { assertRetentionLimit, decodeCursor, fetchSizeOf, fromSessionDocument, fromSessionSummaryDocument, pageOfRows, searchWords, sessionSearchIndex, toSessionDocument } from "@confide/core/adapter-kit";
import { ConfideError, type Page, type RetentionCandidate, type RetentionCandidateQuery, type Session, type SessionDocument, type SessionQuery, type SessionRepository, type SessionStatus, type SessionSummary } from "@confide/core/ports";
import type { SqlClient } from "./sql-client.ts";

interface DocumentRow {
  document: SessionDocument | string;
}

/** A listed row: its summary source, the generated `summary` column. */
interface SummaryRow {
  summary: SessionDocument | string;
}

/** The columns `getStatus` reads: no document. */
interface StateRow {
  therapist_id: string;
  patient_id: string;
  status: SessionStatus;
  version: number;
  updated_at: Date;
}

export interface SqlRepositoryOptions {
  /** Called by `close()`; default: closes the client. */
  close?: () => Promise<void>;
}

const cursorKind = "sessions";

/**
 * The `search_terms` (a clinician's search) and `patient_search_terms` (a patient's) columns:
 * core's search terms of the session for each audience, space-separated.
 */
function searchTermsColumns(session: Session): [string, string] {
  const index = sessionSearchIndex(session);
  return [index.clinician.join(" "), index.patient.join(" ")];
}

/** The full-text vector column a query of each audience matches. */
const searchColumnOf = { clinician: "search", patient: "patient_search" } as const;

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
    ...searchTermsColumns(session),
  ];
}

/** Rows filled in per statement by `backfillSessionSearchTerms`. */
const backfillBatchSize = 200;

/**
 * Writes the search terms of sessions stored before they were kept (migration 0003) or before
 * the patient's were kept apart and the notes searched (0006), by the same rule as every write.
 * Safe while sessions are written and from several processes: a row is filled only while it
 * still lacks terms and has the version read.
 * @returns how many rows it filled in.
 */
export async function backfillSessionSearchTerms(client: SqlClient): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await client.query<DocumentRow & { id: string; version: number }>(
      `SELECT id, version, document FROM confide_sessions
        WHERE search_terms IS NULL OR patient_search_terms IS NULL
        ORDER BY id LIMIT ${backfillBatchSize}`,
    );
    if (rows.length === 0) return filled;
    for (const row of rows) {
      const updated = await client.query(
        `UPDATE confide_sessions SET search_terms = $3, patient_search_terms = $4
          WHERE id = $1 AND version = $2 AND (search_terms IS NULL OR patient_search_terms IS NULL)
          RETURNING id`,
        [row.id, row.version, ...searchTermsColumns(fromSessionDocument(row.document))],
      );
      filled += updated.length;
    }
  }
}

/**
 * A tsquery matching sessions that have every word, each stemmed (english) or as written
 * (simple): `parameter` adds a bound value and returns its placeholder. One tsquery per word, so
 * that a word the english configuration ignores (a stop word such as "and") still has to match
 * as written.
 */
function everyWordQuery(words: string[], parameter: (value: unknown) => string): string {
  return words
    .map((word) => {
      const placeholder = parameter(word);
      return `(plainto_tsquery('english', ${placeholder}) || plainto_tsquery('simple', ${placeholder}))`;
    })
    .join(" && ");
}

/**
 * SessionRepository over SQL (PostgreSQL or PGlite). A session is one row: the columns that
 * filters and sorts use, the whole Session as jsonb, its summary source generated from it
 * (migrations/0004_session_summary.sql, 0005: what `list` reads), and its search terms for a
 * clinician and for a patient (core's `sessionSearchIndex`), from which the database generates
 * a full-text vector each (migrations/0003_session_search_terms.sql, 0006). A query's words
 * (core's `searchWords`) must each match the vector of the query's audience (a patient's when
 * it names none), stemmed or verbatim; a query without any word filters nothing.
 */
export function createSqlSessionRepository(client: SqlClient, options: SqlRepositoryOptions = {}): SessionRepository {
  const decode = (row: DocumentRow) => fromSessionDocument(row.document);

  return {
    async create(session) {
      const rows = await client.query(
        `INSERT INTO confide_sessions
           (id, therapist_id, patient_id, status, recorded_at, updated_at, version, document, search_terms, patient_search_terms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)
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

    async getStatus(id) {
      const [row] = await client.query<StateRow>(
        "SELECT therapist_id, patient_id, status, version, updated_at FROM confide_sessions WHERE id = $1",
        [id],
      );
      if (row === undefined) return null;
      return { therapistId: row.therapist_id, patientId: row.patient_id, status: row.status, version: row.version, updatedAt: row.updated_at };
    },

    async update(session, expectedVersion) {
      const [row] = await client.query<DocumentRow>(
        `UPDATE confide_sessions
            SET therapist_id = $3, patient_id = $4, status = $5, recorded_at = $6, updated_at = $7,
                version = $8, document = $9::jsonb, search_terms = $10, patient_search_terms = $11
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

    async list(query: SessionQuery): Promise<Page<SessionSummary>> {
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
      const words = query.text === undefined ? [] : searchWords(query.text);
      if (words.length > 0) {
        where.push(`${searchColumnOf[query.searchAudience ?? "patient"]} @@ (${everyWordQuery(words, parameter)})`);
      }
      if (query.cursor !== undefined) {
        const [recordedAt, id] = decodeCursor(cursorKind, query.cursor, ["date", "string"]);
        where.push(`(recorded_at, id) < (${parameter(new Date(recordedAt))}::timestamptz, ${parameter(id)})`);
      }
      const rows = await client.query<SummaryRow>(
        `SELECT summary FROM confide_sessions
         ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`}
         ORDER BY recorded_at DESC, id DESC
         LIMIT ${parameter(fetchSize)}`,
        params,
      );
      const items = rows.map((row) => fromSessionSummaryDocument(row.summary));
      return pageOfRows(items, query.limit, { kind: cursorKind, positionOf: (summary) => [summary.recordedAt.toISOString(), summary.id] }, (summary) => summary);
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

    async findRetentionCandidates(query: RetentionCandidateQuery): Promise<RetentionCandidate[]> {
      assertRetentionLimit(query.limit);
      const { rule, after } = query;
      // Finalized sessions by their finalizedAt, as stored: ISO 8601 UTC text, which sorts as the
      // instants do (migrations/0008_retention.sql indexes it); failed ones by updated_at.
      const at = rule === "failed" ? "updated_at" : "(document #>> '{review,finalizedAt,$date}')";
      const bound = (date: Date) => (rule === "failed" ? date : date.toISOString());
      const params: unknown[] = [rule === "failed" ? "failed" : "finalized", bound(query.before)];
      const where = ["status = $1", `${at} < $2`];
      if (rule === "audio") where.push("NOT (document -> 'audio' ? 'removed')");
      if (after !== undefined) {
        params.push(bound(after.at), after.id);
        where.push(`(${at}, id) > ($3${rule === "failed" ? "::timestamptz" : ""}, $4)`);
      }
      params.push(query.limit);
      const rows = await client.query<{ id: string; therapist_id: string; patient_id: string; status: SessionStatus; at: Date | string }>(
        `SELECT id, therapist_id, patient_id, status, ${at} AS at FROM confide_sessions
          WHERE ${where.join(" AND ")}
          ORDER BY ${at} ASC, id ASC
          LIMIT $${params.length}`,
        params,
      );
      return rows.map((row) => ({
        id: row.id,
        therapistId: row.therapist_id,
        patientId: row.patient_id,
        status: row.status,
        at: new Date(row.at),
      }));
    },

    close: options.close ?? (() => client.close()),
  };
}
