import { createUser, eraseUser, linkPatient, listUsers, runRetentionSweep, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { AccessTokens } from "../auth/access-token.ts";
import { createBearerRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { PageQuerySchema, listingRequest, pageOf } from "../schemas/page-schema.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { CareRelationSchema, RoleSchema, UserSchema } from "../schemas/user-schema.ts";
import { RetentionReportSchema } from "../schemas/legal-hold-schema.ts";
import { IdSchema } from "../schemas/id-schema.ts";

export interface AdminRoutesOptions {
  deps: ConfideDeps;
  tokens: AccessTokens;
}

export function createAdminRoutes(options: AdminRoutesOptions) {
  const { deps } = options;
  const router = createBearerRouter(options.tokens);

  router.openapi(
    createRoute({
      method: "post",
      path: "/users",
      operationId: "createUser",
      tags: ["admin"],
      summary: "Open an account",
      security: [{ bearer: [] }],
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                email: z.string().min(1).max(320),
                displayName: z.string().max(400),
                role: RoleSchema,
                password: z.string().min(1).max(1024),
                consent: z.object({ terms: z.string().max(400) }).optional(),
              }),
            },
          },
        },
      },
      responses: {
        201: { description: "The new account.", content: { "application/json": { schema: UserSchema } } },
        ...problemResponses(...jsonBodyStatuses, 401, 403, 409, 503),
      },
    }),
    async (c) => c.json(await createUser(deps, currentActor(c), c.req.valid("json")), 201),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/users",
      operationId: "listUsers",
      tags: ["admin"],
      summary: "Page through accounts",
      security: [{ bearer: [] }],
      request: {
        query: PageQuerySchema.extend({
          role: RoleSchema.optional(),
          q: z.string().max(200).optional().openapi({ description: "Part of the display name or email." }),
        }),
      },
      responses: {
        200: { description: "A page of accounts.", content: { "application/json": { schema: pageOf(UserSchema) } } },
        ...problemResponses(400, 401, 403, 503),
      },
    }),
    async (c) => {
      const { role, ...listing } = c.req.valid("query");
      const page = await listUsers(deps, currentActor(c), { ...(role === undefined ? {} : { role }), ...listingRequest(listing) });
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/users/{id}/patients/{patientId}",
      operationId: "linkPatient",
      tags: ["admin"],
      summary: "Record that a therapist treats a patient",
      description: "Linking twice changes nothing.",
      security: [{ bearer: [] }],
      request: { params: z.object({ id: IdSchema, patientId: IdSchema }) },
      responses: {
        200: { description: "The care relation.", content: { "application/json": { schema: CareRelationSchema } } },
        ...problemResponses(400, 401, 403, 404, 503),
      },
    }),
    async (c) => {
      const { id, patientId } = c.req.valid("param");
      return c.json(await linkPatient(deps, currentActor(c), { therapistId: id, patientId }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/users/{id}",
      operationId: "eraseUser",
      tags: ["admin"],
      summary: "Erase an account and everything about it",
      description:
        "For a patient: every session about them (recording and record), devices, tokens, care relations and the account. A therapist who still owns sessions is refused (409 `user.has_sessions`); so is a patient a legal hold covers, on them or on one of their sessions (409 `session.legal_hold`, before anything changes).",
      security: [{ bearer: [] }],
      request: { params: z.object({ id: IdSchema }) },
      responses: {
        200: {
          description: "What was erased.",
          content: {
            "application/json": {
              schema: z
                .object({ userId: z.string(), deletedSessionCount: z.number().int(), deletedDeviceCount: z.number().int() })
                .openapi("ErasureResult"),
            },
          },
        },
        ...problemResponses(400, 401, 403, 404, 409, 502, 503),
      },
    }),
    async (c) => c.json(await eraseUser(deps, currentActor(c), { userId: c.req.valid("param").id }), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/retention",
      operationId: "previewRetention",
      tags: ["admin"],
      summary: "What the retention policy would delete now, and why (dry run)",
      description:
        "Lists the sessions each configured rule (CONFIDE_RETENTION_*) reaches now: session id, rule, finalized or failed date, and the legal holds that spare it. Deletes nothing. Ids and dates only: no clinical content. What `confide retention --dry-run` prints, for use while the server holds the embedded database.",
      security: [{ bearer: [] }],
      responses: {
        200: { description: "What would go.", content: { "application/json": { schema: RetentionReportSchema } } },
        ...problemResponses(401, 403, 503),
      },
    }),
    async (c) => c.json(await runRetentionSweep(deps, currentActor(c), { dryRun: true }), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/retention/sweep",
      operationId: "sweepRetention",
      tags: ["admin"],
      summary: "Run one retention sweep now",
      description:
        "Deletes what the retention policy reaches now, except what a legal hold covers, as the worker's periodic sweep does; each deletion is audited with its rule. Safe to repeat and to run beside the worker's.",
      security: [{ bearer: [] }],
      responses: {
        200: { description: "What the sweep did.", content: { "application/json": { schema: RetentionReportSchema } } },
        ...problemResponses(401, 403, 503),
      },
    }),
    async (c) => c.json(await runRetentionSweep(deps, currentActor(c), { dryRun: false }), 200),
  );

  return router;
}
