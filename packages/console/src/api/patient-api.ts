/** The patient's calls: their finalized sessions and what the notes say to them. */
import { request } from "./api.ts";

/** The part of the patient's view of a session the console shows: no transcript. */
export interface PatientSummary {
  id: string;
  title: string;
  recordedAt: string;
  finalizedAt: string | null;
  patientSummary: string | null;
}

export async function getPatientSummary(sessionId: string): Promise<PatientSummary> {
  const view = await request<{ id: string; title: string; recordedAt: string; review: { finalizedAt: string | null }; patientSummary: string | null }>(
    `/v1/sessions/${encodeURIComponent(sessionId)}`,
  );
  return { id: view.id, title: view.title, recordedAt: view.recordedAt, finalizedAt: view.review.finalizedAt, patientSummary: view.patientSummary };
}
