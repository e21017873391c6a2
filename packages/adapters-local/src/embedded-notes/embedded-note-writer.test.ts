import { type NoteItem, verifyNotes } from "@confide/core";
import { isNotAssessed } from "@confide/core/adapter-kit";
import type { NoteWriterInput } from "@confide/core/ports";
import { describeNoteWriterContract } from "@confide/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createVaderLanguageAnalyzer } from "../vader/vader-language-analyzer.ts";
import { createWinkClaimReader } from "../wink-claims/wink-claim-reader.ts";
import { createEmbeddedNoteWriter, writeEmbeddedNotes } from "./embedded-note-writer.ts";
import { readSegment } from "./segment-reader.ts";

describeNoteWriterContract({
  name: "embedded",
  create: async () => createEmbeddedNoteWriter(),
  claims: createWinkClaimReader(),
  capabilities: { flagsRisk: false, reflects: false },
});

const analyzer = createVaderLanguageAnalyzer();
const provenance = { provider: "embedded", model: "m", promptVersion: "p", writtenAt: new Date(0) };

/** A dialogue alternating therapist (S1) and patient (S2), scored by VADER as the pipeline would. */
async function dialogue(lines: string[]): Promise<NoteWriterInput> {
  const segments = lines.map((text, index) => ({
    id: `seg-${index + 1}`,
    speaker: index % 2 === 0 ? "S1" : "S2",
    startMs: index * 5_000,
    endMs: (index + 1) * 5_000,
    text,
  }));
  const patient = segments.filter((segment) => segment.speaker === "S2");
  const results = await analyzer.sentiment(patient.map((segment) => segment.text), { language: "en-US" });
  return {
    language: "en-US",
    speakers: [
      { label: "S1", role: "therapist" },
      { label: "S2", role: "patient" },
    ],
    segments,
    sentiment: patient.map((segment, index) => ({ segmentId: segment.id, ...results[index]! })),
  };
}

async function notesOf(lines: string[]) {
  const input = await dialogue(lines);
  return verifyNotes(writeEmbeddedNotes(input), { ...input, revision: 1 }, provenance, createWinkClaimReader());
}

const plainSession = [
  "Good to see you. How did the week go with your new job?",
  "The job is going well. My manager gave me good feedback and I felt proud.",
  "That's great. Did you try the breathing exercise before meetings?",
  "I did, and the meetings felt calmer. I still get anxious before presentations.",
  "Presentations can be hard, and you have prepared before.",
  "Next week I'm going to practise the presentation with my partner. I will also keep the breathing exercise.",
];

describe("embedded note writer", () => {
  it("writes a plain session every item grounded, its emotional themes too, leaving risk to the risk screen", async () => {
    const notes = await notesOf(plainSession);
    expect(notes.riskFlags).toMatchObject({ status: "not_assessed" });
    // An emotional theme names the lexicon's group of the word said ("anxiety" for "anxious", "joy"
    // for "proud"): the claim reader knows the word as one of that emotion, so its quote carries it.
    expect((notes.emotionalThemes as NoteItem[]).map((theme) => [theme.text, theme.support, theme.verification.status])).toEqual([
      ["joy", "quoted", "grounded"],
      ["anxiety", "quoted", "grounded"],
    ]);
    expect(notes.quality.unverified).toBe(0);
    expect((notes.keyTopics as NoteItem[]).every((topic) => topic.support === "quoted")).toBe(true);
    expect((notes.actionItems as NoteItem[]).every((item) => item.support === "quoted")).toBe(true);
    expect(notes.quality.grounded).toBeGreaterThan(5);
    const topics = notes.keyTopics as NoteItem[];
    expect(topics.map((topic) => topic.text)).toEqual(expect.arrayContaining(["breathing exercise", "presentation"]));
    // Set in a time to come, the first is the plan; the second, untimed, is to confirm with the patient.
    expect((notes.actionItems as NoteItem[]).map((item) => item.quote)).toEqual(["Next week I'm going to practise the presentation with my partner."]);
    expect((notes.followUpTopics as NoteItem[]).map((item) => [item.text, item.verification.status])).toEqual([
      ["To confirm: I will also keep the breathing exercise.", "grounded"],
    ]);
    expect((notes.actionItems as NoteItem[]).every((item) => item.speaker === "patient")).toBe(true);
    const quotes = notes.significantQuotes as NoteItem[];
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((quote) => quote.speaker === "patient" && quote.verification.status === "grounded")).toBe(true);
    // Pride and anxiety both show: a clinician reads the mood as mixed.
    expect(notes.sessionMood).toMatchObject({ value: "mixed", verification: { status: "grounded" } });
    expect(isNotAssessed(notes.moodTrajectory)).toBe(false);
    // The therapist only asked questions: no strategy was proposed.
    expect(notes.strategies).toMatchObject({ status: "not_assessed" });
    expect(notes.therapistNotes).toMatchObject({ status: "not_assessed" });
    expect((notes.patientSummary as NoteItem[])[0]?.text).toMatch(/^We talked about /);
  });

  it("sees a session that ends better than it began as improving", async () => {
    const notes = await notesOf([
      "How are you?",
      "I feel awful, sad and hopeless.",
      "What happened?",
      "Everything went wrong, I hate it.",
      "And now?",
      "Talking helps, I feel better and hopeful.",
      "Good.",
      "Yes, I am glad and relieved, thank you.",
    ]);
    expect(notes.moodTrajectory).toMatchObject({ value: "improving", verification: { status: "grounded" } });
  });

  it("takes no hope from a courtesy: hoping so, or hoping the listener is well", async () => {
    const themes = async (lines: string[]) => ((await notesOf(lines)).emotionalThemes as NoteItem[]).map((theme) => theme.text);
    expect(
      await themes(["Things will ease with time.", "Thank you, I hope so.", "Take care tonight.", "You too, hope you have a good evening. Hope this helps someone."]),
    ).not.toContain("hope");
    expect(await themes(["How do you feel about the new job?", "I hope it works out, I really do."])).toContain("hope");
  });

  it("does not assess a transcript in another language", async () => {
    const input = { ...(await dialogue(plainSession)), language: "de-DE" };
    const notes = writeEmbeddedNotes(input);
    expect(notes.keyTopics).toEqual({ status: "not_assessed", reason: "The embedded writer reads English only (the transcript is de-DE)." });
    expect(notes.riskFlags).toMatchObject({ status: "not_assessed" });
  });

  it("stops when its signal is aborted", async () => {
    const writer = createEmbeddedNoteWriter();
    await expect(writer.write(await dialogue(plainSession), { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "provider.interrupted" });
  });

  it("reads any text into tokens whose offsets point at their own characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const read = readSegment({ id: "s", speaker: "S", startMs: 0, text }, "patient");
        return read.sentences.every(
          (sentence) =>
            sentence.start >= 0 &&
            sentence.end <= text.length &&
            sentence.tokens.every((token) => text.slice(token.start, token.end) === token.value),
        );
      }),
      { numRuns: 300 },
    );
  });
});
