import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import { entityTag } from "./entity-tag.ts";
import { therapistSessionBody } from "./therapist-session-body.ts";

/**
 * Answers a versioned resource (a session) as JSON, with its version as the `ETag` a later
 * `If-Match` sends back; a therapist's session with its `patientSummaryPreview`.
 */
export function versionedJson<T extends { version: number }, S extends ContentfulStatusCode>(
  c: Context,
  body: T,
  status: S,
): Response & TypedResponse<JSONParsed<T>, S, "json"> {
  c.header("ETag", entityTag(body.version));
  return c.json(therapistSessionBody(body), status);
}
