import type { ConfideDeps } from "../../deps.ts";
import { moveTo, type Session } from "../../domain/session.ts";
import { callProvider } from "./provider-call.ts";
import { fail, recordFailure } from "./retry-policy.ts";
import { finish } from "./session-notification.ts";
import type { Step } from "./session-write.ts";
import { writeNotes } from "../policies/note-writing.ts";

/**
 * The pipeline's `writing_notes` step: the NoteWriter writes notes from the transcript and the
 * patient's sentiment, core verifies their evidence, and the session becomes ready with them —
 * the write that also claims the therapist's notification (high priority when a risk is
 * flagged). Provider errors go through the same retry policy as transcription and analysis.
 */
export async function writeNotesStep(deps: ConfideDeps, session: Session, signal: AbortSignal | undefined): Promise<Step> {
  const transcript = session.transcript;
  if (!transcript) {
    return fail(deps, session, session.processing.attempts, {
      code: "internal",
      message: "The session has no transcript to write notes from.",
      retryable: false,
    });
  }
  const outcome = await callProvider(deps, session, signal, (callSignal) => writeNotes(deps, session, callSignal));
  if (outcome.kind === "lost") return null;
  if (outcome.kind === "failed") return recordFailure(deps, outcome.session, outcome.error);
  const current = outcome.session;
  const notes = outcome.value;
  deps.logger.info("session.notes_written", { sessionId: current.id, ...notes.quality });
  return finish(
    deps,
    { ...moveTo(current, "ready", deps.clock.now()), notes, processing: { ...current.processing, lastError: null } },
    current.version,
  );
}
