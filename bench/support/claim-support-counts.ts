/**
 * The claim-support distribution of verified notes: how many of their claims
 * core found quoted, paraphrased or unsupported, in all and by field. Pure.
 */
import type { ClaimSupport, ClinicalNotes } from "@confide/core";
import { isNotAssessed, noteListFields } from "@confide/core/adapter-kit";

/** Claims by support; `failed` counts items whose citation itself failed (no support judged). */
export type SupportCounts = Record<ClaimSupport | "failed", number>;

const emptyCounts = (): SupportCounts => ({ quoted: 0, paraphrased: 0, unsupported: 0, failed: 0 });

/** Adds the claims of `notes` to `byField` (every list field and the risk flags). */
export function addSupportCounts(byField: Map<string, SupportCounts>, notes: ClinicalNotes): void {
  for (const field of [...noteListFields, "riskFlags"] as const) {
    const value = notes[field];
    if (isNotAssessed(value)) continue;
    const counts = byField.get(field) ?? emptyCounts();
    for (const item of value) counts[item.support ?? "failed"] += 1;
    byField.set(field, counts);
  }
}

/** The counts of every field added up. */
export function totalSupportCounts(byField: ReadonlyMap<string, SupportCounts>): SupportCounts {
  const total = emptyCounts();
  for (const counts of byField.values()) for (const key of ["quoted", "paraphrased", "unsupported", "failed"] as const) total[key] += counts[key];
  return total;
}
