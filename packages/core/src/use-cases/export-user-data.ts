import type { ConfideDeps } from "../deps.ts";
import type { AuditEvent } from "../domain/audit-event.ts";
import type { DevicePlatform } from "../domain/device.ts";
import { toPatientView, type PatientSessionView, type Session } from "../domain/session.ts";
import { toPublicUser, type Actor, type CareRelation, type PublicUser } from "../domain/user.ts";
import { ConfideError } from "../errors.ts";
import type { SessionQuery } from "../ports/session-repository.ts";
import { audit } from "./audit.ts";

export interface ExportUserDataInput {
  /** Whose data; the actor's own when absent. Only an administrator may name someone else. */
  userId?: string;
}

export interface ExportedDevice {
  id: string;
  platform: DevicePlatform;
  /** The last 6 characters of the push token, after "…": enough to recognise, useless to send. */
  token: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** Everything Confide holds about one user. Plain data: `JSON.stringify` gives the download. */
export interface UserDataExport {
  exportedAt: Date;
  user: PublicUser;
  careRelations: CareRelation[];
  devices: ExportedDevice[];
  /**
   * A therapist's own sessions in full; a patient's finalized sessions as the patient sees
   * them. Absent when an administrator exports someone else (see `omitted`).
   */
  sessions?: Array<Session | PatientSessionView>;
  /** Audit events in which the user is the actor or the subject, newest first. */
  auditEvents: AuditEvent[];
  /** Parts left out because the actor may not read them. */
  omitted: Array<"sessions">;
}

const pageLimit = 100;

async function allSessions(deps: ConfideDeps, query: Omit<SessionQuery, "cursor" | "limit">): Promise<Session[]> {
  const sessions: Session[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.sessions.list({ ...query, limit: pageLimit, ...(cursor === undefined ? {} : { cursor }) });
    sessions.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return sessions;
}

async function allAuditEvents(deps: ConfideDeps, userId: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.audit.list({ userId, limit: pageLimit, ...(cursor === undefined ? {} : { cursor }) });
    events.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return events;
}

/**
 * Exports a user's data (the right of access). Users export their own; an administrator may
 * export any account's data but never its clinical content, so sessions are then omitted.
 * @throws ConfideError `auth.forbidden` when a non-admin names another user, `user.not_found`.
 */
export async function exportUserData(
  deps: ConfideDeps,
  actor: Actor,
  input: ExportUserDataInput = {},
): Promise<UserDataExport> {
  const userId = input.userId ?? actor.userId;
  const self = userId === actor.userId;
  if (!self && actor.role !== "admin") {
    throw new ConfideError("auth.forbidden", "Only an administrator may export another user's data.");
  }
  const user = await deps.users.get(userId);
  if (!user) throw new ConfideError("user.not_found", "No such user.");

  let sessions: Array<Session | PatientSessionView> | undefined;
  if (self && user.role === "therapist") sessions = await allSessions(deps, { therapistId: user.id });
  else if (self && user.role === "patient") {
    sessions = (await allSessions(deps, { patientId: user.id, statuses: ["finalized"] })).map(toPatientView);
  } else if (self) sessions = [];

  const devices = (await deps.devices.listByUser(user.id)).map(
    (device): ExportedDevice => ({
      id: device.id,
      platform: device.platform,
      token: `…${device.token.slice(-6)}`,
      createdAt: device.createdAt,
      lastSeenAt: device.lastSeenAt,
    }),
  );
  const result: UserDataExport = {
    exportedAt: deps.clock.now(),
    user: toPublicUser(user),
    careRelations: await deps.users.relationsOf(user.id),
    devices,
    ...(sessions === undefined ? {} : { sessions }),
    auditEvents: await allAuditEvents(deps, user.id),
    omitted: sessions === undefined ? ["sessions"] : [],
  };
  await audit(deps, actor, "user.export", {
    subjectUserId: user.id,
    detail: { sessionCount: sessions?.length ?? 0, sessionsOmitted: sessions === undefined },
  });
  return result;
}
