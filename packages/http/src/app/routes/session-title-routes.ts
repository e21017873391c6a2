import { shareSessionTitle, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import { currentActor } from "../auth/current-actor.ts";
import { createRouter } from "../create-router.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { optionalExpectedVersion } from "../transfer/entity-tag.ts";
import { versionedJson } from "../transfer/versioned-json.ts";
import { IdParamsSchema, ifMatchHeaders, json, sessionResponse } from "./session-route-schemas.ts";

const TitleSharingSchema = z
  .object({
    titleShared: z.boolean().openapi({ description: "True shows the session's title to the patient; false gives them a neutral one (\"Session of <date>\")." }),
  })
  .strict()
  .openapi("TitleSharing");

/** Whether the patient reads the session's title: the therapist's choice, changeable at any time. */
export function createSessionTitleRoutes(options: { deps: ConfideDeps }) {
  const { deps } = options;
  const router = createRouter();

  router.openapi(
    createRoute({
      method: "put",
      path: "/{id}/title-sharing",
      operationId: "setSessionTitleSharing",
      tags: ["sessions"],
      summary: "Show or hide the session's title to its patient",
      description:
        "The session's therapist only, in any status. Sets `titleShared`: the patient's view and listing show the title only when true, else \"Session of <date recorded>\", and the patient's search matches the title only when shown. Nothing is written when it is already so. If-Match optional, checked when sent.",
      security: [{ bearer: [] }],
      request: { params: IdParamsSchema, headers: ifMatchHeaders(false), body: json(TitleSharingSchema) },
      responses: {
        200: sessionResponse("The session with the choice recorded."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 503),
      },
    }),
    async (c) => {
      const session = await shareSessionTitle(deps, currentActor(c), {
        sessionId: c.req.valid("param").id,
        titleShared: c.req.valid("json").titleShared,
        ...optionalExpectedVersion(c.req.header("if-match")),
      });
      return versionedJson(c, session, 200);
    },
  );

  return router;
}
