import { acknowledgeRiskFlag, undoRiskAcknowledgement, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { createRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { optionalExpectedVersion } from "../transfer/entity-tag.ts";
import { versionedJson } from "../transfer/versioned-json.ts";
import { IdSchema } from "../schemas/id-schema.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { AcknowledgeRiskFlagSchema } from "../schemas/risk-screen-schema.ts";
import { ifMatchHeaders, json, sessionResponse } from "./session-route-schemas.ts";

const RiskFlagParamsSchema = z.object({
  id: IdSchema,
  flagId: z
    .string()
    .regex(/^risk-[0-9a-z-]{1,40}$/)
    .openapi({ description: "The flag's `id` in the session's `risk.flags`.", example: "risk-3f9c2a1b7e0d" }),
});

/** A risk flag acknowledged, saying what was done (POST), and taken back within a few minutes (DELETE), on the sessions router. */
export function addRiskAcknowledgementRoutes(router: ReturnType<typeof createRouter>, deps: ConfideDeps): void {
  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/risk-flags/{flagId}/acknowledgement",
      operationId: "acknowledgeRiskFlag",
      tags: ["sessions"],
      summary: "Acknowledge one risk flag, saying what was done about it",
      description:
        "Records `acknowledgement: {by, at, action, note?, alert}` on the flag and in the audit trail (the action; the note stays on the flag). The body says what was done: `action` one of `discussed`, `safety_plan`, `not_a_concern`, `other`; `note` (at most 500 characters) required with `other` — 400 `validation.invalid_input` otherwise, nothing written. Idempotent: a flag already acknowledged keeps its first acknowledgement (200, nothing written). The same therapist can take it back within 5 minutes (DELETE). Only while the session is ready: 409 `session.invalid_state` once finalized; 404 `session.risk_flag_not_found` for a flag the session does not have. Every current flag must be acknowledged before finalize. If-Match optional, checked when sent.",
      security: [{ bearer: [] }],
      request: { params: RiskFlagParamsSchema, headers: ifMatchHeaders(false), body: json(AcknowledgeRiskFlagSchema) },
      responses: {
        200: sessionResponse("The session with the flag acknowledged."),
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 412, 503),
      },
    }),
    async (c) => {
      const params = c.req.valid("param");
      const body = c.req.valid("json");
      const session = await acknowledgeRiskFlag(deps, currentActor(c), {
        sessionId: params.id,
        flagId: params.flagId,
        action: body.action,
        ...(body.note === undefined ? {} : { note: body.note }),
        ...optionalExpectedVersion(c.req.header("if-match")),
      });
      return versionedJson(c, session, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}/risk-flags/{flagId}/acknowledgement",
      operationId: "undoRiskAcknowledgement",
      tags: ["sessions"],
      summary: "Take back an acknowledgement within 5 minutes",
      description:
        "The flag waits for acknowledgement again. Only the therapist who acknowledged it, within 5 minutes of it, while the session is ready; otherwise 409 `session.risk_acknowledgement_final` (`details.reason`: `not_acknowledged`, `not_yours`, `too_late`) or 409 `session.invalid_state`. Audited. If-Match optional, checked when sent.",
      security: [{ bearer: [] }],
      request: { params: RiskFlagParamsSchema, headers: ifMatchHeaders(false) },
      responses: {
        200: sessionResponse("The session with the acknowledgement taken back."),
        ...problemResponses(400, 401, 403, 404, 409, 412, 503),
      },
    }),
    async (c) => {
      const params = c.req.valid("param");
      const session = await undoRiskAcknowledgement(deps, currentActor(c), {
        sessionId: params.id,
        flagId: params.flagId,
        ...optionalExpectedVersion(c.req.header("if-match")),
      });
      return versionedJson(c, session, 200);
    },
  );
}
