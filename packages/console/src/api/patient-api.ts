/** The patient's calls: their finalized sessions and what the notes say to them, over the console's client. */
import { dataOf } from "@confide/client";
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
  const view = await dataOf(consoleClient.api.GET("/v1/sessions/{id}", { params: { path: { id: sessionId } } }));
  if (!("patientSummary" in view)) throw new Error("This view is for the session's patient.");
  return { id: view.id, title: view.title, recordedAt: view.recordedAt, finalizedAt: view.review.finalizedAt, patientSummary: view.patientSummary };
}
