import { describe, expect, it } from "vitest";
import type { RiskFlag } from "./clinical-notes.ts";
import { riskFlagId } from "./risk-flag-id.ts";
import { riskCategoryInfo } from "./risk-category.ts";
import type { RiskFinding, ScreenedRiskFlag } from "./risk-flag.ts";
import { flagsOfFindings, flagsOfWriter, mergeRiskFlags, riskFlagsToAlert, riskScreenSummary, tierOf } from "./risk-screen.ts";

const transcript = {
  speakers: [
    { label: "T", role: "therapist" as const },
    { label: "P", role: "patient" as const },
    { label: "X", role: "unknown" as const },
  ],
  segments: [
    { id: "t1", speaker: "T", startMs: 0, endMs: 1, text: "Any thoughts of ending your life?" },
    { id: "p1", speaker: "P", startMs: 1, endMs: 2, text: "I want to end my life." },
    { id: "x1", speaker: "X", startMs: 2, endMs: 3, text: "I drink every night." },
    { id: "p2", speaker: "P", startMs: 3, endMs: 4, text: "My brother overdosed." },
  ],
};

function finding(segmentId: string, quote: string, overrides: Partial<RiskFinding> = {}): RiskFinding {
  const text = transcript.segments.find((segment) => segment.id === segmentId)?.text ?? "";
  const start = text.indexOf(quote);
  return { category: "active_ideation", temporality: "current", subject: "speaker", basis: "statement", text: "t", quote, evidence: [{ segmentId, start, end: start + quote.length }], rule: "r", ...overrides };
}

function writerFlag(segmentId: string, quote: string, severity: RiskFlag["severity"] = "high"): RiskFlag {
  const text = transcript.segments.find((segment) => segment.id === segmentId)?.text ?? "";
  const start = text.indexOf(quote);
  return { type: "self_harm", severity, text: "model", quote, evidence: [{ segmentId, start, end: start + quote.length }], verification: { status: "grounded" } };
}

const numbered = (flags: Array<Omit<ScreenedRiskFlag, "id">>) => mergeRiskFlags([flags], (id) => ["t1", "p1", "x1", "p2"].indexOf(id));

describe("the risk screen's summary counts what it found, in words", () => {
  it("counts what needs attention now apart from what is to review, singular and plural", () => {
    const others = numbered(flagsOfFindings([finding("p2", "overdosed", { subject: "other_person" })], "screen:s", transcript));
    expect(riskScreenSummary({ status: "screened", flags: others })).toBe(
      "The automated screen found risk language: 1 to review. Review each with its words — this is not a risk assessment.",
    );
    const two = numbered(flagsOfFindings([finding("p1", "end my life"), finding("p1", "I want", { category: "self_harm" })], "screen:s", transcript));
    expect(riskScreenSummary({ status: "screened", flags: two })).toBe("The automated screen found risk language: 2 needing attention now. Review each with its words — this is not a risk assessment.");
    const twoOthers = numbered(
      flagsOfFindings([finding("p2", "overdosed", { subject: "other_person" }), finding("p1", "end my life", { temporality: "history" })], "screen:s", transcript),
    );
    expect(riskScreenSummary({ status: "screened", flags: twoOthers })).toContain(": 2 to review.");
  });

  it("never says 'No risk language found' where passages could not be screened or the words' certainty is unknown", () => {
    const passages = [{ segmentId: "p1", startMs: 22_000, endMs: 25_000 }, { segmentId: "p2", startMs: 65_000, endMs: 70_000 }];
    expect(riskScreenSummary({ status: "screened", flags: [], unscreened: passages, wordCertainty: "known" })).toBe(
      "2 passages could not be screened: the words are unsure (0:22, 1:05). Listen to them. The automated screen found no risk language in the words as transcribed — this is not a risk assessment.",
    );
    expect(riskScreenSummary({ status: "screened", flags: [], unscreened: [], wordCertainty: "unknown" })).toBe(
      "How sure the transcript's words are is unknown (the speech engine gave no confidences), so words may have been misheard. The automated screen found no risk language in the words as transcribed — this is not a risk assessment.",
    );
    expect(riskScreenSummary({ status: "screened", flags: [], unscreened: [], wordCertainty: "known" })).toBe(
      "No risk language found by the automated screen — this is not a risk assessment.",
    );
    const flags = numbered(flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript));
    expect(riskScreenSummary({ status: "screened", flags, unscreened: passages })).toBe(
      "The automated screen found risk language: 1 needing attention now. Review each with its words — this is not a risk assessment. 2 passages could not be screened: the words are unsure (0:22, 1:05). Listen to them.",
    );
    // Flags found: the unknown certainty is no reassurance to correct.
    expect(riskScreenSummary({ status: "screened", flags, wordCertainty: "unknown" })).not.toMatch(/unknown/);
    // A flag stored before tiers existed counts by its alert.
    const { tier: _tier, ...old } = flags[0]!;
    expect(riskScreenSummary({ status: "screened", flags: [old as typeof flags[number]] })).toContain("1 needing attention now");
    expect(riskScreenSummary({ status: "screened", flags: [{ ...old, alert: false } as typeof flags[number]] })).toContain("1 to review");
  });

  it("with no reason given for not screening, says so", () => {
    expect(riskScreenSummary({ status: "not_screened", flags: [] })).toBe("The automated risk screen did not run: no reason given. This is not a risk assessment.");
  });
});

describe("whose words a flag quotes", () => {
  it("is the patient's only when every cited segment is the patient's; a patient's flag carries no note", () => {
    const [patient] = flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript);
    expect(patient?.speaker).toBe("patient");
    expect(patient).not.toHaveProperty("speakerNote");
    const mixed = flagsOfFindings(
      [{ ...finding("p1", "end my life"), evidence: [...finding("p1", "end my life").evidence, ...finding("x1", "drink").evidence], quote: "end my life" }],
      "screen:s",
      transcript,
    );
    // An explicit statement pages even when a cited segment's speaker is not known, marked so.
    expect(mixed[0]).toMatchObject({ speaker: "unknown", tier: "page", alert: true, speakerNote: expect.stringMatching(/^Speaker not known/) });
    const nowhere = flagsOfFindings([{ ...finding("p1", "end my life"), evidence: [] }], "screen:s", transcript);
    expect(nowhere[0]?.speaker).toBe("unknown");
  });

  it("drops a note writer's flag on the therapist's words, marks one on an unknown speaker, keeps a patient's", () => {
    const flags = flagsOfWriter([writerFlag("t1", "ending your life"), writerFlag("x1", "drink every night"), writerFlag("p1", "end my life")], "openai", transcript);
    // A writer states no basis: its flags are listed to review, the patient's high one too.
    expect(flags.map((flag) => [flag.evidence[0]?.segmentId, flag.speaker, flag.tier, flag.alert, "speakerNote" in flag])).toEqual([
      ["x1", "unknown", "review", false, true],
      ["p1", "patient", "review", false, false],
    ]);
    expect(flags[1]).toMatchObject({ temporality: "current", subject: "speaker", sources: ["notes:openai"], rules: ["notes:openai"], verification: { status: "grounded" } });
    expect(flags[1]).not.toHaveProperty("basis");
  });

  it("keeps a writer's flag that its cited words do not support unverified, with its support", () => {
    const unsupported = { ...writerFlag("p1", "end my life"), verification: { status: "unverified" as const, reason: "The cited words do not support what the item says." }, support: "unsupported" as const };
    expect(flagsOfWriter([unsupported], "openai", transcript)[0]).toMatchObject({ verification: unsupported.verification, support: "unsupported" });
    const paraphrased = { ...writerFlag("p1", "end my life"), support: "paraphrased" as const };
    expect(flagsOfWriter([paraphrased], "openai", transcript)[0]).toMatchObject({ verification: { status: "grounded" }, support: "paraphrased" });
    expect(flagsOfWriter([writerFlag("p1", "end my life")], "openai", transcript)[0]).not.toHaveProperty("support");
  });

  it("checks a writer's citation again against the transcript as it is now", () => {
    const stale = { ...writerFlag("p1", "end my life"), quote: "words since edited away" };
    expect(flagsOfWriter([stale], "openai", transcript)[0]?.verification.status).toBe("unverified");
  });
});

describe("merging flags", () => {
  it("one statement, one flag: two categories on the same words become one flag with the other as a reason, and a writer's typed flag joins it", () => {
    const screen = flagsOfFindings(
      [finding("p1", "end my life", { category: "passive_death_wish", basis: "mention" }), finding("p1", "end my life", { reasons: ["suicide_method"] })],
      "screen:s",
      transcript,
    );
    const writer = flagsOfWriter([writerFlag("p1", "end my life", "moderate")], "w", transcript);
    const merged = mergeRiskFlags([screen, writer], () => 0);
    expect(merged.map((flag) => [flag.category, flag.reasons, flag.tier, flag.basis, flag.severity, flag.sources, flag.rules])).toEqual([
      ["active_ideation", ["suicide_method", "passive_death_wish"], "page", "statement", "high", ["screen:s", "notes:w"], ["r", "notes:w"]],
    ]);
    expect(merged[0]?.id).toBe(riskFlagId(screen[1]!));
  });

  it("a writer's flag pages only by joining a screen flag that pages; a join never makes a page of a review", () => {
    const paging = flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript)[0]!;
    const review = flagsOfFindings([finding("p1", "end my life", { basis: "answer_to_other_question" })], "screen:s", transcript)[0]!;
    const writer = flagsOfWriter([writerFlag("p1", "end my life")], "w", transcript)[0]!;
    expect(mergeRiskFlags([[paging], [writer]], () => 0)).toMatchObject([{ tier: "page", alert: true, sources: ["screen:s", "notes:w"] }]);
    expect(mergeRiskFlags([[writer], [paging]], () => 0)).toMatchObject([{ tier: "page", alert: true, category: "active_ideation", basis: "statement" }]);
    expect(mergeRiskFlags([[review], [writer]], () => 0)).toMatchObject([{ tier: "review", alert: false, severity: "high" }]);
    expect(mergeRiskFlags([[review], [paging]], () => 0)).toMatchObject([{ tier: "page", basis: "statement" }]);
    expect(mergeRiskFlags([[paging], [review]], () => 0)).toMatchObject([{ tier: "page", basis: "statement" }]);
  });

  it("leads with a page, then a screen's flag, then the higher severity, then the more urgent category", () => {
    const of = (overrides: Partial<RiskFinding>) => flagsOfFindings([finding("p1", "end my life", overrides)], "screen:s", transcript)[0]!;
    const lead = (a: Omit<ScreenedRiskFlag, "id">, b: Omit<ScreenedRiskFlag, "id">) => mergeRiskFlags([[a, b]], () => 0)[0]?.category;
    const pagingSelfHarm = of({ category: "self_harm" });
    const planMentioned = of({ category: "suicide_intent_or_plan", basis: "mention" });
    expect(lead(planMentioned, pagingSelfHarm)).toBe("self_harm");
    expect(lead(pagingSelfHarm, planMentioned)).toBe("self_harm");
    const substance = of({ category: "substance" });
    const method = of({ category: "suicide_method" });
    expect(lead(substance, method)).toBe("suicide_method");
    expect(lead(method, substance)).toBe("suicide_method");
    const plan = of({ category: "suicide_intent_or_plan", basis: "mention" });
    expect(lead(method, plan)).toBe("suicide_intent_or_plan");
    expect(lead(plan, method)).toBe("suicide_intent_or_plan");
    const writer = flagsOfWriter([writerFlag("p1", "end my life")], "w", transcript)[0]!;
    const passive = of({ category: "passive_death_wish" });
    expect(lead(writer, passive)).toBe("passive_death_wish");
    const same = mergeRiskFlags([[method, { ...method, sources: ["screen:t"] }]], () => 0);
    expect(same).toMatchObject([{ category: "suicide_method", sources: ["screen:s", "screen:t"] }]);
    expect(same[0]).not.toHaveProperty("reasons");
  });

  it("keeps a finding's reasons once each, never its own category; names a substance flag's substance, and only a substance flag's", () => {
    const [flag] = flagsOfFindings([finding("p1", "end my life", { reasons: ["active_ideation", "suicide_method", "suicide_method"] })], "screen:s", transcript);
    expect(flag?.reasons).toEqual(["suicide_method"]);
    const [bare] = flagsOfFindings([finding("p1", "end my life", { reasons: ["active_ideation"] })], "screen:s", transcript);
    expect(bare).not.toHaveProperty("reasons");
    expect(bare).not.toHaveProperty("substance");
    expect(flagsOfFindings([finding("x1", "drink every night", { category: "substance" })], "screen:s", transcript)[0]?.substance).toBe("alcohol");
    const written = flagsOfWriter([{ ...writerFlag("x1", "drink every night"), type: "substance" }, writerFlag("p1", "end my life")], "w", transcript);
    expect(written.map((candidate) => candidate.substance)).toEqual(["alcohol", undefined]);
    // A writer's flag, of no category, adds no reason when it joins.
    const joined = mergeRiskFlags([[bare!], [written[1]!]], () => 0);
    expect(joined[0]).not.toHaveProperty("reasons");
  });

  it("of two flags of equal weight on the same words, the first met leads", () => {
    const first = flagsOfFindings([finding("p1", "end my life", { text: "first" })], "screen:s", transcript)[0]!;
    const second = flagsOfFindings([finding("p1", "end my life", { text: "second" })], "screen:t", transcript)[0]!;
    expect(mergeRiskFlags([[first], [second]], () => 0).map((flag) => flag.text)).toEqual(["first"]);
    expect(mergeRiskFlags([[second], [first]], () => 0).map((flag) => flag.text)).toEqual(["second"]);
  });

  it("reads a stored flag's tier, or its alert when it was stored before tiers", () => {
    expect([tierOf({ alert: true }), tierOf({ alert: false }), tierOf({ alert: true, tier: "review" }), tierOf({ alert: false, tier: "page" })]).toEqual(["page", "review", "review", "page"]);
  });

  it("words that do not overlap stay apart", () => {
    const quiet = flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript)[0]!;
    const elsewhere = flagsOfWriter([writerFlag("p1", "I want")], "w", transcript)[0]!;
    expect(mergeRiskFlags([[quiet], [elsewhere]], () => 0)).toHaveLength(2);
  });

  it("orders by where the words were said, keeping the given order for the same place", () => {
    const later = flagsOfFindings([finding("p2", "overdosed", { subject: "other_person" })], "screen:s", transcript)[0]!;
    const first = flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript)[0]!;
    const same = flagsOfFindings([finding("p1", "I want", { category: "passive_death_wish" })], "screen:s", transcript)[0]!;
    // "I want" and "end my life" do not overlap: two flags in one segment.
    const order = (id: string) => ["t1", "p1", "x1", "p2"].indexOf(id);
    expect(mergeRiskFlags([[later, first, same]], order).map((flag) => [flag.id, flag.evidence[0]?.segmentId, flag.category])).toEqual([
      [riskFlagId(first), "p1", "active_ideation"],
      [riskFlagId(same), "p1", "passive_death_wish"],
      [riskFlagId(later), "p2", "active_ideation"],
    ]);
  });

  it("numbers a repeat of the same words in the same segment so every id is unique", () => {
    const once = flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript)[0]!;
    // The same words flagged again further on in the same segment: not overlapping, so not merged.
    const end = once.evidence[0]!.end;
    const twice = { ...once, evidence: [{ segmentId: "p1", start: end, end: end + 1 }] };
    expect(mergeRiskFlags([[once, twice]], () => 0).map((flag) => flag.id)).toEqual([
      riskFlagId(once),
      `${riskFlagId(once)}-2`,
    ]);
  });
});

describe("paging", () => {
  it("never pages for a flag that does not alert, and pages again when the words change", () => {
    const quiet = numbered(flagsOfFindings([finding("p1", "end my life", { temporality: "history" })], "screen:s", transcript));
    expect(riskFlagsToAlert(null, { flags: quiet })).toEqual([]);
    const first = numbered(flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript));
    const moved = numbered(flagsOfFindings([finding("p1", "I want")], "screen:s", transcript));
    expect(riskFlagsToAlert({ flags: first }, { flags: moved })).toHaveLength(1);
    expect(riskFlagsToAlert({ flags: quiet }, { flags: first })).toHaveLength(1);
  });
});

describe("each category's weight, as a clinician reviewer reads it", () => {
  it("plans, methods, preparation, active ideation, self-harm, harm to others and abuse are high; a passive wish and substance use are moderate", () => {
    expect(
      Object.fromEntries(Object.entries(riskCategoryInfo).map(([category, info]) => [category, `${info.type} · ${info.severity} · ${info.label}`])),
    ).toEqual({
      passive_death_wish: "self_harm · moderate · Wish to be dead, or no point in going on (passive)",
      active_ideation: "self_harm · high · Thoughts of ending their life",
      suicide_method: "self_harm · high · A method of ending their life",
      suicide_intent_or_plan: "self_harm · high · Intent or a plan to end their life",
      preparatory_behaviour: "self_harm · high · Preparing to end their life",
      self_harm: "self_harm · high · Hurting themselves",
      harm_to_others: "harm_to_others · high · Harming someone else, thoughts or plans of it, or things hit in anger",
      abuse: "abuse · high · Abuse or violence they experienced",
      substance: "substance · moderate · Alcohol, drug or tobacco use",
    });
  });
});

describe("merging flags: what counts as the same flag", () => {
  it("words that only touch (one ends where the other starts) are not the same words, in either order", () => {
    const once = flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript)[0]!;
    const end = once.evidence[0]!.end;
    const after = { ...once, evidence: [{ segmentId: "p1", start: end, end: end + 1 }] };
    expect(mergeRiskFlags([[after, once]], () => 0)).toHaveLength(2);
  });

  it("flags of different types on the same words become one, the screen's leading", () => {
    const drinking = flagsOfFindings([finding("p1", "end my life", { category: "substance" })], "screen:s", transcript);
    const writer = flagsOfWriter([writerFlag("p1", "end my life")], "w", transcript);
    expect(mergeRiskFlags([drinking, writer], () => 0).map((flag) => [flag.type, flag.category, flag.sources])).toEqual([["substance", "substance", ["screen:s", "notes:w"]]]);
  });

  it("a screen's flag joins a writer's typed flag met first, and keeps the writer's place", () => {
    const writer = flagsOfWriter([writerFlag("p1", "end my life", "moderate")], "w", transcript);
    const screen = flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript);
    const merged = mergeRiskFlags([writer, screen], () => 0);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ severity: "high", sources: ["notes:w", "screen:s"], rules: ["notes:w", "r"] });
  });

  it("one overlapping span of several is enough, on either side", () => {
    const wide = flagsOfFindings([finding("p1", "end my life")], "screen:s", transcript)[0]!;
    const twoSpans = { ...wide, evidence: [{ segmentId: "p2", start: 0, end: 2 }, ...wide.evidence] };
    const writer = flagsOfWriter([writerFlag("p1", "my life")], "w", transcript)[0]!;
    expect(mergeRiskFlags([[twoSpans], [writer]], () => 0)).toHaveLength(1);
    const writerTwoSpans = { ...writer, evidence: [{ segmentId: "p2", start: 0, end: 2 }, ...writer.evidence] };
    expect(mergeRiskFlags([[wide], [writerTwoSpans]], () => 0)).toHaveLength(1);
  });

  it("two flags that do not alert do not alert once joined", () => {
    const past = flagsOfFindings([finding("p1", "end my life", { temporality: "history" })], "screen:s", transcript)[0]!;
    const writer = { ...flagsOfWriter([writerFlag("p1", "end my life", "moderate")], "w", transcript)[0]! };
    expect(past.alert).toBe(false);
    expect(writer.alert).toBe(false);
    expect(mergeRiskFlags([[past], [writer]], () => 0)[0]?.alert).toBe(false);
  });
});

describe("a note writer's flag, checked again", () => {
  it("is grounded when its citation holds now, whatever the notes said before, unless its words do not carry it", () => {
    const earlier = { ...writerFlag("p1", "end my life"), verification: { status: "unverified" as const, reason: "A citation that failed before an edit." }, support: "paraphrased" as const };
    expect(flagsOfWriter([earlier], "w", transcript)[0]?.verification).toEqual({ status: "grounded" });
  });

  it("whose citation no longer holds says why the citation failed, even when its words did not carry it either", () => {
    const stale = { ...writerFlag("p1", "end my life"), quote: "words since edited away", verification: { status: "unverified" as const, reason: "The cited words do not support what the item says." }, support: "unsupported" as const };
    const [flag] = flagsOfWriter([stale], "w", transcript);
    expect(flag?.verification.status).toBe("unverified");
    expect(flag?.verification).not.toEqual(stale.verification);
  });

  it("keeps the writer's quote, and has an empty one when the writer gave none", () => {
    expect(flagsOfWriter([writerFlag("p1", "end my life")], "w", transcript)[0]?.quote).toBe("end my life");
    const { quote: _none, ...unquoted } = writerFlag("p1", "end my life");
    expect(flagsOfWriter([unquoted], "w", transcript)[0]?.quote).toBe("");
  });
});

describe("paging: what makes a flag already seen", () => {
  it("a yes first seen on an unknown speaker's words pages once those words are known to be the patient's", () => {
    const yes = { category: "active_ideation", basis: "answer_to_named_question" } as const;
    const unknownFirst = numbered(flagsOfFindings([finding("x1", "drink every night", yes)], "screen:s", transcript));
    expect(unknownFirst[0]).toMatchObject({ tier: "review", alert: false });
    const relabelled = { ...transcript, speakers: transcript.speakers.map((speaker) => (speaker.label === "X" ? { ...speaker, role: "patient" as const } : speaker)) };
    const patientNow = numbered(flagsOfFindings([finding("x1", "drink every night", yes)], "screen:s", relabelled));
    expect(riskFlagsToAlert({ flags: unknownFirst }, { flags: patientNow })).toHaveLength(1);
  });

  it("another category on the same words, of the same type and severity, pages again", () => {
    const method = numbered(flagsOfFindings([finding("p1", "end my life", { category: "suicide_method" })], "screen:s", transcript));
    const plan = numbered(flagsOfFindings([finding("p1", "end my life", { category: "suicide_intent_or_plan" })], "screen:s", transcript));
    expect(riskFlagsToAlert({ flags: method }, { flags: plan }).map((flag) => flag.category)).toEqual(["suicide_intent_or_plan"]);
    expect(riskFlagsToAlert({ flags: method }, { flags: method })).toEqual([]);
  });
});
