import { describe, expect, it } from "vitest";
import { readSegment } from "./segment-reader.ts";

/** The sentences of a text as the reader gives them, each as written. */
const sentencesOf = (text: string) => readSegment({ id: "s", speaker: "P", startMs: 0, text }, "patient").sentences.map((sentence) => text.slice(sentence.start, sentence.end));

describe("speech recognition's pauses: fragments joined to the sentence they continue", () => {
  it("joins a sentence that stops where none can, and a fragment with no verb or subject of its own", () => {
    expect(sentencesOf("so at the end i have to. stab myself. with the dagger.")).toEqual(["so at the end i have to. stab myself. with the dagger."]);
    expect(sentencesOf("and i nearly. killed myself. laughing.")).toEqual(["and i nearly. killed myself. laughing."]);
    expect(sentencesOf("i've already. took. the whole. two packets. about an hour ago.")).toEqual(["i've already. took. the whole. two packets. about an hour ago."]);
    expect(sentencesOf("but if i go. i take him also.")).toEqual(["but if i go. i take him also."]);
    expect(sentencesOf("last night i. took the bottle out.")).toEqual(["last night i. took the bottle out."]);
  });

  it("keeps apart a bare answer, a take-back, a sentence with a subject of its own, and anything written with capitals", () => {
    expect(sentencesOf("yeah. i used to cut. not now.")).toEqual(["yeah.", "i used to cut.", "not now."]);
    expect(sentencesOf("yeah. hang on. my mum's calling.")).toEqual(["yeah.", "hang on.", "my mum's calling."]);
    expect(sentencesOf("i'm sorry about your loss. moving on was really hard for me.")).toEqual(["i'm sorry about your loss.", "moving on was really hard for me."]);
    expect(sentencesOf("I nearly did. Killed myself. Last night.")).toEqual(["I nearly did.", "Killed myself.", "Last night."]);
    // A condition's clause, once joined, is not joined again: what follows is a sentence of its own.
    expect(sentencesOf("if i go. i take him. she will cry.")).toEqual(["if i go. i take him.", "she will cry."]);
  });
});
