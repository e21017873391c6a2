import { z } from "@hono/zod-openapi";
import { acknowledgementActions, noRiskLanguageFound } from "@confide/core";
import { riskCategories } from "@confide/core/adapter-kit";
import { EvidenceSchema, SupportSchema, VerificationSchema } from "./notes-schema.ts";

const dateTime = z.iso.datetime();

const ScreenedRiskFlagSchema = z
  .object({
    id: z.string().openapi({
      description:
        "`risk-` and 12 hex digits derived from the flag's category, first cited segment and quoted words: the same flag keeps its id (and its acknowledgement) when the transcript is screened again.",
    }),
    type: z.enum(["self_harm", "harm_to_others", "abuse", "substance", "other"]),
    category: z
      .enum(riskCategories as [string, ...string[]])
      .optional()
      .openapi({ description: "C-SSRS-informed category; absent on a note writer's flag, which states only its type." }),
    severity: z.enum(["low", "moderate", "high"]),
    temporality: z.enum(["current", "history"]).openapi({ description: "`history`: said to be past and over; a lower-priority flag." }),
    subject: z.enum(["speaker", "other_person"]).openapi({ description: "`other_person`: someone else's risk (a relative's overdose), recorded as such." }),
    speaker: z
      .enum(["patient", "unknown"])
      .openapi({ description: "`unknown`: the recording has no role for these words (they may be the therapist's); never pushed by itself." }),
    speakerNote: z.string().optional().openapi({ description: "Plain words for a speaker of no known role, starting \"Speaker not known\"." }),
    tier: z.enum(["page", "review"]).openapi({
      description:
        "`page`: an explicit statement of current suicidal thoughts, intent, a plan, a preparatory act, self-harm or intent to harm someone, or a yes to a question that itself named one — by the patient, or as a statement by a speaker not known (one microphone). It sends a high-priority push and needs attention now. `review`: everything else the screen raised (passive wishes, history, someone else's risk, means mentioned, abuse, substance, a reply to any other question, a note writer's own flag), listed to review.",
    }),
    basis: z
      .enum(["statement", "answer_to_named_question", "answer_to_other_question", "mention"])
      .optional()
      .openapi({ description: "On what the screen's flag stands; absent on a note writer's flag." }),
    reasons: z
      .array(z.enum(riskCategories as [string, ...string[]]))
      .optional()
      .openapi({ description: "Other categories the same words carry: one statement, at most one flag." }),
    substance: z.string().optional().openapi({ description: "A substance flag's substance (`alcohol`, `cannabis`…): review lists one line per substance." }),
    text: z.string().openapi({ description: "What the screen saw, in plain words; never a diagnosis." }),
    quote: z.string(),
    evidence: z.array(EvidenceSchema),
    sources: z.array(z.string()).openapi({ description: "Who raised it: `screen:<provider>`, `notes:<provider>`." }),
    rules: z.array(z.string()).openapi({ description: "The rules or writers behind it, for a Details disclosure." }),
    verification: VerificationSchema,
    // A note writer's flag: how well its cited words carry it; `unsupported` is unverified, never fact.
    support: SupportSchema.optional(),
    alert: z.boolean().openapi({ description: "Always `tier === \"page\"`, kept for clients that read it before tiers: warrants a high-priority push." }),
    acknowledgement: z
      .object({
        by: z.string().openapi({ description: "The therapist's user id." }),
        at: dateTime,
        action: z
          .enum(acknowledgementActions)
          .optional()
          .openapi({ description: "What was done: discussed with the patient, a safety plan made, not a concern (misheard or misread), other (see `note`). Absent on acknowledgements recorded before it was asked." }),
        note: z.string().optional().openapi({ description: "The therapist's words (always with `other`)." }),
        alert: z.boolean().optional().openapi({ description: "The flag warranted a high-priority push when it was acknowledged." }),
      })
      .optional()
      .openapi({ description: "Who acknowledged the flag, and when; absent until acknowledged. A current flag must be acknowledged before finalize." }),
  })
  .openapi("ScreenedRiskFlag");

export const RiskScreenSchema = z
  .object({
    status: z.enum(["screened", "not_screened"]),
    reason: z.string().optional(),
    flags: z.array(ScreenedRiskFlagSchema),
    unscreened: z
      .array(z.object({ segmentId: z.string(), startMs: z.number().int(), endMs: z.number().int() }))
      .optional()
      .openapi({
        description:
          "Passages of the patient's (or an unknown speaker's) speech whose words are too unsure to screen (at least 30 % of a segment's words below 0.5 confidence): listen to them. The summary names them instead of \"No risk language found\".",
      }),
    wordCertainty: z
      .enum(["known", "unknown"])
      .optional()
      .openapi({ description: "`unknown` when no screened word carries a confidence: finding nothing is then said not to reassure." }),
    summary: z.string().openapi({ description: `The honest one-line summary; with no flags: "${noRiskLanguageFound}"` }),
    screens: z.array(z.object({ provider: z.string(), version: z.string() })),
    transcriptRevision: z.number().int(),
    screenedAt: dateTime,
  })
  .openapi("RiskScreen", {
    description:
      "The automated risk screen of the transcript (C-SSRS-informed categories, speaker-aware), with a note writer's own flags merged in. It reports risk language it found, quoted; it is not a risk assessment, and an empty list never means \"no risk\".",
  });

export const AcknowledgeRiskFlagSchema = z
  .object({
    action: z.enum(acknowledgementActions).openapi({
      description: "What was done: `discussed` (with the patient), `safety_plan` (a safety plan made), `not_a_concern` (misheard or misread), `other` (say what in `note`).",
      example: "discussed",
    }),
    note: z.string().optional().openapi({ description: "The therapist's words, at most 500 characters; required with `other`." }),
  })
  .openapi("AcknowledgeRiskFlag");
