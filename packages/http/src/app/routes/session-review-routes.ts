import { editNotes, finalizeSession, regenerateNotes, type ConfideDeps } from "@confide/core";
import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { optionalExpectedVersion, versionFromIfMatch } from "../transfer/entity-tag.ts";
import { versionedJson } from "../transfer/versioned-json.ts";
import { FinalizeSchema, NotesEditSchema } from "../schemas/notes-schema.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { RegenerateNotesSchema } from "../schemas/session-note-schema.ts";
import { addRiskAcknowledgementRoutes } from "./risk-acknowledgement-routes.ts";
import { IdParamsSchema, ifMatchHeaders, json, sessionResponse } from "./session-route-schemas.ts";

/** The therapist's review of a ready session: their own notes, notes written again, risk flags acknowledged, and the sign-off (`finalize`). */
export function createSessionReviewRoutes(options: { deps: ConfideDeps }) {
  const { deps } = options;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "put",
      path: "/{id}/notes",
      operationId: "editNotes",
      tags: ["sessions"],
      summary: "Write the therapist's own notes and the patient's summary",
      description:
        "Only while the session is ready and has notes; finalize locks them. Kept apart from the written notes (`notes.review`): a regeneration keeps them. Fields absent stay as they are; null clears one.",
      security: [{ bearer: [] }],
      request: { params: IdParamsSchema, headers: ifMatchHeaders(true), body: json(NotesEditSchema) },
      responses: {
        200: sessionResponse("The session with the edited notes."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 428, 503),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const session = await editNotes(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        expectedVersion: versionFromIfMatch(c.req.header("if-match")),
        ...(body.therapistNotes === undefined ? {} : { therapistNotes: body.therapistNotes }),
        ...(body.patientSummary === undefined ? {} : { patientSummary: body.patientSummary }),
      });
      return versionedJson(c, session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/notes:regenerate",
      operationId: "regenerateNotes",
      tags: ["sessions"],
      summary: "Write the clinical notes again from the transcript as it is now",
      description:
        "Only while the session is ready (after edits or relabels have made the notes stale). The therapist's own words on the notes are kept. An optional JSON body `{noteFormat}` changes the session's note format and writes the notes for it (400 `validation.invalid_input` for an unknown one, nothing written). If-Match optional, checked when sent.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: ifMatchHeaders(false),
        body: { required: false, content: { "application/json": { schema: RegenerateNotesSchema } } },
      },
      responses: {
        200: sessionResponse("The session with fresh notes."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 502, 503),
      },
    }),
    async (c) => {
      const { noteFormat } = c.req.valid("json");
      const session = await regenerateNotes(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        ...optionalExpectedVersion(c.req.header("if-match")),
        ...(noteFormat === undefined ? {} : { noteFormat }),
      });
      return versionedJson(c, session, 200);
    },
  );

  addRiskAcknowledgementRoutes(router, deps);

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/finalize",
      operationId: "finalizeSession",
      tags: ["sessions"],
      summary: "Sign off: the session becomes read-only and visible to the patient, with the summary only if released",
      description:
        "The therapist's sign-off: records `review.finalizedBy` and `review.finalizedAt` (the note's attestation). Refused with 409 `session.risk_unacknowledged` (`flagIds`) while a current risk flag is not acknowledged. The body is optional: without it, or without `releaseSummaryToPatient: true`, the patient sees the finalized session with no summary. If-Match optional, checked when sent.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: ifMatchHeaders(false),
        body: { required: false, content: { "application/json": { schema: FinalizeSchema } } },
      },
      responses: {
        200: sessionResponse("The finalized session."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 502, 503),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const session = await finalizeSession(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        ...optionalExpectedVersion(c.req.header("if-match")),
        releaseSummaryToPatient: body.releaseSummaryToPatient === true,
      });
      return versionedJson(c, session, 200);
    },
  );

  return router;
}
