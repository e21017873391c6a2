import type { ConfideDeps } from "../../deps.ts";
import { activeConsent, type ActiveConsent, type ConsentScopeEntry, type ConsentWithdrawal } from "../../domain/consent.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { invalidInput } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { loadActiveConsent, scopesDetail } from "../policies/consent.ts";
import { assertPatientNotHeld } from "../policies/legal-hold-guard.ts";
import { erasePatientSessions } from "../policies/session-erasure.ts";
import { endLiveSessionsWithoutConsent } from "../live/end-live-sessions-without-consent.ts";
import { stopWithoutConsent } from "../pipeline/consent-check.ts";
import { appendConsentRecord } from "./append-consent-record.ts";
import { checkConsentScopes, maxWithdrawalReasonLength } from "./consent-input.ts";
import { consentSubject } from "./consent-subject.ts";

export interface WithdrawConsentInput {
  /** The patient; a patient withdrawing their own consent may leave it out. */
  patientId?: string;
  /** What is withdrawn; everything in force when absent. */
  scopes?: ConsentScopeEntry[];
  /** The patient's reason, if they give one (at most 500 characters). */
  reason?: string;
  /** The patient asks for every session about them to be erased too (the existing erasure). */
  eraseSessions?: boolean;
}

export interface WithdrawConsentResult {
  record: ConsentWithdrawal;
  active: ActiveConsent;
  /** Sessions whose processing was stopped (failed with `consent.withdrawn`). */
  stoppedSessionIds: string[];
  /** Sessions erased at the patient's request. */
  erasedSessionCount: number;
}

const pageLimit = 100;
/** Where a session's processing can still be stopped. */
const stoppableStatuses: Session["status"][] = ["queued", "transcribing", "analyzing", "writing_notes"];

/**
 * Records a withdrawal in the patient's history — by the patient, or by a therapist of theirs
 * when the patient withdraws before them — and acts on it at once:
 * - a live recording the remaining consent no longer covers stops storing audio at once: the
 *   session ends (`endLiveSessionsWithoutConsent`) and its connection is closed with
 *   `consent.withdrawn`;
 * - processing that has not finished stops: each session of the patient in flight whose next
 *   step the remaining consent no longer covers fails with `consent.withdrawn` and its provider
 *   job is discarded (the pipeline checks again before every step, so a step racing with this
 *   stops at the next one);
 * - with `eraseSessions`, every session about the patient is erased (recording, record, provider
 *   job), each audited as `session.delete` with reason `consent.withdrawn`.
 * Audited as `consent.withdraw`.
 * @throws ConfideError `auth.forbidden` (an administrator), `user.not_found` (unknown or
 * unlinked patient), `validation.invalid_input`, `consent.conflict`; `session.legal_hold` with
 * `eraseSessions` when a legal hold covers the patient or one of their sessions (nothing written).
 */
export async function withdrawConsent(deps: ConfideDeps, actor: Actor, input: WithdrawConsentInput): Promise<WithdrawConsentResult> {
  const patientId = await consentSubject(deps, actor, input.patientId);
  const scopes = input.scopes === undefined ? everythingInForce(await loadActiveConsent(deps, patientId)) : checkConsentScopes(input.scopes);
  const reason = input.reason?.trim() || null;
  if (reason !== null && reason.length > maxWithdrawalReasonLength) {
    throw invalidInput(`The reason must be at most ${maxWithdrawalReasonLength} characters.`, "reason");
  }
  if (input.eraseSessions !== undefined && typeof input.eraseSessions !== "boolean") {
    throw invalidInput("eraseSessions is true or false.", "eraseSessions");
  }
  const eraseSessions = input.eraseSessions ?? false;
  // A legal hold outranks the request to erase: refused before the withdrawal is written, so the
  // patient can withdraw without erasure instead of ending half-done.
  if (eraseSessions) await assertPatientNotHeld(deps, patientId);
  const { record, history } = await appendConsentRecord(deps, {
    kind: "withdrawal",
    patientId,
    recordedBy: actor.userId,
    recordedByRole: actor.role,
    scopes,
    reason,
    eraseSessions,
  });
  await audit(deps, actor, "consent.withdraw", {
    subjectUserId: patientId,
    detail: { scopes: scopesDetail(scopes), eraseSessions, sequence: record.sequence },
  });
  // Live recordings first: ended, they are queued, and so failed by stopProcessing right after.
  const active = activeConsent(history);
  const endedLive = await endLiveSessionsWithoutConsent(deps, patientId, active);
  const stopped = await stopProcessing(deps, patientId);
  const stoppedSessionIds = [...stopped, ...endedLive.filter((id) => !stopped.includes(id))];
  const erasedSessionCount = eraseSessions ? await erasePatientSessions(deps, actor, patientId, "consent.withdrawn") : 0;
  return { record: record as ConsentWithdrawal, active, stoppedSessionIds, erasedSessionCount };
}

/** Every scope, and `cloud_processing` for every provider in force. */
function everythingInForce(active: ActiveConsent): ConsentScopeEntry[] {
  return [
    { scope: "recording" },
    { scope: "transcription" },
    { scope: "ai_notes" },
    ...(active.cloudProviders.length > 0 ? [{ scope: "cloud_processing" as const, providers: active.cloudProviders }] : []),
  ];
}

/** Fails the patient's sessions in flight that the remaining consent no longer covers. */
async function stopProcessing(deps: ConfideDeps, patientId: string): Promise<string[]> {
  const stopped: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.sessions.list({ patientId, statuses: stoppableStatuses, limit: pageLimit, ...(cursor ? { cursor } : {}) });
    for (const listed of page.items) {
      const session = await deps.sessions.get(listed.id);
      if (session === null) continue;
      if ((await stopWithoutConsent(deps, session)) === undefined) continue;
      const after = await deps.sessions.get(session.id);
      if (after?.status === "failed" && after.processing.lastError?.code === "consent.withdrawn") stopped.push(session.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return stopped;
}
