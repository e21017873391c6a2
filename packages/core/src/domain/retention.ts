/**
 * The retention rules, each optional (unset: kept forever):
 * - `audio`: the recording of a finalized session is deleted `audioAfterFinalizeDays` after it
 *   was finalized; the transcript, sentiment, notes and review stay.
 * - `session`: a finalized session is erased whole `sessionAfterFinalizeDays` after it was finalized.
 * - `failed`: a failed session is erased whole `failedAfterDays` after it failed (its last write).
 */
export type RetentionRule = "audio" | "session" | "failed";

export const retentionRules: readonly RetentionRule[] = ["session", "failed", "audio"];

export interface RetentionPolicy {
  audioAfterFinalizeDays?: number;
  sessionAfterFinalizeDays?: number;
  failedAfterDays?: number;
}

const dayMs = 24 * 3600_000;

/** The days a rule waits, or undefined when the policy does not set it. */
export function retentionDays(policy: RetentionPolicy, rule: RetentionRule): number | undefined {
  if (rule === "audio") return policy.audioAfterFinalizeDays;
  if (rule === "session") return policy.sessionAfterFinalizeDays;
  return policy.failedAfterDays;
}

/** Sessions finalized (or failed) strictly before the returned instant are due under `rule`. */
export function retentionCutoff(policy: RetentionPolicy, rule: RetentionRule, now: Date): Date | undefined {
  const days = retentionDays(policy, rule);
  return days === undefined ? undefined : new Date(now.getTime() - days * dayMs);
}

/**
 * Why a policy is not coherent, or null when it is: each number a whole number of days ≥ 1,
 * and the recording not kept longer than the session it belongs to (the session rule would
 * delete it first, so a larger audio rule would never apply: said rather than ignored).
 */
export function retentionPolicyProblems(policy: RetentionPolicy): string[] {
  const problems: string[] = [];
  for (const [name, days] of Object.entries(policy)) {
    if (days !== undefined && (!Number.isInteger(days) || days < 1)) problems.push(`${name} must be a whole number of days, at least 1`);
  }
  const { audioAfterFinalizeDays: audio, sessionAfterFinalizeDays: session } = policy;
  if (audio !== undefined && session !== undefined && audio > session) {
    problems.push(`the recording would outlive its session: audio is kept ${audio} days, the whole session ${session}`);
  }
  return problems;
}

/** What the session keeps in place of a recording the `audio` rule deleted. */
export interface AudioRemoval {
  at: Date;
  rule: RetentionRule;
}
