import { describe, expect, it } from "vitest";
import type { ClaimReader } from "../ports/claim-reader.ts";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import { agreeingAnswers, agreesFeeling, moodCarried, pleasantKinds, unpleasantKinds } from "./mood-support.ts";

const words = createPlainWordsClaimReader();
/** The plain reader, knowing a few emotion words' kinds. */
const reader: ClaimReader = {
  name: "plain-with-kinds",
  read: (text) =>
    words.read(text).map((word) => {
      const kinds = ({ angry: ["anger"], anxious: ["anxiety"], surprised: ["surprise"], lonely: ["loneliness"], guilty: ["guilt"], sad: ["sadness"], joyful: ["joy"], frustrating: ["anger"], scared: ["fear"], hopeful: ["hope"] } as Record<string, string[] | undefined>)[word.value.toLowerCase()];
      return kinds ? { ...word, kinds } : word;
    }),
};
const therapist = (text: string) => ({ text, role: "therapist" as const });
const patient = (text: string) => ({ text, role: "patient" as const });

describe("agreesFeeling: the patient agrees with a feeling said back", () => {
  it("takes a plain yes, or a short answer that restates it, and nothing else", () => {
    for (const answer of ["Yeah.", "Exactly", "Yes, that's right", "It is", "It was", "I am", "I do", "I did", "I was"]) expect(agreesFeeling(words.read(answer)), answer).toBe(true);
    for (const answer of ["Okay", "Yeah, but it's fine", "I guess", "It is what it is", "Is it", "Am I", "I", "it", ""]) expect(agreesFeeling(words.read(answer)), answer).toBe(false);
    expect(agreeingAnswers).toEqual([
      ["it", "is"],
      ["it", "was"],
      ["it", "be"],
      ["i", "am"],
      ["i", "was"],
      ["i", "be"],
      ["i", "do"],
      ["i", "did"],
    ]);
    // By lemma as a tagger gives it: "it's" read as "it" "be".
    expect(agreesFeeling([{ lemma: "it", value: "x-it" }, { lemma: "be", value: "x-'s" }])).toBe(true);
    expect(agreesFeeling([{ lemma: "i", value: "x-I" }, { lemma: "be", value: "x-'m" }])).toBe(true);
  });
});

describe("moodCarried: a feeling said back and agreed with carries the mood", () => {
  it("counts the therapist's words only when a cited turn of the patient opens agreeing", () => {
    expect(moodCarried("Presented as angry.", [therapist("That sounds really frustrating."), patient("It is. My brother never lets up.")], reader)).toBe(true);
    expect(moodCarried("Presented as angry.", [therapist("That sounds really frustrating."), patient("Yeah.")], reader)).toBe(true);
    expect(moodCarried("Presented as angry.", [therapist("That sounds really frustrating."), patient("Not really. It's fine.")], reader)).toBe(false);
    expect(moodCarried("Presented as angry.", [therapist("That sounds really frustrating.")], reader)).toBe(false);
    // The agreement is the patient turn's first sentence, not a later one.
    expect(moodCarried("Presented as angry.", [therapist("That sounds really frustrating."), patient("Not at all. It is.")], reader)).toBe(false);
    // The patient's own words carry it as before, agreed or not.
    expect(moodCarried("Presented as anxious.", [therapist("How was it?"), patient("I was scared.")], reader)).toBe(true);
    // A feeling not said by either is not carried.
    expect(moodCarried("Presented as hopeful.", [therapist("That sounds really frustrating."), patient("Yeah.")], reader)).toBe(false);
    // A yes with no end mark agrees; the therapist's own yes agrees with nothing.
    expect(moodCarried("Presented as angry.", [therapist("That sounds really frustrating."), patient("yeah")], reader)).toBe(true);
    expect(moodCarried("Presented as angry.", [therapist("Yeah. That sounds really frustrating.")], reader)).toBe(false);
    // A cited patient turn with no words agrees with nothing, and the check does not throw on it.
    expect(moodCarried("Presented as angry.", [therapist("That sounds really frustrating."), patient("")], reader)).toBe(false);
    expect(moodCarried("Presented as angry.", [therapist("That sounds really frustrating."), patient(" "), patient("It is.")], reader)).toBe(true);
  });

  it("checks only the sides of feeling the text names, not negated, by the kinds of each side", () => {
    expect(unpleasantKinds).toEqual(new Set(["anxiety", "sadness", "loneliness", "anger", "fear", "guilt"]));
    expect(pleasantKinds).toEqual(new Set(["hope", "joy"]));
    for (const [claim, shown] of [["anxious", "scared"], ["sad", "lonely"], ["guilty", "frustrating"], ["lonely", "sad"], ["hopeful", "joyful"], ["joyful", "hopeful"]]) {
      expect(moodCarried(`Presented as ${claim}.`, [patient(`I am ${shown}.`)], reader), `${claim} by ${shown}`).toBe(true);
    }
    for (const [claim, shown] of [["anxious", "hopeful"], ["joyful", "sad"], ["guilty", "joyful"], ["lonely", "hopeful"]]) {
      expect(moodCarried(`Presented as ${claim}.`, [patient(`I am ${shown}.`)], reader), `${claim} by ${shown}`).toBe(false);
    }
    // A kind of neither side, or a feeling denied, claims nothing to check.
    expect(moodCarried("Presented as surprised.", [patient("Hello.")], reader)).toBe(true);
    expect(moodCarried("Patient is not angry.", [patient("Hello.")], reader)).toBe(true);
  });
});
