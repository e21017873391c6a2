import { z } from "@hono/zod-openapi";
import { NoteFormatSchema } from "./session-note-schema.ts";

export const RoleSchema = z.enum(["therapist", "patient", "admin"]).openapi("Role");

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    consent: z.object({ terms: z.string(), agreedAt: z.iso.datetime() }).nullable(),
    active: z.boolean(),
    defaultNoteFormat: NoteFormatSchema.optional().openapi({
      description: "A therapist's default note format for new sessions (set with PATCH /v1/me); absent: `confide`.",
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("User");

export const CareRelationSchema = z
  .object({ therapistId: z.string(), patientId: z.string(), createdAt: z.iso.datetime() })
  .openapi("CareRelation");
