import type { ReviewEdit } from "./session.ts";
import type { Segment, Transcript } from "./transcript.ts";

/**
 * True once the therapist has set a speaker's role in review (a `speaker` edit): from then on
 * the transcript's roles are theirs, not the role assigner's guess.
 */
export function speakerRolesReviewed(edits: readonly ReviewEdit[]): boolean {
  return edits.some((edit) => edit.kind === "speaker");
}

/**
 * The segments whose sentiment is measured (the patient's words only), the one rule
 * for the pipeline and for review:
 * - a segment with blank text is never analysed;
 * - the segments of every speaker with role `patient`;
 * - when no speaker has role `patient` and the roles are still the assigner's guess
 *   (`rolesReviewed: false`), the segments of every speaker not labelled therapist — the
 *   heuristic could not tell, and a therapist's words are still never analysed;
 * - when no speaker has role `patient` after the therapist set the roles (`rolesReviewed:
 *   true`), none: their labels are authoritative.
 * Segments keep their transcript order.
 */
export function patientSegments(
  transcript: Pick<Transcript, "speakers" | "segments">,
  options: { rolesReviewed: boolean },
): Segment[] {
  const roleOf = new Map(transcript.speakers.map((speaker) => [speaker.label, speaker.role]));
  const hasPatient = transcript.speakers.some((speaker) => speaker.role === "patient");
  const fallBack = !hasPatient && !options.rolesReviewed;
  return transcript.segments.filter((segment) => {
    if (segment.text.trim() === "") return false;
    const role = roleOf.get(segment.speaker);
    return fallBack ? role !== "therapist" : role === "patient";
  });
}
