import { isStorableDate, storableYears } from "@confide/core";
import { z } from "@hono/zod-openapi";

/**
 * An ISO 8601 timestamp sent by a client (a form field, a query filter), parsed to a Date: one
 * of the years every store can hold, so "0000-01-01T00:00:00Z" is a 400, not a database error.
 */
export const TimestampInputSchema = z.iso
  .datetime({ offset: true })
  .transform((text) => new Date(text))
  .refine(isStorableDate, { message: `Expected a date from year ${storableYears.first} to ${storableYears.last}.` });
