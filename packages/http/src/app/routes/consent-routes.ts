import { getConsent, grantConsent, withdrawConsent, type ConfideDeps, type ConsentNeedsDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import { currentActor } from "../auth/current-actor.ts";
import type { createRouter } from "../create-router.ts";
import {
  ConsentFormSchema,
  ConsentGrantResultSchema,
  ConsentScopeEntrySchema,
  ConsentStatusSchema,
  ConsentWithdrawalResultSchema,
  WithdrawConsentBodySchema,
} from "../schemas/consent-schema.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { IdSchema } from "../schemas/id-schema.ts";

type Router = ReturnType<typeof createRouter>;

const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const PatientParamsSchema = z.object({ patientId: IdSchema });
/** What a grant grants: required, at least one; nothing is assumed when it is left out. */
const scopes = z
  .array(ConsentScopeEntrySchema)
  .min(1)
  .openapi({ description: "What is granted, at least one scope: required (a grant without it is refused with 400 validation.invalid_input; nothing is assumed). Scopes in force and not named stay as they were." });

/**
 * A patient's consent, on the router of `/v1/patients` (behind its bearer auth): a
 * therapist reads and records the consent of a patient linked to them under
 * `/{patientId}/consent`; another therapist's patient answers 404, as an upload for them does.
 * Administrators get 403: consent to therapy processing is clinical content. Every read and write
 * is audited by the use cases.
 */
export function addPatientConsentRoutes(router: Router, deps: ConfideDeps & ConsentNeedsDeps): void {
  router.openapi(
    createRoute({
      method: "get",
      path: "/{patientId}/consent",
      operationId: "getPatientConsent",
      tags: ["consent"],
      summary: "A patient's consent in force and its whole history (their therapist)",
      security: [{ bearer: [] }],
      request: { params: PatientParamsSchema },
      responses: {
        200: { description: "The consent.", content: { "application/json": { schema: ConsentStatusSchema } } },
        ...problemResponses(400, 401, 403, 404, 503),
      },
    }),
    async (c) => c.json(await getConsent(deps, currentActor(c), { patientId: c.req.valid("param").patientId }), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{patientId}/consent",
      operationId: "recordPatientConsent",
      tags: ["consent"],
      summary: "Record consent the patient gave in writing or verbally (their therapist)",
      description:
        "Appends a grant to the patient's history. `method` is `written` (a signed form the clinic keeps) or `verbal_witnessed` (said before the therapist, who records it). Scopes granted before and not named stay as they were.",
      security: [{ bearer: [] }],
      request: {
        params: PatientParamsSchema,
        body: json(z.object({ scopes, form: ConsentFormSchema, method: z.enum(["written", "verbal_witnessed"]) }).strict()),
      },
      responses: {
        201: { description: "Recorded.", content: { "application/json": { schema: ConsentGrantResultSchema } } },
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 503),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const result = await grantConsent(deps, currentActor(c), { patientId: c.req.valid("param").patientId, ...body });
      return c.json(result, 201);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{patientId}/consent/withdrawals",
      operationId: "recordPatientConsentWithdrawal",
      tags: ["consent"],
      summary: "Record that the patient withdrew consent before their therapist",
      description:
        "Appends a withdrawal. Processing of the patient's sessions that the remaining consent no longer covers stops at once (the sessions fail with `consent.withdrawn`, provider jobs are discarded); with `eraseSessions` every session about the patient is erased.",
      security: [{ bearer: [] }],
      request: { params: PatientParamsSchema, body: json(WithdrawConsentBodySchema) },
      responses: {
        201: { description: "Recorded.", content: { "application/json": { schema: ConsentWithdrawalResultSchema } } },
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 409, 503),
      },
    }),
    async (c) => {
      const result = await withdrawConsent(deps, currentActor(c), { patientId: c.req.valid("param").patientId, ...c.req.valid("json") });
      return c.json(result, 201);
    },
  );
}

/**
 * A patient's own consent, on the router of `/v1/me` (behind its bearer auth): view, grant
 * electronically, withdraw. A therapist or an administrator gets 403 (no consent of their own).
 */
export function addOwnConsentRoutes(router: Router, deps: ConfideDeps & ConsentNeedsDeps): void {
  router.openapi(
    createRoute({
      method: "get",
      path: "/consent",
      operationId: "getOwnConsent",
      tags: ["consent"],
      summary: "The caller's consent in force and its whole history (a patient)",
      security: [{ bearer: [] }],
      responses: {
        200: { description: "The consent.", content: { "application/json": { schema: ConsentStatusSchema } } },
        ...problemResponses(401, 403, 503),
      },
    }),
    async (c) => c.json(await getConsent(deps, currentActor(c), {}), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/consent",
      operationId: "grantOwnConsent",
      tags: ["consent"],
      summary: "Give consent electronically (a patient)",
      description: "Appends an `electronic` grant by the patient: the form they read (its version and the sha256 of its text) and the scopes they agree to.",
      security: [{ bearer: [] }],
      request: { body: json(z.object({ scopes, form: ConsentFormSchema }).strict()) },
      responses: {
        201: { description: "Granted.", content: { "application/json": { schema: ConsentGrantResultSchema } } },
        ...problemResponses(...jsonBodyStatuses, 401, 403, 409, 503),
      },
    }),
    async (c) => {
      const result = await grantConsent(deps, currentActor(c), { ...c.req.valid("json"), method: "electronic" });
      return c.json(result, 201);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/consent/withdrawals",
      operationId: "withdrawOwnConsent",
      tags: ["consent"],
      summary: "Withdraw consent (a patient)",
      description:
        "Appends a withdrawal of the named scopes (everything in force when none are named). Processing that the remaining consent no longer covers stops at once; with `eraseSessions: true` every session about the patient is erased.",
      security: [{ bearer: [] }],
      request: { body: json(WithdrawConsentBodySchema) },
      responses: {
        201: { description: "Withdrawn.", content: { "application/json": { schema: ConsentWithdrawalResultSchema } } },
        ...problemResponses(...jsonBodyStatuses, 401, 403, 409, 503),
      },
    }),
    async (c) => c.json(await withdrawConsent(deps, currentActor(c), c.req.valid("json")), 201),
  );

}
