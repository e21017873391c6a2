import { listDevices, registerDevice, removeDevice, type ConfideDeps } from "@confide/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { AccessTokens } from "../auth/access-token.ts";
import { createBearerRouter } from "../create-router.ts";
import { currentActor } from "../auth/current-actor.ts";
import { DevicePlatformSchema, DeviceSchema } from "../schemas/device-schema.ts";
import { jsonBodyStatuses, problemResponses } from "../schemas/problem-schema.ts";
import { IdSchema } from "../schemas/id-schema.ts";

export interface DeviceRoutesOptions {
  deps: ConfideDeps;
  tokens: AccessTokens;
}

export function createDeviceRoutes(options: DeviceRoutesOptions) {
  const { deps } = options;
  const router = createBearerRouter(options.tokens);

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "registerDevice",
      tags: ["devices"],
      summary: "Register a phone or browser for push notifications",
      description:
        "Call it at every app start. Registering a known token again refreshes it (it is not a new device); a token registered by another user moves to the caller. A user has at most 20 devices: registering one more never fails, it removes the device not seen (registered or refreshed) for the longest time.",
      security: [{ bearer: [] }],
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({ token: z.string().min(1).max(4096), platform: DevicePlatformSchema }),
            },
          },
        },
      },
      responses: {
        201: { description: "The device.", content: { "application/json": { schema: DeviceSchema } } },
        ...problemResponses(...jsonBodyStatuses, 401, 503),
      },
    }),
    async (c) => c.json(await registerDevice(deps, currentActor(c), c.req.valid("json")), 201),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listDevices",
      tags: ["devices"],
      summary: "The caller's devices, newest first",
      security: [{ bearer: [] }],
      responses: {
        200: {
          description: "The devices.",
          content: { "application/json": { schema: z.object({ items: z.array(DeviceSchema) }) } },
        },
        ...problemResponses(401, 503),
      },
    }),
    async (c) => c.json({ items: await listDevices(deps, currentActor(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      operationId: "removeDevice",
      tags: ["devices"],
      summary: "Stop notifications to a device",
      security: [{ bearer: [] }],
      request: { params: z.object({ id: IdSchema }) },
      responses: { 204: { description: "Removed." }, ...problemResponses(400, 401, 404, 503) },
    }),
    async (c) => {
      await removeDevice(deps, currentActor(c), { deviceId: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );

  return router;
}
