import { exportUserData, getProfile, updateProfile, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { AccessTokens } from "../auth/access-token.ts";
import { addOwnConsentRoutes } from "./consent-routes.ts";
import { addVoiceRoutes, VoiceEnrolmentSchema } from "./voice-routes.ts";
import { createBearerRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { ConsentRecordSchema } from "../schemas/consent-schema.ts";
import { UserSchema } from "../schemas/user-schema.ts";
import { NoteFormatSchema } from "../schemas/session-note-schema.ts";

export interface MeRoutesOptions {
  deps: ConfideDeps;
  tokens: AccessTokens;
}

const ExportSchema = z
  .object({
    exportedAt: z.iso.datetime(),
    user: UserSchema,
    careRelations: z.array(z.object({ therapistId: z.string(), patientId: z.string(), createdAt: z.iso.datetime() })),
    devices: z.array(
      z.object({
        id: z.string(),
        platform: z.string(),
        token: z.string(),
        createdAt: z.iso.datetime(),
        lastSeenAt: z.iso.datetime(),
      }),
    ),
    sessions: z.array(z.record(z.string(), z.unknown())).optional(),
    auditEvents: z.array(z.record(z.string(), z.unknown())),
    consents: z.array(ConsentRecordSchema).optional(),
    voiceEnrolment: VoiceEnrolmentSchema.optional().openapi({ description: "A therapist's voice enrolment, without the embedding." }),
    omitted: z.array(z.enum(["sessions", "consents"])),
  })
  .openapi("UserDataExport");

export function createMeRoutes(options: MeRoutesOptions) {
  const { deps } = options;
  const router = createBearerRouter(options.tokens);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getProfile",
      tags: ["me"],
      summary: "The caller's profile",
      security: [{ bearer: [] }],
      responses: {
        200: { description: "The profile.", content: { "application/json": { schema: UserSchema } } },
        ...problemResponses(401, 404, 503),
      },
    }),
    async (c) => c.json(await getProfile(deps, currentActor(c)), 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/",
      operationId: "updateProfile",
      tags: ["me"],
      summary: "Change the display name, record consent, or set the default note format",
      description:
        "`defaultNoteFormat` (therapists only; 403 otherwise): the note format of new sessions whose upload or live start names none.",
      security: [{ bearer: [] }],
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z
                .object({
                  displayName: z.string().max(400).optional(),
                  consent: z.object({ terms: z.string().max(400) }).strict().optional(),
                  defaultNoteFormat: NoteFormatSchema.optional(),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: { description: "The updated profile.", content: { "application/json": { schema: UserSchema } } },
        ...problemResponses(...jsonBodyStatuses, 401, 403, 404, 503),
      },
    }),
    async (c) => c.json(await updateProfile(deps, currentActor(c), c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/export",
      operationId: "exportUserData",
      tags: ["me"],
      summary: "Download everything Confide holds about the caller",
      description:
        "A JSON file (Content-Disposition: attachment): profile, care relations, devices, sessions, audit events. A patient's export holds only what the patient may see: their own actions, others' account events about them, and others' creating, finalizing, opening or playing one of their finalized sessions.",
      security: [{ bearer: [] }],
      responses: {
        200: { description: "The export.", content: { "application/json": { schema: ExportSchema } } },
        ...problemResponses(401, 404, 503),
      },
    }),
    async (c) => {
      const actor = currentActor(c);
      const data = await exportUserData(deps, actor, {});
      c.header("Content-Disposition", `attachment; filename="confide-export-${actor.userId}.json"`);
      return c.json(data, 200);
    },
  );

  addOwnConsentRoutes(router, deps);
  addVoiceRoutes(router, deps);

  return router;
}
