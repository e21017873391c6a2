import type { UploadSessionInput } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { z } from "@hono/zod-openapi";
import { assertNoNulCharacters } from "./nul-characters.ts";
import { fieldIssuesOf } from "./validation-hook.ts";
import { IdSchema } from "./id-schema.ts";
import { NoteFormatSchema } from "./session-note-schema.ts";
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
  /** "true" shows the title to the patient; "false" or absent gives them a neutral one. */
  titleShared: z.enum(["true", "false"]).optional().transform((text) => (text === undefined ? undefined : text === "true")),
  noteFormat: NoteFormatSchema.optional(),
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

export type UploadFields = z.infer<typeof UploadFieldsSchema>;

/**
 * An upload's text fields checked, with the recording's file name: for the multipart route (the
 * form fields, `in: "form"`) and the resumable one (Upload-Metadata, `in: "header"`, fields named
 * `upload-metadata.<name>`).
 * @throws ConfideError `validation.invalid_input` (`message`) for a missing or invalid field, or
 * text (the file name included) that holds a NUL character.
 */
export function checkUploadFields(
  raw: Record<string, string>,
  filename: string | undefined,
  source: { in: "form" | "header"; fieldPrefix?: string; message: string },
): UploadFields {
  const parsed = UploadFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfideError("validation.invalid_input", source.message, { details: { errors: fieldIssuesOf(parsed.error, source.in, source.fieldPrefix) } });
  }
  assertNoNulCharacters({ ...parsed.data, ...(filename ? { filename } : {}) }, source.in);
  return parsed.data;
}

/** What both upload routes hand to core's `uploadSession` from the checked fields (the audio and the rest are the route's). */
export function uploadInputOf(fields: UploadFields, originalName: string | undefined): Pick<UploadSessionInput, "patientId" | "title" | "titleShared" | "recordedAt" | "settings" | "noteFormat" | "originalName"> {
  return {
    patientId: fields.patientId,
    ...(fields.title === undefined ? {} : { title: fields.title }),
    ...(fields.titleShared === undefined ? {} : { titleShared: fields.titleShared }),
    ...(fields.recordedAt === undefined ? {} : { recordedAt: fields.recordedAt }),
    ...(fields.settings === undefined ? {} : { settings: fields.settings }),
    ...(fields.noteFormat === undefined ? {} : { noteFormat: fields.noteFormat }),
    ...(originalName ? { originalName } : {}),
  };
}
