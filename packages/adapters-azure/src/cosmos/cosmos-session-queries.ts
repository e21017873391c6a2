import type { Container, SqlParameter } from "@azure/cosmos";
import { assertRetentionLimit, decodeCursor, fetchSizeOf, fromSessionSummaryDocument, pageOfRows, searchWords } from "@confide/core/adapter-kit";
import { ConfideError, type RetentionCandidate, type RetentionCandidateQuery, type SearchAudience, type Session, type SessionDocument, type SessionQuery, type SessionRepository, type SessionState, type SessionStatus } from "@confide/core/ports";
import { withCosmosErrors } from "./cosmos-errors.ts";
import { queryUpTo, type QueryOptions } from "./cosmos-items.ts";
import type { SessionContent } from "./cosmos-session-content.ts";
import { listKeyOf, retentionKeyOf, type SessionItem } from "./cosmos-session-items.ts";

const cursorKind = "sessions";

/**
 * The condition a session item meets when it has the search word bound to `word` for the
 * audience: a clinician's terms, or a patient's. An item written before the patient's terms were
 * kept has none; its `searchTerms` were then the title's and the segments' words only (notes were
 * not searched), which a patient may read, so a patient's search matches those.
 */
function searchCondition(audience: SearchAudience, word: string): string {
  if (audience === "clinician") return `ARRAY_CONTAINS(c.searchTerms, ${word})`;
  return `(ARRAY_CONTAINS(c.patientSearchTerms, ${word}) OR (NOT IS_DEFINED(c.patientSearchTerms) AND ARRAY_CONTAINS(c.searchTerms, ${word})))`;
}

export interface SessionQueryParts {
  container: Container;
  readItem(id: string): Promise<SessionItem | null>;
  content: SessionContent;
  /** `pageSize` of each query (Cosmos DB's `maxItemCount`), when set. */
  pageSize: QueryOptions;
}

/**
 * The read path: point reads of a session (`get`, whole; `getStatus`, the item alone) and the
 * queries across partitions (`list`, `findStale`, `findRetentionCandidates`), each on the session
 * item's own fields and keys (`listKey`, `staleKey`, `finalizedKey`).
 */
export function createSessionQueries({
  container,
  readItem,
  content: { complete },
  pageSize,
}: SessionQueryParts): Pick<SessionRepository, "get" | "getStatus" | "list" | "findStale" | "findRetentionCandidates"> {
  return {
    get: (id) =>
      withCosmosErrors("read a session", async () => {
        const item = await readItem(id);
        return item === null ? null : complete(item);
      }),

    getStatus: (id) =>
      withCosmosErrors("read a session's state", async () => {
        // A point read of the session item: its transcript and sentiment are in the chunks, not read here.
        const row = await readItem(id);
        if (row === null) return null;
        const state: SessionState = {
          therapistId: row.therapistId,
          patientId: row.patientId,
          status: row.status,
          version: row.version,
          updatedAt: new Date(row.updatedAtMs),
        };
        return state;
      }),

    async list(query: SessionQuery) {
      const fetchSize = fetchSizeOf(query.limit);
      const parameters: SqlParameter[] = [];
      const where = ["c.kind = 'session'"];
      const parameter = (value: SqlParameter["value"]) => {
        const name = `@p${parameters.length}`;
        parameters.push({ name, value });
        return name;
      };
      if (query.therapistId !== undefined) where.push(`c.therapistId = ${parameter(query.therapistId)}`);
      if (query.patientId !== undefined) where.push(`c.patientId = ${parameter(query.patientId)}`);
      if (query.statuses !== undefined) where.push(`ARRAY_CONTAINS(${parameter(query.statuses)}, c.status)`);
      if (query.recordedFrom !== undefined) where.push(`c.recordedAtMs >= ${parameter(query.recordedFrom.getTime())}`);
      if (query.recordedTo !== undefined) where.push(`c.recordedAtMs < ${parameter(query.recordedTo.getTime())}`);
      const words = query.text === undefined ? [] : [...new Set(searchWords(query.text))];
      for (const word of words) where.push(searchCondition(query.searchAudience ?? "patient", parameter(word)));
      if (query.cursor !== undefined) {
        const [recordedAt, id] = decodeCursor(cursorKind, query.cursor, ["date", "string"]);
        where.push(`c.listKey < ${parameter(listKeyOf(new Date(recordedAt), id))}`);
      }
      const rows = await withCosmosErrors("list sessions", () =>
        queryUpTo<{ summary: SessionDocument }>(
          container,
          { query: `SELECT c.summary FROM c WHERE ${where.join(" AND ")} ORDER BY c.listKey DESC`, parameters },
          fetchSize,
          pageSize,
        ),
      );
      const items = rows.map((row) => fromSessionSummaryDocument(row.summary));
      return pageOfRows(items, query.limit, { kind: cursorKind, positionOf: (summary) => [summary.recordedAt.toISOString(), summary.id] }, (summary) => summary);
    },

    async findStale({ statuses, updatedBefore, limit }: { statuses: SessionStatus[]; updatedBefore: Date; limit: number }) {
      if (!Number.isInteger(limit) || limit < 1) {
        throw new ConfideError("validation.invalid_input", "The limit must be a positive integer.", { details: { field: "limit" } });
      }
      if (statuses.length === 0) return [];
      return withCosmosErrors("find stale sessions", async () => {
        const items = await queryUpTo<SessionItem>(
          container,
          {
            query:
              "SELECT * FROM c WHERE c.kind = 'session' AND ARRAY_CONTAINS(@statuses, c.status) AND c.updatedAtMs < @before ORDER BY c.staleKey ASC",
            parameters: [
              { name: "@statuses", value: statuses },
              { name: "@before", value: updatedBefore.getTime() },
            ],
          },
          limit,
          pageSize,
        );
        // Whole sessions: the recovery sweep writes back what it gets, transcript included.
        const sessions = await Promise.all(items.map(complete));
        return sessions.filter((session): session is Session => session !== null);
      });
    },

    async findRetentionCandidates(query: RetentionCandidateQuery): Promise<RetentionCandidate[]> {
      assertRetentionLimit(query.limit);
      const failed = query.rule === "failed";
      const [atField, keyField] = failed ? ["updatedAtMs", "staleKey"] : ["finalizedAtMs", "finalizedKey"];
      const conditions = ["c.kind = 'session'", `c.status = @status`, `c.${atField} < @before`];
      const parameters: SqlParameter[] = [
        { name: "@status", value: failed ? "failed" : "finalized" },
        { name: "@before", value: query.before.getTime() },
      ];
      if (query.rule === "audio") conditions.push("(NOT IS_DEFINED(c.audioRemoved) OR c.audioRemoved = false)");
      if (query.after !== undefined) {
        conditions.push(`c.${keyField} > @after`);
        parameters.push({ name: "@after", value: retentionKeyOf(query.after.at, query.after.id) });
      }
      return withCosmosErrors("find sessions due for deletion", async () => {
        const rows = await queryUpTo<{ id: string; therapistId: string; patientId: string; status: SessionStatus; atMs: number }>(
          container,
          {
            query: `SELECT c.id, c.therapistId, c.patientId, c.status, c.${atField} AS atMs FROM c WHERE ${conditions.join(" AND ")} ORDER BY c.${keyField} ASC`,
            parameters,
          },
          query.limit,
          pageSize,
        );
        return rows.map((row) => ({ id: row.id, therapistId: row.therapistId, patientId: row.patientId, status: row.status, at: new Date(row.atMs) }));
      });
    },
  };
}
