/**
 * The value at `fraction` (0–1) of a list by nearest rank: the smallest value with at least that
 * share of the list at or below it (0 gives the minimum, 1 the maximum); NaN for an empty list.
 */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number;
}
