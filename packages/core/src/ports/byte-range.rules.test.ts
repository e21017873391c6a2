import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfideError } from "../errors.ts";
import { checkByteRange } from "./byte-range.ts";

function refusal(range: { start: number; end?: number }): ConfideError | undefined {
  try {
    checkByteRange(range);
    return undefined;
  } catch (error) {
    if (!ConfideError.is(error)) throw error;
    return error;
  }
}

describe("a byte range asked of a blob store", () => {
  it("starts at a non-negative whole byte", () => {
    for (const start of [-1, 0.5, Number.NaN, -0.5]) {
      expect(refusal({ start })).toMatchObject({ code: "validation.invalid_input", message: "A range starts at a non-negative whole byte.", details: { field: "range" } });
    }
  });

  it("ends at or after its start, on a whole byte; an open end is fine (property)", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: -1000, max: 1000 }), (start, length) => {
        const end = start + length;
        const error = refusal({ start, end });
        if (length >= 0) expect(error).toBeUndefined();
        else expect(error).toMatchObject({ code: "blob.range_not_satisfiable", message: "The range ends before it starts.", details: { start, end } });
        expect(refusal({ start })).toBeUndefined();
      }),
    );
    expect(refusal({ start: 5, end: 5 })).toBeUndefined();
    expect(refusal({ start: 5, end: 4 })).toMatchObject({ code: "blob.range_not_satisfiable" });
    expect(refusal({ start: 0, end: 1.5 })).toMatchObject({ code: "blob.range_not_satisfiable", details: { start: 0, end: 1.5 } });
  });
});
