import { isNotAssessed, riskFlagsOf, verifyNotes, type NoteItem, type NoteWriterInput } from "@confide/core";
import { describeNoteWriterContract } from "@confide/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createVaderLanguageAnalyzer } from "../vader/vader-language-analyzer.ts";
import { createEmbeddedNoteWriter, writeEmbeddedNotes } from "./embedded-note-writer.ts";
import { readSegment } from "./segment-reader.ts";

describeNoteWriterContract({ name: "embedded", create: async () => createEmbeddedNoteWriter() });

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
  return verifyNotes(writeEmbeddedNotes(input), { ...input, revision: 1 }, provenance);
}

const plainSession = [
  "Good to see you. How did the week go with your new job?",
  "The job is going well. My manager gave me good feedback and I felt proud.",
  "That's great. Did you try the breathing exercise before meetings?",
  "I did, and the meetings felt calmer. I still get anxious before presentations.",
  "Presentations can be hard. What would help you prepare?",
  "Next week I'm going to practise the presentation with my partner. I will also keep the breathing exercise.",
];

describe("embedded note writer", () => {
  it("flags 'I have been thinking about ending my life' as self-harm, citing that segment", async () => {
    const notes = await notesOf([
      "How have things been?",
      "Not good. I have been thinking about ending my life.",
      "Thank you for telling me. Are you safe tonight?",
      "I think so.",
    ]);
    const flags = riskFlagsOf(notes);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      type: "self_harm",
      severity: "high",
      quote: "I have been thinking about ending my life.",
      speaker: "patient",
      evidence: [{ segmentId: "seg-2", start: 10, end: 52 }],
      verification: { status: "grounded" },
    });
  });

  it.each([
    "I would never hurt myself.",
    "I don't want to die, I just want to sleep.",
    "I have no plans to end my life.",
    "I'm not suicidal.",
  ])("raises no flag for the negated '%s'", async (line) => {
    const notes = await notesOf(["Have you had thoughts of harming yourself?", line]);
    expect(riskFlagsOf(notes)).toEqual([]);
  });

  it("still flags a risk said after a negation earlier in the sentence", async () => {
    const notes = await notesOf(["What is on your mind?", "I don't know why I want to die."]);
    expect(riskFlagsOf(notes).map((flag) => flag.type)).toEqual(["self_harm"]);
  });

  it("raises no flag for the therapist's own words", async () => {
    const notes = await notesOf(["Some people think about suicide when they feel this way. Do you?", "No, I am just tired."]);
    expect(riskFlagsOf(notes)).toEqual([]);
  });

  it.each([
    ["He hits me when he drinks.", "abuse"],
    ["Sometimes I want to hurt him.", "harm_to_others"],
    ["I relapsed and was drinking too much again.", "substance"],
  ])("flags '%s' as %s", async (line, type) => {
    const notes = await notesOf(["Tell me about the weekend.", line]);
    expect(riskFlagsOf(notes).map((flag) => flag.type)).toEqual([type]);
    expect(riskFlagsOf(notes)[0]?.verification.status).toBe("grounded");
  });

  it("writes a plain session with no flags, every item grounded", async () => {
    const notes = await notesOf(plainSession);
    expect(notes.riskFlags).toEqual([]);
    expect(notes.quality.unverified).toBe(0);
    expect(notes.quality.grounded).toBeGreaterThan(5);
    const topics = notes.keyTopics as NoteItem[];
    expect(topics.map((topic) => topic.text)).toEqual(expect.arrayContaining(["exercise", "presentation"]));
    expect((notes.actionItems as NoteItem[]).map((item) => item.quote)).toEqual([
      "Next week I'm going to practise the presentation with my partner.",
      "I will also keep the breathing exercise.",
    ]);
    expect((notes.actionItems as NoteItem[]).every((item) => item.speaker === "patient")).toBe(true);
    const quotes = notes.significantQuotes as NoteItem[];
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((quote) => quote.speaker === "patient" && quote.verification.status === "grounded")).toBe(true);
    expect((notes.emotionalThemes as NoteItem[]).map((theme) => theme.text)).toEqual(expect.arrayContaining(["joy", "anxiety"]));
    expect(notes.sessionMood).toMatchObject({ value: "positive", verification: { status: "grounded" } });
    expect(isNotAssessed(notes.moodTrajectory)).toBe(false);
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
