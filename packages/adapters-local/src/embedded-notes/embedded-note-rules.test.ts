/**
 * The rules the embedded writer keeps, each on a short conversation as sessions go —
 * backchannels, thanks, names, a therapist's suggestions beside the patient's own commitments.
 * Each was seen failing with the writer of embedded-rules-2 (before the rule).
 */
import { type MoodNote, type NoteItem, verifyNotes } from "@confide/core";
import { isNotAssessed } from "@confide/core/adapter-kit";
import type { NoteWriterInput } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { createVaderLanguageAnalyzer } from "../vader/vader-language-analyzer.ts";
import { createWinkClaimReader } from "../wink-claims/wink-claim-reader.ts";
import { dialogueInput } from "./dialogue-input.test-support.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";

const analyzer = createVaderLanguageAnalyzer();
const provenance = { provider: "embedded", model: "m", promptVersion: "p", writtenAt: new Date(0) };

/** Turns written "T: …" (therapist) or "P: …" (patient), patient turns scored by VADER as the pipeline would. */
async function session(turns: string[]): Promise<NoteWriterInput> {
  const input = dialogueInput(turns, { scored: false });
  const patient = input.segments.filter((segment) => segment.speaker === "P");
  const results = await analyzer.sentiment(patient.map((segment) => segment.text), { language: "en-US" });
  return { ...input, sentiment: patient.map((segment, index) => ({ segmentId: segment.id, ...results[index]! })) };
}

async function notesOf(turns: string[]) {
  const input = await session(turns);
  return verifyNotes(writeEmbeddedNotes(input), { ...input, revision: 1 }, provenance, createWinkClaimReader());
}

const items = (field: unknown) => (isNotAssessed(field) ? [] : (field as NoteItem[]));

/** A grief session: the patient's substance is sad, most of their turns are "yeah", "okay" and thanks. */
const grief = [
  "T: Hi Harold, come in. How have you been?",
  "P: Oh, um. Not so good, really.",
  "T: Mm. Tell me about it.",
  "P: It's been four months since Margaret died and the house is so quiet I can hear the clock all night.",
  "T: That silence sounds very heavy.",
  "P: Yeah.",
  "T: How are the nights?",
  "P: I lie awake on my side of the bed, and I still leave her side made, like she's coming back.",
  "T: Mm-hmm.",
  "P: Okay. Thank you.",
  "T: Has Susan been round?",
  "P: Susan comes on Saturdays, but I pretend I'm fine for her, and then I sit alone and cry after she leaves.",
  "T: Hmm. That sounds lonely.",
  "P: Yeah. Yes. Thank you, doctor, thanks.",
  "T: Maybe you could tell Susan a little of what the evenings are like.",
  "P: Okay, sure.",
  "T: And it might help to have one small thing planned each day.",
  "P: Yeah, okay. Thanks.",
  "T: What could you do this week?",
  "P: I'll walk to the paper shop every morning with Susan's dog.",
  "T: Good. I'll see you next Tuesday, Harold.",
  "P: I'll be honest, I'm dreading the weekend. Thank you so much.",
];

describe("embedded note rules", () => {
  it("quotes whole patient statements of substance, never bare agreement or thanks", async () => {
    const quotes = items((await notesOf(grief)).significantQuotes);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(quote.speaker).toBe("patient");
      expect(quote.verification.status).toBe("grounded");
      expect(quote.quote!.split(/\s+/).length).toBeGreaterThanOrEqual(8);
      expect(quote.quote).not.toMatch(/^(yeah|okay|thank|yes|oh)/i);
    }
    expect(quotes.map((quote) => quote.quote)).toContain(
      "It's been four months since Margaret died and the house is so quiet I can hear the clock all night.",
    );
  });

  it("gives no quote when the patient only agreed and thanked", async () => {
    const notes = await notesOf(["T: Shall we stop there?", "P: Yeah. Okay.", "T: See you next week.", "P: Thank you, thanks so much!"]);
    expect(items(notes.significantQuotes)).toEqual([]);
  });

  it("names topics by nouns and repeated noun phrases, never fillers or the names said", async () => {
    const notes = await notesOf([
      "T: Hmm. How's the sleep diary going, mate?",
      "P: Hmm, like, the sleep diary is hard, mate. Donna says I should keep the sleep diary by the bed.",
      "T: Mm. And Donna?",
      "P: Donna and Phil think the sleep diary is silly. Phil laughed at the diary.",
      "T: What about the breathing exercise?",
      "P: The breathing exercise helps before work, like, the breathing exercise really helps.",
    ]);
    const topics = items(notes.keyTopics).map((topic) => topic.text);
    expect(topics).toEqual(expect.arrayContaining(["sleep diary", "breathing exercise"]));
    for (const banned of ["hmm", "mate", "like", "donna", "phil"]) expect(topics.join(" ")).not.toMatch(new RegExp(`\\b${banned}\\b`));
    for (const topic of items(notes.keyTopics)) expect(topic.verification.status).toBe("grounded");
  });

  it("writes a patient summary that names no one, not even in a quoted commitment", async () => {
    const notes = await notesOf(grief);
    const summary = items(notes.patientSummary).map((item) => item.text).join(" ");
    expect(summary).not.toBe("");
    expect(summary).not.toMatch(/Harold|Margaret|Susan/i);
  });

  it("reads a sad session with polite agreement as negative, not positive", async () => {
    const mood = (await notesOf(grief)).sessionMood as MoodNote;
    expect(mood.value).toMatch(/negative/);
    expect(mood.verification.status).toBe("grounded");
  });

  it("still reads a glad session as positive", async () => {
    const mood = (await notesOf([
      "T: How did the trip go?",
      "P: It went really well, I took the train on my own and I felt proud and happy the whole way.",
      "T: That's wonderful.",
      "P: My grandad said he was proud of me, and that meant a lot, I felt loved and hopeful again.",
      "T: Great.",
      "P: Yeah.",
    ])) .sessionMood as MoodNote;
    expect(mood.value).toMatch(/positive/);
  });

  it("does not read thanks at the end of a worsening session as improvement", async () => {
    const notes = await notesOf([
      "T: How has the week started?",
      "P: Monday was lovely, we had a happy day at the beach and I felt calm and hopeful.",
      "T: And Tuesday?",
      "P: Tuesday was fine too, I felt relaxed.",
      "T: And since then?",
      "P: Since Wednesday everything went wrong, I feel hopeless and awful and I cry every night.",
      "T: I'm sorry. We'll keep working on it.",
      "P: Okay. Thank you.",
      "T: See you next week.",
      "P: Yes, thanks, great, thank you so much.",
    ]);
    expect(notes.moodTrajectory).toMatchObject({ value: "declining", verification: { status: "grounded" } });
  });

  it("takes the patient's own commitments as plan items, and no proposal met only by a bare okay or thanks", async () => {
    const actions = items((await notesOf(grief)).actionItems);
    expect(actions.map((item) => item.quote)).toEqual(["I'll walk to the paper shop every morning with Susan's dog."]);
    expect(actions.every((item) => item.speaker === "patient" && item.verification.status === "grounded")).toBe(true);
  });

  it("does not take a hedge, a condition or a manner of speaking for a commitment", async () => {
    const actions = items(
      (await notesOf([
        "T: What will you do?",
        "P: Maybe I'll ring her. If I stop revising at ten I'll fail. I'll be honest, I'm scared. We'll see.",
        "T: Okay.",
        "P: I'm going to ring her on Sunday, and I'm not going to drink this month.",
      ])).actionItems,
    );
    expect(actions.map((item) => item.quote)).toEqual(["I'm going to ring her on Sunday, and I'm not going to drink this month."]);
  });
});
