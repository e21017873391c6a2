import type { ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";

const notFound = () => new ConfideError("session.not_found", "No such session.");

/** Admins manage accounts and never read clinical content. */
export function assertClinician(actor: Actor): void {
  if (actor.role === "admin") {
    throw new ConfideError("auth.forbidden", "Administrators cannot access clinical content.");
  }
}

export function assertRole(actor: Actor, ...roles: Actor["role"][]): void {
  if (!roles.includes(actor.role)) {
    throw new ConfideError("auth.forbidden", `This needs the role ${roles.join(" or ")}.`);
  }
}

/**
 * Loads a session the actor may see. Another therapist's session, or a patient's session
 * that is not theirs or not finalized, answers `session.not_found` — never forbidden, so ids
 * cannot be probed. Admins get `auth.forbidden`.
 */
export async function loadVisibleSession(deps: ConfideDeps, actor: Actor, sessionId: string): Promise<Session> {
  assertClinician(actor);
  const session = await deps.sessions.get(sessionId);
  if (!session) throw notFound();
  if (actor.role === "therapist" && session.therapistId !== actor.userId) throw notFound();
  if (actor.role === "patient" && (session.patientId !== actor.userId || session.status !== "finalized")) {
    throw notFound();
  }
  return session;
}

/** Like loadVisibleSession, for writes: only the owning therapist. */
export async function loadOwnedSession(deps: ConfideDeps, actor: Actor, sessionId: string): Promise<Session> {
  assertClinician(actor);
  const session = await loadVisibleSession(deps, actor, sessionId);
  if (actor.role !== "therapist") throw notFound();
  return session;
}

/** A write must name the version it read (If-Match); a different stored version is a conflict. */
export function assertVersion(session: Session, expectedVersion: number | undefined): number {
  if (expectedVersion === undefined) {
    throw new ConfideError("session.version_required", "Send the version you read (If-Match).");
  }
  if (session.version !== expectedVersion) {
    throw new ConfideError("session.version_conflict", "The session was changed since you read it.", {
      details: { currentVersion: session.version },
    });
  }
  return expectedVersion;
}
