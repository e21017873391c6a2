import type { ConfideDeps } from "../../deps.ts";
import type { AuditAction } from "../../domain/audit-event.ts";
import { staleNotes } from "../../domain/clinical-notes.ts";
import { speakerRolesReviewed } from "../../domain/patient-segments.ts";
import { assertEditable, moveTo, type ReviewEdit, type Session } from "../../domain/session.ts";
import type { Transcript } from "../../domain/transcript.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import { audit } from "../policies/audit.ts";
import { reviewSentiment } from "./review-sentiment.ts";
import { rescreened, screenRisk } from "../policies/risk-screening.ts";
import { notifyNewRisks } from "../pipeline/session-notification.ts";
import { assertVersion, loadOwnedSession } from "../policies/session-access.ts";

export interface ReviewTarget {
  session: Session;
  transcript: Transcript;
  expectedVersion: number;
}

/**
 * Loads a session its therapist is reviewing: owned, at the version the editor read, ready,
 * and with a transcript.
 * @throws ConfideError `session.not_found`, `auth.forbidden`, `session.version_required`,
 * `session.version_conflict`, `session.invalid_state`.
 */
export async function loadReviewTarget(
  deps: ConfideDeps,
  actor: Actor,
  input: { sessionId: string; expectedVersion?: number | undefined },
): Promise<ReviewTarget> {
  const session = await loadOwnedSession(deps, actor, input.sessionId);
  const expectedVersion = assertVersion(session, input.expectedVersion);
  assertEditable(session);
  if (session.transcript === null) {
    throw new ConfideError("session.invalid_state", "The session has no transcript to review.", {
      details: { status: session.status },
    });
  }
  return { session, transcript: session.transcript, expectedVersion };
}

/**
 * Stores one review change: the new transcript (revision + 1), the clinical notes marked stale, the edits in the review
 * history, sentiment measured again for `rescore`, and the risk screen run again on the new
 * transcript (a relabel decides whose words a flag quotes; an edit may add or remove risk
 * language), in one conditional write; then audits it, and pages the therapist for an alerting
 * flag the previous screen did not have (`notifyNewRisks`). With no changes nothing is written and the session is returned as it is (still audited).
 */
export async function saveReview(
  deps: ConfideDeps,
  actor: Actor,
  target: ReviewTarget,
  change: {
    action: AuditAction;
    /** Name of the count in the audit detail: "segments" or "speakers". */
    counted: "segments" | "speakers";
    transcript: Transcript;
    edits: ReviewEdit[];
    rescore: "all" | ReadonlySet<string>;
  },
): Promise<Session> {
  const { session, expectedVersion } = target;
  const about = { sessionId: session.id, subjectUserId: session.patientId };
  if (change.edits.length === 0) {
    await audit(deps, actor, change.action, { ...about, detail: { [change.counted]: 0 } });
    return session;
  }
  const transcript = { ...change.transcript, revision: target.transcript.revision + 1 };
  const edits = [...session.review.edits, ...change.edits];
  const sentiment = await reviewSentiment(deps, transcript, session.sentiment, change.rescore, {
    rolesReviewed: speakerRolesReviewed(edits),
  });
  const risk = rescreened(session.risk, await screenRisk(deps, transcript), session.notes, transcript);
  const next: Session = {
    ...moveTo(session, "ready", deps.clock.now()),
    transcript,
    sentiment,
    risk,
    notes: staleNotes(session.notes),
    review: { ...session.review, edits },
    updatedAt: deps.clock.now(),
  };
  const stored = await deps.sessions.update(next, expectedVersion);
  await audit(deps, actor, change.action, { ...about, detail: { [change.counted]: change.edits.length, revision: transcript.revision } });
  await notifyNewRisks(deps, stored, session.risk);
  return stored;
}
