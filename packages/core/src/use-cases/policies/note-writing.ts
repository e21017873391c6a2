import type { ConfideDeps } from "../../deps.ts";
import { allNotAssessed, type ClinicalNotes } from "../../domain/clinical-notes.ts";
import { currentRiskSpans, harmToOthersSpans } from "../../domain/current-risk.ts";
import { verifyNotes } from "../../domain/note-evidence.ts";
import { ConfideError } from "../../errors.ts";
import { sessionNoteFormat } from "../../domain/note-formats.ts";
import type { Session } from "../../domain/session.ts";
import { notesConsentGap } from "./consent.ts";

/** Who "wrote" notes that were not written because the patient's consent does not cover them. */
const notConsentedProvenance = { provider: "consent", model: "none", promptVersion: "none" } as const;

/**
 * Asks `deps.notes` for notes on the session's transcript and patient sentiment, in the session's
 * note format (a language-model writer words its prompt for it), with where the session's risk
 * screen found a current risk to the patient's own life or body (`currentRiskSpans`) and words of
 * harming someone else (`harmToOthersSpans`), and verifies their evidence and claim support against
 * that transcript (`deps.claims` reads the words; a plan line citing words of harm to others is
 * held back, `verifyNotes`): the one way notes are written, by the pipeline and by a regeneration.
 * Only with the patient's consent (`notesConsentGap`: `ai_notes`, and `cloud_processing` for a
 * cloud writer): without it the writer is not called and every field is `not_assessed` with the
 * reason, so the session says why it has no notes.
 * @returns fresh notes (not stale, no review) for the transcript's revision.
 * @throws ConfideError `validation.invalid_input` when the session has no transcript;
 * `provider.*` from the writer.
 */
export async function writeNotes(
  deps: Pick<ConfideDeps, "notes" | "claims" | "clock" | "consents" | "settings">,
  session: Pick<Session, "transcript" | "sentiment" | "patientId" | "noteFormat" | "risk">,
  signal?: AbortSignal,
): Promise<ClinicalNotes> {
  const transcript = session.transcript;
  if (!transcript) throw new ConfideError("session.invalid_state", "The session has no transcript to write notes from.");
  const gap = await notesConsentGap(deps, session.patientId);
  if (gap !== null) return verifyNotes(allNotAssessed(gap), transcript, { ...notConsentedProvenance, writtenAt: deps.clock.now() }, deps.claims);
  // The patient's words of harming someone else: the writer is told, and core holds back any plan line citing them, whoever wrote it.
  const harmToOthers = harmToOthersSpans(session.risk?.flags ?? []);
  const result = await deps.notes.write(
    {
      language: transcript.language,
      speakers: transcript.speakers.map((speaker) => ({ label: speaker.label, role: speaker.role })),
      segments: transcript.segments.map((segment) => ({
        id: segment.id,
        speaker: segment.speaker,
        startMs: segment.startMs,
        endMs: segment.endMs,
        text: segment.text,
      })),
      sentiment: session.sentiment?.segments ?? [],
      format: sessionNoteFormat(session),
      currentRisks: currentRiskSpans(session.risk?.flags ?? []),
      harmToOthers,
    },
    signal ? { signal } : {},
  );
  return verifyNotes(
    result.notes,
    transcript,
    {
      provider: deps.notes.provider,
      model: result.model,
      promptVersion: result.promptVersion,
      writtenAt: deps.clock.now(),
    },
    deps.claims,
    { harmToOthers },
  );
}
