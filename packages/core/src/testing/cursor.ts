import { decodeCursor, encodeCursor } from "../domain/page-cursor.ts";

/**
 * Applies a cursor and a limit to items already sorted by `key` (the list must be in order).
 * Cursors are core's page cursors (`encodeCursor(kind, [sortKey, id])`), checked like the SQL
 * repositories' ones: a cursor of another listing or of other value types is refused.
 * @throws ConfideError `validation.invalid_input` for a cursor that is not valid here.
 */
export function pageOf<T>(
  sorted: T[],
  key: (item: T) => [string | number, string],
  compare: (a: [string | number, string], b: [string | number, string]) => number,
  request: { cursor?: string; limit: number },
  cursor: { kind: string; sortKey: "string" | "number" },
): { items: T[]; nextCursor: string | null } {
  const after: [string | number, string] | null =
    request.cursor === undefined ? null : [...decodeCursor(cursor.kind, request.cursor, [cursor.sortKey, "string"])];
  const rest = after === null ? sorted : sorted.filter((item) => compare(key(item), after) > 0);
  const items = rest.slice(0, request.limit);
  const last = items.at(-1);
  const nextCursor = rest.length > request.limit && last !== undefined ? encodeCursor(cursor.kind, key(last)) : null;
  return { items, nextCursor };
}
