/**
 * The patient summary exactly as the patient will read it, for the sign-off review: the
 * therapist's own summary when they wrote one, otherwise the written summary's grounded
 * sentences in order — the same rule as the server's (`patientSummaryOf` in core), so what the
 * therapist releases is what the patient sees.
 */
export interface PatientSummaryNotes {
  patientSummary: Array<{ text: string; verification: { status: string } }> | { status: "not_assessed"; reason: string };
  review: { patientSummary: string | null } | null;
}

/** @returns the text, or null when the patient would read no summary. */
export function patientSummaryPreview(notes: PatientSummaryNotes | null | undefined): string | null {
  if (!notes) return null;
  const own = notes.review?.patientSummary;
  if (typeof own === "string" && own.trim() !== "") return own.trim();
  if (!Array.isArray(notes.patientSummary)) return null;
  const sentences = notes.patientSummary.filter((item) => item.verification.status === "grounded").map((item) => item.text.trim());
  return sentences.length === 0 ? null : sentences.join(" ");
}
