import type { Container } from "@azure/cosmos";
import { systemClock } from "@confide/core/adapter-kit";
import { type Clock, ConfideError, type RefreshToken, type TokenRepository } from "@confide/core/ports";
import type { CosmosContext } from "./cosmos-client.ts";
import { refreshTokensContainerId } from "./cosmos-containers.ts";
import { isCosmosConflict, isCosmosNotFound, withCosmosErrors } from "./cosmos-errors.ts";
import { cosmosItemIdOf, deleteItemIfPresent, queryAll, readItemOrNull, retryOnRace } from "./cosmos-items.ts";

export interface CosmosTokenRepositoryOptions {
  /** Decides what has expired and sets each item's `ttl` (default: the system clock). */
  clock?: Clock;
  /** What `close()` does (default: closes the context; the bundle passes its shared close). */
  close?: () => Promise<void>;
}

/** The token itself, found by its hash (the hot path: every refresh and logout). */
interface TokenItem {
  /** `hash:<token hash>`. */
  id: string;
  kind: "token";
  tokenId: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  /** Seconds until Cosmos DB removes the item: until `expiresAt`. */
  ttl: number;
}

/** Finds the token item from the token's id (`markUsed`). */
interface PointerItem {
  /** `id:<token id>`. */
  id: string;
  kind: "pointer";
  tokenId: string;
  tokenHash: string;
  familyId: string;
  userId: string;
  ttl: number;
}

const tokenItemId = (tokenHash: string) => `hash:${cosmosItemIdOf(tokenHash)}`;
const pointerItemId = (tokenId: string) => `id:${cosmosItemIdOf(tokenId)}`;

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

function toToken(item: TokenItem): RefreshToken {
  return {
    id: item.tokenId,
    familyId: item.familyId,
    userId: item.userId,
    tokenHash: item.tokenHash,
    createdAt: new Date(item.createdAt),
    expiresAt: new Date(item.expiresAt),
    usedAt: dateOrNull(item.usedAt),
    revokedAt: dateOrNull(item.revokedAt),
  };
}

/**
 * TokenRepository on Cosmos DB for NoSQL (container `refresh-tokens`, partition key `/id`).
 * Each token is two items: the token under its hash (`getByHash` is a point read) and a pointer
 * under its id (`markUsed` is two point reads and a write conditional on the `_etag`, so of
 * concurrent calls one wins). Both carry a `ttl` until the token expires, and `getByHash` answers
 * null for an expired token even before Cosmos DB has removed it (TTL deletion runs late).
 * Revoking and deleting by family or user query across partitions.
 * @returns the repository; its errors are `dependency.unavailable` (cosmos-errors.ts).
 */
export function createCosmosTokenRepository(context: CosmosContext, options: CosmosTokenRepositoryOptions = {}): TokenRepository {
  const container: Container = context.container(refreshTokensContainerId);
  const clock = options.clock ?? systemClock;

  /** Seconds from now until `expiresAt`, at least 1 (Cosmos DB refuses a ttl of 0). */
  function ttlUntil(expiresAt: Date): number {
    return Math.max(1, Math.ceil((expiresAt.getTime() - clock.now().getTime()) / 1000));
  }

  /**
   * Sets `field` of the token item to `at` if it is still null, conditional on the `_etag` read.
   * @returns true when this call set it; false when the item is gone or the field was set.
   */
  function setOnce(itemId: string, field: "usedAt" | "revokedAt", at: Date): Promise<boolean> {
    // A 412 means another writer changed the item since the read (maybe this very field): read again.
    return retryOnRace(async () => {
      const item = await readItemOrNull<TokenItem>(container, itemId, itemId);
      if (item === null || item[field] !== null) return false;
      try {
        await container
          .item(itemId, itemId)
          .patch({ operations: [{ op: "set", path: `/${field}`, value: at.toISOString() }] }, { accessCondition: { type: "IfMatch", condition: item._etag } });
      } catch (error) {
        if (isCosmosNotFound(error)) return false;
        throw error;
      }
      return true;
    });
  }

  /** Sets `revokedAt` on every unrevoked token item matching `condition` (a fan-out query). */
  async function revokeWhere(condition: string, name: string, value: string, at: Date): Promise<void> {
    const items = await queryAll<{ id: string }>(container, {
      query: `SELECT c.id FROM c WHERE c.kind = 'token' AND ${condition} AND IS_NULL(c.revokedAt)`,
      parameters: [{ name, value }],
    });
    // The first revocation's time is kept: setOnce leaves a revoked token as it is.
    for (const item of items) await setOnce(item.id, "revokedAt", at);
  }

  return {
    create: (token) =>
      withCosmosErrors("store a refresh token", async () => {
        const ttl = ttlUntil(token.expiresAt);
        const pointer: PointerItem = {
          id: pointerItemId(token.id),
          kind: "pointer",
          tokenId: token.id,
          tokenHash: token.tokenHash,
          familyId: token.familyId,
          userId: token.userId,
          ttl,
        };
        const item: TokenItem = {
          id: tokenItemId(token.tokenHash),
          kind: "token",
          tokenId: token.id,
          familyId: token.familyId,
          userId: token.userId,
          tokenHash: token.tokenHash,
          createdAt: token.createdAt.toISOString(),
          expiresAt: token.expiresAt.toISOString(),
          usedAt: token.usedAt?.toISOString() ?? null,
          revokedAt: token.revokedAt?.toISOString() ?? null,
          ttl,
        };
        try {
          // The pointer first: a pointer without its token (a crash between) finds nothing and expires.
          await container.items.create<PointerItem>(pointer);
          await container.items.create<TokenItem>(item);
        } catch (error) {
          if (isCosmosConflict(error)) {
            throw new ConfideError("validation.invalid_input", "A refresh token with this id or hash exists.", { cause: error });
          }
          throw error;
        }
      }),

    getByHash: (tokenHash) =>
      withCosmosErrors("read a refresh token", async () => {
        const id = tokenItemId(tokenHash);
        const item = await readItemOrNull<TokenItem>(container, id, id);
        if (item === null || item.tokenHash !== tokenHash) return null;
        // Cosmos DB's TTL deletion runs in the background, late: an expired token reads as gone now.
        if (Date.parse(item.expiresAt) <= clock.now().getTime()) return null;
        return toToken(item);
      }),

    markUsed: (id, at) =>
      withCosmosErrors("mark a refresh token used", async () => {
        const pointerId = pointerItemId(id);
        const pointer = await readItemOrNull<PointerItem>(container, pointerId, pointerId);
        if (pointer === null) return false;
        return setOnce(tokenItemId(pointer.tokenHash), "usedAt", at);
      }),

    revokeFamily: (familyId, at) =>
      withCosmosErrors("revoke a refresh token family", () => revokeWhere("c.familyId = @familyId", "@familyId", familyId, at)),

    revokeUser: (userId, at) =>
      withCosmosErrors("revoke a user's refresh tokens", () => revokeWhere("c.userId = @userId", "@userId", userId, at)),

    deleteByUser: (userId) =>
      withCosmosErrors("delete a user's refresh tokens", async () => {
        // Token and pointer items alike; a repeated call deletes what an interrupted one left.
        const items = await queryAll<{ id: string }>(container, {
          query: "SELECT c.id FROM c WHERE c.userId = @userId",
          parameters: [{ name: "@userId", value: userId }],
        });
        for (const item of items) await deleteItemIfPresent(container, item.id, item.id);
      }),

    close: options.close ?? (() => context.close()),
  };
}
