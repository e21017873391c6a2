import type { RiskType } from "./clinical-notes.ts";
import { type RiskCategory, riskCategoryInfo } from "./risk-category.ts";
import type { RiskTier, ScreenedRiskFlag } from "./risk-flag.ts";
import { tierOf } from "./risk-screen.ts";
import { substanceLabel, substanceOf } from "./risk-substance.ts";

/** A note writer's flag's type in plain words: it states no category. */
const typeWords: Readonly<Record<RiskType, string>> = {
  self_harm: "Self-harm or suicide",
  harm_to_others: "Harming someone else",
  abuse: "Abuse or violence",
  substance: "Alcohol, drug or tobacco use",
  other: "Other risk",
};

/** One line of the risk screen: every flag of one category (of one substance), with its strongest. */
export interface RiskFlagGroup {
  /** `active_ideation`, `substance:alcohol`, or `type:self_harm` for a writer's flag of no category. */
  key: string;
  /** `page` when any of its flags pages. */
  tier: RiskTier;
  /** Plain words: the category's label, or the substance's. */
  label: string;
  count: number;
  /** The flag whose words stand for the group (`strongestFirst`). */
  strongest: ScreenedRiskFlag;
  flags: ScreenedRiskFlag[];
}

const severityRank = { low: 0, moderate: 1, high: 2 } as const;

/**
 * Orders flags strongest first: a page, then the speaker's own current risk, then a citation
 * that held, then the higher severity, then words of the speaker's own over a yes to a question
 * ("And I'll stop buying wine" over "Yeah, that's fair."), then the patient's words over an
 * unknown speaker's; the given order otherwise.
 */
function strength(flag: ScreenedRiskFlag): number[] {
  return [
    tierOf(flag) === "page" ? 1 : 0,
    flag.temporality === "current" && flag.subject === "speaker" ? 1 : 0,
    flag.verification.status === "grounded" ? 1 : 0,
    severityRank[flag.severity],
    flag.basis === "answer_to_named_question" || flag.basis === "answer_to_other_question" ? 0 : 1,
    flag.speaker === "patient" ? 1 : 0,
  ];
}

function stronger(a: ScreenedRiskFlag, b: ScreenedRiskFlag): number {
  const [x, y] = [strength(a), strength(b)];
  for (let index = 0; index < x.length; index += 1) if (x[index] !== y[index]) return (y[index] ?? 0) - (x[index] ?? 0);
  return 0;
}

/** The key and plain words a flag is grouped under: its category, a substance flag's substance, a writer's flag's type. */
export function groupOf(flag: Pick<ScreenedRiskFlag, "category" | "type" | "quote"> & { substance?: string | undefined }): { key: string; label: string } {
  if (flag.category === "substance" || (flag.category === undefined && flag.type === "substance")) {
    const substance = flag.substance ?? substanceOf(flag.quote);
    return { key: `substance:${substance}`, label: substanceLabel(substance) };
  }
  if (flag.category !== undefined) return { key: flag.category, label: riskCategoryInfo[flag.category as RiskCategory].label };
  return { key: `type:${flag.type}`, label: typeWords[flag.type] };
}

/**
 * The flags as lines: one per category (substance: one per substance), each with its count and
 * its strongest flag (`strength`), strongest groups first, in the order their strongest were
 * said otherwise. A risk line of a note and the console's "To review" list are these.
 */
export function riskFlagGroups(flags: readonly ScreenedRiskFlag[]): RiskFlagGroup[] {
  const groups = new Map<string, { label: string; flags: ScreenedRiskFlag[] }>();
  for (const flag of flags) {
    const { key, label } = groupOf(flag);
    const group = groups.get(key) ?? { label, flags: [] };
    group.flags.push(flag);
    groups.set(key, group);
  }
  const result = [...groups.entries()].map(([key, group]): RiskFlagGroup => {
    const ranked = [...group.flags].sort(stronger);
    const strongest = ranked[0]!;
    return { key, tier: tierOf(strongest), label: group.label, count: group.flags.length, strongest, flags: group.flags };
  });
  return result.map((group, index) => ({ group, index })).sort((a, b) => stronger(a.group.strongest, b.group.strongest) || a.index - b.index).map(({ group }) => group);
}
