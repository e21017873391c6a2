import { retentionRules, sweepRetention, type ConfideDeps, type RetentionOutcome, type RetentionSweepResult } from "@confide/core";

export interface RetentionCommandOptions {
  /** List what would go and why; delete nothing. */
  dryRun: boolean;
}

const ruleVariables = {
  audio: "CONFIDE_RETENTION_AUDIO_DAYS",
  session: "CONFIDE_RETENTION_SESSION_DAYS",
  failed: "CONFIDE_RETENTION_FAILED_DAYS",
} as const;

/** One line per session a rule reached: id, rule, what goes, its date, and what became of it. */
export function retentionLine(outcome: RetentionOutcome): string {
  const what = outcome.removes === "audio" ? "recording" : "session";
  const since = `${outcome.status === "failed" ? "failed" : "finalized"} ${outcome.since.toISOString()}`;
  const state =
    outcome.outcome === "held"
      ? `held (legal hold ${outcome.holdIds.join(", ")})`
      : outcome.outcome === "failed"
        ? `failed (${outcome.error ?? "unknown"}; the next sweep tries again)`
        : outcome.outcome === "due"
          ? "would be deleted"
          : outcome.outcome;
  return `${outcome.sessionId}  rule=${outcome.rule}  deletes=${what}  ${since}  ${state}`;
}

/** The policy and the counts, after the lines. */
export function retentionSummary(result: RetentionSweepResult): string {
  const rules = retentionRules
    .filter((rule) => result.cutoffs[rule] !== undefined)
    .map((rule) => `${rule} (${ruleVariables[rule]}): before ${result.cutoffs[rule]?.toISOString()}`);
  const { counts } = result;
  const done = result.dryRun ? `${counts.due} would be deleted` : `${counts.deleted} deleted, ${counts.skipped} changed meanwhile, ${counts.failed} failed`;
  return [`Rules: ${rules.join("; ")}`, `${done}, ${counts.held} held by a legal hold${result.dryRun ? " (dry run: nothing deleted)" : ""}`].join("\n");
}

/**
 * `confide retention`: one sweep of the retention policy now, or with `dryRun` the list of what
 * it would delete and why. Writes a line per session as it goes, then the summary.
 * @returns the sweep's result; when no rule is set, says so and sweeps nothing.
 */
export async function retentionCommand(deps: ConfideDeps, options: RetentionCommandOptions, write: (line: string) => void): Promise<RetentionSweepResult> {
  const result = await sweepRetention(deps, { dryRun: options.dryRun, onOutcome: (outcome) => write(retentionLine(outcome)) });
  if (Object.keys(result.cutoffs).length === 0) {
    write(`No retention rule is set (${Object.values(ruleVariables).join(", ")}): every session is kept.`);
    return result;
  }
  write(retentionSummary(result));
  return result;
}
