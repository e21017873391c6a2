/**
 * Item-level steps the Cosmos repositories share: reads that answer null for a missing item,
 * deletes that count a missing item as done (so every deletion can be run again), and queries
 * that follow continuation tokens (Cosmos DB may answer a page short, or empty, while more
 * results remain).
 */
import type { Container, ItemDefinition, SqlQuerySpec } from "@azure/cosmos";
import { isCosmosConflict, isCosmosNotFound, isCosmosPreconditionFailed } from "./cosmos-errors.ts";

/**
 * An item id for `value`: the value itself with `%` and the characters Cosmos DB refuses in ids
 * (`/ \ ? #`) percent-escaped, so that distinct values keep distinct, readable ids.
 */
export function cosmosItemIdOf(value: string): string {
  return value.replace(/[%/\\?#]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** Orders strings by UTF-16 code units, as the ISO times and ids stored here sort (no locale). */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What Cosmos DB adds to every stored item. */
export interface CosmosSystemFields {
  _etag: string;
  _ts?: number;
}

/**
 * Point read of one item.
 * @returns the item with its `_etag`, or null when it does not exist.
 * @throws the SDK's error for anything but 404 (map it with `withCosmosErrors`).
 */
export async function readItemOrNull<T extends ItemDefinition>(
  container: Container,
  id: string,
  partitionKey: string,
): Promise<(T & CosmosSystemFields) | null> {
  try {
    const response = await container.item(id, partitionKey).read<T & CosmosSystemFields>();
    return response.statusCode === 404 || response.resource === undefined ? null : response.resource;
  } catch (error) {
    if (isCosmosNotFound(error)) return null;
    throw error;
  }
}

/**
 * Deletes one item, only while its `_etag` is still `ifMatch` when one is given.
 * @returns true when this call deleted it; false when it was already gone, or changed since
 * `ifMatch` was read (412) — either way it is no longer the item the caller meant.
 * @throws the SDK's error for anything else.
 */
export async function deleteItemIfPresent(
  container: Container,
  id: string,
  partitionKey: string,
  ifMatch?: string,
): Promise<boolean> {
  try {
    await container
      .item(id, partitionKey)
      .delete(ifMatch === undefined ? undefined : { accessCondition: { type: "IfMatch", condition: ifMatch } });
    return true;
  } catch (error) {
    if (isCosmosNotFound(error) || (ifMatch !== undefined && isCosmosPreconditionFailed(error))) return false;
    throw error;
  }
}

export interface QueryOptions {
  /** Restricts the query to one logical partition (no fan-out). */
  partitionKey?: string;
  /** Items per request (default: `wanted`, or 100). */
  pageSize?: number;
}

/**
 * Runs a query, following continuations until `wanted` items came or there are no more.
 * @returns at most `wanted` items, in the query's order.
 */
export async function queryUpTo<T>(container: Container, spec: SqlQuerySpec, wanted: number, options: QueryOptions = {}): Promise<T[]> {
  const iterator = container.items.query<T>(spec, {
    maxItemCount: options.pageSize ?? Math.min(wanted, 100),
    ...(options.partitionKey === undefined ? {} : { partitionKey: options.partitionKey }),
  });
  const found: T[] = [];
  while (found.length < wanted && iterator.hasMoreResults()) {
    const { resources } = await iterator.fetchNext();
    found.push(...resources);
  }
  return found.slice(0, wanted);
}

/** Runs a query to its end, following every continuation. @returns every item, in the query's order. */
export function queryAll<T>(container: Container, spec: SqlQuerySpec, options: QueryOptions = {}): Promise<T[]> {
  return queryUpTo<T>(container, spec, Number.POSITIVE_INFINITY, options);
}

/** Tries of a conditional write raced by other writers before the race is reported. */
export const raceAttempts = 10;

/**
 * Runs `attempt` again while it fails with 409 or 412 — another writer got there first, so the
 * next try reads what it wrote — at most `raceAttempts` times.
 * @returns what `attempt` returns.
 * @throws any other error at once; after the last try its 409/412, which `toCosmosError` maps to
 * retryable `dependency.unavailable`.
 */
export async function retryOnRace<T>(attempt: () => Promise<T>): Promise<T> {
  let race: unknown;
  for (let tries = 0; tries < raceAttempts; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isCosmosPreconditionFailed(error) && !isCosmosConflict(error)) throw error;
      race = error;
    }
  }
  throw race;
}
