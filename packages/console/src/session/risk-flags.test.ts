import { describe, expect, it } from "vitest";
import { unsureWordCount } from "./low-confidence.ts";
import { blockingFlags, riskFlagViews, riskSummary, type RiskScreenLike } from "./risk-flags.ts";

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
  alert: true,
  ...overrides,
});

const empty: RiskScreenLike = {
  status: "screened",
  summary: "No risk language found by the automated screen — this is not a risk assessment.",
  flags: [],
};

describe("the risk screen in the console", () => {
  it("says what an empty screen means — never 'None'", () => {
    expect(riskSummary(empty)).toBe("No risk language found by the automated screen — this is not a risk assessment.");
    expect(riskSummary(empty)).not.toMatch(/\bnone\b/i);
    expect(riskSummary(null)).toBe("The automated risk screen has not run on this session yet.");
  });

  it("words each flag for a clinician, what weighs it down, and who raised it behind Details — no engine names", () => {
    const views = riskFlagViews({
      ...empty,
      flags: [
        flag({ id: "risk-1", category: "substance", severity: "low", temporality: "history", alert: false }),
        flag({ id: "risk-2", speaker: "unknown", speakerNote: "The recording has no speaker roles here.", alert: false, sources: ["screen:embedded", "notes:openai"] }),
        flag({ id: "risk-3" }),
      ],
    });
    // What calls for attention now comes first.
    expect(views.map((view) => view.id)).toEqual(["risk-3", "risk-2", "risk-1"]);
    expect(views[0]).toMatchObject({ heading: "Thoughts of suicide", severity: "High", qualifiers: [], alert: true });
    expect(views[1]?.qualifiers).toEqual(["Speaker not known"]);
    expect(views[1]?.details).toContain("Raised by the automated risk screen and the notes' writer.");
    expect(views[2]).toMatchObject({ heading: "Alcohol, drugs or tobacco", severity: "Low", qualifiers: ["In the past"] });
    expect(JSON.stringify(views.map((view) => [view.heading, view.qualifiers, view.text]))).not.toMatch(/embedded|openai|wink/);
  });

  it("says a writer's flag whose cited words do not carry it is not supported by them, and one whose words are missing that they are", () => {
    const unverified = { status: "unverified" as const, reason: "The cited words do not support what the item says." };
    const views = riskFlagViews({
      ...empty,
      flags: [
        flag({ id: "risk-1", verification: unverified, support: "unsupported", sources: ["notes:openai"] }),
        flag({ id: "risk-2", verification: { status: "unverified", reason: "The quoted words do not appear in the cited segments." }, sources: ["notes:openai"] }),
      ],
    });
    expect(views.map((view) => view.qualifiers)).toEqual([["Not supported by the cited words"], ["Words not found where cited"]]);
  });
});

describe("what blocks the sign-off", () => {
  it("is every current flag not yet acknowledged; past risk and acknowledged flags do not block", () => {
    const risk: RiskScreenLike = {
      ...empty,
      flags: [
        flag({ id: "risk-a" }),
        flag({ id: "risk-b", acknowledgement: { by: "therapist-1", at: "2026-11-23T17:00:00.000Z" } }),
        flag({ id: "risk-c", temporality: "history", alert: false }),
        flag({ id: "risk-d", subject: "other_person", alert: false }),
      ],
    };
    expect(blockingFlags(risk).map((view) => view.id)).toEqual(["risk-a", "risk-d"]);
    expect(riskFlagViews(risk).find((view) => view.id === "risk-b")?.acknowledgement).toEqual({ by: "therapist-1", at: "2026-11-23T17:00:00.000Z" });
    expect(blockingFlags(empty)).toEqual([]);
    expect(blockingFlags(null)).toEqual([]);
  });

  it("counts the unsure words left in the whole transcript", () => {
    const word = (confidence?: number) => ({ text: "w", startMs: 0, endMs: 1, ...(confidence === undefined ? {} : { confidence }) });
    expect(unsureWordCount({ segments: [{ words: [word(0.2), word(0.9), word()] }, {}, { words: [word(0.49)] }] })).toBe(2);
    expect(unsureWordCount(null)).toBe(0);
  });
});
