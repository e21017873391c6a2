import type { Role } from "./user.ts";

export type AuditAction =
  | "session.create"
  | "session.read"
  | "session.list"
  | "session.search"
  | "session.audio.read"
  | "session.transcript.edit"
  | "session.speakers.relabel"
  | "session.notes.edit"
  | "session.notes.regenerate"
  | "session.risk.acknowledge"
  | "session.title.share"
  | "session.note.export"
  | "session.finalize"
  | "session.retry"
  | "session.delete"
  | "session.audio.delete"
  | "legal_hold.set"
  | "legal_hold.release"
  | "user.create"
  | "user.update"
  | "user.link"
  | "user.export"
  | "user.erase"
  | "user.password.change"
  | "user.voice.enrol"
  | "user.voice.erase"
  | "consent.grant"
  | "consent.withdraw"
  | "consent.read";

/** One read or write of clinical content or of an account. Holds ids only, never content. */
export interface AuditEvent {
  id: string;
  at: Date;
  actorId: string;
  actorRole: Role;
  action: AuditAction;
  sessionId?: string;
  /** The user the action concerns (the patient of a session, the account changed). */
  subjectUserId?: string;
  /** Small non-clinical facts: counts, filters used. */
  detail?: Record<string, string | number | boolean>;
}
