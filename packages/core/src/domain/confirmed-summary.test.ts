import { describe, expect, it } from "vitest";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import type { ClaimReader } from "../ports/claim-reader.ts";
import { wholeWordsReader } from "./whole-words-reader.test-support.ts";
import { confirmingWords, confirmsPlainly, continuingVerbs, decidingVerbs, futureMarkers, isPlanSummary, planSummaryAt, summaryAnchors, summaryLeads, summaryNonActs, yesWords } from "./confirmed-summary.ts";

const reader = createPlainWordsClaimReader();
const wholeWords = wholeWordsReader({ commas: true });
// A reader that gives "be", "have" and "go" as lemmas, as wink-nlp does ("'re" → be, "'ve" → have, "going" → go).
const lemmas: Record<string, string> = { "'re": "be", are: "be", is: "be", "'s": "be", "'ve": "have", going: "go", "'ll": "will", decided: "decide", planning: "plan" };
const tagger: ClaimReader = {
  name: "tagger-like",
  read: (text) =>
    [...text.matchAll(/'?[\p{L}]+|'[\p{L}]+/gu)].map((match) => {
      const value = match[0];
      const lower = value.toLowerCase();
      return { value, lemma: lemmas[lower] ?? lower, stem: lower, partOfSpeech: "X", stopWord: false, negated: false, start: match.index ?? 0, end: (match.index ?? 0) + value.length };
    }),
};
const split = (text: string) => text.replace(/(you|we|that|it|i)('re|'ve|'ll|'s)/gi, "$1 $2");
const summarises = (text: string, using: ClaimReader = reader) => isPlanSummary(using.read(using === tagger ? split(text) : text));
const confirms = (text: string, using: ClaimReader = reader) => confirmsPlainly(using.read(using === tagger ? split(text) : text));

describe("planSummaryAt: the therapist states the patient's decided act", () => {
  it("finds a summary after 'so' or 'it sounds like', by every reader", () => {
    for (const using of [reader, wholeWords, tagger]) {
      expect(summarises("So you're going to call your GP this week.", using), using.name).toBe(true);
      expect(summarises("Okay, so you'll ring the quit line on Monday.", using), using.name).toBe(true);
      expect(summarises("So you will stop drinking on weeknights?", using), using.name).toBe(true);
      expect(summarises("It sounds like you're going to talk to your wife tonight.", using), using.name).toBe(true);
      expect(summarises("So you are gonna book the appointment.", using), using.name).toBe(true);
    }
  });

  it("finds a plan or a decision stated as one, with or without 'so'", () => {
    for (const using of [reader, wholeWords, tagger]) {
      expect(summarises("Your plan is to drink only at weekends.", using), using.name).toBe(true);
      expect(summarises("So the plan is for you to call the clinic first.", using), using.name).toBe(true);
      expect(summarises("You've decided to set a quit date.", using), using.name).toBe(true);
      expect(summarises("You're planning to enrol on an evening course next term.", using), using.name).toBe(true);
      expect(summarises("You plan to walk after dinner.", using), using.name).toBe(true);
    }
  });

  it("returns the index of the act's verb, past fillers", () => {
    expect(planSummaryAt(reader.read("So you'll just call her."))).toBe(4);
    expect(planSummaryAt(reader.read("Your plan is to first book it."))).toBe(5);
    expect(planSummaryAt(reader.read("So the plan is for you to call."))).toBe(7);
  });

  it("never reads a prediction without 'so' as a summary", () => {
    expect(summarises("You will come through this.")).toBe(false);
    expect(summarises("You'll call her, I know it.")).toBe(false);
    expect(summarises("I think you're going to call her.")).toBe(false);
  });

  it("never reads a state, a feeling, a need or what happens to the patient as the act", () => {
    for (const act of ["be fine", "feel better", "find someone", "need help", "get better", "lose your job", "come through this", "make it", "have more time"]) {
      expect(summarises(`So you'll ${act}.`), act).toBe(false);
    }
    expect([...summaryNonActs]).toEqual(expect.arrayContaining(["be", "feel", "find", "need", "get", "lose", "come", "make", "have", "not", "never"]));
  });

  it("never reads a habit kept up, a refusal or a plan that was", () => {
    expect(summarises("So you're going to keep smoking for now.")).toBe(false);
    expect(summarises("So you'll continue drinking at weekends.")).toBe(false);
    expect(summarises("So you'll keep a drink diary.")).toBe(true);
    expect(summarises("So you're not going to call her.")).toBe(false);
    expect(summarises("So you'll never call her.")).toBe(false);
    expect(summarises("So you were planning to visit your parents in spring.")).toBe(false);
    expect(summarises("So you had decided to call her.")).toBe(false);
    expect(summarises("So you planned to return to your studies.")).toBe(false);
    expect(summarises("So you decided to call her.")).toBe(false);
    expect(summarises("So you've decided to call her.")).toBe(true);
    expect([...continuingVerbs]).toEqual(["keep", "continue", "carry"]);
  });

  it("needs the summary at the sentence's opening, its leads only before it", () => {
    expect(summarises("And then so you'll call her.")).toBe(true);
    expect(summarises("Because you'll call her.")).toBe(false);
    expect(summarises("So do you reckon you will ring her?")).toBe(false);
    expect(summarises("So you fear you will fail the exam?")).toBe(false);
    expect(summarises("So you have to call her.")).toBe(false);
    expect(summarises("Your plan was to call her.")).toBe(false);
    expect(summarises("Your plan is good.")).toBe(false);
    expect(summarises("So your friend is going to call.")).toBe(false);
    expect(summarises("So you'll")).toBe(false);
    expect(summarises("")).toBe(false);
  });

  it("reads each lead, anchor, deciding verb and future marker as listed", () => {
    for (const lead of summaryLeads) expect(summarises(`${lead} so you'll call her.`), lead).toBe(true);
    for (const lead of [...summaryLeads].filter((word) => !summaryAnchors.has(word))) expect(summarises(`${lead} you'll call her.`), lead).toBe(false);
    for (const verb of decidingVerbs) expect(planSummaryAt([{ lemma: "you", value: "you" }, { lemma: verb, value: verb.endsWith("ed") ? "" : verb }, { lemma: "to", value: "to" }, { lemma: "call", value: "call" }]), verb).toBe(3);
    for (const marker of futureMarkers) expect(planSummaryAt([{ lemma: "so", value: "so" }, { lemma: "you", value: "you" }, { lemma: marker, value: marker }, { lemma: "call", value: "call" }]), marker).toBe(3);
  });
});

describe("confirmsPlainly: a yes and nothing else", () => {
  it("takes a plain yes, by every reader", () => {
    for (const using of [reader, wholeWords, tagger]) {
      for (const yes of ["Yes.", "Yeah, that's right.", "Right. Yeah.", "Yep", "Exactly.", "Definitely.", "Mm-hmm.", "Uh-huh.", "Yes, I will.", "Sure.", "Yes, that's the plan.", "That's my plan, yeah."]) {
        expect(confirms(yes, using), `${using.name}: ${yes}`).toBe(true);
      }
    }
  });

  it("never takes an acknowledgement, a hesitation, a doubt or anything more than a yes", () => {
    for (const not of ["Okay.", "Hmm.", "Uh.", "That's it.", "That's the plan.", "I guess so.", "Yeah, but I don't know.", "Yes, thank you.", "Not really.", "Yeah, yeah, yeah, yeah, that's right.", ""]) {
      expect(confirms(not), not).toBe(false);
    }
  });

  it("reads every yes word and confirming word as listed", () => {
    for (const yes of yesWords) expect(confirmsPlainly([{ lemma: yes, value: yes }]), yes).toBe(true);
    for (const word of [...confirmingWords].filter((entry) => !yesWords.has(entry))) {
      expect(confirmsPlainly([{ lemma: word, value: word }]), word).toBe(false);
      expect(confirmsPlainly([{ lemma: "yes", value: "yes" }, { lemma: word, value: word }]), word).toBe(true);
    }
  });
});
