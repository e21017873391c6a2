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

  it("continues after the last item of a longer page", () => {
    const cursor = { kind: "numbers", positionOf: (row: number) => [row] };
    const page = pageOfRows([1, 2, 3, 4, 5], 4, cursor, (row) => row);
    expect(page.items).toEqual([1, 2, 3, 4]);
    expect(decodeCursor("numbers", page.nextCursor ?? "", ["number"])).toEqual([4]);
    // No item, no position to continue from.
    expect(pageOfRows([1], 0, cursor, (row) => row)).toEqual({ items: [], nextCursor: null });
  });

  it("says in words what is wrong with a cursor or a limit", () => {
    expect(() => decodeCursor("numbers", "%%%", ["number"])).toThrow(
      expect.objectContaining({ message: "The page cursor is not valid.", details: { field: "cursor" } }),
    );
    expect(() => fetchSizeOf(0)).toThrow(
      expect.objectContaining({ message: "The page limit must be an integer from 1 to 100.", details: { field: "limit" } }),
    );
  });

  it("refuses a cursor with characters base64url does not use anywhere in it, though a lenient decoder would skip them", () => {
    const cursor = encodeCursor("numbers", [7]);
    expect(decodeCursor("numbers", cursor, ["number"])).toEqual([7]);
    for (const tampered of [`${cursor}!`, `!${cursor}`, `${cursor}=`, `${cursor.slice(0, 3)} ${cursor.slice(3)}`]) {
      expect(() => decodeCursor("numbers", tampered, ["number"])).toThrow(invalidCursor);
    }
  });

  it("keeps why a cursor that is not JSON failed", () => {
    let caught: unknown;
    try {
      decodeCursor("sessions", "bm90IGpzb24", ["date", "string"]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "validation.invalid_input", message: "The page cursor is not valid.", details: { field: "cursor" } });
    expect((caught as { cause?: unknown }).cause).toBeInstanceOf(SyntaxError);
  });

  it("refuses a number where text is expected", () => {
    expect(() => decodeCursor("numbers", encodeCursor("numbers", [5]), ["string"])).toThrow(invalidCursor);
  });

  it.each(["2026-03-02T09:30:00Z", "2026-03-02T09:30:00.123456789Z", "2026-03-02T09:30:00.000+02:00", "2026-03-02T09:30:00-05:30"])(
    "takes the stored timestamp %j, with or without fractions and with an offset",
    (date) => {
      expect(decodeCursor("sessions", encodeCursor("sessions", [date, "s"]), ["date", "string"])).toEqual([date, "s"]);
    },
  );

  it.each(["2026-03-02T09:30:00.000+2:00", "2026-03-02T09:30:00.000+0200", "2026-03-02T09:30:00.Z", "2026-03-02T09:30:00.0000000000Z"])(
    "refuses the timestamp %j, not written as stored",
    (date) => {
      expect(() => decodeCursor("sessions", encodeCursor("sessions", [date, "s"]), ["date", "string"])).toThrow(invalidCursor);
    },
  );
});
