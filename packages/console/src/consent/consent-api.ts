/** Consent calls: a therapist's for their patient, a patient's for themselves. */
import { dataOf, type Schemas } from "@confide/client";
import { consoleClient } from "../api/console-client.ts";

export type ConsentScopeEntry = Schemas["ConsentScopeEntry"];
export type ConsentForm = Schemas["ConsentForm"];
/** What is in force and the whole history, as the routes answer it. */
export type ConsentStatus = Awaited<ReturnType<typeof getPatientConsent>>;
export type ActiveConsent = ConsentStatus["active"];

export interface WithdrawalInput {
  scopes?: ConsentScopeEntry[];
  reason?: string;
  eraseSessions?: boolean;
}

const { api } = consoleClient;

export function getPatientConsent(patientId: string) {
  return dataOf(api.GET("/v1/patients/{patientId}/consent", { params: { path: { patientId } } }));
}

export function recordPatientConsent(
  patientId: string,
  input: { scopes: ConsentScopeEntry[]; form: ConsentForm; method: "written" | "verbal_witnessed" },
) {
  return dataOf(api.POST("/v1/patients/{patientId}/consent", { params: { path: { patientId } }, body: input }));
}

export function recordPatientWithdrawal(patientId: string, input: WithdrawalInput) {
  return dataOf(api.POST("/v1/patients/{patientId}/consent/withdrawals", { params: { path: { patientId } }, body: input }));
}

export function getOwnConsent() {
  return dataOf(api.GET("/v1/me/consent"));
}

export function grantOwnConsent(input: { scopes: ConsentScopeEntry[]; form: ConsentForm }) {
  return dataOf(api.POST("/v1/me/consent", { body: input }));
}

export function withdrawOwnConsent(input: WithdrawalInput) {
  return dataOf(api.POST("/v1/me/consent/withdrawals", { body: input }));
}
