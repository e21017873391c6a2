import { deleteSession, retrySession, type ConfideDeps } from "@confide/core";
import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { optionalExpectedVersion } from "../transfer/entity-tag.ts";
import { versionedJson } from "../transfer/versioned-json.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { IdParamsSchema, ifMatchHeaders, sessionResponse } from "./session-route-schemas.ts";

/** `POST /v1/sessions/{id}/retry` and `DELETE /{id}`: processing a failed or stuck session again, and erasing one. */
export function createSessionLifecycleRoutes(options: { deps: ConfideDeps }) {
  const { deps } = options;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/retry",
      operationId: "retrySession",
      tags: ["sessions"],
      summary: "Process a failed session again, or resume one stuck in processing past its lease",
      security: [{ bearer: [] }],
      request: { params: IdParamsSchema, headers: ifMatchHeaders(false) },
      responses: {
        200: sessionResponse("The session: queued again after a retryable failure, or taken over in its processing status when it was stuck."),
        ...problemResponses(400, 401, 403, 404, 409, 412, 502, 503),
      },
    }),
    async (c) => {
      const session = await retrySession(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        ...optionalExpectedVersion(c.req.header("if-match")),
      });
      return versionedJson(c, session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      operationId: "deleteSession",
      tags: ["sessions"],
      summary: "Erase a session: recording, transcript, sentiment and review history",
      description:
        "A session a legal hold covers (on it or on its patient) is not erased: 409 `session.legal_hold`, its `holds` naming each hold (id, scope, when, by whom).",
      security: [{ bearer: [] }],
      request: { params: IdParamsSchema },
      responses: { 204: { description: "Erased." }, ...problemResponses(400, 401, 403, 404, 409, 502, 503) },
    }),
    async (c) => {
      await deleteSession(deps, currentActor(c), { sessionId: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );

  return router;
}
