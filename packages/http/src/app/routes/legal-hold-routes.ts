import { listLegalHolds, releaseLegalHold, setLegalHold, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { AccessTokens } from "../auth/access-token.ts";
import { currentActor } from "../auth/current-actor.ts";
import { createRouter } from "../create-router.ts";
import { bearerAuth } from "../middleware/bearer-auth.ts";
import { LegalHoldSchema } from "../schemas/legal-hold-schema.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";

export interface LegalHoldRoutesOptions {
  deps: ConfideDeps;
  tokens: AccessTokens;
}

const IdSchema = z.string().min(1).max(200);

const who =
  "An administrator (the compliance role) may hold and release anything; a therapist may hold their own sessions and the patients in their care, and release only the holds they set. Patients may not. A hold reveals no clinical content.";

/** Legal holds: set on a session or a patient, listed per patient, released. */
export function createLegalHoldRoutes(options: LegalHoldRoutesOptions) {
  const { deps } = options;
  const router = createRouter();
  router.use("*", bearerAuth({ tokens: options.tokens }));

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "setLegalHold",
      tags: ["legal holds"],
      summary: "Put a legal hold on a session or on a patient",
      description: `Until released, nothing it covers is deleted: the retention sweep skips it, a therapist's delete and a patient's erasure answer 409 \`session.legal_hold\`. Name exactly one of sessionId and patientId (all the patient's sessions, those recorded later too). Audited. ${who}`,
      security: [{ bearer: [] }],
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                sessionId: IdSchema.optional(),
                patientId: IdSchema.optional(),
                reason: z.string().min(1).max(500).openapi({ description: "Why: a case or request reference. Not clinical content." }),
              }),
            },
          },
        },
      },
      responses: {
        201: { description: "The hold.", content: { "application/json": { schema: LegalHoldSchema } } },
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 503),
      },
    }),
    async (c) => c.json(await setLegalHold(deps, currentActor(c), c.req.valid("json")), 201),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listLegalHolds",
      tags: ["legal holds"],
      summary: "The legal holds on a patient and their sessions",
      description: `Newest first; released ones too unless active=true. ${who}`,
      security: [{ bearer: [] }],
      request: {
        query: z.object({
          patientId: IdSchema,
          active: z.enum(["true", "false"]).optional().openapi({ description: "true: only holds not released." }),
        }),
      },
      responses: {
        200: { description: "The holds.", content: { "application/json": { schema: z.object({ items: z.array(LegalHoldSchema) }) } } },
        ...problemResponses(400, 401, 403, 404, 503),
      },
    }),
    async (c) => {
      const { patientId, active } = c.req.valid("query");
      return c.json({ items: await listLegalHolds(deps, currentActor(c), { patientId, activeOnly: active === "true" }) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/release",
      operationId: "releaseLegalHold",
      tags: ["legal holds"],
      summary: "Release a legal hold",
      description: `What it covered may be deleted again (the next retention sweep deletes what is due). Releasing a released hold changes nothing. Audited. ${who}`,
      security: [{ bearer: [] }],
      request: { params: z.object({ id: IdSchema }) },
      responses: {
        200: { description: "The released hold.", content: { "application/json": { schema: LegalHoldSchema } } },
        ...problemResponses(400, 401, 403, 404, 503),
      },
    }),
    async (c) => c.json(await releaseLegalHold(deps, currentActor(c), { holdId: c.req.valid("param").id }), 200),
  );

  return router;
}
