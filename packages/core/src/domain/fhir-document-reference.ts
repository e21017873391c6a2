import { noteAsPlainText, type FormattedNote } from "./note-formats.ts";

/**
 * A finalised note as a FHIR R4 `DocumentReference` (https://hl7.org/fhir/R4/documentreference.html),
 * for a clinic's record system: the note as plain text (the same text "copy whole note" gives),
 * the patient as `subject`, the signing therapist as `author` and `authenticator`, the session as
 * the context's related identifier. LOINC 11506-3 "Progress note" as its type. Ids are Confide's
 * user ids: a record system maps them to its own Patient and Practitioner resources.
 */
export interface FhirDocumentReference {
  resourceType: "DocumentReference";
  status: "current";
  docStatus: "final";
  type: { coding: Array<{ system: string; code: string; display: string }>; text: string };
  subject: { reference: string };
  date: string;
  author: Array<{ reference: string }>;
  authenticator?: { reference: string };
  description: string;
  content: Array<{ attachment: { contentType: string; language: string; data: string; title: string; creation: string } }>;
  context: { period: { start: string }; related: Array<{ identifier: { system: string; value: string } }> };
}

export interface NoteDocumentFacts {
  sessionId: string;
  patientId: string;
  therapistId: string;
  recordedAt: Date;
  finalizedAt: Date;
  /** Who signed the note (finalised it); the author when not known. */
  finalizedBy: string | null;
}

/** The identifier system of Confide's session ids in exported documents. */
export const sessionIdentifierSystem = "urn:confide:session";

export function noteAsDocumentReference(note: FormattedNote, facts: NoteDocumentFacts): FhirDocumentReference {
  const text = noteAsPlainText(note);
  return {
    resourceType: "DocumentReference",
    status: "current",
    docStatus: "final",
    type: { coding: [{ system: "http://loinc.org", code: "11506-3", display: "Progress note" }], text: note.name },
    subject: { reference: `Patient/${facts.patientId}` },
    date: facts.finalizedAt.toISOString(),
    author: [{ reference: `Practitioner/${facts.therapistId}` }],
    authenticator: { reference: `Practitioner/${facts.finalizedBy ?? facts.therapistId}` },
    description: note.name,
    content: [
      {
        attachment: {
          contentType: "text/plain; charset=utf-8",
          language: "en",
          data: Buffer.from(text).toString("base64"),
          title: note.name,
          creation: facts.finalizedAt.toISOString(),
        },
      },
    ],
    context: { period: { start: facts.recordedAt.toISOString() }, related: [{ identifier: { system: sessionIdentifierSystem, value: facts.sessionId } }] },
  };
}
