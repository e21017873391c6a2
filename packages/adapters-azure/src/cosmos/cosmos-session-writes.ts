import type { Container } from "@azure/cosmos";
import { fromSessionDocument, toSessionDocument } from "@confide/core/adapter-kit";
import { ConfideError, type SessionRepository } from "@confide/core/ports";
import { isCosmosConflict, isCosmosNotFound, isCosmosPreconditionFailed, withCosmosErrors } from "./cosmos-errors.ts";
import { deleteItemIfPresent, queryAll } from "./cosmos-items.ts";
import type { SessionContent } from "./cosmos-session-content.ts";
import { encodeSession, type SessionItem } from "./cosmos-session-items.ts";

function notFound(id: string): ConfideError {
  return new ConfideError("session.not_found", "The session does not exist.", { details: { sessionId: id } });
}

function conflict(id: string, expectedVersion: number, currentVersion: number): ConfideError {
  return new ConfideError("session.version_conflict", "The session was changed by someone else.", {
    details: { sessionId: id, expectedVersion, currentVersion },
  });
}

export interface SessionWriteParts {
  container: Container;
  /** Bytes of a content chunk item's text. */
  budget: number;
  readItem(id: string): Promise<SessionItem | null>;
  content: SessionContent;
}

/**
 * The write path: `create`, `update` and `delete` of session items and their content chunks.
 * Writes are conditional on the session item's `_etag`, so the port's version check cannot race;
 * a new content generation is written before the item names it, and the old one deleted after.
 */
export function createSessionWrites({ container, budget, readItem, content: { writeChunks, deleteChunks } }: SessionWriteParts): Pick<SessionRepository, "create" | "update" | "delete"> {
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
  };
}
