import type { RiskScreenResult, ScreenedRiskFlag } from "./risk-screen.ts";

/** A therapist's acknowledgement of one risk flag (issue 24): who, and when. */
export interface RiskAcknowledgement {
  /** The user id of the therapist. */
  by: string;
  at: Date;
}

/**
 * A new screen's flags with the acknowledgements of `previous` carried over: a flag of `next`
 * with the id of an acknowledged flag of `previous` (the same category, segment and words,
 * `riskFlagId`) keeps its acknowledgement. A flag that is new, or whose words changed, is not
 * acknowledged. `next` is returned as it is when there is nothing to carry.
 */
export function carryAcknowledgements(previous: Pick<RiskScreenResult, "flags"> | null | undefined, next: RiskScreenResult): RiskScreenResult {
  const acknowledged = new Map(
    (previous?.flags ?? []).flatMap((flag) => (flag.acknowledgement ? [[flag.id, flag.acknowledgement] as const] : [])),
  );
  if (acknowledged.size === 0) return next;
  return {
    ...next,
    flags: next.flags.map((flag) => {
      const acknowledgement = flag.acknowledgement ?? acknowledged.get(flag.id);
      return acknowledgement ? { ...flag, acknowledgement } : flag;
    }),
  };
}

/**
 * The flags that stop a sign-off (issue 24): every current flag — said as happening now or
 * recently, whoever it is about — not yet acknowledged. Past risk (`history`) does not block.
 */
export function unacknowledgedRiskFlags<Flag extends Pick<ScreenedRiskFlag, "temporality" | "acknowledgement">>(
  risk: { flags: readonly Flag[] } | null | undefined,
): Flag[] {
  return (risk?.flags ?? []).filter((flag) => flag.temporality === "current" && flag.acknowledgement === undefined);
}
