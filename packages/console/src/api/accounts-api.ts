/** The administrator's calls: accounts and care links (no clinical content). */
import { queryString, request } from "./api.ts";
import type { Page, Role, User } from "./api-types.ts";

export interface Account extends User {
  active: boolean;
  createdAt: string;
}

export function listAccounts(query: { q?: string; role?: Role; cursor?: string; limit?: number }): Promise<Page<Account>> {
  return request(`/v1/admin/users${queryString({ q: query.q, role: query.role, cursor: query.cursor, limit: query.limit })}`);
}

export function openAccount(input: { email: string; displayName: string; role: Role; password: string }): Promise<Account> {
  return request("/v1/admin/users", { method: "POST", body: JSON.stringify(input) });
}

export function linkPatient(therapistId: string, patientId: string): Promise<{ therapistId: string; patientId: string; createdAt: string }> {
  return request(`/v1/admin/users/${encodeURIComponent(therapistId)}/patients/${encodeURIComponent(patientId)}`, { method: "POST" });
}
