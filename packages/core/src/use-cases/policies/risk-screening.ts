import type { ConfideDeps } from "../../deps.ts";
import type { ClinicalNotes } from "../../domain/clinical-notes.ts";
import { riskFlagsOf } from "../../domain/note-evidence.ts";
import { carryAcknowledgements } from "../../domain/acknowledged-risk-flags.ts";
import type { RiskScreenResult } from "../../domain/risk-flag.ts";
import { flagsOfFindings, flagsOfWriter, mergeRiskFlags, riskScreenSummary } from "../../domain/risk-screen.ts";
import type { Transcript } from "../../domain/transcript.ts";
import { unscreenedPassages } from "../../domain/risk-unscreened.ts";

/** A result with its honest summary (`riskScreenSummary`). */
function summarized(result: Omit<RiskScreenResult, "summary">): RiskScreenResult {
  return { ...result, summary: riskScreenSummary(result) };
}

function transcriptOrder(transcript: Pick<Transcript, "segments">): (segmentId: string) => number {
  const position = new Map(transcript.segments.map((segment, index) => [segment.id, index]));
  return (segmentId) => position.get(segmentId) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * Screens a transcript for risk (`deps.risk`): the screen's flags alone, attributed by the
 * transcript's roles and their citations checked, with the passages whose words are too unsure
 * to screen (`unscreenedPassages`). Runs whatever the notes' consent: a
 * safety check inside the deployment, like the sentiment, not a note. The pipeline, a
 * regeneration and a review edit all screen through here, then merge the notes' flags
 * (`withWriterFlags`).
 * @returns the result for the transcript's revision.
 * @throws ConfideError `provider.*` from the screen.
 */
export async function screenRisk(deps: Pick<ConfideDeps, "risk" | "clock">, transcript: Transcript, signal?: AbortSignal): Promise<RiskScreenResult> {
  const output = await deps.risk.screen(
    {
      language: transcript.language,
      speakers: transcript.speakers.map((speaker) => ({ label: speaker.label, role: speaker.role })),
      segments: transcript.segments.map((segment) => ({ id: segment.id, speaker: segment.speaker, text: segment.text })),
    },
    signal ? { signal } : {},
  );
  const ran = { screens: [{ provider: deps.risk.provider, version: output.version }], transcriptRevision: transcript.revision, screenedAt: deps.clock.now() };
  // Passages too unsure to screen matter only where the screen ran: one that did not run says only why.
  if (output.status === "not_screened") return summarized({ status: "not_screened", ...ran, reason: output.reason, flags: [] });
  const flags = mergeRiskFlags([flagsOfFindings(output.findings, `screen:${deps.risk.provider}`, transcript)], transcriptOrder(transcript));
  return summarized({ status: "screened", ...ran, ...unscreenedPassages(transcript), flags });
}

/**
 * A fresh screen with the note writer's own risk flags merged in (the union is shown,
 * each flag naming who raised it; the screen's flags are never replaced or dropped).
 * @returns `screened` unchanged when the notes flag nothing.
 */
export function withWriterFlags(
  screened: RiskScreenResult,
  notes: Pick<ClinicalNotes, "riskFlags" | "provenance"> | null | undefined,
  transcript: Transcript,
): RiskScreenResult {
  const written = notes ? flagsOfWriter(riskFlagsOf(notes), notes.provenance.provider, transcript) : [];
  if (written.length === 0) return screened;
  const ownFlags = screened.flags.map(({ id: _id, ...flag }) => flag);
  return summarized({ ...screened, flags: mergeRiskFlags([ownFlags, written], transcriptOrder(transcript)) });
}

/**
 * What replaces a session's risk result after a screen of its transcript: the fresh screen with
 * the note writer's flags merged in (`withWriterFlags`), keeping every acknowledgement the
 * previous result held for a flag that is still there (`carryAcknowledgements`). Every path that
 * screens a session again goes through here, so an acknowledgement never silently vanishes.
 */
export function rescreened(
  previous: RiskScreenResult | null | undefined,
  screened: RiskScreenResult,
  notes: Pick<ClinicalNotes, "riskFlags" | "provenance"> | null | undefined,
  transcript: Transcript,
): RiskScreenResult {
  return carryAcknowledgements(previous, withWriterFlags(screened, notes, transcript));
}
