import { ConfideError } from "../errors.ts";

/** Opaque cursor over (sortKey, id), base64url JSON; shared by the in-memory adapters. */
export function encodeCursor(sortKey: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString("base64url");
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === "string") {
      return value as [string | number, string];
    }
  } catch (cause) {
    throw new ConfideError("validation.invalid_input", "The cursor is not valid.", { cause });
  }
  throw new ConfideError("validation.invalid_input", "The cursor is not valid.");
}

/** Applies a cursor and a limit to items already sorted by `key` (the list must be in order). */
export function pageOf<T>(
  sorted: T[],
  key: (item: T) => [string | number, string],
  compare: (a: [string | number, string], b: [string | number, string]) => number,
  request: { cursor?: string; limit: number },
): { items: T[]; nextCursor: string | null } {
  const after = request.cursor === undefined ? null : decodeCursor(request.cursor);
  const rest = after === null ? sorted : sorted.filter((item) => compare(key(item), after) > 0);
  const items = rest.slice(0, request.limit);
  const last = items.at(-1);
  const nextCursor = rest.length > request.limit && last !== undefined ? encodeCursor(...key(last)) : null;
  return { items, nextCursor };
}
