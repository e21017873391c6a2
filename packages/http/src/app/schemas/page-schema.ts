import { z } from "@hono/zod-openapi";

/** A page of `items` with the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** `cursor` and `limit` query parameters shared by listings. */
export const PageQuerySchema = z.object({
  cursor: z.string().min(1).max(2048).optional().openapi({ description: "`nextCursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: "Page size, 1–100." }),
});

/**
 * What a listing's query asks for, as the use cases take it: its search words (`q`, where the
 * listing has one) as `text`, and the page (`cursor`, `limit`); each only when given.
 */
export function listingRequest(query: { q?: string | undefined; cursor?: string | undefined; limit?: number | undefined }): {
  text?: string;
  cursor?: string;
  limit?: number;
} {
  return {
    ...(query.q === undefined ? {} : { text: query.q }),
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  };
}
