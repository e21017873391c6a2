import { z } from "@hono/zod-openapi";

/** An id in a path, query or body (a user, a patient, a session, a segment, a device). */
export const IdSchema = z.string().min(1).max(200);
