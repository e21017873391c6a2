import type { RiskCategory } from "./risk-category.ts";
import type { RiskBasis, RiskTier, ScreenedRiskFlag } from "./risk-flag.ts";

/**
 * The categories an explicit statement of which pages: current suicidal thoughts, intent or a
 * plan, a preparatory act, self-harm, intent to harm someone. A method or means named alone, a
 * passive wish, abuse and substance use are listed to review.
 */
export const pagingCategories: ReadonlySet<RiskCategory | undefined> = new Set<RiskCategory>([
  "active_ideation",
  "suicide_intent_or_plan",
  "preparatory_behaviour",
  "self_harm",
  "harm_to_others",
]);

/** The bases that say the risk outright: the speaker's own words, or a yes to a question that named it. */
const explicitBases: ReadonlySet<RiskBasis | undefined> = new Set<RiskBasis>(["statement", "answer_to_named_question"]);

/** What the page rule reads of a flag. */
export type PageRuleInput = Pick<ScreenedRiskFlag, "temporality" | "subject" | "speaker"> & {
  category?: RiskCategory | undefined;
  basis?: RiskBasis | undefined;
  /** For a speaker of no known role: the cited words address the listener ("you") more than they speak of the speaker (`addressesListener`), or their speaker does so all session (`counsellorOf`), as a counsellor's do. */
  addressesListener?: boolean | undefined;
};

/**
 * The one page rule. A flag pages when all hold:
 * - its category is a paging category (`pagingCategories`);
 * - it is current and about the speaker themselves (not past, not someone else's);
 * - its basis is an explicit `statement`, or an `answer_to_named_question` (a yes to a question
 *   that itself named suicide, killing or hurting oneself, ending one's life or hurting someone);
 * - the patient said it — or a speaker of no known role said it as a `statement` in words that do
 *   not address the listener more than the speaker (one microphone: such a page is marked "speaker
 *   not known"; an answer by an unknown speaker may be the therapist's own "yes", and words
 *   addressed to "you" read as the therapist's, so both are listed to review).
 *
 * Everything else is `review`: a reply to any other question, a mention of means, substance,
 * abuse or history, someone else's risk, and a note writer's flag (which has no basis) — unless
 * that flag joins a screen flag that pages (`mergeRiskFlags`).
 */
export function riskTier(flag: PageRuleInput): RiskTier {
  // A writer's flag has no category and no basis: neither set holds `undefined`.
  if (!pagingCategories.has(flag.category)) return "review";
  if (flag.temporality !== "current" || flag.subject !== "speaker") return "review";
  if (!explicitBases.has(flag.basis)) return "review";
  if (flag.speaker === "patient") return "page";
  return flag.basis === "statement" && flag.addressesListener !== true ? "page" : "review";
}

/** Whether a flag pages the therapist (`riskTier`). */
export function pagesTherapist(flag: PageRuleInput): boolean {
  return riskTier(flag) === "page";
}
