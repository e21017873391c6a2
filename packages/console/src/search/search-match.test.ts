import { describe, expect, it } from "vitest";
import { markWords, matchingSegment, searchWords } from "./search-match.ts";

const segments = [
  { id: "s1", text: "We talked about work." },
  { id: "s2", text: "Sleep was poor again." },
  { id: "s3", text: "Poor sleep and WORK stress, mostly." },
];

describe("where a search matched", () => {
  it("reads words as the server does: case, width and punctuation ignored", () => {
    expect(searchWords("Sleep, ＷＯＲＫ!")).toEqual(["sleep", "work"]);
  });

  it("opens at the first segment with every word, else the one with the most, else none", () => {
    expect(matchingSegment(segments, "work sleep")?.id).toBe("s3");
    expect(matchingSegment(segments, "sleep")?.id).toBe("s2");
    expect(matchingSegment(segments, "work holiday")?.id).toBe("s1");
    expect(matchingSegment(segments, "holiday")).toBeNull();
    expect(matchingSegment(segments, "  ?! ")).toBeNull();
  });

  it("marks whole words only, as written", () => {
    expect(markWords("Poor sleep and WORK stress; sleeping", ["sleep", "work"])).toEqual([
      { text: "Poor ", marked: false },
      { text: "sleep", marked: true },
      { text: " and ", marked: false },
      { text: "WORK", marked: true },
      { text: " stress; sleeping", marked: false },
    ]);
  });
});
