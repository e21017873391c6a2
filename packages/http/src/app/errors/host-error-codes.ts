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
  /** A request whose headers together pass the server's header limit (answered before any route). */
  "request.header_too_large",
  /** A JSON body whose bytes are not valid UTF-8. */
  "validation.invalid_encoding",
  /** A body in a media type the route does not take. */
  "request.unsupported_media_type",
  /** The user already holds as many open event streams as one API process allows. */
  "events.too_many_streams",
  /** A request that uses the refresh cookie without the proof that this origin's page sent it (see csrf-check.ts). */
  "auth.csrf_rejected",
  /** A resumable upload (`/v1/uploads/{id}`) that does not exist, or is not the caller's. */
  "upload.not_found",
  /** A resumable upload abandoned past its expiry: its bytes were removed. */
  "upload.expired",
  /** A PATCH whose Upload-Offset is not where the upload stands (HEAD says where). */
  "upload.offset_mismatch",
  /** Another request is writing to the same resumable upload. */
  "upload.locked",
  /** A PATCH whose body does not match its Upload-Checksum: its bytes were dropped. */
  "upload.checksum_mismatch",
  /** A tus request whose Tus-Resumable version this server does not speak. */
  "upload.unsupported_version",
] as const;

export type HostErrorCode = (typeof hostErrorCodes)[number];
