import { patientSummaryOf, type ClinicalNotes } from "@confide/core";

/**
 * A therapist's session as answered: the session, and `patientSummaryPreview` — what the
 * patient would read if the summary were released now, by the rule the patient's view uses
 * (`patientSummaryOf`), so the sign-off review shows the patient's words and not a copy of the
 * rule. A patient's view (it has `patientSummary` of its own) is answered as it is.
 */
export function therapistSessionBody<T extends object>(session: T): T {
  if ("patientSummary" in session) return session;
  const notes = (session as { notes?: unknown }).notes as Pick<ClinicalNotes, "patientSummary" | "review"> | null | undefined;
  const body: T & { patientSummaryPreview: string | null } = { ...session, patientSummaryPreview: notes ? patientSummaryOf(notes) : null };
  return body;
}
