import { ConfideError } from "../errors.ts";
import type { RetentionRule } from "../domain/retention.ts";
import type { Session } from "../domain/session.ts";
import type { RetentionCandidate } from "./session-repository.ts";

/** Largest batch `findRetentionCandidates` answers. */
export const maxRetentionBatch = 1000;

/** @throws ConfideError `validation.invalid_input` for a limit outside 1–1000. */
export function assertRetentionLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxRetentionBatch) {
    throw new ConfideError("validation.invalid_input", `The limit must be a whole number from 1 to ${maxRetentionBatch}.`, {
      details: { field: "limit" },
    });
  }
}

/**
 * The session as a candidate of `rule` (whatever its date), or null when the rule never
 * reaches it: the rule of `SessionRepository.findRetentionCandidates`, for stores that filter
 * whole sessions (the in-memory one) and for checks of a candidate read again.
 */
export function retentionCandidateOf(session: Session, rule: RetentionRule): RetentionCandidate | null {
  const { id, therapistId, patientId, status } = session;
  if (rule === "failed") return status === "failed" ? { id, therapistId, patientId, status, at: session.updatedAt } : null;
  const finalizedAt = session.review.finalizedAt;
  if (status !== "finalized" || finalizedAt === null) return null;
  if (rule === "audio" && session.audio.removed !== undefined) return null;
  return { id, therapistId, patientId, status, at: finalizedAt };
}
