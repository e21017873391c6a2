import { describe, expect, it } from "vitest";
import type { ClaimReader } from "../ports/claim-reader.ts";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import { harmingActs } from "./arranged-offer.ts";
import { hedgeAdverbs } from "./hedge-words.ts";
import { citesCommitment } from "./plan-commitment.ts";
import { actAloneAt, answerAsIntent, answerLeads, asksForDecidedAct, decisionAsked, beForms, optionAsks, conditionWords, decidedActAsks, decideForms, doForms, goForms, nonActOpeners, nonActWords, questionLeads, whatWith, willForms } from "./plan-question.ts";
import { wholeWordsReader } from "./whole-words-reader.test-support.ts";

const reader = createPlainWordsClaimReader();
// A reader that gives lemmas as a tagger does ("are", "'s" → "be"; "going" → "go"; "decided" → "decide"; "'ll" → "will") and keeps the word as said.
const lemmas: Record<string, string> = { are: "be", is: "be", s: "be", re: "be", going: "go", decided: "decide", ll: "will", did: "do" };
const tagger: ClaimReader = { name: "tagger-like", read: (text) => reader.read(text).map((word) => ({ ...word, lemma: lemmas[word.value.toLowerCase()] ?? word.lemma })) };
const byLemma: ClaimReader = { name: "lemmas only", read: (text) => tagger.read(text).map((word) => ({ ...word, value: `x-${word.value}` })) };
const asks = (text: string, using: ClaimReader = reader) => asksForDecidedAct(using.read(text));
const asIntent = (text: string, using: ClaimReader = reader) => answerAsIntent(text, using.read(text));

describe("asksForDecidedAct: the therapist asks what the patient has decided to do", () => {
  const decided = [
    "What will you do about it?",
    "What are you going to do this week?",
    "So what are you gonna do?",
    "What do you plan to do?",
    "What have you decided?",
    "What did you decide?",
    "So what's the plan?",
    "Okay, and what is your plan?",
    "What's the next step?",
    "Right, what is your next step?",
    "What will your first step be?",
    "What do you think you'll do?",
    "What'll you do?",
  ];

  it("finds each question, after leads, by every reader", () => {
    for (const using of [reader, tagger, byLemma, wholeWordsReader({ commas: true })]) {
      for (const question of decided) {
        expect(asks(question, using), `${using.name}: ${question}`).toBe(true);
      }
    }
  });

  it("asks no decision when the patient is asked what they could, might or would do, did, or like, or when a condition is set", () => {
    for (const question of [
      "What could you do?",
      "What might you try first?",
      "What would you like to do?",
      "What would you do differently?",
      "What did you do?",
      "What happened next?",
      "How will you do it?",
      "Will you do it?",
      "What will you do if the urge comes back?",
      "What will you do when she calls?",
      "What are you going to do unless they ring?",
      "What's the plan whenever it gets bad?",
      "What are your plans for the weekend?",
      "What are your plans?",
      "What will she do?",
      "I wonder what you will do.",
      "What",
      "",
    ]) {
      expect(asks(question), question).toBe(false);
    }
  });

  it("holds its data as written", () => {
    expect(decidedActAsks).toEqual([
      ["will", "you", "do"],
      ["you", "will", "do"],
      ["you'll", "do"],
      ["you’ll", "do"],
      ["be", "you", "go", "to", "do"],
      ["be", "you", "gonna", "do"],
      ["do", "you", "plan", "to", "do"],
      ["have", "you", "decide"],
      ["do", "you", "decide"],
      ["be", "your", "plan"],
      ["be", "the", "plan"],
      ["be", "your", "next", "step"],
      ["be", "the", "next", "step"],
      ["will", "your", "first", "step", "be"],
    ]);
    expect([...questionLeads]).toEqual(["so", "and", "okay", "ok", "right", "well", "then", "now"]);
    expect([...whatWith]).toEqual([
      ["what's", "be"],
      ["what’s", "be"],
      ["whats", "be"],
      ["what're", "be"],
      ["what’re", "be"],
      ["what'll", "will"],
      ["what’ll", "will"],
    ]);
    expect([...beForms]).toEqual(["be", "is", "are", "'s", "’s", "s", "'re", "’re", "re"]);
    expect([...willForms]).toEqual(["will", "'ll", "’ll", "ll"]);
    expect([...goForms]).toEqual(["go", "going"]);
    expect([...doForms]).toEqual(["do", "did"]);
    expect([...decideForms]).toEqual(["decide", "decided"]);
    expect([...conditionWords]).toEqual(["if", "when", "whenever", "unless"]);
    const wordsOf = (list: readonly string[]) => list.map((word) => ({ lemma: word, value: word }));
    for (const sequence of decidedActAsks) expect(asksForDecidedAct(wordsOf(["what", ...sequence])), sequence.join(" ")).toBe(true);
    for (const lead of questionLeads) expect(asksForDecidedAct(wordsOf([lead, "what", "will", "you", "do"])), lead).toBe(true);
    for (const [what, verb] of whatWith) expect(asksForDecidedAct(wordsOf([what, ...(verb === "be" ? ["your", "plan"] : ["you", "do"])])), what).toBe(true);
    for (const be of beForms) expect(asksForDecidedAct(wordsOf(["what", be, "the", "plan"])), be).toBe(true);
    for (const will of willForms) expect(asksForDecidedAct(wordsOf(["what", will, "you", "do"])), will).toBe(true);
    for (const done of doForms) expect(asksForDecidedAct(wordsOf(["what", done, "you", "decide"])), done).toBe(true);
    for (const go of goForms) expect(asksForDecidedAct(wordsOf(["what", "be", "you", go, "to", "do"])), go).toBe(true);
    for (const decide of decideForms) expect(asksForDecidedAct(wordsOf(["what", "have", "you", decide])), decide).toBe(true);
    for (const condition of conditionWords) expect(asksForDecidedAct(wordsOf(["what", "will", "you", "do", condition, "she", "rings"])), condition).toBe(false);
    // A lead only before "what"; "what" only as the opening.
    expect(asksForDecidedAct(wordsOf(["so", "so", "what", "will", "you", "do"]))).toBe(true);
    expect(asksForDecidedAct(wordsOf(["tell", "what", "will", "you", "do"]))).toBe(false);
  });
});

describe("decisionAsked: the therapist asks what the patient will do when something happens", () => {
  it("finds a question of what will be done that sets a condition, and none without one", () => {
    for (const question of ["What will you do if the urge comes back?", "So what are you going to do when she calls?", "What's the plan whenever it gets bad?", "What will you do unless they ring?"]) {
      expect(decisionAsked(reader.read(question)), question).toBe("step-if");
      expect(asksForDecidedAct(reader.read(question)), question).toBe(false);
    }
    for (const question of ["What will you do about it?", "What could you do if it gets bad?", "If it gets bad, how will you cope?", "What did you do when she called?", ""]) {
      expect(decisionAsked(reader.read(question)), question).not.toBe("step-if");
    }
  });
});

describe("decisionAsked: the therapist asks what the patient could do", () => {
  it("finds a question asking for ideas, with a condition or not, and none of what could have been done", () => {
    for (const question of ["What could you do?", "So what could you do instead?", "What might you try first?", "What can you do about it?", "What could you do if it gets bad?", "Okay, what might you do when she calls?"]) {
      for (const using of [reader, tagger, byLemma]) expect(decisionAsked(using.read(question)), `${using.name}: ${question}`).toBe("option");
      expect(asksForDecidedAct(reader.read(question)), question).toBe(false);
    }
    for (const question of ["What could you have done?", "What would you do differently?", "Could you do that?", "What could she do?", "What else could help?", "What would you like to do?", "What can I do?"]) {
      expect(decisionAsked(reader.read(question)), question).toBeNull();
    }
    // A decision asked outranks an option asked in the same sentence.
    expect(decisionAsked(reader.read("What could you do, and what will you do?"))).toBe("decided");
  });

  it("holds its data as written", () => {
    expect(optionAsks).toEqual([
      ["could", "you", "do"],
      ["could", "you", "try"],
      ["might", "you", "do"],
      ["might", "you", "try"],
      ["can", "you", "do"],
      ["can", "you", "try"],
    ]);
  });
});

describe("answerAsIntent: an act said alone, with its subject and 'will' put back", () => {
  it("puts 'I will' before the act, after leads and hedges, the act's first letter lower case", () => {
    expect(asIntent("Ring the GP on Monday.")).toBe("I will ring the GP on Monday.");
    expect(asIntent("Yeah, ring the GP.")).toBe("Yeah, I will ring the GP.");
    expect(asIntent("Well, just talk to her.")).toBe("Well, just I will talk to her.");
    expect(asIntent("Probably ring the GP.")).toBe("Probably I will ring the GP.");
    expect(asIntent("Um maybe cut down.")).toBe("Um maybe I will cut down.");
    expect(asIntent("Definitely stop on weeknights.")).toBe("I will definitely stop on weeknights.");
    for (const lead of answerLeads) expect(asIntent(`${lead} walk`), lead).toBe(`${lead} I will walk`);
    for (const hedge of hedgeAdverbs) expect(asIntent(`${hedge} walk`), hedge).toBe(`${hedge} I will walk`);
  });

  it("puts nothing back before a subject, a word that opens no act, or nothing at all", () => {
    for (const answer of ["I'm going to my room.", "I don't know.", "My wife.", "Not sure.", "Nothing really.", "No idea.", "Dunno.", "Same as always.", "That's hard.", "It depends.", "Yeah.", "", "They will."]) {
      expect(asIntent(answer, wholeWordsReader()), answer).toBe(null);
      expect(asIntent(answer), answer).toBe(null);
    }
    for (const word of nonActWords) expect(answerAsIntent(`${word} walk`, [{ lemma: word, value: word, partOfSpeech: "X", start: 0 }, { lemma: "walk", value: "walk", partOfSpeech: "X", start: word.length + 1 }]), word).toBe(null);
    for (const part of nonActOpeners) expect(answerAsIntent("Them there.", [{ lemma: "them", value: "Them", partOfSpeech: part, start: 0 }]), part).toBe(null);
    expect(answerAsIntent("Them there.", [{ lemma: "them", value: "Them", partOfSpeech: "VERB", start: 0 }])).toBe("I will them there.");
    for (const act of harmingActs) {
      expect(asIntent(`${act} him.`), act).toBe(null);
      expect(asIntent(`Go round and ${act} him.`), act).toBe(null);
    }
    expect([...nonActOpeners]).toEqual(["PRON", "DET", "AUX", "ADP", "NUM", "CCONJ", "SCONJ", "PART", "INTJ"]);
    expect([...answerLeads]).toEqual(["okay", "ok", "yes", "yeah", "yea", "sure", "alright", "well", "um", "uh", "erm", "er", "so", "hmm", "just"]);
    expect([...nonActWords]).toEqual([
      "i", "i'm", "i’m", "im", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "we", "we're", "we’re", "we'll", "we’ll", "you", "you're", "you’re", "he", "he's", "he’s", "she", "she's", "she’s",
      "it", "it's", "it’s", "that", "that's", "that’s", "this", "there", "there's", "there’s", "they", "they're", "they’re", "my", "our",
      "nothing", "no", "not", "dunno", "none", "same",
    ]);
  });
});

describe("actAloneAt: where an answer's act said alone opens", () => {
  it("is the first word after leads and hedges, or -1", () => {
    expect(actAloneAt(reader.read("Ring the GP."))).toBe(0);
    expect(actAloneAt(reader.read("Yeah, well, ring the GP."))).toBe(2);
    expect(actAloneAt(reader.read("Maybe probably ring the GP."))).toBe(2);
    expect(actAloneAt(reader.read("My wife."))).toBe(-1);
    expect(actAloneAt(reader.read("Yeah."))).toBe(-1);
    expect(actAloneAt(reader.read("Ring him and hurt him."))).toBe(-1);
  });
});

describe("citesCommitment: an act said alone answers a question of what was decided", () => {
  const cites = (question: string, answer: string, using: ClaimReader = reader) =>
    citesCommitment(
      [
        { text: question, role: "therapist" },
        { text: answer, role: "patient" },
      ],
      using,
    );

  it("stands on the answer when the therapist asked what the patient decided, by every reader", () => {
    for (const using of [reader, tagger, wholeWordsReader()]) {
      expect(cites("So what's the plan?", "Ring the GP on Monday and book a check-up.", using), using.name).toBe(true);
      expect(cites("What will you do about it?", "Yeah, talk to my wife.", using), using.name).toBe(true);
      expect(cites("What have you decided?", "Tell her on Sunday. It won't be easy.", using), using.name).toBe(true);
    }
  });

  it("stands on nothing for an answer hedged or asked, an answer with no act, a question that asks no decision, or no question cited", () => {
    expect(cites("What's your plan?", "Probably ring the GP.")).toBe(false);
    expect(cites("What's your plan?", "Maybe talk to my wife.")).toBe(false);
    expect(cites("What's your plan?", "Ring the GP?")).toBe(false);
    expect(cites("What's your plan?", "My wife.")).toBe(false);
    expect(cites("What's your plan?", "Not sure.")).toBe(false);
    expect(cites("What could you do?", "Talk to my wife.")).toBe(false);
    expect(cites("What will you do if she calls?", "Talk to my wife.")).toBe(false);
    expect(cites("How was the week?", "Ring the GP.")).toBe(false);
    expect(citesCommitment([{ text: "Ring the GP on Monday.", role: "patient" }], reader)).toBe(false);
    // Only the answer's first sentence is said alone: a later one is read as said.
    expect(cites("What's your plan?", "Not sure. Ring the GP.")).toBe(false);
    // The therapist's words never make the plan: the question answered by the therapist is none.
    expect(citesCommitment([{ text: "So what's the plan? Ring the GP on Monday.", role: "therapist" }], reader)).toBe(false);
  });
});
