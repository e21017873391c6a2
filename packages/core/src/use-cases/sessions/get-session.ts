import type { ConfideDeps } from "../../deps.ts";
import { toPatientView, type PatientSessionView, type Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { audit } from "../policies/audit.ts";
import { loadVisibleSession } from "../policies/session-access.ts";

export interface GetSessionInput {
  sessionId: string;
}

/**
 * One session. The owning therapist gets the whole session; the patient gets the patient view
 * of their own finalized session (no sentiment, review history or processing). Audited as
 * `session.read`.
 * @throws ConfideError `session.not_found` (missing, another therapist's or tenant's, or a
 * patient's session not yet finalized), `auth.forbidden` for an admin.
 */
export async function getSession(
  deps: ConfideDeps,
  actor: Actor,
  input: GetSessionInput,
): Promise<Session | PatientSessionView> {
  const session = await loadVisibleSession(deps, actor, input.sessionId);
  await audit(deps, actor, "session.read", { sessionId: session.id, subjectUserId: session.patientId });
  return actor.role === "patient" ? toPatientView(session) : session;
}
