import { ConfideError } from "../errors.ts";
import { isStorableDate } from "./storable-date.ts";

/**
 * Opaque page cursors: base64url of `[kind, ...position]`, where position is the sort key of
 * the last item of the page. The kind stops a cursor of one listing being used on another.
 */
export type CursorValue = string | number;

export function encodeCursor(kind: string, position: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([kind, ...position]), "utf8").toString("base64url");
}

function invalidCursor(): ConfideError {
  return new ConfideError("validation.invalid_input", "The page cursor is not valid.", {
    details: { field: "cursor" },
  });
}

/**
 * An ISO timestamp of a storable year, as `Date#toISOString` writes the stored dates a cursor is
 * made from: a year like +270000 (or 0) parses in JavaScript but is out of the database's range.
 */
const storedTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function isStoredTimestamp(value: unknown): value is string {
  return typeof value === "string" && storedTimestamp.test(value) && isStorableDate(new Date(value));
}

/**
 * Decodes a cursor made by `encodeCursor(kind, …)` whose position has these value types.
 * @throws ConfideError `validation.invalid_input` for anything else.
 */
export function decodeCursor<const Types extends readonly ("string" | "number" | "date")[]>(
  kind: string,
  cursor: string,
  types: Types,
): { [Index in keyof Types]: Types[Index] extends "number" ? number : string } {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch (error) {
    throw new ConfideError("validation.invalid_input", "The page cursor is not valid.", {
      cause: error,
      details: { field: "cursor" },
    });
  }
  if (!Array.isArray(parsed) || parsed.length !== types.length + 1 || parsed[0] !== kind) throw invalidCursor();
  const position = parsed.slice(1);
  types.forEach((type, index) => {
    const value: unknown = position[index];
    const valid =
      type === "number"
        ? typeof value === "number" && Number.isFinite(value)
        : type === "date"
          ? isStoredTimestamp(value)
          : typeof value === "string" && !value.includes("\u0000");
    if (!valid) throw invalidCursor();
  });
  return position as { [Index in keyof Types]: Types[Index] extends "number" ? number : string };
}

/**
 * The number of rows to fetch for a page: one more than asked, to know whether another follows.
 * @throws ConfideError `validation.invalid_input` unless `limit` is an integer from 1 to 100.
 */
export function fetchSizeOf(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new ConfideError("validation.invalid_input", "The page limit must be an integer from 1 to 100.", {
      details: { field: "limit" },
    });
  }
  return limit + 1;
}

/**
 * Turns the `fetchSizeOf(limit)` rows of a keyset query into a page: at most `limit` items, and
 * a cursor after the last one when a further row showed that more follow.
 */
export function pageOfRows<Row, Item>(
  rows: Row[],
  limit: number,
  cursor: { kind: string; positionOf: (row: Row) => readonly CursorValue[] },
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    items: kept.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursor.kind, cursor.positionOf(last)) : null,
  };
}
