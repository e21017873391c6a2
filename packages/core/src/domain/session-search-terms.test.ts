import { describe, expect, it } from "vitest";
import { searchWords, searchableTextsOf, sessionSearchTerms } from "./session-search-terms.ts";
import { allNotAssessed } from "./clinical-notes.ts";
import { verifyNotes } from "./note-evidence.ts";
import type { Segment } from "./transcript.ts";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";

const segment = (id: string, text: string): Segment => ({ id, speaker: "S2", startMs: 0, endMs: 1_000, text });
const transcript = (...texts: string[]) => ({
  language: "en-US",
  durationMs: 1_000,
  speakers: [],
  segments: texts.map((text, index) => segment(`seg-${index + 1}`, text)),
  provider: "scripted",
  revision: 1,
  warnings: [],
});

describe("session search terms", () => {
  it("lower-cases and splits at everything that is not a letter, mark or digit", () => {
    expect(searchWords("Insomnia follow-up: PANIC (again) & 3 times!")).toEqual([
      "insomnia",
      "follow",
      "up",
      "panic",
      "again",
      "3",
      "times",
    ]);
    expect(searchWords("anger & (sadness | ! anger:* ")).toEqual(["anger", "sadness", "anger"]);
    expect(searchWords("?! -- ")).toEqual([]);
  });

  it("reads accented, full-width and ligature forms as their plain, composed word", () => {
    expect(searchWords("Cafe\u0301 ＡＮＧＥＲ ﬁne")).toEqual(["café", "anger", "fine"]);
    expect(searchWords("Große Ärger")).toEqual(["große", "ärger"]);
  });

  it("searches the title and every segment's text, nothing else", () => {
    const session = { title: "Weekly check-in", transcript: transcript("The panic came back.", "On the train.") };

    expect(searchableTextsOf(session)).toEqual(["Weekly check-in", "The panic came back.", "On the train."]);
    expect(sessionSearchTerms(session)).toEqual(["weekly", "check", "in", "the", "panic", "came", "back", "on", "train"]);
  });

  it("adds the notes' words, and nothing for a field the notes leave out", () => {
    const source = transcript("The panic came back.");
    const notes = verifyNotes(allNotAssessed("not in this test"), { ...source, revision: 1 }, { provider: "test", model: "m", promptVersion: "p", writtenAt: new Date(0) }, createPlainWordsClaimReader());
    expect(notes).not.toHaveProperty("interventions");
    expect(searchableTextsOf({ title: "Check-in", transcript: source, notes })).toEqual(["Check-in", "The panic came back."]);
    const acts = { ...notes, interventions: [{ text: "Asked: “Panic?”", evidence: [], verification: { status: "grounded" as const } }] };
    expect(searchableTextsOf({ title: "Check-in", transcript: source, notes: acts })).toEqual(["Check-in", "The panic came back.", "Asked: “Panic?”"]);
  });

  it("has the title's words alone before a transcript exists", () => {
    expect(sessionSearchTerms({ title: "Grief and loss", transcript: null })).toEqual(["grief", "and", "loss"]);
  });
});
