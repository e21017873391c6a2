import { jobNames, type ConfideDeps } from "../../deps.ts";
import { retentionRules, retentionDays } from "../../domain/retention.ts";

/**
 * The job id of the retention sweep of the interval `now` falls in: every worker enqueueing in
 * the same interval names the same job, so the queue (idempotent by job id) runs one sweep per
 * interval however many workers run.
 */
export function retentionSweepJobId(now: Date, intervalMs: number): string {
  return `retention-sweep-${Math.floor(now.getTime() / intervalMs)}`;
}

/**
 * Enqueues this interval's retention sweep (job `retention.sweep`, run by `createJobHandlers`),
 * unless no retention rule is set. Safe to call from every worker, as often as wanted.
 * @returns true when a sweep was asked for (a rule is set).
 * @throws ConfideError `dependency.unavailable` from the queue.
 */
export async function enqueueRetentionSweep(deps: Pick<ConfideDeps, "queue" | "clock" | "settings">, options: { intervalMs: number }): Promise<boolean> {
  if (retentionRules.every((rule) => retentionDays(deps.settings.retention, rule) === undefined)) return false;
  await deps.queue.enqueue(jobNames.retentionSweep, {}, { jobId: retentionSweepJobId(deps.clock.now(), options.intervalMs) });
  return true;
}
