import { describe, expect, it } from "vitest";
import { riskFlagTiers } from "./risk-flag-groups.ts";
import type { RiskScreenLike } from "./risk-flags.ts";

const flag = (overrides: Partial<RiskScreenLike["flags"][number]>): RiskScreenLike["flags"][number] => ({
  id: "risk-1",
  type: "self_harm",
  category: "active_ideation",
  severity: "high",
  temporality: "current",
  subject: "speaker",
  speaker: "patient",
  text: "Spoke of killing themselves",
  quote: "I want to kill myself.",
  evidence: [{ segmentId: "seg-2", start: 0, end: 22 }],
  sources: ["screen:embedded"],
  rules: ["active.kill_self"],
  verification: { status: "grounded" },
  tier: "page",
  alert: true,
  ...overrides,
});

const risk = (flags: RiskScreenLike["flags"]): RiskScreenLike => ({ status: "screened", summary: "found", flags });

describe("the risk panel's two tiers", () => {
  it("lists each flag that pages on its own, and groups the rest to review by category and by substance, strongest first", () => {
    const substance = { type: "substance", category: "substance", severity: "moderate" as const, tier: "review" as const, alert: false };
    const passive = { category: "passive_death_wish", severity: "moderate" as const, tier: "review" as const, alert: false };
    const { now, review } = riskFlagTiers(
      risk([
        flag({ id: "a" }),
        flag({ id: "b", category: "self_harm", quote: "I cut my arm last night." }),
        flag({ id: "c", ...passive, temporality: "history", quote: "I used to wish I was dead." }),
        flag({ id: "d", ...passive, quote: "I wish I could not wake up." }),
        flag({ id: "e", ...substance, substance: "alcohol", quote: "a bottle of wine" }),
        flag({ id: "f", ...substance, substance: "alcohol", quote: "three pints" }),
        flag({ id: "g", ...substance, substance: "cannabis", quote: "weed most days" }),
        flag({ id: "h", ...substance, quote: "something" }),
      ]),
    );
    expect(now.map((view) => view.id)).toEqual(["a", "b"]);
    expect(review.map((group) => [group.heading, group.count, group.strongest.quote])).toEqual([
      ["Wish to be dead", 2, "I wish I could not wake up."],
      ["Alcohol", 2, "a bottle of wine"],
      ["Cannabis", 1, "weed most days"],
      ["Other substances", 1, "something"],
    ]);
  });

  it("reads a result stored before tiers by its alert, and an empty or absent screen as nothing", () => {
    const { tier: _tier, ...old } = flag({});
    expect(riskFlagTiers(risk([old, { ...old, id: "risk-2", alert: false }])).now.map((view) => view.id)).toEqual(["risk-1"]);
    expect(riskFlagTiers(null)).toEqual({ now: [], review: [] });
  });
});
