import type { AuditEvent } from "../domain/audit-event.ts";
import type { Page, PageRequest } from "./page.ts";

export interface AuditQuery extends PageRequest {
  /** Events whose actor or subject is this user. */
  userId?: string;
  sessionId?: string;
}

/**
 * Append-only record of who read or wrote what, newest first when listed. Every method throws
 * ConfideError `dependency.unavailable` when the store cannot be reached or fails (retryable when
 * it may pass), as the repositories' error maps say.
 */
export interface AuditLog {
  /**
   * Appends one event; it is never changed afterwards.
   * @throws ConfideError `dependency.unavailable` when the store fails (the event is not recorded).
   */
  record(event: AuditEvent): Promise<void>;

  /**
   * One page of the events matching the query, newest first (then by id).
   * @throws ConfideError `validation.invalid_input` for a limit outside 1–100 or a cursor not of
   * this listing; `dependency.unavailable` when the store fails.
   */
  list(query: AuditQuery): Promise<Page<AuditEvent>>;

  /** Releases what the log holds (its connection, when it owns one). */
  close(): Promise<void>;
}
