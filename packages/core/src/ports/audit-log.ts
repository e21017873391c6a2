import type { AuditEvent } from "../domain/audit-event.ts";
import type { Page, PageRequest } from "./page.ts";

export interface AuditQuery extends PageRequest {
  /** Events whose actor or subject is this user. */
  userId?: string;
  sessionId?: string;
}

/** Append-only record of who read or wrote what, newest first when listed. */
export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  list(query: AuditQuery): Promise<Page<AuditEvent>>;
  close(): Promise<void>;
}
