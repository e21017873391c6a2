import { describe, expect, it } from "vitest";
import { noteSections, splitAtSpan, type NotesLike } from "./note-sections.ts";

const grounded = { status: "grounded" as const };
const notAssessed = (reason: string) => ({ status: "not_assessed" as const, reason });

const notes: NotesLike = {
  keyTopics: [{ text: "sleep", evidence: [{ segmentId: "seg-2", start: 0, end: 6 }], verification: grounded }],
  topicSummary: [],
  strategies: notAssessed("No strategy was discussed."),
  emotionalThemes: [],
  triggers: [],
  actionItems: [
    {
      text: "Patient discloses being hit by her partner",
      quote: "My partner",
      evidence: [{ segmentId: "seg-4", start: 0, end: 10 }],
      verification: { status: "unverified", reason: "The cited words do not support what the item says." },
      support: "unsupported",
    },
    { text: "Patient will call her sister", evidence: [{ segmentId: "seg-6", start: 0, end: 30 }], verification: grounded, support: "paraphrased" },
  ],
  significantQuotes: [
    {
      text: "I can't sleep",
      quote: "I can't sleep",
      evidence: [{ segmentId: "seg-9", start: 0, end: 13 }],
      verification: { status: "unverified", reason: "Segment seg-9 does not exist." },
    },
  ],
  sessionMood: { value: "very_negative", text: "Low throughout.", evidence: [], verification: grounded },
  moodTrajectory: notAssessed("Too short."),
  followUpTopics: [],
  unresolvedConcerns: [],
  riskFlags: [
    { type: "self_harm", severity: "moderate", text: "Mentions not wanting to go on.", evidence: [], verification: grounded },
  ],
  therapistNotes: [],
  patientSummary: [],
};

describe("noteSections", () => {
  it("lists every field in reading order, with not-assessed reasons kept — risk is the risk screen's, not listed here", () => {
    const sections = noteSections(notes);
    expect(sections.map((section) => section.title)).toEqual([
      "Session mood",
      "Mood trajectory",
      "Summary",
      "Key topics",
      "Emotional themes",
      "Triggers",
      "Strategies",
      "Action items",
      "Significant quotes",
      "Follow-up topics",
      "Unresolved concerns",
      "Therapist notes",
      "Patient summary",
    ]);
    expect(sections.find((section) => section.field === "strategies")).toEqual({
      field: "strategies",
      title: "Strategies",
      kind: "not-assessed",
      reason: "No strategy was discussed.",
    });
  });

  it("shows what the therapist did after the strategies when the writer wrote it, and leaves the section out when it did not", () => {
    const withActs: NotesLike = {
      ...notes,
      interventions: [{ text: "Reflected: “It sounds like you feel stuck.”", quote: "It sounds like you feel stuck.", evidence: [{ segmentId: "seg-3", start: 0, end: 30 }], verification: grounded, support: "quoted" }],
    };
    const titles = noteSections(withActs).map((section) => section.title);
    expect(titles.slice(titles.indexOf("Strategies"), titles.indexOf("Strategies") + 2)).toEqual(["Strategies", "What the therapist did"]);
    expect(noteSections(withActs).find((section) => section.field === "interventions")).toMatchObject({ kind: "items", entries: [{ text: "Reflected: “It sounds like you feel stuck.”", grounded: true }] });
    expect(noteSections(notes).some((section) => section.field === "interventions")).toBe(false);
  });

  it("shows a mood in the writer's words, never its machine value, and says why an item is unverified", () => {
    const byField = Object.fromEntries(noteSections(notes).map((section) => [section.field, section]));
    expect(byField.riskFlags).toBeUndefined();
    expect(byField.sessionMood).toMatchObject({ entries: [{ text: "Low throughout." }] });
    expect(byField.significantQuotes).toMatchObject({
      entries: [{ grounded: false, unverifiedReason: "Segment seg-9 does not exist.", quote: "I can't sleep" }],
    });
    expect(byField.keyTopics).toMatchObject({ entries: [{ evidence: [{ segmentId: "seg-2", start: 0, end: 6 }] }] });
  });

  it("marks a claim the cited words do not carry as not supported, never as grounded, and a paraphrase as one", () => {
    const byField = Object.fromEntries(noteSections(notes).map((section) => [section.field, section]));
    const [unsupported, paraphrase] = byField.actionItems!.kind === "items" ? byField.actionItems!.entries : [];
    expect(unsupported).toMatchObject({ grounded: false, unsupported: true, paraphrased: false });
    expect(unsupported?.unverifiedReason).toBeUndefined();
    expect(paraphrase).toMatchObject({ grounded: true, unsupported: false, paraphrased: true });
  });
});

describe("splitAtSpan", () => {
  it("cuts the text around the span, and marks nothing for a span past an edited text's end", () => {
    expect(splitAtSpan("Better, thank you.", { start: 8, end: 13 })).toEqual(["Better, ", "thank", " you."]);
    expect(splitAtSpan("Short.", { start: 10, end: 20 })).toEqual(["Short.", "", ""]);
  });
});
