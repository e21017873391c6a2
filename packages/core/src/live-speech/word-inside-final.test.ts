import { describe, expect, it } from "vitest";
import { wordInsideFinal } from "./word-inside-final.ts";

describe("wordInsideFinal", () => {
  const final = { startMs: 500, endMs: 2_000 };

  it("keeps a word already inside its final, with its confidence", () => {
    expect(wordInsideFinal({ text: "how", startMs: 500, endMs: 714, confidence: 0.9 }, final)).toEqual({ text: "how", startMs: 500, endMs: 714, confidence: 0.9 });
  });

  it("moves a start before the final to the final's start and an end past it to the final's end; no confidence, none on the word", () => {
    expect(wordInsideFinal({ text: "how", startMs: 480, endMs: 2_030 }, final)).toEqual({ text: "how", startMs: 500, endMs: 2_000 });
  });

  it("a word starting after the final ends becomes an empty word at its end; one timed to end before it starts ends where it starts", () => {
    expect(wordInsideFinal({ text: "late", startMs: 2_100, endMs: 2_300 }, final)).toEqual({ text: "late", startMs: 2_000, endMs: 2_000 });
    expect(wordInsideFinal({ text: "back", startMs: 900, endMs: 800 }, final)).toEqual({ text: "back", startMs: 900, endMs: 900 });
  });
});
