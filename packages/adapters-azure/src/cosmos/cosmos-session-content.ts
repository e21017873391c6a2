import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { fromSessionDocument } from "@confide/core/adapter-kit";
import { ConfideError, type Session } from "@confide/core/ports";
import { deleteItemIfPresent, readItemOrNull } from "./cosmos-items.ts";
import { contentChunkId, documentWithContent, type ContentChunkItem, type ContentPointer, type SessionItem } from "./cosmos-session-items.ts";

/** Times `get` follows a generation switched while it read the content before it gives up. */
const readAttempts = 5;

export interface SessionContent {
  /** Writes the chunk items of a new generation. @returns its pointer, or null without content. */
  writeChunks(sessionId: string, chunks: string[], hash: string): Promise<ContentPointer | null>;
  /** Deletes a generation's chunks; those already gone are skipped. Failures are left for `delete` to sweep. */
  deleteChunks(sessionId: string, pointer: ContentPointer): Promise<void>;
  /** The whole session of `item`, re-reading the item when its content moved to a newer generation meanwhile. */
  complete(item: SessionItem): Promise<Session | null>;
}

/**
 * A session's transcript and sentiment, in content chunk items of its partition: each version
 * of the content a generation of chunks, named by the session item's `content` pointer.
 */
export function createSessionContent(container: Container, readItem: (id: string) => Promise<SessionItem | null>): SessionContent {
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

  return { writeChunks, deleteChunks, complete };
}
