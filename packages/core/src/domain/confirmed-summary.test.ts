import { describe, expect, it } from "vitest";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import type { ClaimReader } from "../ports/claim-reader.ts";
import { wholeWordsReader } from "./whole-words-reader.test-support.ts";
import { actFillers, announcesSummary, goingOver, keptFree, checkedThings, checkingVerbs, conditionLeads, confirmationLength, confirmingWords, confirmsPlainly, continuingVerbs, decidingVerbs, futureMarkers, isPlanSummary, pastDecisions, pastForms, heardRightly, planSummaryAt, spokenYeses, summaryAnchors, summaryLeads, summaryNonActs, understandingVerbs, whenLeads, yesWords } from "./confirmed-summary.ts";

const reader = createPlainWordsClaimReader();
const wholeWords = wholeWordsReader({ commas: true });
// A reader that gives "be", "have" and "go" as lemmas, as wink-nlp does ("'re" → be, "'ve" → have, "going" → go).
const lemmas: Record<string, string> = { "'re": "be", are: "be", is: "be", "'s": "be", were: "be", was: "be", had: "have", "'d": "have", "'ve": "have", going: "go", "'ll": "will", decided: "decide", planned: "plan", planning: "plan" };
const tagger: ClaimReader = {
  name: "tagger-like",
  read: (text) =>
    [...text.matchAll(/'?[\p{L}]+|'[\p{L}]+/gu)].map((match) => {
      const value = match[0];
      const lower = value.toLowerCase();
      return { value, lemma: lemmas[lower] ?? lower, stem: lower, partOfSpeech: "X", stopWord: false, negated: false, start: match.index ?? 0, end: (match.index ?? 0) + value.length };
    }),
};
// Readers that keep one of a word's two forms only: its value as said (lemmas that match nothing), or its lemma (values that match nothing).
const byValue: ClaimReader = { name: "values only", read: (text) => tagger.read(text).map((word) => ({ ...word, lemma: `x-${word.lemma}` })) };
const byLemma: ClaimReader = { name: "lemmas only", read: (text) => tagger.read(text).map((word) => ({ ...word, value: `x-${word.value}` })) };
const split = (text: string) => text.replace(/(you|we|that|it|i)('re|'ve|'ll|'s)/gi, "$1 $2");
const splits = (using: ClaimReader) => using === tagger || using === byValue || using === byLemma;
const summarises = (text: string, using: ClaimReader = reader) => isPlanSummary(using.read(splits(using) ? split(text) : text));
const confirms = (text: string, using: ClaimReader = reader) => confirmsPlainly(using.read(splits(using) ? split(text) : text));

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

  it("finds 'the plan is that you'll…', taking the first act said of 'you' (after 'and' when the first names none), by every reader", () => {
    for (const using of [reader, wholeWords, tagger]) {
      expect(summarises("And the plan is that you'll keep a drinks diary on your phone.", using), using.name).toBe(true);
      expect(summarises("Your plan is that you are going to ring the clinic.", using), using.name).toBe(true);
      expect(summarises("The plan is that you will have three dry nights this week, and you'll keep a drinks diary.", using), using.name).toBe(true);
    }
    // The act's index: "keep", after "and you'll" ("have" names no act).
    expect(planSummaryAt(reader.read("The plan is that you will have a busy week and you will keep a diary."))).toBe(13);
    // "Have" keeping days free of the habit is the act itself.
    expect(planSummaryAt(reader.read("The plan is that you will have three dry nights and you will keep a diary."))).toBe(6);
    expect(planSummaryAt(reader.read("The plan is that you will call."))).toBe(6);
    expect(planSummaryAt(reader.read("The plan is that you are going to call."))).toBe(8);
    for (const text of [
      "The plan is that you'll feel better.",
      "The plan is that you'll have a rest and you'll feel better.",
      "The plan is that we call you.",
      "The plan is that she will call you.",
      "The plan is that.",
      "The plan is that you call.",
      "The plan is that you'll be fine, but you will call.",
      // Only "will" or "going to" make the future: "you have got to", "you are happy to" state none.
      "The plan is that you have got to call.",
      "The plan is that you are happy to call.",
    ]) {
      expect(summarises(text), text).toBe(false);
    }
  });

  it("returns the index of the act's verb, past fillers", () => {
    expect(planSummaryAt(reader.read("So you'll just call her."))).toBe(4);
    expect(planSummaryAt(reader.read("Your plan is to first book it."))).toBe(5);
    expect(planSummaryAt(reader.read("So the plan is for you to call."))).toBe(7);
  });

  it("reads a summary announced in its own sentence as anchored, as 'so' anchors it", () => {
    for (const using of [reader, wholeWords, tagger]) {
      expect(summarises("So to sum up, you're going to start with the stop smoking service.", using), using.name).toBe(true);
      expect(summarises("In summary, you'll ring the clinic on Monday.", using), using.name).toBe(true);
      expect(summarises("To recap, your plan is to walk after dinner.", using), using.name).toBe(true);
      expect(summarises("To summarise you will book the appointment.", using), using.name).toBe(true);
    }
    expect(planSummaryAt(reader.read("To sum up, you'll call."))).toBe(5);
    expect(planSummaryAt(reader.read("In summary you'll call."))).toBe(4);
    for (const text of ["To sum up, you'll feel better.", "In the summer you'll go to Spain.", "To the summary you'll add it.", "To sum it up you'll call.", "In sum up you'll call.", "To summarise, you were planning to visit.", "Up to summary you'll call.", "A summary you'll write up tonight."]) {
      expect(summarises(text), text).toBe(false);
    }
  });

  it("reads a therapist checking their understanding as announcing a summary: 'let me', a verb of checking, then one of understanding", () => {
    for (const using of [reader, wholeWords, tagger]) {
      for (const text of ["Let me check I've got it.", "Let me just make sure I've understood.", "Okay, let me see if I heard you right.", "Let me check that I got all of that.", "Right, so okay, let me check I got it."]) expect(announcesSummary(using.read(text)), `${using.name}: ${text}`).toBe(true);
    }
    for (const checking of checkingVerbs) for (const understanding of understandingVerbs) expect(announcesSummary(reader.read(`let me ${checking} i ${understanding} it`)), `${checking} ${understanding}`).toBe(true);
    expect([...checkingVerbs]).toEqual(["check", "make", "see"]);
    expect([...understandingVerbs]).toEqual(["get", "got", "understand", "understood", "hear", "heard"]);
    // No checking of understanding: another verb after "let me", understanding too far after it, or no "let me".
    for (const text of ["Let me tell you what I heard.", "Let me check on something that you may not have heard of.", "I check I've got my keys.", "Let us check we got it.", "Let me check the time.", "Me check I got it.", "Let me get you a leaflet.", "Let me tell you and then check I got it."]) {
      expect(announcesSummary(reader.read(text)), text).toBe(false);
    }
  });

  it("reads a check of understanding run into the summary, as speech recognition gives it, as announcing it", () => {
    const at = (text: string) => planSummaryAt(reader.read(text));
    expect(at("let me check i've got it you're going to call the clinic")).toBe(11);
    expect(at("let me check i got all of that you will call the clinic")).toBe(10);
    expect(at("okay let me see if i heard you right you'll ring her tonight")).toBe(11);
    expect(at("let me make sure i've understood everything correctly you're going to walk after dinner")).toBe(13);
    for (const closing of checkedThings) expect(at(`let me check i got ${closing} you will call`), closing).toBe(8);
    for (const rightly of heardRightly) expect(at(`let me check i heard you ${rightly} you will call`), rightly).toBe(9);
    expect([...checkedThings]).toEqual(["it", "that", "this", "right", "correctly", "straight", "all", "of", "everything"]);
    expect([...heardRightly]).toEqual(["right", "correctly", "straight"]);
    // A check with no summary after it, no understanding checked, or "you" that opens no check: no summary.
    for (const text of ["let me check i've got it right", "let me check you're going to be fine", "let me check you will call", "let me check i heard you say you will call", "let me check i got the time you will call"]) {
      expect(at(text), text).toBe(-1);
    }
  });

  it("reads a summary speech recognition ran on from the words before it, after 'so' and an announcement", () => {
    expect(summarises("that's something to talk about with them too so just to go over it you'll ring steve and text claire")).toBe(true);
    expect(summarises("that's for them so to recap you're going to take the tablets round to pat's")).toBe(true);
    expect(summarises("the team will call so let me check i've got it you'll ring steve")).toBe(true);
    expect(summarises("fine so just to go over it you'll ring steve")).toBe(true);
    expect(summarises("so you're tired and so to recap you'll call the clinic")).toBe(true);
    // "So" with no announcement, or an announcement with no act after it, is none.
    for (const text of ["that's for them so you'll ring steve", "so you're tired so to recap you'll be fine", "that's for them so just to go over it", "so to recap"]) expect(summarises(text), text).toBe(false);
  });

  it("reads the act after a time or an item's number that opens an anchored summary", () => {
    for (const using of [reader, wholeWords, tagger]) {
      expect(summarises("So on Monday you'll ask your manager for Fridays at home.", using), using.name).toBe(true);
      expect(summarises("So, one, on Monday in your one-to-one you'll ask your manager.", using), using.name).toBe(true);
    }
    expect(planSummaryAt(reader.read("So on Monday you'll ask."))).toBe(5);
    for (const lead of whenLeads) expect(summarises(`So ${lead} it you'll call.`), lead).toBe(true);
    expect(whenLeads).toEqual(new Set(["on", "tomorrow", "tonight", "this", "next", "first", "one", "in", "at", "by", "from"]));
    // Within reach: ten words after the lead; not anchored, or only a state after it: no summary.
    expect(summarises("So on a b c d e f g h i you'll call.")).toBe(true);
    expect(summarises("So on a b c d e f g h i j you'll call.")).toBe(false);
    expect(summarises("So on a b c d e f g h i j and you'll call.")).toBe(false);
    expect(summarises("On Monday you'll ask your manager.")).toBe(false);
    expect(summarises("So on Monday you'll feel better.")).toBe(false);
    expect(summarises("So on Monday your manager will ask.")).toBe(false);
  });

  it("reads the act after a condition that opens an anchored summary", () => {
    for (const using of [reader, wholeWords, tagger]) {
      expect(summarises("So when you notice the signs, you'll go for a walk.", using), using.name).toBe(true);
      expect(summarises("So if that doesn't help, you're going to call your GP.", using), using.name).toBe(true);
    }
    expect(isPlanSummary(reader.read("When you notice the signs, you'll go for a walk."), true)).toBe(true);
    expect(planSummaryAt(reader.read("So when you notice the signs, you'll go for a walk."))).toBe(8);
    expect(planSummaryAt(reader.read("So once you're home you are going to call."))).toBe(9);
    // The act is said of "you", with a future marker or "be going to" right after it.
    expect(planSummaryAt(reader.read("So when you are home you will call."))).toBe(7);
    expect(planSummaryAt(reader.read("So when you got up to leave you will call."))).toBe(9);
    expect(planSummaryAt(reader.read("So when you are able to leave you will call."))).toBe(9);
    expect(summarises("So when she will call you feel better.")).toBe(false);
    for (const lead of conditionLeads) expect(summarises(`So ${lead} it starts you'll call.`), lead).toBe(true);
    expect(conditionLeads.size).toBe(6);
    // Not anchored, after a condition with no act said of "you", or only a state after it: no summary.
    for (const text of ["So when the bad days come you will always have good people near.", "When you notice the signs, you'll go for a walk.", "So when you notice the signs, go for a walk.", "So if you drink again, you'll lose your job.", "So when you get home you need to rest.", "So when you are going home"]) {
      expect(summarises(text), text).toBe(false);
    }
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
    expect(summarises("So they'll call her.")).toBe(false);
    expect(summarises("So she's going to call her.")).toBe(false);
    expect(summarises("So you'll")).toBe(false);
    expect(summarises("")).toBe(false);
  });

  it("reads each lead and anchor as listed", () => {
    for (const lead of summaryLeads) expect(summarises(`${lead} so you'll call her.`), lead).toBe(true);
    for (const lead of [...summaryLeads].filter((word) => !summaryAnchors.has(word))) expect(summarises(`${lead} you'll call her.`), lead).toBe(false);
    for (const marker of futureMarkers) expect(planSummaryAt([{ lemma: "so", value: "so" }, { lemma: "you", value: "you" }, { lemma: marker, value: marker }, { lemma: "call", value: "call" }]), marker).toBe(3);
  });
});

describe("planSummaryAt: the rule's words, each one", () => {
  it("reads a word by its lemma or by its value as said, in any case", () => {
    for (const using of [byValue, byLemma]) {
      expect(summarises("So YOU'RE going to call your GP.", using), using.name).toBe(true);
      expect(summarises("So Your Plan Is to walk after dinner.", using), using.name).toBe(true);
      expect(summarises("So the plan is FOR YOU TO call the clinic.", using), using.name).toBe(true);
      expect(summarises("So you'll KEEP drinking.", using), using.name).toBe(false);
    }
    // The past is in the form as said: a reader that gives "were" only as "be" cannot tell it.
    expect(summarises("So you WERE planning to visit your parents.", byValue)).toBe(false);
    expect(summarises("So YOU'LL call her.", wholeWords)).toBe(true);
  });

  it("reads 'you' and its auxiliary said as one word as two", () => {
    for (const contracted of ["you're going to", "you’re going to", "youre going to", "you'll", "you’ll"]) expect(summarises(`So ${contracted} call her.`, wholeWords), contracted).toBe(true);
    for (const contracted of ["you've decided to", "you’ve decided to"]) expect(summarises(`${contracted} call her.`, wholeWords), contracted).toBe(true);
    expect(summarises("So you'd call her.", wholeWords)).toBe(false);
  });

  it("never reads a plan that was, after 'you' or in a deciding verb's past", () => {
    for (const using of [reader, tagger]) {
      for (const past of ["were planning to", "was planning to", "had decided to", "had planned to"]) expect(summarises(`So you ${past} call her.`, using), `${using.name}: ${past}`).toBe(false);
    }
    expect(summarises("So you'd decided to call her.", tagger)).toBe(false);
    expect([...pastForms]).toEqual(["was", "were", "had", "'d", "’d", "d"]);
    for (const verb of ["decided", "planned"]) {
      expect(summarises(`You ${verb} to call her.`, tagger), verb).toBe(false);
      expect(summarises(`You've ${verb} to call her.`, tagger), verb).toBe(true);
    }
    expect([...pastDecisions]).toEqual(["decided", "planned"]);
    expect(summarises("You've got to call her.")).toBe(false);
    expect(summarises("You've been to see her.")).toBe(false);
  });

  it("skips each filler before the act, and reads a habit kept up only before a word in '-ing'", () => {
    for (const filler of ["just", "really", "actually", "definitely", "also", "then", "first", "now", "finally"]) {
      expect(summarises(`So you'll ${filler} call her.`), filler).toBe(true);
      expect(summarises(`So you'll ${filler} be fine.`), filler).toBe(false);
    }
    expect([...actFillers]).toHaveLength(9);
    for (const verb of ["keep", "continue", "carry"]) {
      expect(summarises(`So you'll ${verb} drinking.`), verb).toBe(false);
      expect(summarises(`So you'll ${verb} ingredients at home.`), verb).toBe(true);
    }
    expect(summarises("So you'll keep")).toBe(true);
  });

  it("never reads each word of a state, a feeling, a need or a refusal as the act", () => {
    const nonActs = ["be", "feel", "have", "need", "want", "know", "get", "find", "lose", "fail", "succeed", "miss", "forget", "love", "like", "hate", "understand", "realize", "realise", "come", "make", "manage", "cope", "survive", "recover", "regret", "wonder", "worry", "struggle", "suffer", "die", "end", "think", "hope", "wish", "notice", "not", "never", "always", "usually", "often", "sometimes", "ever"];
    for (const verb of nonActs) expect(summarises(`So you'll ${verb} it.`), verb).toBe(false);
    expect(planSummaryAt([{ lemma: "so", value: "so" }, { lemma: "you", value: "you" }, { lemma: "will", value: "will" }, { lemma: "n't", value: "n't" }, { lemma: "call", value: "call" }])).toBe(-1);
    expect(summaryNonActs.size).toBe(nonActs.length + 1);
  });

  it("reads each lead, deciding verb and future marker as listed", () => {
    for (const lead of ["so", "okay", "ok", "alright", "right", "and", "then", "great", "good", "now", "it", "sound", "sounds", "like", "just"]) expect(summarises(`${lead} so you'll call her.`), lead).toBe(true);
    expect(summaryLeads.size).toBe(15);
    expect([...summaryAnchors]).toEqual(["so", "like"]);
    for (const verb of ["decide", "decided", "plan", "planned", "planning"]) expect(planSummaryAt([{ lemma: "you", value: "you" }, { lemma: "have", value: "have" }, { lemma: verb, value: verb }, { lemma: "to", value: "to" }, { lemma: "call", value: "call" }]), verb).toBe(4);
    expect(decidingVerbs.size).toBe(5);
    for (const marker of ["will", "ll", "'ll", "’ll", "shall", "gonna"]) expect(planSummaryAt([{ lemma: "so", value: "so" }, { lemma: "you", value: "you" }, { lemma: marker, value: marker }, { lemma: "call", value: "call" }]), marker).toBe(3);
    expect(futureMarkers.size).toBe(6);
    for (const be of ["be", "are", "re", "'re", "’re"]) expect(planSummaryAt([{ lemma: "so", value: "so" }, { lemma: "you", value: "you" }, { lemma: be, value: be }, { lemma: "going", value: "going" }, { lemma: "to", value: "to" }, { lemma: "call", value: "call" }]), be).toBe(5);
    for (const have of ["have", "ve", "'ve", "’ve"]) expect(planSummaryAt([{ lemma: "you", value: "you" }, { lemma: have, value: have }, { lemma: "decided", value: "decided" }, { lemma: "to", value: "to" }, { lemma: "call", value: "call" }]), have).toBe(4);
    for (const copula of ["be", "is", "s", "'s", "’s"]) expect(planSummaryAt([{ lemma: "your", value: "your" }, { lemma: "plan", value: "plan" }, { lemma: copula, value: copula }, { lemma: "to", value: "to" }, { lemma: "call", value: "call" }]), copula).toBe(4);
    expect(summarises("So the plan is for them to call.")).toBe(false);
    expect(summarises("So the plan is you to call.")).toBe(false);
  });
});

describe("announcesSummary: a summary said to come", () => {
  it("finds each word that announces a summary, and 'sum up'", () => {
    for (const word of ["summarise", "summarize", "summarising", "summarizing", "summary", "recap", "recapping"]) expect(announcesSummary([{ lemma: word, value: word }]), word).toBe(true);
    expect(announcesSummary(reader.read("So, to sum up."))).toBe(true);
    expect(announcesSummary(reader.read("Let me sum it up."))).toBe(false);
    expect(announcesSummary(reader.read("Up to a sum of money."))).toBe(false);
    expect(announcesSummary(reader.read("Let me think."))).toBe(false);
  });

  it("anchors 'you will' in the sentences after it, as 'so' does", () => {
    expect(isPlanSummary(reader.read("You're going to talk to your wife tonight."), true)).toBe(true);
    expect(isPlanSummary(reader.read("You're going to talk to your wife tonight."))).toBe(false);
    expect(isPlanSummary(reader.read("You'll feel better."), true)).toBe(false);
    expect(planSummaryAt(reader.read("You'll call her."))).toBe(-1);
    expect(planSummaryAt(reader.read("You'll call her."), true)).toBe(2);
  });
});

describe("confirmsPlainly: a yes and nothing else", () => {
  it("takes a plain yes, by every reader", () => {
    for (const using of [reader, wholeWords, tagger]) {
      for (const yes of ["Yes, that sounds right.", "Yeah, sounds good.", "Yes.", "Yeah, that's right.", "Right. Yeah.", "Yep", "Exactly.", "Definitely.", "Mm-hmm.", "Uh-huh.", "Yes, I will.", "Sure.", "Yes, that's the plan.", "That's my plan, yeah."]) {
        expect(confirms(yes, using), `${using.name}: ${yes}`).toBe(true);
      }
    }
  });

  it("never takes an acknowledgement, a hesitation, a doubt or anything more than a yes", () => {
    for (const not of ["Sounds good.", "That sounds hard.", "Okay.", "Hmm.", "Uh.", "That's it.", "That's the plan.", "I guess so.", "Yeah, but I don't know.", "Yes, thank you.", "Not really.", "Yeah, yeah, yeah, yeah, that's right.", ""]) {
      expect(confirms(not), not).toBe(false);
    }
  });

  it("reads every yes word and confirming word as listed", () => {
    const yeses = ["yes", "yeah", "yep", "yup", "yea", "ya", "right", "exactly", "correct", "definitely", "absolutely", "sure", "certainly", "indeed", "mhm", "will", "ll", "'ll", "’ll", "i'll", "i’ll", "mm-hmm", "mm-hm", "uh-huh"];
    const others = ["sound", "sounds", "good", "mm", "hmm", "hm", "uh", "huh", "that", "be", "is", "s", "'s", "’s", "it", "i", "do", "so", "the", "my", "plan", "that's", "that’s"];
    for (const yes of yeses) expect(confirmsPlainly([{ lemma: yes, value: yes }]), yes).toBe(true);
    for (const word of others) {
      expect(confirmsPlainly([{ lemma: word, value: word }]), word).toBe(false);
      expect(confirmsPlainly([{ lemma: "yes", value: "yes" }, { lemma: word, value: word }]), word).toBe(true);
    }
    expect([yesWords.size, confirmingWords.size]).toEqual([yeses.length, yeses.length + others.length]);
  });

  it("takes a spoken yes written in two words, never either word alone", () => {
    for (const [first, second] of [["mm", "hmm"], ["mm", "hm"], ["uh", "huh"]]) {
      expect(confirmsPlainly([{ lemma: first!, value: first! }, { lemma: second!, value: second! }]), `${first}-${second}`).toBe(true);
      expect(confirmsPlainly([{ lemma: second!, value: second! }, { lemma: first!, value: first! }]), `${second} ${first}`).toBe(false);
    }
    expect(spokenYeses).toHaveLength(3);
  });

  it("takes at most six words, by a lemma or a value in any case", () => {
    expect(confirms("Yes, yes, yes, that's right.")).toBe(true);
    expect(confirms("Yes, yes, yes, yes, that's right.")).toBe(false);
    expect(confirmationLength).toBe(6);
    for (const using of [byValue, byLemma]) expect(confirms("YEAH, THAT'S RIGHT.", using), using.name).toBe(true);
  });
});

describe("planSummaryAt: a summary announced by going back over what was said, and days kept free", () => {
  it("reads 'to go over', 'to run through', 'to go back over' as announcing the summary, in its sentence or alone before it", () => {
    expect(goingOver).toEqual([
      ["go", "over"],
      ["run", "through"],
      ["run", "over"],
      ["go", "back", "over"],
    ]);
    for (const way of ["go over", "run through", "run over", "go back over"]) {
      expect(summarises(`So, just to ${way}: you'll ring Karen on Sunday.`), way).toBe(true);
      expect(announcesSummary(reader.read(`So, just to ${way}.`)), way).toBe(true);
    }
    expect(planSummaryAt(reader.read("So just to go over: you'll ring Karen."))).toBe(7);
    // Going over something else announces nothing, and a sentence that goes on is no announcement alone.
    for (const text of ["I want to go over your diary.", "Let's just run through it.", "So, just to go over your diary.", "To go.", "So just me go over.", "So, just to."]) expect(announcesSummary(reader.read(text)), text).toBe(false);
    expect(summarises("I'd like to go over: you'll ring Karen.")).toBe(false);
    expect(summarises("So, just to go: you'll ring Karen.")).toBe(false);
  });

  it("reads 'have' as the act when it keeps days free of the habit within seven words", () => {
    expect([...keptFree]).toEqual(["dry", "free", "alcohol-free", "drink-free", "smoke-free", "off"]);
    for (const word of keptFree) expect(summarises(`So you'll have two ${word} days.`), word).toBe(true);
    expect(summarises("So you've decided to have Monday and Tuesday as alcohol-free days.")).toBe(true);
    // Within seven words of "have", and no further.
    expect(summarises("So you'll have Monday and Tuesday as your two free days.")).toBe(true);
    expect(summarises("So you'll have Monday, Tuesday and Wednesday as your three free days.")).toBe(false);
    expect(summarises("So you'll have a few drinks with the lads on Friday.")).toBe(false);
    expect(summarises("So you'll have a nice long chat with your mum about the day off.")).toBe(false);
  });
});
