import type { ConfideDeps } from "../../deps.ts";
import type { AuditAction, AuditEvent } from "../../domain/audit-event.ts";
import type { ConsentRecord } from "../../domain/consent.ts";
import type { DevicePlatform } from "../../domain/device.ts";
import { toPatientView, type PatientSessionView, type Session } from "../../domain/session.ts";
import { toPublicUser, type Actor, type CareRelation, type PublicUser } from "../../domain/user.ts";
import { summarizeVoiceEnrolment, type VoiceEnrolmentSummary } from "../../domain/voice-enrolment.ts";
import { ConfideError } from "../../errors.ts";
import type { SessionQuery } from "../../ports/session-repository.ts";
import { audit } from "../policies/audit.ts";

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
  /**
   * Audit events in which the user is the actor or the subject, newest first; for a patient
   * only those the patient may see (see `exportUserData`).
   */
  auditEvents: AuditEvent[];
  /**
   * A patient's consent history (grants and withdrawals, oldest first), in their own export.
   * Absent for therapists and administrators (no consent of their own), and when an
   * administrator exports a patient: consent to therapy processing is clinical content.
   */
  consents?: ConsentRecord[];
  /**
   * A therapist's voice enrolment: whether enrolled, when, the consent given, how much speech and
   * how good — never the embedding itself (a biometric template: it identifies the voice and is
   * of no use to the person; it is erased, not handed out). Absent for patients and administrators.
   */
  voiceEnrolment?: VoiceEnrolmentSummary;
  /** Parts left out because the actor may not read them. */
  omitted: Array<"sessions" | "consents">;
}

const pageLimit = 100;

/** Whole sessions (a listing holds summaries), newest recording first; one deleted meanwhile is left out. */
async function allSessions(deps: ConfideDeps, query: Omit<SessionQuery, "cursor" | "limit">): Promise<Session[]> {
  const sessions: Session[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.sessions.list({ ...query, limit: pageLimit, ...(cursor === undefined ? {} : { cursor }) });
    for (const listed of page.items) {
      const session = await deps.sessions.get(listed.id);
      if (session !== null) sessions.push(session);
    }
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
 * What others did that a patient's export shows about one of the patient's visible (finalized)
 * sessions: who created, finalized, opened or played it. Review work before finalization
 * (transcript edits, speaker relabelling, retries) is the therapist's working record, hidden
 * from the patient's view of the session, so it stays out of the export too.
 */
const patientVisibleSessionActions: ReadonlySet<AuditAction> = new Set([
  "session.create",
  "session.read",
  "session.audio.read",
  "session.finalize",
]);

/**
 * A patient sees: every event of their own doing; others' account events about them
 * (`user.*`: their account opened, changed, linked to a therapist, exported, password changed);
 * and others' events about a session the patient can see, of the kinds in
 * `patientVisibleSessionActions`. Never: events about sessions the patient cannot see (not
 * finalized, deleted), and others' listings and searches (their counts would reveal them).
 */
function visibleToPatient(event: AuditEvent, patientId: string, visibleSessionIds: ReadonlySet<string>): boolean {
  if (event.actorId === patientId) return true;
  if (event.sessionId !== undefined) {
    return visibleSessionIds.has(event.sessionId) && patientVisibleSessionActions.has(event.action);
  }
  return event.action.startsWith("user.");
}

/**
 * Exports a user's data (the right of access). Users export their own; an administrator may
 * export any account's data but never its clinical content, so sessions are then omitted.
 * Audit events: a therapist's or an administrator's export lists every event whose actor or
 * subject is the user. A patient's own export lists only what the patient may see: their own
 * actions, others' account events about them (`user.*`), and others' creating, finalizing,
 * opening or playing one of the sessions the export contains; nothing about sessions the
 * patient cannot see, no review edits, no one else's listings or searches. A patient's own
 * export holds their consent history.
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
  let auditEvents = await allAuditEvents(deps, user.id);
  if (self && user.role === "therapist") sessions = await allSessions(deps, { therapistId: user.id });
  else if (self && user.role === "patient") {
    sessions = (await allSessions(deps, { patientId: user.id, statuses: ["finalized"] })).map(toPatientView);
    const visibleSessionIds = new Set(sessions.map((session) => session.id));
    auditEvents = auditEvents.filter((event) => visibleToPatient(event, user.id, visibleSessionIds));
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
  const consents = user.role === "patient" && self ? await deps.consents.history(user.id) : undefined;
  const omitted: UserDataExport["omitted"] = [
    ...(sessions === undefined ? (["sessions"] as const) : []),
    ...(user.role === "patient" && !self ? (["consents"] as const) : []),
  ];
  const result: UserDataExport = {
    exportedAt: deps.clock.now(),
    user: toPublicUser(user),
    careRelations: await deps.users.relationsOf(user.id),
    devices,
    ...(sessions === undefined ? {} : { sessions }),
    auditEvents,
    ...(consents === undefined ? {} : { consents }),
    ...(user.role === "therapist" ? { voiceEnrolment: summarizeVoiceEnrolment(user.voice) } : {}),
    omitted,
  };
  await audit(deps, actor, "user.export", {
    subjectUserId: user.id,
    detail: { sessionCount: sessions?.length ?? 0, sessionsOmitted: sessions === undefined, consentRecordCount: consents?.length ?? 0 },
  });
  return result;
}
