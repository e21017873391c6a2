import { exportSessionNote, getSessionNote, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { IdSchema } from "../schemas/id-schema.ts";
import { FhirDocumentReferenceSchema, NoteFormatSchema, SessionNoteSchema } from "../schemas/session-note-schema.ts";

const ParamsSchema = z.object({ id: IdSchema });
const QuerySchema = z.object({
  format: NoteFormatSchema.optional().openapi({ description: "The layout, overriding the session's own; the session's `noteFormat` when absent." }),
});

/** The session's notes as a progress note, and its export as FHIR (bearer auth is the caller's). */
export function createSessionNoteRoutes(options: { deps: ConfideDeps }) {
  const { deps } = options;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}/note",
      operationId: "getSessionNote",
      tags: ["sessions"],
      summary: "The notes as a progress note (SOAP, DAP, BIRP)",
      description:
        "The session's checked notes laid out in a format, each sentence with its evidence and whether it held, sections nothing supports marked not assessed, the risk screen's result in the assessment (BIRP: the response); and the whole note as plain text. The session's therapist only. 409 `session.invalid_state` while there are no notes.",
      security: [{ bearer: [] }],
      request: { params: ParamsSchema, query: QuerySchema },
      responses: {
        200: { description: "The note.", content: { "application/json": { schema: SessionNoteSchema } } },
        ...problemResponses(400, 401, 403, 404, 409, 503),
      },
    }),
    async (c) => {
      const { format } = c.req.valid("query");
      const note = await getSessionNote(deps, currentActor(c), { sessionId: c.req.valid("param").id, ...(format === undefined ? {} : { format }) });
      return c.json(note, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}/note/fhir",
      operationId: "exportSessionNoteFhir",
      tags: ["sessions"],
      summary: "A finalised note as a FHIR R4 DocumentReference",
      description:
        "For the clinic's record system: the signed note as plain text in a DocumentReference, in the session's note format unless `format` names another. Only a finalised session (409 `session.invalid_state` otherwise). Audited as `session.note.export`.",
      security: [{ bearer: [] }],
      request: { params: ParamsSchema, query: QuerySchema },
      responses: {
        200: { description: "The DocumentReference.", content: { "application/fhir+json": { schema: FhirDocumentReferenceSchema } } },
        ...problemResponses(400, 401, 403, 404, 409, 503),
      },
    }),
    async (c) => {
      const { format } = c.req.valid("query");
      const document = await exportSessionNote(deps, currentActor(c), { sessionId: c.req.valid("param").id, ...(format === undefined ? {} : { format }) });
      return c.json(document, 200, { "content-type": "application/fhir+json; charset=utf-8" });
    },
  );

  return router;
}
