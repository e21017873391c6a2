import { z } from "@hono/zod-openapi";
import { problemContentType } from "../errors/problem-response.ts";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:confide:problem:session.not_found" }),
    title: z.string().openapi({ example: "Not Found" }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: "No such session." }),
    code: z.string().openapi({ description: "Stable error code; switch on this.", example: "session.not_found" }),
    instance: z.string().openapi({ example: "/v1/sessions/abc" }),
    requestId: z.string(),
    errors: z
      .array(z.object({ in: z.string(), field: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .openapi({ description: "Field issues of a `validation.invalid_input` problem." }),
  })
  .catchall(z.unknown())
  .openapi("Problem", { description: "RFC 9457 problem details with a stable `code`." });

const descriptions: Record<number, string> = {
  400: "Invalid input (`validation.invalid_input`, with field issues in `errors`), or a JSON body that is not valid UTF-8 (`validation.invalid_encoding`).",
  401: "Missing, invalid or expired credentials.",
  403: "The actor's role may not do this.",
  404: "No such resource, or not visible to the actor.",
  405: "The path does not take this method (`request.method_not_allowed`); `Allow` lists the methods it takes.",
  409: "The resource is in a state that does not allow this (e.g. `session.legal_hold`: a legal hold covers it).",
  410: "Gone for good (`audio.deleted`: the retention policy deleted the recording).",
  412: "If-Match names a version that is no longer current (`session.version_conflict`).",
  413: "The body is too large.",
  415: "The body's media type or content is not accepted.",
  416: "The range starts past the end of the recording.",
  428: "If-Match is required (`session.version_required`).",
  429: "Too many requests; see Retry-After.",
  460: "The body does not match its Upload-Checksum (`upload.checksum_mismatch`, tus checksum extension): its bytes were dropped.",
  502: "A provider (storage, speech, language analysis) failed or refused; `retryable` says whether trying again may help.",
  503: "A dependency (database, queue, speech engine) is unavailable; see Retry-After when given.",
};

// A type alias, not an interface: only aliases are assignable to the OpenAPI types' index signatures.
type HeaderObject = {
  description: string;
  required?: boolean;
  schema: { type: "string" | "integer" };
};

/** Headers that come with a problem of a status. */
const headers: Record<number, Record<string, HeaderObject>> = {
  405: { Allow: { description: "The methods the path takes, e.g. `GET, HEAD, DELETE`.", required: true, schema: { type: "string" } } },
  429: { "Retry-After": { description: "Seconds to wait before trying again.", required: true, schema: { type: "integer" } } },
  503: { "Retry-After": { description: "Seconds to wait before trying again, when known.", schema: { type: "integer" } } },
};

interface ProblemResponse {
  description: string;
  headers?: Record<string, HeaderObject>;
  content: { [problemContentType]: { schema: typeof ProblemSchema } };
}

/** Problem responses for `createRoute({ responses })`. */
export function problemResponses<const S extends number>(...statuses: S[]) {
  const responses = {} as Record<S, ProblemResponse>;
  for (const status of statuses) {
    responses[status] = {
      description: descriptions[status] ?? "Error.",
      ...(headers[status] ? { headers: headers[status] } : {}),
      content: { [problemContentType]: { schema: ProblemSchema } },
    };
  }
  return responses;
}

/**
 * Statuses of a route that takes a JSON body: 400 invalid, 413 over the JSON body limit, 415
 * not declared as JSON.
 */
export const jsonBodyStatuses = [400, 413, 415] as const;
