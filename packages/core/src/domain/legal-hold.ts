import type { Role } from "./user.ts";

/**
 * A legal hold: while active, nothing it covers may be deleted — not by the retention sweep,
 * not by a therapist's session delete, not by a user's erasure. On a patient it covers every
 * session of theirs (those recorded later too); on a session, that session. Holds only ids,
 * who and why: a hold reveals no clinical content.
 */
export interface LegalHold {
  id: string;
  /** Always set: the patient of the held session, or the held patient. */
  patientId: string;
  /** Set for a hold on one session; null for a hold on the patient (all their sessions). */
  sessionId: string | null;
  /** Why, in the words of whoever set it (a case number, a request); not clinical content. */
  reason: string;
  setAt: Date;
  setBy: string;
  setByRole: Role;
  /** Null while the hold is active. */
  releasedAt: Date | null;
  releasedBy: string | null;
}

export function isActiveHold(hold: LegalHold): boolean {
  return hold.releasedAt === null;
}

/**
 * The active holds, among `holds` (a patient's), that cover the session `sessionId`: the
 * patient's own holds and those on that session.
 */
export function holdsCovering(holds: LegalHold[], sessionId: string): LegalHold[] {
  return holds.filter((hold) => isActiveHold(hold) && (hold.sessionId === null || hold.sessionId === sessionId));
}
