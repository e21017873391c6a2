import { noteFormats } from "@confide/core";
import { z } from "@hono/zod-openapi";
import { EvidenceSchema, VerificationSchema } from "./notes-schema.ts";

export const NoteFormatSchema = z.enum(noteFormats).openapi("NoteFormat", {
  description: "`soap`, `dap`, `birp` (progress-note formats) or `confide` (Confide's own fields).",
});

/** The optional body of a regeneration: the note format to write them in from now on. */
export const RegenerateNotesSchema = z
  .object({
    noteFormat: NoteFormatSchema.optional().openapi({
      description: "Write the notes in this format from now on (stored as the session's `noteFormat`); absent: the session's own.",
    }),
  })
  .openapi("RegenerateNotes");

const NoteSentenceSchema = z
  .object({
    text: z.string(),
    evidence: z.array(EvidenceSchema),
    verification: z.union([VerificationSchema, z.null()]),
    from: z.string().openapi({ description: "The notes field it comes from (`significantQuotes`…), `riskScreen` or `therapist`." }),
    speaker: z.enum(["therapist", "patient"]).optional().openapi({ description: "Whose words a quote repeats." }),
  })
  .openapi("NoteSentence", {
    description:
      "One sentence of a progress note. `verification`: whether its citation held; null for what the system states itself (the risk screen's summary) or the therapist wrote.",
  });

const NoteSectionSchema = z
  .object({
    key: z.string().openapi({ description: "e.g. `subjective`, `data`, `plan`, `therapist_notes`." }),
    title: z.string(),
    sentences: z.array(NoteSentenceSchema),
    notAssessed: z.string().nullable().openapi({ description: "Why the section has nothing (never filled with normal findings); null when it has sentences." }),
    text: z.string().openapi({ description: "The section as plain text, as `text` lays it out." }),
  })
  .openapi("NoteSection");

export const SessionNoteSchema = z
  .object({
    format: NoteFormatSchema,
    name: z.string().openapi({ example: "DAP progress note" }),
    sections: z.array(NoteSectionSchema),
    text: z.string().openapi({
      description: "The whole note as plain text to paste into a record; sentences whose citation did not hold are left out and counted at the end.",
    }),
    stale: z.boolean().openapi({ description: "The transcript changed after the notes were written: regenerate to refresh." }),
  })
  .openapi("SessionNote");

export const FhirDocumentReferenceSchema = z
  .looseObject({
    resourceType: z.literal("DocumentReference"),
    status: z.literal("current"),
    docStatus: z.literal("final"),
    subject: z.object({ reference: z.string() }),
    date: z.string(),
    content: z.array(z.looseObject({ attachment: z.looseObject({ contentType: z.string(), data: z.string() }) })),
  })
  .openapi("FhirDocumentReference", {
    description:
      "A FHIR R4 DocumentReference (https://hl7.org/fhir/R4/documentreference.html): LOINC 11506-3 progress note, the note as base64 plain text, `Patient/<patientId>` as subject, `Practitioner/<therapistId>` as author and authenticator, the session in `context.related` (`urn:confide:session`).",
  });
