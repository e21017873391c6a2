import type { ConfideDeps } from "../../deps.ts";
import { retentionCandidateOf } from "../../ports/retention-candidates.ts";
import { retentionCutoff, retentionRules, type RetentionRule } from "../../domain/retention.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import type { RetentionCandidate } from "../../ports/session-repository.ts";
import { audit } from "../policies/audit.ts";
import { activeHoldsOn } from "../policies/legal-hold-guard.ts";
import { eraseSession } from "../policies/session-erasure.ts";

/** Who the audit log names for what the sweep deletes: the retention policy, not a person. */
export const retentionActor: Actor = { userId: "system:retention", role: "admin" };

/** Candidates read per repository query. */
export const defaultRetentionBatchSize = 100;

/**
 * What became of one session a rule reached: `due` (dry run: would go), `deleted` (this sweep
 * did it), `held` (a legal hold suspends it; the ids of the holds in `holdIds`), `skipped` (it
 * changed since it was listed: retried, or another sweep got there first), `failed` (an error;
 * left as it was or half-way, and the next sweep finishes it).
 */
export interface RetentionOutcome {
  sessionId: string;
  therapistId: string;
  patientId: string;
  rule: RetentionRule;
  /** `audio`: only the recording goes; `session`, `failed`: the whole session. */
  removes: "audio" | "session";
  status: RetentionCandidate["status"];
  /** When it was finalized (rules `audio`, `session`) or failed (rule `failed`). */
  since: Date;
  outcome: "due" | "deleted" | "held" | "skipped" | "failed";
  holdIds: string[];
  /** The error code of a `failed` outcome. */
  error?: string;
}

export interface RetentionSweepInput {
  /** List what would go and why; delete nothing. */
  dryRun?: boolean;
  /** Candidates per query, default 100. */
  batchSize?: number;
  /** Called for every session a rule reached, in order, as the sweep goes. */
  onOutcome?: (outcome: RetentionOutcome) => void;
  signal?: AbortSignal;
}

export interface RetentionSweepResult {
  dryRun: boolean;
  /** The policy's cutoffs: sessions finalized (failed) before these are due. */
  cutoffs: Partial<Record<RetentionRule, Date>>;
  counts: Record<RetentionOutcome["outcome"], number>;
}

/** Re-reads a listed candidate; null when the rule no longer reaches it (retried, already done, gone). */
async function stillDue(deps: ConfideDeps, candidate: RetentionCandidate, rule: RetentionRule, cutoff: Date): Promise<Session | null> {
  const session = await deps.sessions.get(candidate.id);
  if (session === null) return null;
  const again = retentionCandidateOf(session, rule);
  return again !== null && again.at < cutoff ? session : null;
}

/**
 * Deletes the recording of a finalized session, keeping the rest. Order: audit, delete the
 * blob, then write the marker. A crash after the blob went leaves a session without marker
 * whose blob is missing: the next sweep lists it again, deletes nothing more (deleting a
 * missing blob does not throw) and writes the marker. The reverse order could leave a marker
 * over a blob nobody would ever delete. The audit event comes first so that no deletion goes
 * unrecorded; a repeated sweep may record it twice (at least once).
 */
async function removeAudio(deps: ConfideDeps, session: Session, rule: RetentionRule): Promise<boolean> {
  await audit(deps, retentionActor, "session.audio.delete", {
    sessionId: session.id,
    subjectUserId: session.patientId,
    detail: { reason: "retention", rule },
  });
  await deps.blobs.delete(session.audio.blobKey);
  const now = deps.clock.now();
  try {
    await deps.sessions.update({ ...session, updatedAt: now, audio: { ...session.audio, removed: { at: now, rule } } }, session.version);
    return true;
  } catch (error) {
    // Written meanwhile (another sweep marked it): the next sweep sees what is stored.
    if (ConfideError.is(error, "session.version_conflict") || ConfideError.is(error, "session.not_found")) return false;
    throw error;
  }
}

/**
 * Erases a whole session by the path a therapist's delete takes (`eraseSession`: provider job,
 * recording, record with everything derived). Audited first, as `session.delete` with the rule,
 * for the reason `removeAudio` gives; an interrupted erasure leaves the record, so the next sweep
 * lists it again and finishes.
 */
async function removeSession(deps: ConfideDeps, session: Session, rule: RetentionRule): Promise<boolean> {
  await audit(deps, retentionActor, "session.delete", {
    sessionId: session.id,
    subjectUserId: session.patientId,
    detail: { reason: "retention", rule, status: session.status },
  });
  await eraseSession(deps, session);
  return true;
}

/**
 * Applies the retention policy (`settings.retention`) once: for each rule set — whole
 * finalized sessions, failed sessions, then recordings (so that a session due for both goes
 * whole) — pages through the sessions the rule reaches (`findRetentionCandidates`, keyset,
 * `batchSize` at a time) and deletes each unless a legal hold covers it. Each deletion is
 * audited with its rule. Idempotent and resumable: what is listed is read again before it is
 * deleted, every step may be repeated, and an error on one session is counted (`failed`),
 * logged and left for the next sweep, which lists it again. Several sweeps at once do no harm:
 * the recording's marker is a conditional write, and deleting what is gone does not throw.
 * With `dryRun`, lists what would go (held ones too, flagged) and deletes nothing.
 * @throws ConfideError from the session or hold repository when a listing fails (`dependency.unavailable`).
 */
export async function sweepRetention(deps: ConfideDeps, input: RetentionSweepInput = {}): Promise<RetentionSweepResult> {
  const dryRun = input.dryRun ?? false;
  const batchSize = input.batchSize ?? defaultRetentionBatchSize;
  const now = deps.clock.now();
  const result: RetentionSweepResult = { dryRun, cutoffs: {}, counts: { due: 0, deleted: 0, held: 0, skipped: 0, failed: 0 } };
  for (const rule of retentionRules) {
    const cutoff = retentionCutoff(deps.settings.retention, rule, now);
    if (cutoff === undefined) continue;
    result.cutoffs[rule] = cutoff;
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      input.signal?.throwIfAborted();
      const batch = await deps.sessions.findRetentionCandidates({ rule, before: cutoff, limit: batchSize, ...(after ? { after } : {}) });
      for (const candidate of batch) {
        const report = (outcome: RetentionOutcome["outcome"], holdIds: string[] = [], error?: string) => {
          result.counts[outcome] += 1;
          input.onOutcome?.({
            sessionId: candidate.id,
            therapistId: candidate.therapistId,
            patientId: candidate.patientId,
            rule,
            removes: rule === "audio" ? "audio" : "session",
            status: candidate.status,
            since: candidate.at,
            outcome,
            holdIds,
            ...(error === undefined ? {} : { error }),
          });
        };
        try {
          const holds = await activeHoldsOn(deps, candidate);
          if (holds.length > 0) {
            report("held", holds.map((hold) => hold.id));
            continue;
          }
          if (dryRun) {
            report("due");
            continue;
          }
          const session = await stillDue(deps, candidate, rule, cutoff);
          const done = session !== null && (await (rule === "audio" ? removeAudio(deps, session, rule) : removeSession(deps, session, rule)));
          report(done ? "deleted" : "skipped");
        } catch (error) {
          deps.logger.warn("retention: a deletion failed; the next sweep tries again", { sessionId: candidate.id, rule, code: loggableCode(error) });
          report("failed", [], loggableCode(error));
        }
      }
      const last = batch.at(-1);
      if (batch.length < batchSize || last === undefined) break;
      after = { at: last.at, id: last.id };
    }
  }
  if (!dryRun && (result.counts.deleted > 0 || result.counts.failed > 0)) {
    deps.logger.info("retention sweep", { ...result.counts });
  }
  return result;
}
