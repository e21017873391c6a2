import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { assertRole } from "../policies/session-access.ts";
import { sweepRetention, type RetentionOutcome, type RetentionSweepResult } from "./sweep-retention.ts";

/** Outcomes a report lists; its counts cover all of them. */
export const retentionReportLimit = 1000;

export interface RetentionReport extends RetentionSweepResult {
  /** The first `retentionReportLimit` sessions a rule reached, in order. */
  outcomes: RetentionOutcome[];
  truncated: boolean;
}

/**
 * An administrator asks for one retention sweep now, or with `dryRun` for what it would delete
 * and why (ids, rules, dates and holds: no clinical content). What is deleted is audited by
 * the sweep, as the retention policy's.
 * @throws ConfideError `auth.forbidden` for anyone but an administrator.
 */
export async function runRetentionSweep(deps: ConfideDeps, actor: Actor, input: { dryRun: boolean }): Promise<RetentionReport> {
  assertRole(actor, "admin");
  const outcomes: RetentionOutcome[] = [];
  let truncated = false;
  const result = await sweepRetention(deps, {
    dryRun: input.dryRun,
    onOutcome: (outcome) => {
      if (outcomes.length < retentionReportLimit) outcomes.push(outcome);
      else truncated = true;
    },
  });
  return { ...result, outcomes, truncated };
}
