import { ConfideError } from "../errors.ts";
import type { ByteRange } from "./blob-store.ts";

/**
 * Checks a range a BlobStore is asked for, before any storage is touched. Whether it starts past
 * the end of the object is the store's to say, once it knows the size.
 * @throws ConfideError `validation.invalid_input` for a negative or fractional start,
 * `blob.range_not_satisfiable` for an end before the start.
 */
export function checkByteRange(range: ByteRange): void {
  if (!Number.isInteger(range.start) || range.start < 0) {
    throw new ConfideError("validation.invalid_input", "A range starts at a non-negative whole byte.", {
      details: { field: "range" },
    });
  }
  if (range.end !== undefined && (!Number.isInteger(range.end) || range.end < range.start)) {
    throw new ConfideError("blob.range_not_satisfiable", "The range ends before it starts.", {
      details: { start: range.start, end: range.end },
    });
  }
}
