import type { ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";

/** A step's outcome: the session to continue from, or null to stop this delivery. */
export type Step = Session | null;

export function isSuperseded(error: unknown): error is ConfideError {
  return ConfideError.is(error, "session.version_conflict") || ConfideError.is(error, "session.not_found");
}

/** Conditional write; a conflict or a deleted session means another actor progressed: null. */
export async function save(deps: ConfideDeps, next: Session, expectedVersion: number): Promise<Step> {
  try {
    return await deps.sessions.update({ ...next, updatedAt: deps.clock.now() }, expectedVersion);
  } catch (error) {
    if (!isSuperseded(error)) throw error;
    deps.logger.info("session.process.superseded", { sessionId: next.id, status: next.status, code: error.code });
    return null;
  }
}
