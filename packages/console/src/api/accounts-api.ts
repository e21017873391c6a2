/** The administrator's calls: accounts and care links (no clinical content). */
import { dataOf } from "@confide/client";
import type { Page, Role, User } from "./api-types.ts";
import { consoleClient } from "./console-client.ts";

const { api } = consoleClient;

export interface Account extends User {
  active: boolean;
  createdAt: string;
}

export function listAccounts(query: { q?: string; role?: Role; cursor?: string; limit?: number }): Promise<Page<Account>> {
  return dataOf(api.GET("/v1/admin/users", { params: { query } }));
}

export function openAccount(input: { email: string; displayName: string; role: Role; password: string }): Promise<Account> {
  return dataOf(api.POST("/v1/admin/users", { body: input }));
}

export function linkPatient(therapistId: string, patientId: string): Promise<{ therapistId: string; patientId: string; createdAt: string }> {
  return dataOf(api.POST("/v1/admin/users/{id}/patients/{patientId}", { params: { path: { id: therapistId, patientId } } }));
}
