import type { ConfideDeps } from "../../deps.ts";
import { noteAsDocumentReference, type FhirDocumentReference } from "../../domain/fhir-document-reference.ts";
import { checkNoteFormat, formatNote, noteAsPlainText, sectionAsPlainText, sessionNoteFormat, type FormattedNote, type NoteFormat, type NoteSection } from "../../domain/note-formats.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { loadOwnedSession } from "../policies/session-access.ts";

export interface SessionNoteInput {
  sessionId: string;
  /** Overrides the session's own note format (`Session.noteFormat`) for this read. */
  format?: NoteFormat;
}

/** A formatted note and the same note as plain text (what "copy whole note" and "copy section" copy). */
export interface SessionNote extends Omit<FormattedNote, "sections"> {
  sections: Array<NoteSection & { text: string }>;
  text: string;
  /** True when the transcript changed after the notes were written (regenerate to refresh). */
  stale: boolean;
}

/** The format asked for (checked before the session is read), else the session's own. */
function formatOf(session: Session, input: SessionNoteInput): NoteFormat {
  return input.format ?? sessionNoteFormat(session);
}

function notesOf(session: Session) {
  if (!session.notes) {
    throw new ConfideError("session.invalid_state", "The session has no notes yet.", { details: { status: session.status } });
  }
  return session.notes;
}

/**
 * The session's notes laid out as a progress note in `format` (SOAP, DAP, BIRP or Confide's
 * fields; without it the session's own format), for its therapist. Audited as `session.read`.
 * @throws ConfideError `validation.invalid_input` for an unknown format, `session.invalid_state` while the session has no notes,
 * `session.not_found`, `auth.forbidden` (a patient, an admin).
 */
export async function getSessionNote(deps: ConfideDeps, actor: Actor, input: SessionNoteInput): Promise<SessionNote> {
  if (input.format !== undefined) checkNoteFormat(input.format, "format");
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  const notes = notesOf(session);
  const format = formatOf(session, input);
  await audit(deps, actor, "session.read", { sessionId: session.id, subjectUserId: session.patientId, detail: { noteFormat: format } });
  const note = formatNote(format, notes, session.risk ?? null);
  return {
    ...note,
    sections: note.sections.map((section) => ({ ...section, text: sectionAsPlainText(section) })),
    text: noteAsPlainText(note),
    stale: notes.stale,
  };
}

/**
 * A finalised session's note as a FHIR R4 DocumentReference, for the clinic's record system.
 * Only once finalised: a draft is not a signed clinical document. In `format`, else the
 * session's own format. Audited as `session.note.export`.
 * @throws ConfideError `validation.invalid_input` for an unknown format, `session.invalid_state` unless the session is finalized with notes,
 * `session.not_found`, `auth.forbidden`.
 */
export async function exportSessionNote(deps: ConfideDeps, actor: Actor, input: SessionNoteInput): Promise<FhirDocumentReference> {
  if (input.format !== undefined) checkNoteFormat(input.format, "format");
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  const notes = notesOf(session);
  if (session.status !== "finalized") {
    throw new ConfideError("session.invalid_state", "Only a finalised session's note can be exported.", { details: { status: session.status } });
  }
  const finalizedAt = session.review.finalizedAt ?? session.updatedAt;
  const format = formatOf(session, input);
  await audit(deps, actor, "session.note.export", { sessionId: session.id, subjectUserId: session.patientId, detail: { noteFormat: format } });
  return noteAsDocumentReference(formatNote(format, notes, session.risk ?? null), {
    sessionId: session.id,
    patientId: session.patientId,
    therapistId: session.therapistId,
    recordedAt: session.recordedAt,
    finalizedAt,
    finalizedBy: session.review.finalizedBy,
  });
}
