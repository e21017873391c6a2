import { z } from "@hono/zod-openapi";
import { IdSchema } from "./id-schema.ts";
import { TranscriptionSettingsSchema } from "./session-schema.ts";
import { TimestampInputSchema } from "./timestamp-input-schema.ts";

/**
 * The text that comes with an uploaded recording: the multipart upload's fields before the
 * audio part, or a resumable upload's Upload-Metadata. `settings` is a JSON object (any subset
 * of TranscriptionSettings).
 */
export const UploadFieldsSchema = z.object({
  patientId: IdSchema,
  title: z.string().max(200).optional(),
  recordedAt: TimestampInputSchema.optional(),
  settings: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text.trim() === "") return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        context.addIssue({ code: "custom", message: `settings is not valid JSON (${(error as Error).message}).` });
        return z.NEVER;
      }
    })
    .pipe(TranscriptionSettingsSchema.partial().strict().optional()),
});

