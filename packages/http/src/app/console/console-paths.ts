/**
 * The paths the API answers; every other path may belong to the browser console. One rule, used
 * for the security headers, the request metrics and the console's fallback to its page.
 */
const apiExactPaths = new Set(["/v1", "/openapi.json", "/healthz", "/readyz"]);

/**
 * A request path as the URL standard resolves it, with runs of slashes folded into one and no
 * trailing slash: `//v1//sessions/`, `/v1/./sessions` and `/x/../v1/sessions` are all
 * `/v1/sessions`. Only for deciding whose path it is; the router still sees the path as sent.
 */
export function canonicalPath(path: string): string {
  const resolved = new URL(path.replace(/\/{2,}/g, "/"), "http://confide.invalid").pathname;
  return resolved.length > 1 && resolved.endsWith("/") ? resolved.slice(0, -1) : resolved;
}

/** True for every way of writing an API path (see `canonicalPath`). */
export function isApiPath(path: string): boolean {
  const canonical = canonicalPath(path);
  return apiExactPaths.has(canonical) || canonical.startsWith("/v1/");
}

/**
 * True when `path`, exactly as sent, is the address of a console screen: one of `patterns`
 * (`/sessions/:id`, where `:name` is one non-empty segment). A path written another way
 * (`//sessions`, a trailing slash, dot segments) is not: the API's 404 answers it.
 */
export function isScreenPath(path: string, patterns: readonly string[]): boolean {
  if (canonicalPath(path) !== path) return false;
  const parts = path.split("/").slice(1);
  return patterns.some((pattern) => {
    const patternParts = pattern.split("/").slice(1);
    return patternParts.length === parts.length && patternParts.every((part, index) => (part.startsWith(":") ? parts[index] !== "" : part === parts[index]));
  });
}
