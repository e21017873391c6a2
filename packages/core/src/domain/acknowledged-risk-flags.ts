import type { RiskScreenResult, ScreenedRiskFlag } from "./risk-flag.ts";

/** The acknowledged flags that had warranted a high-priority push: a listing keeps a mark for them. */
export function acknowledgedAlertCount(risk: { flags: ReadonlyArray<Pick<ScreenedRiskFlag, "acknowledgement">> } | null | undefined): number {
  return risk?.flags.filter((flag) => flag.acknowledgement?.alert === true).length ?? 0;
}

/**
 * A new screen's flags with the acknowledgements of `previous` carried over: a flag of `next`
 * with the id of an acknowledged flag of `previous` (the same category, segment and words,
 * `riskFlagId`) keeps its acknowledgement. A flag that is new, or whose words changed, is not
 * acknowledged.
 */
export function carryAcknowledgements(previous: Pick<RiskScreenResult, "flags"> | null | undefined, next: RiskScreenResult): RiskScreenResult {
  const acknowledged = new Map(previous?.flags.flatMap((flag) => (flag.acknowledgement ? [[flag.id, flag.acknowledgement] as const] : [])));
  return {
    ...next,
    flags: next.flags.map((flag) => {
      const acknowledgement = flag.acknowledgement ?? acknowledged.get(flag.id);
      return acknowledgement ? { ...flag, acknowledgement } : flag;
    }),
  };
}

/**
 * The flags that stop a sign-off: every current flag — said as happening now or
 * recently, whoever it is about — not yet acknowledged. Past risk (`history`) does not block.
 */
export function unacknowledgedRiskFlags<Flag extends Pick<ScreenedRiskFlag, "temporality" | "acknowledgement">>(
  risk: { flags: readonly Flag[] } | null | undefined,
): Flag[] {
  return risk?.flags.filter((flag) => flag.temporality === "current" && flag.acknowledgement === undefined) ?? [];
}
