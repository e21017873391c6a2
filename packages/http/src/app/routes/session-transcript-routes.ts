import { editTranscript, relabelSpeakers, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { versionFromIfMatch } from "../transfer/entity-tag.ts";
import { versionedJson } from "../transfer/versioned-json.ts";
import { IdSchema } from "../schemas/id-schema.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { IdParamsSchema, ifMatchHeaders, json, sessionResponse } from "./session-route-schemas.ts";

/** `PATCH /v1/sessions/{id}/transcript` and `PUT /{id}/speakers`: the therapist's corrections of the transcript. */
export function createSessionTranscriptRoutes(options: { deps: ConfideDeps }) {
  const { deps } = options;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{id}/transcript",
      operationId: "editTranscript",
      tags: ["sessions"],
      summary: "Correct transcript segments",
      description: "Only while the session is ready (pending review). Sentiment of edited patient segments is measured again.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: ifMatchHeaders(true),
        body: json(
          z.object({
            edits: z.array(z.object({ segmentId: IdSchema, text: z.string().max(10_000) })).min(1).max(1000),
          }),
        ),
      },
      responses: {
        200: sessionResponse("The edited session."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 428, 502, 503),
      },
    }),
    async (c) => {
      const session = await editTranscript(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        expectedVersion: versionFromIfMatch(c.req.header("if-match")),
        edits: c.req.valid("json").edits,
      });
      return versionedJson(c, session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/{id}/speakers",
      operationId: "relabelSpeakers",
      tags: ["sessions"],
      summary: "Set the roles of the speakers, and the speaker of single segments",
      description:
        "Speakers not listed keep their role; segments not listed keep their speaker (give a segment to another of the transcript's speakers when the diarizer got its turn wrong). At least one speaker or one segment. Sentiment is measured again for the patient's segments.",
      security: [{ bearer: [] }],
      request: {
        params: IdParamsSchema,
        headers: ifMatchHeaders(true),
        body: json(
          z.object({
            speakers: z
              .array(z.object({ label: z.string().min(1).max(100), role: z.enum(["therapist", "patient", "unknown"]) }))
              .max(100)
              .optional(),
            segments: z
              .array(z.object({ id: z.string().min(1).max(100), speaker: z.string().min(1).max(100) }))
              .max(10_000)
              .optional(),
          }),
        ),
      },
      responses: {
        200: sessionResponse("The relabelled session."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 428, 502, 503),
      },
    }),
    async (c) => {
      const session = await relabelSpeakers(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        expectedVersion: versionFromIfMatch(c.req.header("if-match")),
        speakers: c.req.valid("json").speakers ?? [],
        segments: c.req.valid("json").segments ?? [],
      });
      return versionedJson(c, session, 200);
    },
  );

  return router;
}
