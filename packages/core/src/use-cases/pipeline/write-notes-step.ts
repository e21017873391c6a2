import type { ConfideDeps } from "../../deps.ts";
import { moveTo, type Session } from "../../domain/session.ts";
import { callProvider } from "./provider-call.ts";
import { failWithoutTranscript, recordFailure } from "./retry-policy.ts";
import { finish } from "./session-notification.ts";
import type { Step } from "./session-write.ts";
import { writeNotes } from "../policies/note-writing.ts";
import { rescreened, screenRisk } from "../policies/risk-screening.ts";

/**
 * The pipeline's `writing_notes` step: the risk screen reads the transcript, the NoteWriter
 * writes notes from it and the patient's sentiment, core verifies their evidence and merges the
 * writer's risk flags with the screen's, and the session becomes ready with both — the write that
 * also claims the therapist's notification (high priority when a flag alerts). Provider errors go
 * through the same retry policy as transcription and analysis. The screen runs first and its
 * result is kept on the session even when the writer then fails for good.
 */
export async function writeNotesStep(deps: ConfideDeps, session: Session, signal: AbortSignal | undefined): Promise<Step> {
  const transcript = session.transcript;
  if (!transcript) return failWithoutTranscript(deps, session, "write notes from");
  const screened = await callProvider(deps, session, signal, (callSignal) => screenRisk(deps, transcript, callSignal));
  if (screened.kind === "lost") return null;
  if (screened.kind === "failed") return recordFailure(deps, screened.session, screened.error);
  const outcome = await callProvider(deps, screened.session, signal, (callSignal) => writeNotes(deps, { ...session, risk: screened.value }, callSignal));
  if (outcome.kind === "lost") return null;
  if (outcome.kind === "failed") return recordFailure(deps, { ...outcome.session, risk: rescreened(session.risk, screened.value, null, transcript) }, outcome.error);
  const current = outcome.session;
  const notes = outcome.value;
  const risk = rescreened(session.risk, screened.value, notes, transcript);
  deps.logger.info("session.notes_written", { sessionId: current.id, ...notes.quality, riskFlags: risk.flags.length });
  return finish(
    deps,
    { ...moveTo(current, "ready", deps.clock.now()), notes, risk, processing: { ...current.processing, lastError: null } },
    current.version,
  );
}
