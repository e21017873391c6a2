import { z } from "@hono/zod-openapi";
import { RoleSchema } from "./user-schema.ts";

export const LegalHoldSchema = z
  .object({
    id: z.string(),
    patientId: z.string().openapi({ description: "The held patient, or the patient of the held session." }),
    sessionId: z.string().nullable().openapi({ description: "The held session; null for a hold on the patient (all their sessions)." }),
    reason: z.string(),
    setAt: z.iso.datetime(),
    setBy: z.string(),
    setByRole: RoleSchema,
    releasedAt: z.iso.datetime().nullable().openapi({ description: "Null while the hold is active." }),
    releasedBy: z.string().nullable(),
  })
  .openapi("LegalHold", {
    description:
      "A legal hold: while active, nothing it covers is deleted — not by the retention sweep, a therapist's delete (409 `session.legal_hold`) or a patient's erasure. Holds ids and a reason, never clinical content.",
  });

export const RetentionOutcomeSchema = z
  .object({
    sessionId: z.string(),
    therapistId: z.string(),
    patientId: z.string(),
    rule: z.enum(["audio", "session", "failed"]),
    removes: z.enum(["audio", "session"]),
    status: z.string(),
    since: z.iso.datetime().openapi({ description: "When the session was finalized (rules audio, session) or failed (rule failed)." }),
    outcome: z.enum(["due", "deleted", "held", "skipped", "failed"]),
    holdIds: z.array(z.string()),
    error: z.string().optional(),
  })
  .openapi("RetentionOutcome");

export const RetentionReportSchema = z
  .object({
    dryRun: z.boolean(),
    cutoffs: z.object({ audio: z.iso.datetime().optional(), session: z.iso.datetime().optional(), failed: z.iso.datetime().optional() }),
    counts: z.object({ due: z.number().int(), deleted: z.number().int(), held: z.number().int(), skipped: z.number().int(), failed: z.number().int() }),
    outcomes: z.array(RetentionOutcomeSchema).openapi({ description: "The first 1000 sessions a rule reached, in order." }),
    truncated: z.boolean().openapi({ description: "True when more sessions were reached than listed." }),
  })
  .openapi("RetentionReport");
