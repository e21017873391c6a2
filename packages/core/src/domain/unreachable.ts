/**
 * Node's socket and DNS codes, and undici's (fetch), of a peer that could not be reached or
 * dropped the connection: no complete answer came, and a later attempt may get one. The one list
 * every adapter's error map reads.
 */
export const unreachableCodes: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** How deep `causeChain` follows `cause` (chains can loop). */
const deepestCause = 8;

/** @returns `error` and its causes (`error.cause`, …), outermost first, at most 8. */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < deepestCause; ) {
    chain.push(current);
    current = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

/**
 * @returns the first `code` along `error`'s cause chain that is in `unreachableCodes` (e.g.
 * `ECONNREFUSED` under fetch's `TypeError: fetch failed`), or undefined when there is none.
 */
export function unreachableCode(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = typeof link === "object" ? (link as { code?: unknown }).code : undefined;
    if (typeof code === "string" && unreachableCodes.has(code)) return code;
  }
  return undefined;
}
