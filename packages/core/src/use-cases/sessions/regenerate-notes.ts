import type { ConfideDeps } from "../../deps.ts";
import { checkNoteFormat, sessionNoteFormat, type NoteFormat } from "../../domain/note-formats.ts";
import { assertEditable, type Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { writeNotes } from "../policies/note-writing.ts";
import { rescreened, screenRisk } from "../policies/risk-screening.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";
import { notifyNewRisks } from "../pipeline/session-notification.ts";

export interface RegenerateNotesInput {
  sessionId: string;
  /** The version the therapist read (If-Match); checked when given. */
  expectedVersion?: number;
  /** The progress-note format to write them in from now on (stored on the session); absent: the session's own. */
  noteFormat?: NoteFormat;
}

/**
 * Writes the clinical notes of a session pending review again, as its therapist, from the
 * transcript and sentiment as they are now (after edits and relabels): fresh, verified notes
 * replace the written ones; the therapist's own words on the notes (their review) are kept.
 * Without `expectedVersion` the write is still conditional on the version read here. Audited as
 * `session.notes.regenerate`. With `noteFormat` the session's note format becomes that one.
 * The risk screen runs again on the same transcript and the fresh
 * notes' flags are merged with it; when that gives an alerting flag the previous screen did not
 * (the pipeline's rule, `riskFlagsToAlert`), the therapist's devices get a high-priority push
 * once stored; a failed delivery is logged, never the request's error.
 * @throws ConfideError `validation.invalid_input` for an unknown note format (nothing read or
 * written), `session.invalid_state` unless the session is ready with a transcript
 * (a finalized session's notes are locked), `session.version_conflict`, `session.not_found`,
 * `auth.forbidden`, `provider.*` from the note writer or the screen (nothing is written then).
 */
export async function regenerateNotes(deps: ConfideDeps, actor: Actor, input: RegenerateNotesInput): Promise<Session> {
  const chosenFormat = input.noteFormat === undefined ? undefined : checkNoteFormat(input.noteFormat, "noteFormat");
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  if (input.expectedVersion !== undefined) assertVersion(session, input.expectedVersion);
  assertEditable(session);
  if (session.transcript === null) {
    throw new ConfideError("session.invalid_state", "The session has no transcript to write notes from.", { details: { status: session.status } });
  }
  const screened = await screenRisk(deps, session.transcript);
  const noteFormat = chosenFormat ?? sessionNoteFormat(session);
  const notes = await writeNotes(deps, { ...session, noteFormat, risk: screened });
  const risk = rescreened(session.risk, screened, notes, session.transcript);
  const stored = await deps.sessions.update(
    { ...session, noteFormat, notes: { ...notes, review: session.notes?.review ?? null }, risk, updatedAt: deps.clock.now() },
    session.version,
  );
  await audit(deps, actor, "session.notes.regenerate", {
    sessionId: session.id,
    subjectUserId: session.patientId,
    detail: { revision: session.transcript.revision, noteFormat, ...notes.quality },
  });
  await notifyNewRisks(deps, stored, session.risk);
  return stored;
}
