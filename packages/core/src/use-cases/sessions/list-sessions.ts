import type { ConfideDeps } from "../../deps.ts";
import type { AuditEvent } from "../../domain/audit-event.ts";
import { toPatientSummary, type SessionSummary } from "../../domain/session.ts";
import { sessionStatuses, type SessionStatus } from "../../domain/session-status.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import type { Page } from "../../ports/page.ts";
import type { SessionQuery } from "../../ports/session-repository.ts";
import { audit } from "../policies/audit.ts";
import { assertClinician, assertRole } from "../policies/session-access.ts";

export const defaultPageLimit = 20;
export const maxPageLimit = 100;
/** Longest accepted search text. */
export const maxSearchTextLength = 500;

export interface ListSessionsInput {
  patientId?: string;
  /** Any of these statuses; omitted means every status. */
  statuses?: SessionStatus[];
  /** recordedAt >= recordedFrom */
  recordedFrom?: Date;
  /** recordedAt < recordedTo */
  recordedTo?: Date;
  /**
   * Words that must all appear in what the actor may read of a session: the title, the
   * transcript, and for a therapist the clinical notes, for a patient the patient summary.
   * Makes the call a search.
   */
  text?: string;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** 1–100, default 20. */
  limit?: number;
}

export interface ListPendingReviewInput {
  cursor?: string;
  limit?: number;
}

const invalid = (message: string, details: Record<string, unknown>) =>
  new ConfideError("validation.invalid_input", message, { details });

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return defaultPageLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageLimit) {
    throw invalid(`limit must be a whole number from 1 to ${maxPageLimit}.`, { field: "limit" });
  }
  return limit;
}

function assertDate(value: Date | undefined, field: string): void {
  if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime()))) {
    throw invalid(`${field} is not a valid date.`, { field });
  }
}

function validate(input: ListSessionsInput): { limit: number; text: string | undefined } {
  const limit = pageLimit(input.limit);
  assertDate(input.recordedFrom, "recordedFrom");
  assertDate(input.recordedTo, "recordedTo");
  if (input.recordedFrom && input.recordedTo && input.recordedFrom > input.recordedTo) {
    throw invalid("recordedFrom must not be after recordedTo.", { field: "recordedFrom" });
  }
  if (input.statuses !== undefined) {
    if (input.statuses.length === 0) throw invalid("statuses must name at least one status.", { field: "statuses" });
    const unknown = input.statuses.find((status) => !sessionStatuses.includes(status));
    if (unknown !== undefined) throw invalid(`Unknown status "${String(unknown)}".`, { field: "statuses" });
  }
  if (input.patientId !== undefined && input.patientId.trim() === "") {
    throw invalid("patientId must not be empty.", { field: "patientId" });
  }
  let text: string | undefined;
  if (input.text !== undefined) {
    text = input.text.trim();
    if (text === "") throw invalid("The search text is empty.", { field: "text" });
    if (text.length > maxSearchTextLength) {
      throw invalid(`The search text is longer than ${maxSearchTextLength} characters.`, { field: "text" });
    }
  }
  return { limit, text };
}

/** Non-clinical facts about a listing for the audit log: filters used and how many came back. */
function auditDetail(input: ListSessionsInput, count: number): NonNullable<AuditEvent["detail"]> {
  return {
    count,
    ...(input.statuses ? { statuses: input.statuses.join(",") } : {}),
    ...(input.recordedFrom ? { recordedFrom: input.recordedFrom.toISOString() } : {}),
    ...(input.recordedTo ? { recordedTo: input.recordedTo.toISOString() } : {}),
    ...(input.cursor ? { paged: true } : {}),
  };
}

/**
 * Pages through the sessions the actor may see, newest recording first, as summaries (no
 * transcript, sentiment or review: `getSession` gives those). A therapist sees only their own
 * sessions; a patient only their own finalized sessions. With
 * `text` it is a search (every word must match) over titles and transcripts, and the notes a
 * therapist reads or the patient summary a patient reads (`sessionSearchIndex`), audited as
 * `session.search`; otherwise audited as `session.list`. Search words are not written to the
 * audit log.
 * @throws ConfideError `validation.invalid_input` (limit outside 1–100, recordedFrom after
 * recordedTo, empty search text, unknown status, bad cursor), `auth.forbidden` for an admin.
 */
export async function listSessions(
  deps: ConfideDeps,
  actor: Actor,
  input: ListSessionsInput = {},
): Promise<Page<SessionSummary>> {
  assertClinician(actor);
  const { limit, text } = validate(input);
  const action = text === undefined ? "session.list" : "session.search";

  const query: SessionQuery = {
    limit,
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
    ...(input.recordedFrom === undefined ? {} : { recordedFrom: input.recordedFrom }),
    ...(input.recordedTo === undefined ? {} : { recordedTo: input.recordedTo }),
    ...(text === undefined ? {} : { text }),
  };
  let scopedOut = false;
  if (actor.role === "therapist") {
    query.therapistId = actor.userId;
    query.searchAudience = "clinician";
    if (input.patientId !== undefined) query.patientId = input.patientId;
    if (input.statuses !== undefined) query.statuses = input.statuses;
  } else {
    // A patient sees only their own finalized sessions: other filters narrow that, never widen it.
    query.patientId = actor.userId;
    query.statuses = ["finalized"];
    query.searchAudience = "patient";
    scopedOut =
      (input.patientId !== undefined && input.patientId !== actor.userId) ||
      (input.statuses !== undefined && !input.statuses.includes("finalized"));
  }

  const listed: Page<SessionSummary> = scopedOut ? { items: [], nextCursor: null } : await deps.sessions.list(query);
  // A patient's listing is an allow-list: no risk count, the therapist's title only when shared.
  const page = actor.role === "patient" ? { ...listed, items: listed.items.map(toPatientSummary) } : listed;
  await audit(deps, actor, action, {
    ...(query.patientId === undefined ? {} : { subjectUserId: query.patientId }),
    detail: auditDetail(input, page.items.length),
  });
  return page;
}

/**
 * The therapist's sessions waiting for review (status `ready`), newest recording first, as
 * summaries. Audited as `session.list`.
 * @throws ConfideError `auth.forbidden` for anyone but a therapist, `validation.invalid_input`.
 */
export async function listPendingReview(
  deps: ConfideDeps,
  actor: Actor,
  input: ListPendingReviewInput = {},
): Promise<Page<SessionSummary>> {
  assertRole(actor, "therapist");
  const limit = pageLimit(input.limit);
  const page = await deps.sessions.list({
    therapistId: actor.userId,
    statuses: ["ready"],
    limit,
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  });
  await audit(deps, actor, "session.list", {
    detail: { count: page.items.length, statuses: "ready", ...(input.cursor ? { paged: true } : {}) },
  });
  return page;
}
