/**
 * The risk panel's two tiers: what needs attention now (each flag that pages, on its own line)
 * and what is to review, grouped — one line per category, one per substance — with how many
 * times it was raised and its strongest words. The same grouping as the note's risk lines.
 */
import { riskFlagViews, type RiskFlagView, type RiskScreenLike } from "./risk-flags.ts";

/** Each substance in a clinician's words (the API names it: `substance`). */
const substanceWords: Record<string, string> = {
  alcohol: "Alcohol",
  tobacco: "Tobacco or nicotine",
  cannabis: "Cannabis",
  cocaine: "Cocaine",
  opioids: "Heroin or opioids",
  stimulants: "Stimulants",
  sedatives: "Sedatives or sleeping tablets",
  medication: "Medication not as prescribed",
  drugs: "Drugs",
};

export interface RiskReviewGroup {
  key: string;
  /** "Wish to be dead", "Alcohol". */
  heading: string;
  count: number;
  /** The flag whose words stand for the group: the speaker's own current risk, a citation that held, the higher severity. */
  strongest: RiskFlagView;
  flags: RiskFlagView[];
}

const severityRank: Record<string, number> = { High: 2, Moderate: 1, Low: 0 };

/** Strongest first: fewer qualifiers (past, someone else's, speaker not known, unsupported), then the higher severity. */
function stronger(a: RiskFlagView, b: RiskFlagView): number {
  return a.qualifiers.length - b.qualifiers.length || (severityRank[b.severity] ?? 0) - (severityRank[a.severity] ?? 0);
}

/** The flags that page, each on its own line, and the rest grouped to review, strongest groups first. */
export function riskFlagTiers(risk: RiskScreenLike | null | undefined): { now: RiskFlagView[]; review: RiskReviewGroup[] } {
  const views = risk ? riskFlagViews(risk) : [];
  const groups = new Map<string, RiskFlagView[]>();
  for (const view of views.filter((candidate) => candidate.tier === "review")) groups.set(view.group, [...(groups.get(view.group) ?? []), view]);
  const review = [...groups.entries()].map(([key, flags]): RiskReviewGroup => {
    const strongest = [...flags].sort(stronger)[0]!;
    const heading = key.startsWith("substance:") ? (substanceWords[key.slice("substance:".length)] ?? "Other substances") : strongest.heading;
    return { key, heading, count: flags.length, strongest, flags };
  });
  return { now: views.filter((view) => view.tier === "page"), review: review.sort((a, b) => stronger(a.strongest, b.strongest)) };
}
