import { describe, expect, it } from "vitest";
import type { RiskFlag } from "./clinical-notes.ts";
import { groupOf, riskFlagGroups } from "./risk-review-groups.ts";
import type { RiskFinding } from "./risk-flag.ts";
import { flagsOfFindings, flagsOfWriter, mergeRiskFlags } from "./risk-screen.ts";
import { substanceLabel, substanceOf } from "./risk-substance.ts";

const transcript = {
  speakers: [
    { label: "P", role: "patient" as const },
    { label: "X", role: "unknown" as const },
  ],
  segments: [
    { id: "p1", speaker: "P", startMs: 0, endMs: 1, text: "I drink a bottle of wine every night." },
    { id: "p2", speaker: "P", startMs: 1, endMs: 2, text: "I smoke weed most days, and a few beers." },
    { id: "p3", speaker: "P", startMs: 2, endMs: 3, text: "I wish I could go to sleep and not wake up." },
    { id: "p4", speaker: "P", startMs: 3, endMs: 4, text: "Some days I think it would be easier to be dead." },
    { id: "p5", speaker: "P", startMs: 4, endMs: 5, text: "I want to kill myself." },
    { id: "x1", speaker: "X", startMs: 5, endMs: 6, text: "My dad used to hit me." },
  ],
};

function finding(segmentId: string, overrides: Partial<RiskFinding>): RiskFinding {
  const text = transcript.segments.find((segment) => segment.id === segmentId)?.text ?? "";
  return { category: "substance", temporality: "current", subject: "speaker", basis: "mention", text: "Spoke of it", quote: text, evidence: [{ segmentId, start: 0, end: text.length }], rule: "r", ...overrides };
}

const flags = mergeRiskFlags(
  [
    flagsOfFindings(
      [
        finding("p1", {}),
        { ...finding("p2", {}), quote: "I smoke weed most days", evidence: [{ segmentId: "p2", start: 0, end: 22 }] },
        { ...finding("p2", {}), quote: "a few beers", evidence: [{ segmentId: "p2", start: 28, end: 39 }] },
        finding("p3", { category: "passive_death_wish" }),
        finding("p4", { category: "passive_death_wish", temporality: "history" }),
        finding("p5", { category: "active_ideation", basis: "statement" }),
        finding("x1", { category: "abuse", temporality: "history" }),
      ],
      "screen:s",
      transcript,
    ),
  ],
  (id) => transcript.segments.findIndex((segment) => segment.id === id),
);

describe("the risk screen's lines: one per category, one per substance", () => {
  it("groups flags by category and substance, strongest first, with each group's count and strongest words", () => {
    expect(riskFlagGroups(flags).map((group) => [group.key, group.tier, group.label, group.count, group.strongest.quote])).toEqual([
      ["active_ideation", "page", "Thoughts of ending their life", 1, "I want to kill myself."],
      // Groups of equal strength keep the order they were said in.
      ["substance:alcohol", "review", "Alcohol", 2, "I drink a bottle of wine every night."],
      ["substance:cannabis", "review", "Cannabis", 1, "I smoke weed most days"],
      ["passive_death_wish", "review", "Wish to be dead, or no point in going on (passive)", 2, "I wish I could go to sleep and not wake up."],
      ["abuse", "review", "Abuse or violence they experienced", 1, "My dad used to hit me."],
    ]);
  });

  it("the strongest words of a group: a page, then the speaker's own current risk, then a citation that held, then severity, then own words over a yes, then the patient's words", () => {
    const base = flagsOfFindings([finding("p3", { category: "passive_death_wish" })], "screen:s", transcript)[0]!;
    const variant = (id: string, overrides: Partial<typeof base>) => ({ ...base, id, ...overrides });
    const strongestOf = (...flags: Array<ReturnType<typeof variant>>) => riskFlagGroups(flags)[0]?.strongest.id;
    expect(strongestOf(variant("review", {}), variant("page", { tier: "page", alert: true }))).toBe("page");
    expect(strongestOf(variant("past", { temporality: "history" }), variant("now", {}))).toBe("now");
    expect(strongestOf(variant("theirs", { subject: "other_person" }), variant("own", {}))).toBe("own");
    expect(strongestOf(variant("unheld", { verification: { status: "unverified", reason: "r" } }), variant("held", {}))).toBe("held");
    expect(strongestOf(variant("low", { severity: "low" }), variant("moderate", {}))).toBe("moderate");
    expect(strongestOf(variant("named", { basis: "answer_to_named_question" }), variant("said", {}))).toBe("said");
    expect(strongestOf(variant("other", { basis: "answer_to_other_question" }), variant("stated", { basis: "statement" }))).toBe("stated");
    expect(strongestOf(variant("yes", { basis: "answer_to_other_question" }), variant("unknown-own", { speaker: "unknown" }))).toBe("unknown-own");
    expect(strongestOf(variant("unknown", { speaker: "unknown" }), variant("patient", {}))).toBe("patient");
    expect(strongestOf(variant("first", {}), variant("second", {}))).toBe("first");
    // A substance flag stored before it carried its substance is named from its quote.
    const { substance: _substance, ...unnamed } = flags.find((flag) => flag.category === "substance")!;
    expect(groupOf(unnamed)).toEqual({ key: "substance:alcohol", label: "Alcohol" });
  });

  it("a writer's flag of no category goes by its type, or by its substance", () => {
    const writer = (quote: string, type: RiskFlag["type"]): RiskFlag => {
      const segment = transcript.segments.find((candidate) => candidate.text.includes(quote))!;
      const start = segment.text.indexOf(quote);
      return { type, severity: "moderate", text: "model", quote, evidence: [{ segmentId: segment.id, start, end: start + quote.length }], verification: { status: "grounded" } };
    };
    const written = flagsOfWriter([writer("kill myself", "self_harm"), writer("bottle of wine", "substance"), writer("hit me", "abuse"), writer("weed", "other")], "w", transcript);
    expect(written.map(groupOf)).toEqual([
      { key: "type:self_harm", label: "Self-harm or suicide" },
      { key: "substance:alcohol", label: "Alcohol" },
      { key: "type:abuse", label: "Abuse or violence" },
      { key: "type:other", label: "Other risk" },
    ]);
    expect(written[1]?.substance).toBe("alcohol");
  });

  it("names a substance by the words of its quote", () => {
    const said = ["a few pints", "I vape all day", "a line of coke", "some heroin", "I took my mum's diazepam", "ice twice a week", "more than the prescribed dose", "I used drugs", "some lean"];
    expect(said.map(substanceOf)).toEqual(["alcohol", "tobacco", "cocaine", "opioids", "sedatives", "stimulants", "medication", "drugs", "opioids"]);
    expect(substanceOf("gardening")).toBe("other");
    // Wines and spirits by name are alcohol, not "other substances".
    const wines = ["a bottle of prosecco", "champagne at the wedding", "a brandy", "tequila", "bourbon", "a sherry", "a port and lemon", "alcopops"];
    expect(wines.map(substanceOf)).toEqual(wines.map(() => "alcohol"));
    expect(substanceLabel("other")).toBe("Other substances");
    // Each substance's plain label, as a note's risk line shows it.
    const substances = ["cannabis", "cocaine", "opioids", "stimulants", "sedatives", "alcohol", "tobacco", "medication", "drugs"];
    expect(substances.map(substanceLabel)).toEqual(["Cannabis", "Cocaine", "Heroin or opioids", "Stimulants", "Sedatives or sleeping tablets", "Alcohol", "Tobacco or nicotine", "Medication not as prescribed", "Drugs"]);
    // Whole words only: "ice" in "office", "gin" in "begin" name nothing.
    expect(substanceOf("at the office I begin")).toBe("other");
  });
});
