/**
 * The plan is what was agreed: a patient's commitment to a future act, or a therapist's proposal
 * the patient took up (citing the turn that assented). Every dialogue here is written for the
 * test.
 */
import { isNotAssessed, verifyNotes, type NoteItem, type NoteWriterInput } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { createWinkClaimReader } from "../wink-claims/wink-claim-reader.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";
import { agreedPrefix } from "./suggestions.ts";

const provenance = { provider: "embedded", model: "m", promptVersion: "p", writtenAt: new Date(0) };

function input(turns: string[]): NoteWriterInput {
  const segments = turns.map((turn, index) => ({ id: `seg-${index}`, speaker: turn.startsWith("T: ") ? "T" : "P", startMs: index * 5_000, endMs: index * 5_000 + 4_000, text: turn.slice(3) }));
  return {
    language: "en-US",
    speakers: [
      { label: "T", role: "therapist" },
      { label: "P", role: "patient" },
    ],
    segments,
    sentiment: segments.filter((segment) => segment.speaker === "P").map((segment) => ({ segmentId: segment.id, label: "neutral", scores: { positive: 0.1, neutral: 0.8, negative: 0.1, mixed: 0 } })),
  };
}

function plan(turns: string[]): NoteItem[] {
  const given = input(turns);
  const notes = verifyNotes(writeEmbeddedNotes(given), { ...given, revision: 1 }, provenance, createWinkClaimReader());
  return isNotAssessed(notes.actionItems) ? [] : notes.actionItems;
}

describe("plan items: what was agreed", () => {
  it("takes a therapist's proposal the patient took up, citing the proposal and the turn that assented", () => {
    const items = plan([
      "P: I can't sleep before my exams.",
      "T: It might help to keep your phone out of the bedroom after ten.",
      "P: That's a good idea, I'll try that tonight.",
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]!.text).toBe(`${agreedPrefix}It might help to keep your phone out of the bedroom after ten.`);
    expect(items[0]!.evidence.map((span) => span.segmentId)).toEqual(["seg-1", "seg-2"]);
    expect(items[0]!.verification.status).toBe("grounded");
  });

  it("takes the patient's own commitment in their words", () => {
    const items = plan(["T: What will you do about the rent?", "P: I will call the housing office on Monday to ask about a payment plan."]);
    expect(items.map((item) => item.quote)).toEqual(["I will call the housing office on Monday to ask about a payment plan."]);
    expect(items[0]!.speaker).toBe("patient");
  });

  it("never takes a question, a reflection, information or agenda for a plan, even when the patient answers yes", () => {
    expect(
      plan([
        "T: Maybe you could tell me about how much you drank last week?",
        "P: Yes, about six cans a night.",
        "T: I'm just going to talk to you about your goals today.",
        "P: Okay.",
        "T: It sounds like the weekends are the hardest part.",
        "P: Yes, that's right.",
      ]),
    ).toEqual([]);
  });

  it("does not take a proposal met by thanks, a bare okay, a hedge or a refusal", () => {
    expect(
      plan([
        "T: You could try writing your worries down before bed.",
        "P: Okay, thanks.",
        "T: Maybe you could ask your brother for a lift to the appointment.",
        "P: Perhaps I will try that, I don't know.",
        "T: How about joining the walking group on Saturdays?",
        "P: That's a good idea but I can't get there on weekends.",
      ]),
    ).toEqual([]);
  });

  it("does not take reported, hypothetical, habitual or predicted futures, sustain talk, refusals or acts of the session", () => {
    expect(
      plan([
        "T: What happened then?",
        "P: So I finally said, 'Fine, I'll go see someone.'",
        "T: And now?",
        "P: If she calls again I'll just hang up. Usually I'll stay in bed until noon. I'll be fine.",
        "T: What about the smoking?",
        "P: I'm going to keep smoking, I'm not going to stop. I'll tell you what happened at work. I'm going to work and back every day.",
      ]),
    ).toEqual([]);
  });

  it("writes what the therapist proposed, taken up or not, as the strategies discussed; never a question that only asks", () => {
    const given = input([
      "T: Is there anyone at home you can confide in?",
      "P: Not really.",
      "T: You could try writing your worries down before bed. There are programs you can apply for at the town hall.",
      "P: Okay, thanks.",
      "T: Going to the town hall means asking for help in person.",
    ]);
    const strategies = writeEmbeddedNotes(given).strategies;
    expect(isNotAssessed(strategies) ? [] : strategies.map((item) => [item.text, item.speaker])).toEqual([["You could try writing your worries down before bed.", "therapist"]]);
  });

  it("says so when nothing was agreed, instead of an empty plan", () => {
    const given = input(["T: How was the week?", "P: It was long and I felt flat most days."]);
    expect(writeEmbeddedNotes(given).actionItems).toMatchObject({ status: "not_assessed" });
  });
});
