import { describe, expect, it } from "vitest";
import { searchWords, searchableTextsOf, sessionSearchTerms } from "./session-search-terms.ts";
import type { Segment } from "./transcript.ts";

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

  it("has the title's words alone before a transcript exists", () => {
    expect(sessionSearchTerms({ title: "Grief and loss", transcript: null })).toEqual(["grief", "and", "loss"]);
  });
});
