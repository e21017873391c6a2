import { z } from "@hono/zod-openapi";

const dateTime = z.iso.datetime();

export const EvidenceSchema = z
  .object({
    segmentId: z.string(),
    start: z.number().int().openapi({ description: "UTF-16 offset of the span's first character in the segment's text." }),
    end: z.number().int().openapi({ description: "UTF-16 offset just past the span's last character." }),
  })
  .openapi("NoteEvidence", { description: "A character span `[start, end)` of one transcript segment that supports an item." });

export const VerificationSchema = z
  .object({
    status: z.enum(["grounded", "unverified"]),
    reason: z.string().optional().openapi({ description: "Why the evidence did not hold; only when unverified." }),
  })
  .openapi("NoteVerification", {
    description: "What core found when it checked the item's evidence against the transcript. An unverified item is not to be shown as fact.",
  });

const itemFields = {
  text: z.string(),
  evidence: z.array(EvidenceSchema),
  speaker: z.enum(["therapist", "patient"]).optional().openapi({ description: "Whose words the item attributes." }),
  quote: z.string().optional().openapi({ description: "Words said in the session that the item repeats." }),
  verification: VerificationSchema,
};

export const SupportSchema = z.enum(["quoted", "paraphrased", "unsupported"]).openapi("ClaimSupport", {
  description:
    "How well the cited words carry the claim (core's claim-support rule): `quoted` — its quote is in the cited segments and carries every content word of the claim; " +
    "`paraphrased` — the cited segments say the claim's content words (by lemma, with the same negation, by the speaker it names); " +
    "`unsupported` — the citation does not carry the claim (then `verification` is unverified: never show it as fact). " +
    "Absent when the citation itself failed (see `verification`) and on notes written before claims were checked.",
});

/** A claim: an item of a list, a summary sentence or a risk flag, with its claim support. */
const claimFields = { ...itemFields, support: SupportSchema.optional() };

const NoteItemSchema = z.object(claimFields).openapi("NoteItem");

const NotAssessedSchema = z
  .object({ status: z.literal("not_assessed"), reason: z.string() })
  .openapi("NotAssessed", { description: "A field the writer could not fill, and why." });

const list = <T extends z.ZodType>(item: T) => z.union([z.array(item), NotAssessedSchema]);

const MoodWindowSchema = z
  .object({
    startMs: z.number().int(),
    endMs: z.number().int(),
    balance: z.number().min(-1).max(1),
    moods: z.array(z.string()),
  })
  .openapi("MoodWindow", { description: "The reading behind the mood line in one time window: the mood chart plots these." });
const MoodSchema = z
  .object({
    ...itemFields,
    value: z.enum(["very_negative", "negative", "neutral", "positive", "very_positive", "mixed"]),
    windows: z.array(MoodWindowSchema).optional().openapi({ description: "The same reading per time window, when the writer reads the mood word by word." }),
  })
  .openapi("SessionMoodNote");
const TrajectorySchema = z
  .object({ ...itemFields, value: z.enum(["improving", "declining", "stable", "fluctuating"]) })
  .openapi("MoodTrajectoryNote");
const RiskFlagSchema = z
  .object({
    ...claimFields,
    type: z.enum(["self_harm", "harm_to_others", "abuse", "substance", "other"]),
    severity: z.enum(["low", "moderate", "high"]),
  })
  .openapi("RiskFlag", { description: "Kept whether or not its evidence holds: the therapist sees every flag." });

export const ClinicalNotesSchema = z
  .object({
    keyTopics: list(NoteItemSchema),
    topicSummary: list(NoteItemSchema).openapi({ description: "Sentences, each with its evidence." }),
    strategies: list(NoteItemSchema),
    interventions: list(NoteItemSchema)
      .optional()
      .openapi({ description: "What the therapist did, a line per kind of act quoting their words (\"Reflected: “…”\"); absent when the writer does not write it." }),
    emotionalThemes: list(NoteItemSchema),
    triggers: list(NoteItemSchema),
    actionItems: list(NoteItemSchema),
    significantQuotes: list(NoteItemSchema),
    sessionMood: z.union([MoodSchema, NotAssessedSchema]),
    moodTrajectory: z.union([TrajectorySchema, NotAssessedSchema]),
    followUpTopics: list(NoteItemSchema),
    unresolvedConcerns: list(NoteItemSchema),
    riskFlags: list(RiskFlagSchema),
    therapistNotes: list(NoteItemSchema),
    patientSummary: list(NoteItemSchema),
    quality: z
      .object({ grounded: z.number().int(), unverified: z.number().int(), notAssessed: z.number().int() })
      .openapi({ description: "Items whose evidence held, items kept but unverified, fields not assessed." }),
    provenance: z.object({ provider: z.string(), model: z.string(), promptVersion: z.string(), writtenAt: dateTime }),
    transcriptRevision: z.number().int(),
    stale: z.boolean().openapi({ description: "The transcript changed after the notes were written: regenerate them." }),
    review: z
      .object({
        therapistNotes: z.string().nullable(),
        patientSummary: z.string().nullable(),
        editedAt: dateTime,
        editedBy: z.string(),
      })
      .nullable()
      .openapi({ description: "The therapist's own words on the notes, kept apart from what was written from the transcript." }),
  })
  .openapi("ClinicalNotes", {
    description: "Notes written from the transcript; every item cites the segments that support it and says whether that held.",
  });

export const NotesEditSchema = z
  .object({
    therapistNotes: z.string().max(20_000).nullable().optional().openapi({ description: "The therapist's notes; null clears them." }),
    patientSummary: z
      .string()
      .max(20_000)
      .nullable()
      .optional()
      .openapi({ description: "What the patient reads after finalize, instead of the written summary; null clears it." }),
  })
  .openapi("NotesEdit");

export const FinalizeSchema = z
  .object({
    releaseSummaryToPatient: z.boolean().optional().openapi({
      description:
        "Release the patient summary to the patient. Absent or false: the session is finalized and visible to the patient without any summary — nothing is released unless asked for.",
    }),
  })
  .openapi("Finalize");
