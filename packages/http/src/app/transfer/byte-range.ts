/** What a `Range` request header asks for, as far as a single-range server cares. */
export type RangeRequest =
  /** No header, another unit, a syntax error or several ranges: answer the whole body. */
  | { kind: "whole" }
  /** `bytes=start-` or `bytes=start-end` (end inclusive). */
  | { kind: "from"; start: number; end?: number }
  /** `bytes=-length`: the last `length` bytes. */
  | { kind: "suffix"; length: number };

const single = /^bytes=[ \t]*(\d{0,15})-(\d{0,15})[ \t]*$/i;

/**
 * Parses `Range` (RFC 9110 §14.2). A server may ignore the header, so anything it cannot serve
 * as one range (multiple ranges, other units, malformed) is a whole-body request.
 */
export function parseRange(header: string | undefined): RangeRequest {
  if (header === undefined) return { kind: "whole" };
  const match = single.exec(header.trim());
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };
  if (first === "") return { kind: "suffix", length: Number(last) };
  const start = Number(first);
  if (last === "") return { kind: "from", start };
  const end = Number(last);
  if (end < start) return { kind: "whole" };
  return { kind: "from", start, end };
}
