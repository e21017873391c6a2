import { riskFlagViews, type RiskScreenLike } from "./risk-flags.ts";

/**
 * The risk flags a write raised: those of `after` whose id was not among `before`'s flags, in
 * the banner's order, as their headings ("Thoughts of suicide"). Empty when it raised none.
 */
export function raisedFlagHeadings(before: RiskScreenLike | null | undefined, after: RiskScreenLike | null | undefined): string[] {
  if (!after) return [];
  const known = new Set((before?.flags ?? []).map((flag) => flag.id));
  return riskFlagViews(after)
    .filter((flag) => !known.has(flag.id))
    .map((flag) => flag.heading);
}

/** "a risk flag: Thoughts of suicide" or "2 risk flags: Thoughts of suicide, Self-harm". */
export function raisedFlagWords(headings: readonly string[]): string {
  return headings.length === 1 ? `a risk flag: ${headings[0]}` : `${headings.length} risk flags: ${headings.join(", ")}`;
}
