import { consentMethods, consentScopes } from "@confide/core";
import { z } from "@hono/zod-openapi";
import { RoleSchema } from "./user-schema.ts";

export const ConsentScopeEntrySchema = z
  .union([
    z.object({ scope: z.enum(["recording", "transcription", "ai_notes"]) }).strict(),
    z
      .object({
        scope: z.literal("cloud_processing"),
        providers: z
          .array(z.string().max(60))
          .min(1)
          .max(20)
          .openapi({
            description:
              "The providers covered, by name: azure-speech, azure-text-analytics, azure-live, transcribe, transcribe-streaming, comprehend, openai, azure-openai, bedrock, whisper, whisper-live. A consent read's `needs` names those this deployment uses.",
          }),
      })
      .strict(),
  ])
  .openapi("ConsentScopeEntry", { description: `One of ${consentScopes.join(", ")}; cloud_processing names the providers it covers.` });

export const ConsentFormSchema = z
  .object({
    version: z.string().min(1).max(100).openapi({ example: "consent-form-2026-03" }),
    textSha256: z.string().regex(/^[0-9a-fA-F]{64}$/).openapi({ description: "sha256 (hex) of the form's text as the patient saw it." }),
  })
  .strict()
  .openapi("ConsentForm");

export const ConsentRecordSchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    sequence: z.number().int(),
    at: z.iso.datetime(),
    recordedBy: z.string(),
    recordedByRole: RoleSchema,
    kind: z.enum(["grant", "withdrawal"]),
    scopes: z.array(ConsentScopeEntrySchema),
    form: ConsentFormSchema.optional().openapi({ description: "A grant's form." }),
    method: z.enum(consentMethods).optional().openapi({ description: "How a grant was obtained." }),
    reason: z.string().nullable().optional().openapi({ description: "A withdrawal's reason; null once the patient is erased." }),
    eraseSessions: z.boolean().optional().openapi({ description: "A withdrawal that asked for the patient's sessions to be erased." }),
  })
  .openapi("ConsentRecord");

export const ActiveConsentSchema = z
  .object({
    scopes: z.array(z.enum(["recording", "transcription", "ai_notes"])),
    cloudProviders: z.array(z.string()),
    form: ConsentFormSchema.nullable(),
    since: z.iso.datetime().nullable(),
  })
  .openapi("ActiveConsent");

const ConsentRequirementSchema = z
  .object({ scopes: z.array(z.enum(["recording", "transcription", "ai_notes"])), cloudProviders: z.array(z.string()) })
  .openapi("ConsentRequirement", { description: "Scopes, and the providers cloud_processing must name." });

export const ConsentNeedSchema = z
  .object({
    required: ConsentRequirementSchema.openapi({ description: "What this deployment needs of the consent for it." }),
    missing: ConsentRequirementSchema.openapi({ description: "What of it the consent in force does not cover: empty lists when nothing." }),
  })
  .openapi("ConsentNeed");

export const ConsentStatusSchema = z
  .object({
    patientId: z.string(),
    active: ActiveConsentSchema,
    history: z.array(ConsentRecordSchema),
    needs: z
      .object({
        upload: ConsentNeedSchema.openapi({ description: "To upload a session: refused with consent.missing while anything is missing." }),
        live: ConsentNeedSchema.optional().openapi({ description: "To start a live session; absent where this server serves none." }),
        notes: ConsentNeedSchema.openapi({ description: "To write clinical notes: not written (not_assessed) while anything is missing." }),
      })
      .openapi({ description: "What this deployment needs of the patient's consent, by what it does with a session." }),
  })
  .openapi("ConsentStatus");

export const ConsentGrantResultSchema = z.object({ record: ConsentRecordSchema, active: ActiveConsentSchema }).openapi("ConsentGrantResult");

export const ConsentWithdrawalResultSchema = z
  .object({
    record: ConsentRecordSchema,
    active: ActiveConsentSchema,
    stoppedSessionIds: z.array(z.string()).openapi({ description: "Sessions whose processing stopped (failed with consent.withdrawn)." }),
    erasedSessionCount: z.number().int(),
  })
  .openapi("ConsentWithdrawalResult");

export const WithdrawConsentBodySchema = z
  .object({
    scopes: z.array(ConsentScopeEntrySchema).min(1).optional().openapi({ description: "What is withdrawn; everything in force when absent." }),
    reason: z.string().max(500).optional(),
    eraseSessions: z.boolean().optional().openapi({ description: "Also erase every session about the patient." }),
  })
  .strict();
