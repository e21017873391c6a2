import { z } from "@hono/zod-openapi";
import { IdSchema } from "../schemas/id-schema.ts";
import { SessionSchema } from "../schemas/session-schema.ts";

/** What the session routes share: the path's id, If-Match, a session answer, a JSON body. */
export const IdParamsSchema = z.object({ id: IdSchema });

/**
 * If-Match. Where it is required the use case answers 428 without it (not a 400 from the
 * schema), so the schema stays optional and only the document says `required`.
 */
export const ifMatchHeaders = (required: boolean) =>
  z.object({
    "if-match": z
      .string()
      .max(200)
      .optional()
      .openapi({
        param: { required },
        description: required
          ? 'The version read, as its ETag (`"<version>"` or `W/"<version>"`). Required: 428 without, 412 when stale.'
          : 'The version read, as its ETag; 412 when stale.',
      }),
  });

export const sessionResponse = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" as const } } },
  content: { "application/json": { schema: SessionSchema } },
});

export const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
