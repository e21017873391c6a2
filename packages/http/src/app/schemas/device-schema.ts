import { z } from "@hono/zod-openapi";

export const DevicePlatformSchema = z.enum(["android", "ios", "web"]);

export const DeviceSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    token: z.string(),
    platform: DevicePlatformSchema,
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
  })
  .openapi("Device");
