/** What a `Range` request header asks for, as far as a single-range server cares. */
export type RangeRequest =
  /** No header, another unit, a syntax error or several ranges: answer the whole body. */
  | { kind: "whole" }
  /** `bytes=start-` or `bytes=start-end` (end inclusive). */
  | { kind: "from"; start: number; end?: number }
  /** `bytes=-length`: the last `length` bytes. */
  | { kind: "suffix"; length: number };

const single = /^bytes=[ \t]*(\d*)-(\d*)[ \t]*$/i;

/**
 * A byte position as a safe integer. No stored object reaches 2^53 bytes, so a larger position
 * means the same as `Number.MAX_SAFE_INTEGER` for every object: past its end. Read with BigInt,
 * so a position of any length is compared exactly, never rounded.
 */
function position(digits: string): number {
  const value = BigInt(digits);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/**
 * Parses `Range` (RFC 9110 §14.2). A server may ignore the header, so anything it cannot serve
 * as one range (multiple ranges, other units, malformed) is a whole-body request. Positions of
 * any length are read exactly: a start past the end of the object is the store's 416, however
 * many digits it has.
 */
export function parseRange(header: string | undefined): RangeRequest {
  if (header === undefined) return { kind: "whole" };
  const match = single.exec(header.trim());
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };
  if (first === "") return { kind: "suffix", length: position(last) };
  const start = position(first);
  if (last === "") return { kind: "from", start };
  if (BigInt(last) < BigInt(first)) return { kind: "whole" };
  return { kind: "from", start, end: position(last) };
}
