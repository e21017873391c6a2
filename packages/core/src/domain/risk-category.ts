import type { RiskSeverity, RiskType } from "./clinical-notes.ts";

/**
 * The categories of risk the screen reports, following the Columbia Suicide Severity Rating Scale
 * (C-SSRS: wish to be dead, active ideation, method, intent, plan, preparatory behaviour) and
 * common screening practice for self-harm, harm to others, abuse experienced and substance use.
 */
export type RiskCategory =
  | "passive_death_wish"
  | "active_ideation"
  | "suicide_method"
  | "suicide_intent_or_plan"
  | "preparatory_behaviour"
  | "self_harm"
  | "harm_to_others"
  | "abuse"
  | "substance";

/** One entry per category: the coarse type it belongs to, its severity when current, and what a clinician reads. */
interface CategoryInfo {
  type: RiskType;
  severity: RiskSeverity;
  /** Plain words for the console and the notes. */
  label: string;
}

export const riskCategoryInfo: Readonly<Record<RiskCategory, CategoryInfo>> = {
  passive_death_wish: { type: "self_harm", severity: "moderate", label: "Wish to be dead, or no point in going on (passive)" },
  active_ideation: { type: "self_harm", severity: "high", label: "Thoughts of ending their life" },
  suicide_method: { type: "self_harm", severity: "high", label: "A method of ending their life" },
  suicide_intent_or_plan: { type: "self_harm", severity: "high", label: "Intent or a plan to end their life" },
  preparatory_behaviour: { type: "self_harm", severity: "high", label: "Preparing to end their life" },
  self_harm: { type: "self_harm", severity: "high", label: "Hurting themselves" },
  harm_to_others: { type: "harm_to_others", severity: "high", label: "Harming someone else, thoughts or plans of it, or things hit in anger" },
  abuse: { type: "abuse", severity: "high", label: "Abuse or violence they experienced" },
  substance: { type: "substance", severity: "moderate", label: "Alcohol, drug or tobacco use" },
};

export const riskCategories = Object.keys(riskCategoryInfo) as RiskCategory[];
