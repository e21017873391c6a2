import { describe, expect, it } from "vitest";
import {
  evidenceOverlaps,
  isNotAssessed,
  moodTrajectories,
  notAssessed,
  patientSummaryOf,
  riskSeverities,
  riskTypes,
  sessionMoods,
  type MoodTrajectory,
  type NoteItem,
  type RiskSeverity,
  type RiskType,
  type SessionMood,
} from "./clinical-notes.ts";

// The closed lists are what language-model writers are told they may answer (llm-notes' schema) and
// what their answers are checked against: each must hold every value of its type, once. The records
// below fail to compile when the type gains or loses a value, so the list is checked against the type.
const everyRiskType: Record<RiskType, true> = { self_harm: true, harm_to_others: true, abuse: true, substance: true, other: true };
const everySeverity: Record<RiskSeverity, true> = { low: true, moderate: true, high: true };
const everyMood: Record<SessionMood, true> = { very_negative: true, negative: true, neutral: true, positive: true, very_positive: true, mixed: true };
const everyTrajectory: Record<MoodTrajectory, true> = { improving: true, declining: true, stable: true, fluctuating: true };

describe("the closed lists of note values", () => {
  it.each([
    ["risk types", riskTypes, everyRiskType],
    ["risk severities", riskSeverities, everySeverity],
    ["session moods", sessionMoods, everyMood],
    ["mood trajectories", moodTrajectories, everyTrajectory],
  ] as const)("the %s hold every value of their type, once", (_name, list, every) => {
    expect([...list].sort()).toEqual(Object.keys(every).sort());
  });

  it("orders severities from least to most and moods from most negative to most positive", () => {
    expect(riskSeverities).toEqual(["low", "moderate", "high"]);
    expect(sessionMoods.slice(0, 5)).toEqual(["very_negative", "negative", "neutral", "positive", "very_positive"]);
  });
});

describe("spans of evidence", () => {
  it("overlap when they cite some of the same characters of one segment; spans that only touch, or lie in other segments, do not", () => {
    const span = { segmentId: "s1", start: 10, end: 20 };
    expect(evidenceOverlaps(span, { segmentId: "s1", start: 19, end: 30 })).toBe(true);
    expect(evidenceOverlaps(span, { segmentId: "s1", start: 0, end: 11 })).toBe(true);
    expect(evidenceOverlaps(span, { segmentId: "s1", start: 12, end: 14 })).toBe(true);
    expect(evidenceOverlaps(span, { segmentId: "s1", start: 20, end: 25 })).toBe(false);
    expect(evidenceOverlaps(span, { segmentId: "s1", start: 5, end: 10 })).toBe(false);
    expect(evidenceOverlaps(span, { segmentId: "s2", start: 10, end: 20 })).toBe(false);
  });
});

describe("a field not assessed", () => {
  it("is told apart from values and lists, whatever they hold", () => {
    expect(isNotAssessed(notAssessed("no speech"))).toBe(true);
    expect(isNotAssessed({ status: "not_assessed" })).toBe(true);
    for (const value of [null, undefined, [], "not_assessed", 0, { status: "grounded" }, Object.assign(() => undefined, { status: "not_assessed" })]) {
      expect(isNotAssessed(value)).toBe(false);
    }
  });
});

const item = (text: string, grounded: boolean): NoteItem => ({
  text,
  evidence: [{ segmentId: "s1", start: 0, end: 1 }],
  verification: grounded ? { status: "grounded" } : { status: "unverified", reason: "no evidence" },
});

describe("what the patient reads of the notes", () => {
  it("is the therapist's own summary when they wrote one, trimmed", () => {
    const notes = { patientSummary: [item("Written.", true)], review: { therapistNotes: null, patientSummary: "  In my words.  ", editedAt: new Date(0), editedBy: "t" } };
    expect(patientSummaryOf(notes)).toBe("In my words.");
  });

  it("is the written summary's grounded sentences, in order, trimmed and joined, when the therapist's is blank", () => {
    const summary = [item(" We talked about sleep. ", true), item("An unverified claim.", false), item("You will walk daily.", true)];
    for (const review of [null, { therapistNotes: null, patientSummary: "   ", editedAt: new Date(0), editedBy: "t" }, { therapistNotes: "x", patientSummary: null, editedAt: new Date(0), editedBy: "t" }]) {
      expect(patientSummaryOf({ patientSummary: summary, review })).toBe("We talked about sleep. You will walk daily.");
    }
  });

  it("is nothing when no sentence is grounded or the summary was not assessed", () => {
    expect(patientSummaryOf({ patientSummary: [item("An unverified claim.", false)], review: null })).toBeNull();
    expect(patientSummaryOf({ patientSummary: [], review: null })).toBeNull();
    expect(patientSummaryOf({ patientSummary: notAssessed("no speech"), review: null })).toBeNull();
  });
});
