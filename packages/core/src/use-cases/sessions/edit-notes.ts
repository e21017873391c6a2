import type { ConfideDeps } from "../../deps.ts";
import { assertEditable, type Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";

/** Longest accepted text of the therapist's notes or patient summary. */
export const maxNotesTextLength = 20_000;

export interface EditNotesInput {
  sessionId: string;
  /** The version the therapist read (If-Match); required. */
  expectedVersion?: number;
  /** The therapist's own notes; null clears them; absent leaves them as they are. */
  therapistNotes?: string | null;
  /** What the patient reads after finalize instead of the written summary; null clears it. */
  patientSummary?: string | null;
}

function text(value: string | null | undefined, field: string, current: string | null): string | null {
  if (value === undefined) return current;
  if (value === null) return null;
  if (typeof value !== "string") throw new ConfideError("validation.invalid_input", `${field} must be text or null.`, { details: { field } });
  const trimmed = value.trim();
  if (trimmed.length > maxNotesTextLength) {
    throw new ConfideError("validation.invalid_input", `${field} is longer than ${maxNotesTextLength} characters.`, {
      details: { field, maxLength: maxNotesTextLength },
    });
  }
  return trimmed === "" ? null : trimmed;
}

/**
 * Writes the therapist's own words on the clinical notes of a session pending review: their
 * notes and the summary the patient will read. Kept apart from what the writer grounded
 * (`notes.review`), so a regeneration keeps them and nothing unverified passes as grounded.
 * Audited as `session.notes.edit`.
 * @throws ConfideError `session.version_required`, `session.version_conflict`,
 * `session.invalid_state` unless the session is ready with notes (finalize locks them),
 * `validation.invalid_input`, `session.not_found`, `auth.forbidden`.
 */
export async function editNotes(deps: ConfideDeps, actor: Actor, input: EditNotesInput): Promise<Session> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  const expectedVersion = assertVersion(session, input.expectedVersion);
  assertEditable(session);
  const notes = session.notes;
  if (!notes) throw new ConfideError("session.invalid_state", "The session has no notes yet.", { details: { status: session.status } });
  const now = deps.clock.now();
  const review = {
    therapistNotes: text(input.therapistNotes, "therapistNotes", notes.review?.therapistNotes ?? null),
    patientSummary: text(input.patientSummary, "patientSummary", notes.review?.patientSummary ?? null),
    editedAt: now,
    editedBy: actor.userId,
  };
  const stored = await deps.sessions.update({ ...session, notes: { ...notes, review }, updatedAt: now }, expectedVersion);
  await audit(deps, actor, "session.notes.edit", { sessionId: session.id, subjectUserId: session.patientId });
  return stored;
}
