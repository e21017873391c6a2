import { describe, expect, it } from "vitest";
import { resolveConflict, wordDiff } from "./segment-conflict.ts";

const sessionWith = (version: number, text: string) => ({
  version,
  transcript: {
    segments: [
      { id: "seg-1", text: "How have you been sleeping?" },
      { id: "seg-2", text },
    ],
  },
});

describe("resolveConflict", () => {
  const edit = { segmentId: "seg-2", base: "Better, thank you.", mine: "Much better, thank you." };

  it("saves mine again on the new version when the other save left this segment alone", () => {
    expect(resolveConflict(edit, sessionWith(5, "Better, thank you."))).toEqual({
      kind: "resubmit",
      version: 5,
      text: "Much better, thank you.",
    });
  });

  it("has nothing to do when the other save wrote the same words (spaces aside)", () => {
    expect(resolveConflict(edit, sessionWith(3, " Much better, thank you. "))).toEqual({ kind: "already-saved", version: 3 });
  });

  it("asks the therapist when both changed the segment differently", () => {
    expect(resolveConflict(edit, sessionWith(4, "Bitter, thank you."))).toEqual({
      kind: "conflict",
      version: 4,
      base: "Better, thank you.",
      mine: "Much better, thank you.",
      theirs: "Bitter, thank you.",
    });
  });

  it("says the segment is gone when the transcript no longer has it", () => {
    expect(resolveConflict(edit, { version: 9, transcript: null })).toEqual({ kind: "gone", version: 9 });
    expect(resolveConflict({ ...edit, segmentId: "seg-7" }, sessionWith(9, "x"))).toEqual({ kind: "gone", version: 9 });
  });
});

describe("wordDiff", () => {
  it("marks words only in the first text as removed and only in the second as added, joining runs", () => {
    expect(wordDiff("i feel so tired today", "i feel very tired today")).toEqual([
      { text: "i feel", change: "same" },
      { text: "very", change: "added" },
      { text: "so", change: "removed" },
      { text: "tired today", change: "same" },
    ]);
  });

  it("handles empty and identical texts", () => {
    expect(wordDiff("", "new words")).toEqual([{ text: "new words", change: "added" }]);
    expect(wordDiff("old words", "")).toEqual([{ text: "old words", change: "removed" }]);
    expect(wordDiff("same  text", "same text")).toEqual([{ text: "same text", change: "same" }]);
  });

  it("rebuilds both texts from its pieces", () => {
    const from = "the quick brown fox jumps over the lazy dog";
    const to = "a quick red fox leaps over the dog again";
    const pieces = wordDiff(from, to);
    expect(pieces.filter((p) => p.change !== "added").map((p) => p.text).join(" ")).toBe(from);
    expect(pieces.filter((p) => p.change !== "removed").map((p) => p.text).join(" ")).toBe(to);
  });
});
