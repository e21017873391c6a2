import { describe, expect, it } from "vitest";
import { carryAcknowledgements, unacknowledgedRiskFlags } from "./acknowledged-risk-flags.ts";
import type { RiskScreenResult, ScreenedRiskFlag } from "./risk-flag.ts";

const at = new Date("2026-01-05T09:00:00.000Z");
const discussed = { by: "therapist-1", at, action: "discussed" as const, alert: true };
const safetyPlan = { by: "therapist-2", at, action: "safety_plan" as const };

function flag(id: string, overrides: Partial<ScreenedRiskFlag> = {}): ScreenedRiskFlag {
  return {
    id,
    type: "self_harm",
    category: "self_harm",
    severity: "high",
    temporality: "current",
    subject: "speaker",
    speaker: "patient",
    tier: "page",
    basis: "statement",
    text: "Spoke of hurting themselves",
    quote: `words of ${id}`,
    evidence: [{ segmentId: `seg-${id}`, start: 0, end: 10 }],
    sources: ["screen:scripted"],
    rules: ["scripted"],
    verification: { status: "grounded" },
    alert: true,
    ...overrides,
  };
}

function screen(flags: ScreenedRiskFlag[]): RiskScreenResult {
  return { status: "screened", flags, summary: "as screened", screens: [{ provider: "scripted", version: "1" }], transcriptRevision: 2, screenedAt: at };
}

describe("carrying acknowledgements to a new screen", () => {
  it("keeps the acknowledgement of a flag with the same id; a new or unacknowledged flag stays unacknowledged", () => {
    const previous = screen([flag("a", { acknowledgement: discussed }), flag("b"), flag("gone", { acknowledgement: safetyPlan })]);
    const next = screen([flag("a"), flag("b"), flag("new")]);

    const carried = carryAcknowledgements(previous, next);

    expect(carried.flags.map((each) => [each.id, each.acknowledgement])).toEqual([
      ["a", discussed],
      ["b", undefined],
      ["new", undefined],
    ]);
    expect(carried).toEqual({ ...next, flags: [flag("a", { acknowledgement: discussed }), flag("b"), flag("new")] });
  });

  it("never replaces an acknowledgement the new flag already has", () => {
    const carried = carryAcknowledgements(screen([flag("a", { acknowledgement: discussed })]), screen([flag("a", { acknowledgement: safetyPlan })]));
    expect(carried.flags[0]?.acknowledgement).toEqual(safetyPlan);
  });

  it("with no previous result, or none acknowledged, leaves the new screen as it is", () => {
    const next = screen([flag("a"), flag("b", { acknowledgement: safetyPlan })]);
    for (const previous of [null, undefined, screen([]), screen([flag("a")])]) expect(carryAcknowledgements(previous, next)).toEqual(next);
  });
});

describe("the flags that stop a sign-off", () => {
  it("are the current flags not yet acknowledged, whoever they are about; past risk does not block", () => {
    const flags = [
      flag("now"),
      flag("someone-else", { subject: "other_person" }),
      flag("acknowledged", { acknowledgement: discussed }),
      flag("past", { temporality: "history" }),
    ];
    expect(unacknowledgedRiskFlags(screen(flags)).map((each) => each.id)).toEqual(["now", "someone-else"]);
  });

  it("are none without a screen result", () => {
    expect(unacknowledgedRiskFlags(null)).toEqual([]);
    expect(unacknowledgedRiskFlags(undefined)).toEqual([]);
    expect(unacknowledgedRiskFlags(screen([]))).toEqual([]);
  });
});
