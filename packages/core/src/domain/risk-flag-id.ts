import { createHash } from "node:crypto";
import type { Evidence, RiskType } from "./clinical-notes.ts";
import { normalizeForQuote } from "./note-evidence.ts";
import type { RiskCategory } from "./risk-category.ts";

/** What a flag's id is derived from. */
export interface RiskFlagIdentity {
  type: RiskType;
  category?: RiskCategory;
  quote: string;
  text: string;
  evidence: readonly Evidence[];
}

/**
 * The id of a risk flag, the same every time the same flag is raised (an
 * acknowledgement must outlive a regeneration of the notes or a re-screen after an edit
 * elsewhere). It is `risk-` and the first 12 hex digits of the SHA-256 of three lines: the
 * flag's category (its type for a note writer's flag, which states only a type), the id of the
 * first segment it cites, and its quote (its text when it has none) as compared for citations
 * (`normalizeForQuote`: no case, punctuation or spacing). Character offsets are left out on
 * purpose, so a typo fixed earlier in the segment keeps the id; changing the quoted words, the
 * category or the segment makes it another flag, to be acknowledged again.
 *
 * Ids hold no words of the session (a hash), so they may appear in URLs and audit events.
 */
export function riskFlagId(flag: RiskFlagIdentity): string {
  const words = normalizeForQuote(flag.quote || flag.text);
  const material = [flag.category ?? flag.type, flag.evidence[0]?.segmentId ?? "", words].join("\n");
  return `risk-${createHash("sha256").update(material).digest("hex").slice(0, 12)}`;
}

/**
 * Ids for flags in order: `riskFlagId` of each, with `-2`, `-3`… appended to a repeat (the same
 * words twice in one segment, raised as two flags), so that ids are unique within one result.
 */
export function riskFlagIds(flags: readonly RiskFlagIdentity[]): string[] {
  const seen = new Map<string, number>();
  return flags.map((flag) => {
    const id = riskFlagId(flag);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  });
}
