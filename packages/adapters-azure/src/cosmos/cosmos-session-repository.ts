import { randomUUID } from "node:crypto";
import type { Container, SqlParameter, SqlQuerySpec } from "@azure/cosmos";
import {
  assertRetentionLimit,
  ConfideError,
  decodeCursor,
  fetchSizeOf,
  fromSessionDocument,
  fromSessionSummaryDocument,
  pageOfRows,
  searchWords,
  toSessionDocument,
  type RetentionCandidate,
  type RetentionCandidateQuery,
  type Session,
  type SearchAudience,
  type SessionDocument,
  type SessionQuery,
  type SessionRepository,
  type SessionState,
  type SessionStatus,
} from "@confide/core";
import type { CosmosContext } from "./cosmos-client.ts";
import { sessionsContainerId } from "./cosmos-containers.ts";
import { isCosmosConflict, isCosmosNotFound, isCosmosPreconditionFailed, withCosmosErrors } from "./cosmos-errors.ts";
import { deleteItemIfPresent, queryAll, queryUpTo, readItemOrNull } from "./cosmos-items.ts";
import {
  documentWithContent,
  encodeSession,
  listKeyOf,
  retentionFieldsOf,
  retentionKeyOf,
  contentChunkBudgetBytes,
  contentChunkId,
  type SessionItem,
  type ContentChunkItem,
  type ContentPointer,
} from "./cosmos-session-items.ts";

export interface CosmosSessionRepositoryOptions {
  /** Items per query page asked of Cosmos DB (`maxItemCount`); default: the page size wanted. Tests set it low. */
  queryPageSize?: number;
  /** Bytes of a content chunk item's text (default 1 MiB). */
  contentChunkBudgetBytes?: number;
  /** Called by `close()`; default: closes the context. */
  close?: () => Promise<void>;
}

const cursorKind = "sessions";

/** Times `get` follows a generation switched while it read the content before it gives up. */
const readAttempts = 5;

function notFound(id: string): ConfideError {
  return new ConfideError("session.not_found", "The session does not exist.", { details: { sessionId: id } });
}

function conflict(id: string, expectedVersion: number, currentVersion: number): ConfideError {
  return new ConfideError("session.version_conflict", "The session was changed by someone else.", {
    details: { sessionId: id, expectedVersion, currentVersion },
  });
}

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

/**
 * SessionRepository on Cosmos DB for NoSQL (container `sessions`, partition key `/sessionId`):
 * a session is a point read; its transcript and sentiment live in chunk items of its partition (README.md).
 * Writes are conditional on the session item's `_etag`, so the port's version check cannot race.
 */
export function createCosmosSessionRepository(context: CosmosContext, options: CosmosSessionRepositoryOptions = {}): SessionRepository {
  const container: Container = context.container(sessionsContainerId);
  const budget = options.contentChunkBudgetBytes ?? contentChunkBudgetBytes;

  const readItem = (id: string): Promise<SessionItem | null> => readItemOrNull<SessionItem>(container, id, id);
  const pageSize = options.queryPageSize === undefined ? {} : { pageSize: options.queryPageSize };

  /** Writes the chunk items of a new generation. @returns its pointer, or null without content. */
  async function writeChunks(sessionId: string, chunks: string[], hash: string): Promise<ContentPointer | null> {
    if (chunks.length === 0) return null;
    const generation = randomUUID();
    try {
      for (const [index, text] of chunks.entries()) {
        const chunk: ContentChunkItem = { id: contentChunkId(sessionId, generation, index), sessionId, kind: "content", generation, index, text };
        await container.items.create(chunk);
      }
    } catch (error) {
      await deleteChunks(sessionId, { generation, chunks: chunks.length, hash });
      throw error;
    }
    return { generation, chunks: chunks.length, hash };
  }

  /** Deletes a generation's chunks; those already gone are skipped. Failures are left for `delete` to sweep. */
  async function deleteChunks(sessionId: string, pointer: ContentPointer): Promise<void> {
    await Promise.all(
      Array.from({ length: pointer.chunks }, async (_, index) => {
        try {
          await deleteItemIfPresent(container, contentChunkId(sessionId, pointer.generation, index), sessionId);
        } catch {
          // A chunk left behind is unreachable (no session item names its generation) and is removed with the session.
        }
      }),
    );
  }

  /** The chunks of `pointer`, or null when one is missing (a writer switched generations meanwhile). */
  async function readChunks(sessionId: string, pointer: ContentPointer): Promise<ContentChunkItem[] | null> {
    const chunks = await Promise.all(
      Array.from({ length: pointer.chunks }, (_, index) => readItemOrNull<ContentChunkItem>(container, contentChunkId(sessionId, pointer.generation, index), sessionId)),
    );
    return chunks.every((chunk) => chunk !== null) ? chunks : null;
  }

  /** The whole session of `item`, re-reading the item when its content moved to a newer generation meanwhile. */
  async function complete(item: SessionItem): Promise<Session | null> {
    let current: SessionItem | null = item;
    for (let attempt = 0; attempt < readAttempts && current !== null; attempt += 1) {
      if (current.content === null) return fromSessionDocument(current.document);
      const chunks = await readChunks(current.sessionId, current.content);
      if (chunks !== null) return fromSessionDocument(documentWithContent(current.document, chunks));
      current = await readItem(item.id);
    }
    if (current === null) return null;
    throw new ConfideError("internal", "The session's transcript and sentiment are missing from Cosmos DB.", {
      details: { sessionId: item.id, dependency: "cosmos" },
    });
  }

  return {
    async create(session) {
      const encoded = encodeSession(session, session.version, budget);
      await withCosmosErrors("create a session", async () => {
        const content = await writeChunks(session.id, encoded.chunks, encoded.hash);
        try {
          await container.items.create<SessionItem>({ ...encoded.item, content });
        } catch (error) {
          if (content !== null) await deleteChunks(session.id, content);
          if (isCosmosConflict(error)) {
            throw new ConfideError("session.version_conflict", "A session with this id already exists.", {
              details: { sessionId: session.id },
            });
          }
          throw error;
        }
      });
    },

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

    async update(session, expectedVersion) {
      const version = expectedVersion + 1;
      const encoded = encodeSession(session, version, budget);
      return withCosmosErrors("update a session", async () => {
        const current = await readItem(session.id);
        if (current === null) throw notFound(session.id);
        if (current.version !== expectedVersion) throw conflict(session.id, expectedVersion, current.version);
        const keep = current.content !== null && current.content.hash === encoded.hash;
        const content = keep ? current.content : await writeChunks(session.id, encoded.chunks, encoded.hash);
        try {
          await container.item(session.id, session.id).replace<SessionItem>(
            { ...encoded.item, content },
            { accessCondition: { type: "IfMatch", condition: current._etag ?? "" } },
          );
        } catch (error) {
          if (!keep && content !== null) await deleteChunks(session.id, content);
          if (isCosmosPreconditionFailed(error) || isCosmosNotFound(error)) {
            const now = await readItem(session.id);
            if (now === null) throw notFound(session.id);
            throw conflict(session.id, expectedVersion, now.version);
          }
          throw error;
        }
        if (!keep && current.content !== null) await deleteChunks(session.id, current.content);
        return fromSessionDocument(toSessionDocument({ ...session, version }));
      });
    },

    delete: (id) =>
      withCosmosErrors("delete a session", async () => {
        await deleteItemIfPresent(container, id, id);
        // Then its content, and any chunks a writer that failed midway left behind.
        const leftovers = await queryAll<{ id: string }>(
          container,
          { query: "SELECT c.id FROM c WHERE c.sessionId = @id", parameters: [{ name: "@id", value: id }] },
          { partitionKey: id },
        );
        for (const leftover of leftovers) await deleteItemIfPresent(container, leftover.id, id);
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

    close: options.close ?? (() => context.close()),
  };
}

/**
 * Fills in the retention fields (`finalizedAtMs`, `finalizedKey`, `audioRemoved`) of session
 * items written before they were kept, from their document, so that the retention sweep finds
 * them: each write is conditional on the item's `_etag` (a session written meanwhile already
 * has them). Safe to run again and from several processes.
 * @returns how many items it filled in.
 */
export async function backfillRetentionFields(context: CosmosContext): Promise<number> {
  const container = context.container(sessionsContainerId);
  return withCosmosErrors("fill in retention fields", async () => {
    const items = await queryAll<SessionItem>(container, {
      query: "SELECT * FROM c WHERE c.kind = 'session' AND NOT IS_DEFINED(c.finalizedKey)",
    });
    let filled = 0;
    for (const item of items) {
      const session = fromSessionDocument(item.document);
      try {
        await container.item(item.id, item.sessionId).replace<SessionItem>(
          { ...item, ...retentionFieldsOf(session) },
          item._etag === undefined ? {} : { accessCondition: { type: "IfMatch", condition: item._etag } },
        );
        filled += 1;
      } catch (error) {
        if (!isCosmosPreconditionFailed(error) && !isCosmosNotFound(error)) throw error;
      }
    }
    return filled;
  });
}
