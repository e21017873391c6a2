import { searchPatients, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { AccessTokens } from "../auth/access-token.ts";
import { addPatientConsentRoutes } from "./consent-routes.ts";
import { createBearerRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { PageQuerySchema, listingRequest, pageOf } from "../schemas/page-schema.ts";
import { problemResponses } from "../schemas/problem-schema.ts";
import { UserSchema } from "../schemas/user-schema.ts";

export interface PatientRoutesOptions {
  deps: ConfideDeps;
  tokens: AccessTokens;
}

export function createPatientRoutes(options: PatientRoutesOptions) {
  const { deps } = options;
  const router = createBearerRouter(options.tokens);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "searchPatients",
      tags: ["patients"],
      summary: "Search the therapist's own patients",
      security: [{ bearer: [] }],
      request: {
        query: PageQuerySchema.extend({
          q: z.string().max(200).optional().openapi({ description: "Part of the display name or email." }),
        }),
      },
      responses: {
        200: { description: "A page of patients.", content: { "application/json": { schema: pageOf(UserSchema) } } },
        ...problemResponses(400, 401, 403, 503),
      },
    }),
    async (c) => {
      const page = await searchPatients(deps, currentActor(c), listingRequest(c.req.valid("query")));
      return c.json(page, 200);
    },
  );

  addPatientConsentRoutes(router, deps);

  return router;
}
