import { describe, expect, it } from "vitest";
import { currentRiskSpans, harmToOthersSpans } from "./current-risk.ts";

const flag = (overrides: Partial<Parameters<typeof currentRiskSpans>[0][number]>) => ({
  type: "self_harm" as const,
  subject: "speaker" as const,
  temporality: "current" as const,
  evidence: [{ segmentId: "s1", start: 0, end: 12 }],
  ...overrides,
});

describe("currentRiskSpans: what a note writer is told of the screen", () => {
  it("gives the evidence of the speaker's own current risk to their life or body", () => {
    expect(currentRiskSpans([flag({}), flag({ evidence: [{ segmentId: "s2", start: 3, end: 9 }, { segmentId: "s3", start: 0, end: 4 }] })])).toEqual([
      { segmentId: "s1", start: 0, end: 12 },
      { segmentId: "s2", start: 3, end: 9 },
      { segmentId: "s3", start: 0, end: 4 },
    ]);
  });

  it("leaves out past risk, someone else's, and risk of another type", () => {
    expect(currentRiskSpans([flag({ temporality: "history" }), flag({ subject: "other_person" }), flag({ type: "substance" }), flag({ type: "harm_to_others" })])).toEqual([]);
    expect(currentRiskSpans([])).toEqual([]);
  });
});

describe("harmToOthersSpans: the threats a note writer never records as a plan", () => {
  it("gives the evidence of the speaker's current words of harming someone else", () => {
    expect(harmToOthersSpans([flag({ type: "harm_to_others" }), flag({ type: "harm_to_others", evidence: [{ segmentId: "s4", start: 2, end: 8 }] })])).toEqual([
      { segmentId: "s1", start: 0, end: 12 },
      { segmentId: "s4", start: 2, end: 8 },
    ]);
  });

  it("leaves out past harm, someone else's threat, and risk of another type", () => {
    const others = (overrides: Parameters<typeof flag>[0]) => flag({ type: "harm_to_others", ...overrides });
    expect(harmToOthersSpans([others({ temporality: "history" }), others({ subject: "other_person" }), flag({}), flag({ type: "abuse" })])).toEqual([]);
    expect(harmToOthersSpans([])).toEqual([]);
  });
});

