/**
 * The paths the API answers; every other path belongs to the browser console. One rule, used
 * for the security headers and for the console's fallback to its page.
 */
const apiExactPaths = new Set(["/v1", "/openapi.json", "/healthz", "/readyz"]);

export function isApiPath(path: string): boolean {
  return apiExactPaths.has(path) || path.startsWith("/v1/");
}
