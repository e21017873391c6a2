import type { Container } from "@azure/cosmos";
import { fromSessionDocument } from "@confide/core/adapter-kit";
import type { SessionRepository } from "@confide/core/ports";
import type { CosmosContext } from "./cosmos-client.ts";
import { sessionsContainerId } from "./cosmos-containers.ts";
import { isCosmosNotFound, isCosmosPreconditionFailed, withCosmosErrors } from "./cosmos-errors.ts";
import { queryAll, readItemOrNull } from "./cosmos-items.ts";
import { createSessionContent } from "./cosmos-session-content.ts";
import { contentChunkBudgetBytes, retentionFieldsOf, type SessionItem } from "./cosmos-session-items.ts";
import { createSessionQueries } from "./cosmos-session-queries.ts";
import { createSessionWrites } from "./cosmos-session-writes.ts";

export interface CosmosSessionRepositoryOptions {
  /** Items per query page asked of Cosmos DB (`maxItemCount`); default: the page size wanted. Tests set it low. */
  queryPageSize?: number;
  /** Bytes of a content chunk item's text (default 1 MiB). */
  contentChunkBudgetBytes?: number;
  /** Called by `close()`; default: closes the context. */
  close?: () => Promise<void>;
}

/**
 * SessionRepository on Cosmos DB for NoSQL (container `sessions`, partition key `/sessionId`):
 * a session is a point read; its transcript and sentiment live in chunk items of its partition (README.md).
 * Writes are conditional on the session item's `_etag`, so the port's version check cannot race.
 * The parts: the content chunks (cosmos-session-content.ts), the write path
 * (cosmos-session-writes.ts), the point reads and queries (cosmos-session-queries.ts).
 */
export function createCosmosSessionRepository(context: CosmosContext, options: CosmosSessionRepositoryOptions = {}): SessionRepository {
  const container: Container = context.container(sessionsContainerId);
  const budget = options.contentChunkBudgetBytes ?? contentChunkBudgetBytes;

  const readItem = (id: string): Promise<SessionItem | null> => readItemOrNull<SessionItem>(container, id, id);
  const pageSize = options.queryPageSize === undefined ? {} : { pageSize: options.queryPageSize };
  const content = createSessionContent(container, readItem);
  const writes = createSessionWrites({ container, budget, readItem, content });
  const queries = createSessionQueries({ container, readItem, content, pageSize });

  return {
    create: writes.create,
    get: queries.get,
    getStatus: queries.getStatus,
    update: writes.update,
    delete: writes.delete,
    list: queries.list,
    findStale: queries.findStale,
    findRetentionCandidates: queries.findRetentionCandidates,
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
