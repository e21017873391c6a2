/**
 * Codes only the HTTP host produces: conditions of the HTTP exchange itself that no use case
 * sees. They share the problem+json shape and the status table with core's codes.
 */
export const hostErrorCodes = [
  /** No route matches the method and path. */
  "route.not_found",
  /** The path exists but not with this method; `Allow` lists the methods it takes. */
  "request.method_not_allowed",
  /** A JSON request body over the host's JSON body limit. */
  "request.too_large",
  /** A body in a media type the route does not take. */
  "request.unsupported_media_type",
  /** The user already holds as many open event streams as one API process allows. */
  "events.too_many_streams",
  /** A request that uses the refresh cookie without the proof that this origin's page sent it (see csrf-check.ts). */
  "auth.csrf_rejected",
] as const;

export type HostErrorCode = (typeof hostErrorCodes)[number];
