import { notAssessed } from "@confide/core/adapter-kit";
import type { NotesDraft, RiskFlagDraft } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { locateQuote } from "./notes-answer.ts";
import { estimateTokens, mergeWindowNotes, splitIntoWindows } from "./notes-windows.ts";

describe("splitIntoWindows", () => {
  it("one window when everything fits; none for no lines", () => {
    expect(splitIntoWindows([10, 10, 10], 100, 2)).toEqual([{ start: 0, end: 3 }]);
    expect(splitIntoWindows([], 100, 2)).toEqual([]);
  });

  it("windows within the budget, each repeating the last lines of the one before", () => {
    const windows = splitIntoWindows(Array(10).fill(10), 40, 1);
    expect(windows).toEqual([
      { start: 0, end: 4 },
      { start: 3, end: 7 },
      { start: 6, end: 10 },
    ]);
  });

  it("a line over the budget goes alone, and the split always moves on", () => {
    expect(splitIntoWindows([10, 500, 10], 40, 3)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 2, end: 3 },
    ]);
  });

  it("estimates tokens conservatively (characters / 3, rounded up)", () => {
    expect(estimateTokens("abcdefg")).toBe(3);
  });
});

describe("locateQuote", () => {
  const text = "Honestly, I have been thinking about ending my life.";
  it("finds the words on word boundaries, ignoring case and punctuation", () => {
    const span = locateQuote("ENDING my life", text)!;
    expect(text.slice(span.start, span.end)).toBe("ending my life");
    expect(text.slice(...Object.values(locateQuote("honestly i have", text)!))).toBe("Honestly, I have");
  });
  it("null for words that are not there, part words and empty quotes", () => {
    expect(locateQuote("ending your life", text)).toBeNull();
    expect(locateQuote("end", text)).toBeNull();
    expect(locateQuote("...", text)).toBeNull();
  });
});

const na = notAssessed("not in this part");
function draft(overrides: Partial<NotesDraft>): NotesDraft {
  return {
    keyTopics: na,
    topicSummary: na,
    strategies: na,
    emotionalThemes: na,
    triggers: na,
    actionItems: na,
    significantQuotes: na,
    sessionMood: na,
    moodTrajectory: na,
    followUpTopics: na,
    unresolvedConcerns: na,
    riskFlags: na,
    therapistNotes: na,
    patientSummary: na,
    ...overrides,
  };
}
const span = (segmentId: string) => ({ segmentId, start: 0, end: 3 });
const flag = (type: RiskFlagDraft["type"], severity: RiskFlagDraft["severity"], quote: string, segmentId: string): RiskFlagDraft => ({
  type,
  severity,
  quote,
  text: quote,
  evidence: [span(segmentId)],
});

describe("mergeWindowNotes", () => {
  it("keeps every risk flag; the same words of the same type are one flag at the highest severity, evidence joined", () => {
    const merged = mergeWindowNotes([
      draft({ riskFlags: [flag("self_harm", "moderate", "ending my life", "s4")] }),
      draft({ riskFlags: [flag("self_harm", "high", "Ending my life.", "s4"), flag("abuse", "high", "he hits me", "s9")] }),
      draft({ riskFlags: [] }),
    ]);
    expect(merged.riskFlags).toEqual([
      { ...flag("self_harm", "high", "ending my life", "s4") },
      flag("abuse", "high", "he hits me", "s9"),
    ]);
  });

  it("a field is not assessed only when no window assessed it; duplicates of the overlap are one item", () => {
    const merged = mergeWindowNotes([
      draft({ keyTopics: [{ text: "Work", evidence: [span("s2")] }] }),
      draft({ keyTopics: [{ text: "work", evidence: [span("s8")] }, { text: "sleep", evidence: [span("s9")] }] }),
    ]);
    expect(merged.keyTopics).toEqual([
      { text: "Work", evidence: [span("s2"), span("s8")] },
      { text: "sleep", evidence: [span("s9")] },
    ]);
    expect(merged.triggers).toEqual(na);
  });

  it("mood over the whole: agreeing parts keep it, positive and negative parts make it mixed; trajectory from part to part", () => {
    const mood = (value: "negative" | "neutral" | "positive", segmentId: string) => ({ value, text: value, evidence: [span(segmentId)] });
    const trajectory = { value: "stable" as const, text: "stable", evidence: [span("s1")] };
    const improving = mergeWindowNotes([
      draft({ sessionMood: mood("negative", "s1"), moodTrajectory: trajectory }),
      draft({ sessionMood: mood("neutral", "s5"), moodTrajectory: trajectory }),
      draft({ sessionMood: mood("positive", "s9"), moodTrajectory: trajectory }),
    ]);
    expect(improving.sessionMood).toMatchObject({ value: "mixed", evidence: [span("s1"), span("s5"), span("s9")] });
    expect(improving.moodTrajectory).toMatchObject({ value: "improving" });
    const flat = mergeWindowNotes([draft({ sessionMood: mood("neutral", "s1") }), draft({ sessionMood: mood("neutral", "s5") })]);
    expect(flat.sessionMood).toMatchObject({ value: "neutral" });
    expect(flat.moodTrajectory).toMatchObject({ value: "stable" });
    const upDown = mergeWindowNotes([
      draft({ sessionMood: mood("neutral", "s1") }),
      draft({ sessionMood: mood("negative", "s5") }),
      draft({ sessionMood: mood("neutral", "s9") }),
    ]);
    expect(upDown.sessionMood).toMatchObject({ value: "neutral" });
    expect(upDown.moodTrajectory).toMatchObject({ value: "fluctuating" });
  });
});
