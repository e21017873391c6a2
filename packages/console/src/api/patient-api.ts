/** The patient's calls: their finalized sessions and what the notes say to them. */
import { dataOf, type PatientSessionView } from "@confide/client";
import { consoleClient } from "./console-client.ts";

/** The part of the patient's view of a session the console shows: no transcript. */
export interface PatientSummary {
  id: string;
  title: string;
  recordedAt: string;
  finalizedAt: string | null;
  patientSummary: string | null;
}

export async function getPatientSummary(sessionId: string): Promise<PatientSummary> {
  // A patient is always answered with the patient view of the session.
  const view = (await dataOf(consoleClient.api.GET("/v1/sessions/{id}", { params: { path: { id: sessionId } } }))) as PatientSessionView;
  return { id: view.id, title: view.title, recordedAt: view.recordedAt, finalizedAt: view.review.finalizedAt, patientSummary: view.patientSummary };
}
