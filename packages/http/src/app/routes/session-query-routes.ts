import { getSession, listPendingReview, listSessions, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { entityTag, ifNoneMatchHits } from "../transfer/entity-tag.ts";
import { IdSchema } from "../schemas/id-schema.ts";
import { PageQuerySchema, listingRequest, pageOf } from "../schemas/page-schema.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { SessionStatusSchema, SessionSummarySchema, SessionViewSchema } from "../schemas/session-schema.ts";
import { TimestampInputSchema } from "../schemas/timestamp-input-schema.ts";
import { therapistSessionBody } from "../transfer/therapist-session-body.ts";
import { IdParamsSchema } from "./session-route-schemas.ts";

const ListQuerySchema = PageQuerySchema.extend({
  patientId: IdSchema.optional(),
  status: z
    .string()
    .max(200)
    .transform((text) => text.split(",").map((part) => part.trim()).filter((part) => part !== ""))
    .pipe(z.array(SessionStatusSchema).min(1))
    .optional()
    .openapi({ description: "Comma-separated statuses, e.g. `ready,finalized`.", type: "string" }),
  from: TimestampInputSchema.optional().openapi({ description: "recordedAt ≥ from (ISO 8601).", type: "string", format: "date-time" }),
  to: TimestampInputSchema.optional().openapi({ description: "recordedAt < to (ISO 8601).", type: "string", format: "date-time" }),
  q: z.string().max(500).optional().openapi({
    description:
      "Search: every word must appear in the title or transcript, or in what the caller may read of the clinical notes (a therapist: all of them; a patient: the patient summary of a finalized session).",
  }),
});

/** The answer of both listings. */
const sessionSummaryPage = { description: "A page of session summaries.", content: { "application/json": { schema: pageOf(SessionSummarySchema) } } };

/** `GET /v1/sessions`, `/pending` and `/{id}`: listing, searching and reading sessions (`/pending` before `/{id}`). */
export function createSessionQueryRoutes(options: { deps: ConfideDeps }) {
  const { deps } = options;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listSessions",
      tags: ["sessions"],
      summary: "List or search sessions",
      description:
        "Newest recording first, as summaries (GET /v1/sessions/{id} gives the transcript). A therapist sees their own sessions; a patient their own finalized sessions. With `q` this is a full-text search over titles and transcripts.",
      security: [{ bearer: [] }],
      request: { query: ListQuerySchema },
      responses: {
        200: sessionSummaryPage,
        ...problemResponses(400, 401, 403, 503),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const page = await listSessions(deps, currentActor(c), {
        ...(query.patientId === undefined ? {} : { patientId: query.patientId }),
        ...(query.status === undefined ? {} : { statuses: query.status }),
        ...(query.from === undefined ? {} : { recordedFrom: query.from }),
        ...(query.to === undefined ? {} : { recordedTo: query.to }),
        ...listingRequest(query),
      });
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/pending",
      operationId: "listPendingReview",
      tags: ["sessions"],
      summary: "Sessions waiting for the therapist's review (ready)",
      security: [{ bearer: [] }],
      request: { query: PageQuerySchema },
      responses: {
        200: sessionSummaryPage,
        ...problemResponses(400, 401, 403, 503),
      },
    }),
    async (c) => {
      const page = await listPendingReview(deps, currentActor(c), listingRequest(c.req.valid("query")));
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      operationId: "getSession",
      tags: ["sessions"],
      summary: "One session",
      description: "`ETag` is the session's version; send it in `If-None-Match` to get 304 when nothing changed.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: z.object({ "if-none-match": z.string().max(200).optional() }),
      },
      responses: {
        200: {
          description: "The session (the patient view for a patient).",
          headers: { ETag: { schema: { type: "string" } } },
          content: { "application/json": { schema: SessionViewSchema } },
        },
        304: { description: "Not modified since the version in If-None-Match." },
        ...problemResponses(400, 401, 403, 404, 503),
      },
    }),
    async (c) => {
      const session = await getSession(deps, currentActor(c), { sessionId: c.req.valid("param").id });
      c.header("ETag", entityTag(session.version));
      if (ifNoneMatchHits(c.req.header("if-none-match"), session.version)) return c.body(null, 304);
      return c.json(therapistSessionBody(session), 200);
    },
  );

  return router;
}
