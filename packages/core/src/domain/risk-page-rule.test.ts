import { describe, expect, it } from "vitest";
import { pagesTherapist, pagingCategories, riskTier, type PageRuleInput } from "./risk-page-rule.ts";
import { riskCategories, type RiskCategory } from "./risk-category.ts";
import type { RiskBasis } from "./risk-flag.ts";

const paging: PageRuleInput = { category: "active_ideation", temporality: "current", subject: "speaker", speaker: "patient", basis: "statement" };

describe("the page rule", () => {
  it("pages for a patient's explicit current statement of each paging category, and only those categories", () => {
    const pages = riskCategories.filter((category) => riskTier({ ...paging, category }) === "page");
    expect(pages).toEqual<RiskCategory[]>(["active_ideation", "suicide_intent_or_plan", "preparatory_behaviour", "self_harm", "harm_to_others"]);
    expect([...pagingCategories].sort()).toEqual([...pages].sort());
    // A method or means named alone, a passive wish, abuse and substance use are to review.
    for (const category of ["suicide_method", "passive_death_wish", "abuse", "substance"] as const) expect(riskTier({ ...paging, category })).toBe("review");
  });

  it("pages for a yes to a question that named the risk; never for a reply to another question or a mention", () => {
    const tiers = (["statement", "answer_to_named_question", "answer_to_other_question", "mention"] as RiskBasis[]).map((basis) => riskTier({ ...paging, basis }));
    expect(tiers).toEqual(["page", "page", "review", "review"]);
  });

  it("never pages for past risk or someone else's", () => {
    expect(riskTier({ ...paging, temporality: "history" })).toBe("review");
    expect(riskTier({ ...paging, subject: "other_person" })).toBe("review");
  });

  it("with one microphone (speaker not known), pages for an explicit statement but not for a yes, which may be the therapist's", () => {
    expect(riskTier({ ...paging, speaker: "unknown" })).toBe("page");
    expect(riskTier({ ...paging, speaker: "unknown", basis: "answer_to_named_question" })).toBe("review");
    expect(riskTier({ ...paging, speaker: "unknown", basis: "mention" })).toBe("review");
    expect(riskTier({ ...paging, speaker: "unknown", category: "substance" })).toBe("review");
    // Words addressed to "you" more than about the speaker read as the therapist's: to review; the patient's still page.
    expect(riskTier({ ...paging, speaker: "unknown", addressesListener: true })).toBe("review");
    expect(riskTier({ ...paging, speaker: "unknown", addressesListener: false })).toBe("page");
    expect(riskTier({ ...paging, addressesListener: true })).toBe("page");
  });

  it("a note writer's flag, with no category or no basis, is to review", () => {
    const { basis: _basis, ...noBasis } = paging;
    expect(riskTier(noBasis)).toBe("review");
    const { category: _category, ...noCategory } = paging;
    expect(riskTier(noCategory)).toBe("review");
    expect(riskTier({ ...paging, basis: undefined })).toBe("review");
  });

  it("pagesTherapist says the same as the tier", () => {
    expect(pagesTherapist(paging)).toBe(true);
    expect(pagesTherapist({ ...paging, basis: "mention" })).toBe(false);
  });
});
