import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, fetchSizeOf, pageOfRows } from "./page-cursor.ts";

const invalidCursor = expect.objectContaining({ code: "validation.invalid_input", details: { field: "cursor" } });

describe("page cursor", () => {
  it("decodes what it encoded, for the same kind and value types", () => {
    const cursor = encodeCursor("sessions", ["2026-03-02T09:30:00.000Z", "session-1"]);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor("sessions", cursor, ["date", "string"])).toEqual(["2026-03-02T09:30:00.000Z", "session-1"]);
    expect(decodeCursor("audit", encodeCursor("audit", [42, "e-1"]), ["number", "string"])).toEqual([42, "e-1"]);
  });

  it("refuses a cursor of another listing, of other value types, or not made by encodeCursor", () => {
    const cursor = encodeCursor("sessions", ["2026-03-02T09:30:00.000Z", "session-1"]);

    expect(() => decodeCursor("users", cursor, ["date", "string"])).toThrow(invalidCursor);
    expect(() => decodeCursor("sessions", cursor, ["number", "string"])).toThrow(invalidCursor);
    expect(() => decodeCursor("sessions", cursor, ["date"])).toThrow(invalidCursor);
    expect(() => decodeCursor("sessions", "not a cursor!", ["date", "string"])).toThrow(invalidCursor);
    expect(() => decodeCursor("sessions", "bm90IGpzb24", ["date", "string"])).toThrow(invalidCursor);
    expect(() => decodeCursor("sessions", encodeCursor("sessions", ["x", "a\u0000b"]), ["string", "string"])).toThrow(
      invalidCursor,
    );
  });

  it.each(["+270000-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "2026-03-02", "yesterday"])(
    "refuses the date %j, which no store can hold",
    (date) => {
      expect(() => decodeCursor("sessions", encodeCursor("sessions", [date, "s"]), ["date", "string"])).toThrow(invalidCursor);
    },
  );

  it("fetches one row more than the limit, from 1 to 100", () => {
    expect(fetchSizeOf(1)).toBe(2);
    expect(fetchSizeOf(100)).toBe(101);
    for (const limit of [0, 101, 1.5, Number.NaN]) {
      expect(() => fetchSizeOf(limit)).toThrow(expect.objectContaining({ code: "validation.invalid_input" }));
    }
  });

  it("makes a page with a next cursor only when a further row shows more follow", () => {
    const cursor = { kind: "numbers", positionOf: (row: number) => [row] };

    const full = pageOfRows([1, 2, 3], 2, cursor, (row) => row * 10);
    expect(full.items).toEqual([10, 20]);
    expect(decodeCursor("numbers", full.nextCursor ?? "", ["number"])).toEqual([2]);
    expect(pageOfRows([1, 2], 2, cursor, (row) => row)).toEqual({ items: [1, 2], nextCursor: null });
  });
});
