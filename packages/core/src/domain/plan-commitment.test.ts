import { describe, expect, it } from "vitest";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import type { ClaimReader } from "../ports/claim-reader.ts";
import { wholeWordsReader } from "./whole-words-reader.test-support.ts";
import {
  arrangedActAt,
  joiningWords,
  namedBefore,
  heldEvents,
  upEvents,
  scheduledActs,
  presentPlanActs,
  thisTimes,
  pastDayWords,
  narratingVerbs,
  arrangedEvents,
  arrangedTimeWords,
  arrangingVerbs,
  nextTimes,
  progressiveStates,
  askingSubjects,
  greetedPeople,
  hopingVerbs,
  openingLeadReach,
  praiseSequences,
  likingSequences,
  assentSequences,
  wantingVerbs,
  citesCommitment,
  committingSubjects,
  hedgeWords,
  hedgesOutcome,
  freshStartAt,
  restartWords,
  shortAnswerReach,
  shortAnswerWords,
  intentMarkers,
  outcomeHedges,
  outcomeModals,
  outcomeSubjects,
  outcomeVerbs,
  markerReach,
  quotesQuestion,
  stateAuxiliaries,
  placesBeen,
  stateClauseWords,
  stateSubjects,
  tentativeSequences,
  thankedReach,
  thanksWords,
  intentLeads,
  whetherVerbs,
  willingnessReach,
} from "./plan-commitment.ts";

// The plain-words test reader reads "I'll" as "i" and "ll", which is how `intentMarkers` holds it.
const reader = createPlainWordsClaimReader();
const patient = (text: string) => ({ text, role: "patient" as const });
const unknown = (text: string) => ({ text, role: "unknown" as const });
const therapist = (text: string) => ({ text, role: "therapist" as const });
const commits = (text: string, role: "patient" | "unknown" | "therapist" = "patient", using: ClaimReader = reader) =>
  citesCommitment([{ text, role }], using);
// A reader that keeps each word whole ("I'm", "'ll", "'ve"), lemma its lower case.
const wholeWords = wholeWordsReader();
// A reader whose lemmas match nothing, so each word counts only as written: "sounds" is then not "sound".
const byValue: ClaimReader = { name: "values only", read: (text) => reader.read(text).map((word) => ({ ...word, lemma: `x-${word.lemma}` })) };

describe("citesCommitment: a plan stands on the patient's commitment or assent", () => {
  it("finds a first-person commitment, whatever marker of intent it uses", () => {
    for (const text of [
      "I will call the bank tomorrow.",
      "I'll ring my sister on Sunday.",
      "We shall see the landlord together.",
      "I'm gonna book it.",
      "I am going to book the appointment.",
      "I plan to go back to work in the fall.",
      "So we decide to move.",
      "I promise to write it down.",
      "We intend to visit the school.",
      "I commit to a walk a day.",
    ]) {
      expect(commits(text), text).toBe(true);
    }
  });

  it("finds a plan the patient states as their own, by every reader, and not another's or one that was", () => {
    for (const using of [reader, wholeWords, byValue]) {
      for (const text of ["My plan is to walk the dog every morning.", "Our plan is to move in spring.", "my plan is to call them"]) expect(commits(text, "patient", using), `${using.name}: ${text}`).toBe(true);
    }
    expect(commits("My plan be to walk.", "patient", byValue)).toBe(true);
    expect(commits("Our plan be to move.", "patient", byValue)).toBe(true);
    for (const text of ["Her plan is to move out.", "My plan was to walk the dog.", "My plan is good.", "Is my plan to walk?"]) expect(commits(text), text).toBe(false);
  });

  it("finds an assent to a proposal, as a whole phrase", () => {
    for (const text of [
      "That's a good idea.",
      "Great idea, thanks.",
      "Sounds good to me.",
      "Sounds like a plan.",
      "That is good advice.",
      "A great suggestion.",
      "Good tip.",
      "I am willing to try.",
      "It is worth a try.",
      "I'll give it a try.",
      "That is something I can do.",
      "I like the idea.",
      "I like that idea.",
      "Will do.",
      "Can do that.",
    ]) {
      expect(commits(text), text).toBe(true);
    }
    expect(commits("That was a good walk.")).toBe(false);
    expect(commits("The idea is good.")).toBe(false);
  });

  it("reads 'will' opening a sentence as a commitment with its subject left out, not 'will' alone", () => {
    expect(commits("Will ring them tomorrow.")).toBe(true);
    expect(commits("Thanks. Will do.")).toBe(true);
    expect(commits("Will.")).toBe(false);
    expect(commits("Thanks, will")).toBe(false);
  });

  it("reads 'will' or 'ill' after words that lead an answer as committing, up to three of them, never 'will' after other words", () => {
    for (const text of ["Sure, will do.", "ok will do", "Thanks will do, enjoy the weekend", "Thank you, will ring them.", "Ok thanks, will do.", "yes will talk to him first"]) {
      expect(commits(text), text).toBe(true);
    }
    expect(commits("Ok thank you so will ring them.")).toBe(false);
    expect(commits("My sister will ring them.")).toBe(false);
    expect(commits("Thanks, will")).toBe(false);
    // "you" leads only after a word of thanks ("thank u"); a fourth lead is past the reach; a word that leads nothing leads nothing.
    expect(commits("thank u will ring them")).toBe(true);
    expect(commits("Ok you will ring them.")).toBe(false);
    expect(commits("Ok yes thanks sure will ring them.")).toBe(false);
    expect(commits("Great, will ring them.")).toBe(false);
    expect(commits("Thanks mate will ring them.")).toBe(false);
    expect(openingLeadReach).toBe(3);
  });

  it("takes 'will do' and 'will try' as assents anywhere in the sentence, not only at its opening", () => {
    expect(commits("Honestly that's fine, will do.")).toBe(true);
    expect(commits("Honestly that's fine, will try.")).toBe(true);
  });

  it("reads 'will' before its subject as asking, never committing", () => {
    expect(commits("Will that work or is there something better")).toBe(false);
    expect(commits("will u ring them for me")).toBe(false);
    for (const subject of askingSubjects) expect(commits(`Will ${subject} help me sleep or is there something better`), subject).toBe(false);
    expect(commits("Will try it tonight")).toBe(true);
  });

  it("reads 'ill' opening a sentence as typed chat's 'I'll', never 'ill' inside one", () => {
    expect(commits("ill phone the surgery on friday.")).toBe(true);
    expect(commits("Thanks. Ill give the group a go.")).toBe(true);
    expect(commits("I felt ill all weekend.")).toBe(false);
    expect(commits("Ill.")).toBe(false);
  });

  it("reads 'ill' after a word that leads an answer as 'I'll', and only 'ill'", () => {
    for (const lead of intentLeads) {
      expect(commits(`${lead} ill book the class tonight.`), lead).toBe(true);
      expect(commits(`${lead} ill.`), `${lead}, nothing after`).toBe(false);
    }
    expect(intentLeads).toEqual(new Set(["okay", "ok", "yes", "yeah", "yea", "sure", "alright", "actually", "fine"]));
    expect(commits("ok actually yeah ill email him tomorrow morning")).toBe(true);
    expect(commits("fine ill book the gp thing tomorrow morning")).toBe(true);
    // Not after any other word: "so ill" is a feeling; "sure, will" is not read here as "ill".
    expect(commits("So ill book the class tonight.")).toBe(false);
    expect(commits("Okay feel ill book.")).toBe(false);
  });

  it("never takes thanks for the advice as an assent, but takes 'Consider it done'", () => {
    expect(commits("Many thanks for your great advice, bye.")).toBe(false);
    expect(commits("Thanks loads for your good advice.")).toBe(false);
    expect(commits("Thanks, that is great advice.")).toBe(true);
    expect(commits("Consider it done.")).toBe(true);
  });

  it("reads 'imma' as subject and marker of intent in one word, as a reader may give it whole", () => {
    expect(commits("ok imma book it.")).toBe(true);
    expect(commits("imma.")).toBe(false);
    // A reader that keeps "I'mma" whole (wink-nlp does) gives it as one word too.
    const whole: ClaimReader = { name: "whole", read: (text) => reader.read(text.replace(/I'mma/g, "imma")).map((word) => (word.lemma === "imma" ? { ...word, value: "I'mma", lemma: "i'mma" } : word)) };
    expect(commits("I'mma ring the office tomorrow.", "patient", whole)).toBe(true);
  });

  it("finds the writer's other assents: 'sounds like a good…', 'I really like that', 'worth a shot'", () => {
    for (const text of ["That sounds like a good option.", "Really like that one, I'll start on it.", "Sounds great.", "Worth a shot.", "I'll give that a try."]) {
      expect(commits(text), text).toBe(true);
    }
    expect(commits("I don't like that much.")).toBe(false);
    expect(commits("I don't really like that.")).toBe(false);
  });

  it("never commits where the patient will only keep it in mind", () => {
    for (const text of ["I'll keep that in mind, cheers.", "Good advice, I'll keep it in mind.", "Will keep this in mind, thanks.", "I will keep in mind what you said."]) {
      expect(commits(text), text).toBe(false);
    }
    expect(commits("I will keep my diary every night.")).toBe(true);
  });

  it("needs the marker within reach of a first-person subject", () => {
    expect(commits("I am really going to phone the GP.")).toBe(true);
    expect(commits("I really do will phone the GP.")).toBe(true);
    expect(commits("I really do truly will phone the GP.")).toBe(false);
    expect(commits("I and my whole family very much want to go to the beach.")).toBe(false);
    expect(commits("I keep going back to the old house.")).toBe(false);
    expect(commits("I am going to.")).toBe(true);
    expect(commits("She will call me.")).toBe(false);
    expect(markerReach).toBe(3);
  });

  it("never commits in a sentence that asks", () => {
    expect(commits("Will I ever call her?")).toBe(false);
    expect(commits("Should I say I'll go?")).toBe(false);
    expect(commits("Is that a good idea?")).toBe(false);
    // Another sentence of the same turn may still commit.
    expect(commits("Is it hard? I'll call her tonight.")).toBe(true);
    expect(commits("I'll call her tonight. Is that silly?")).toBe(true);
  });

  it("never commits in a hedged, conditional or hoped-for sentence, but another sentence may", () => {
    for (const text of [
      "Maybe I'll call her.",
      "Perhaps that's a good idea.",
      "I might try, I'll see.",
      "I'll probably go.",
      "I'll possibly go.",
      "Hopefully I will go.",
      "If it carries on I'll see the doctor.",
      "I'll go unless it rains.",
      "I hope I will manage it.",
      "I wish I'll be braver.",
    ]) {
      expect(commits(text), text).toBe(false);
    }
    expect(commits("Maybe not today. I'll call her on Monday.")).toBe(true);
    // "Ask Tom if…" asks whether; "see them if I have time" waits on a condition.
    expect(commits("I'll ask Tom if he'll walk it with me.")).toBe(true);
    expect(commits("I'll see them if I have time.")).toBe(false);
    expect(commits("If Tom asks I'll go.")).toBe(false);
    expect(commits("I'll call her on Monday… if I can! Maybe.")).toBe(true);
    expect([...hedgeWords].sort()).toEqual(["hope", "hopefully", "if", "likely", "maybe", "might", "perhaps", "possibly", "probably", "unless", "wish"]);
  });

  it("reads a commitment from where speech recognition ran it on after a short answer and 'okay', the answer's hedge apart", () => {
    for (const text of ["no maybe not ok i'll text her after i've been to pat's", "maybe not okay I will call her tonight", "um i don't know alright i'll ring them", "yeah probably ok I'll go"]) expect(commits(text), text).toBe(true);
    // A condition, a hedge after the restart, or an answer longer than a short one keeps the sentence hedged.
    for (const text of ["if it gets bad ok i'll ring them", "no ok maybe i'll text her", "maybe not ok i'll probably text her", "no maybe not i think so i don't know ok i'll text her", "ok maybe i'll call her"]) expect(commits(text), text).toBe(false);
  });

  it("finds the fresh start only after a short answer of its listed words, within its reach", () => {
    const at = (text: string) => freshStartAt(reader.read(text));
    expect(at("no maybe not ok i'll text her")).toBe(4);
    expect(at("ok i'll text her")).toBe(0);
    expect(at("i'll text her ok")).toBe(0);
    expect(at("text her maybe ok")).toBe(0);
    for (const word of shortAnswerWords) expect(at(`${word} ok i will`), word).toBe(reader.read(word).length + 1);
    for (const word of restartWords) expect(at(`maybe ${word} i will`), word).toBe(2);
    expect(at(`${"maybe ".repeat(shortAnswerReach)}ok i will`)).toBe(shortAnswerReach + 1);
    expect(at(`${"maybe ".repeat(shortAnswerReach + 1)}ok i will`)).toBe(0);
    expect([...restartWords]).toEqual(["ok", "okay", "alright"]);
    expect(shortAnswerReach).toBe(6);
  });

  it("keeps a commitment beside a hedge of how it will turn out, never beside a hedge of the act", () => {
    for (const text of [
      "I will try the videos, maybe that will help.",
      "I'll call her, hopefully it will go well.",
      "I'll call her, I hope that it will help.",
      "I'll try it, that might help.",
      "Good idea, perhaps things will change.",
      "Good idea, they can probably help me.",
      "I'll ring them, it will probably help.",
    ]) {
      expect(commits(text), text).toBe(true);
    }
    for (const text of [
      "I will call her, maybe this weekend.",
      "That might be a good plan.",
      "Maybe it's time I will call her.",
      "I'll try it, it might.",
      "I'll call her, hopefully.",
      "I'll call her if it will help.",
      "Good idea, I can probably do it.",
      "Good idea, they probably.",
    ]) {
      expect(commits(text), text).toBe(false);
    }
    expect(hedgesOutcome([{ lemma: "maybe", value: "maybe" }], 0)).toBe(false);
    const words = (text: string) => text.split(" ").map((word) => ({ lemma: word, value: word }));
    // Every word of each list does its part, and nothing outside them does.
    for (const hedge of [...outcomeHedges].filter((word) => word !== "might")) {
      // "hope that" reads on to the subject after "that" (below).
      for (const subject of [...outcomeSubjects].filter((word) => !(hedge === "hope" && word === "that"))) {
        for (const verb of outcomeVerbs) expect(hedgesOutcome(words(`ok ${hedge} ${subject} ${verb} it`), 1), `${hedge} ${subject} ${verb}`).toBe(true);
        expect(hedgesOutcome(words(`ok ${hedge} ${subject} weekend`), 1), `${hedge} ${subject} weekend`).toBe(false);
      }
      for (const modal of outcomeModals) expect(hedgesOutcome(words(`it ${modal} ${hedge} help`), 2), `it ${modal} ${hedge}`).toBe(true);
      expect(hedgesOutcome(words(`i will ${hedge} go`), 2), `i will ${hedge}`).toBe(false);
      expect(hedgesOutcome(words(`it must ${hedge} go`), 2), `it must ${hedge}`).toBe(false);
      expect(hedgesOutcome(words(`ok ${hedge} i will`), 1), `${hedge} i will`).toBe(false);
    }
    expect(hedgesOutcome(words("i hope that it helps"), 1)).toBe(false);
    expect(hedgesOutcome(words("i hope that it help"), 1)).toBe(true);
    expect(hedgesOutcome(words("i hope so it help"), 1)).toBe(false);
    for (const subject of outcomeSubjects) expect(hedgesOutcome(words(`${subject} might help`), 1), `${subject} might help`).toBe(true);
    for (const word of ["if", "unless", "wish"]) expect(hedgesOutcome(words(`ok ${word} it will`), 1), word).toBe(false);
    expect([...outcomeHedges].sort()).toEqual(["hope", "hopefully", "maybe", "might", "perhaps", "possibly", "probably"]);
    expect([...outcomeSubjects].sort()).toEqual(["it", "that", "they", "things", "this"]);
    expect([...outcomeModals].sort()).toEqual(["can", "could", "may", "should", "will", "would"]);
    expect([...outcomeVerbs].sort()).toEqual(["be", "can", "change", "could", "get", "go", "help", "make", "may", "might", "turn", "will", "work", "would"]);
    expect(hedgesOutcome([{ lemma: "i", value: "I" }, { lemma: "hope", value: "hope" }, { lemma: "it", value: "it" }, { lemma: "help", value: "helps" }], 1)).toBe(true);
    expect(hedgesOutcome([{ lemma: "i", value: "I" }, { lemma: "wish", value: "wish" }, { lemma: "it", value: "it" }, { lemma: "help", value: "helps" }], 1)).toBe(false);
    expect(hedgesOutcome([{ lemma: "it", value: "it" }, { lemma: "might", value: "might" }, { lemma: "be", value: "be" }], 1)).toBe(false);
    expect(hedgesOutcome([{ lemma: "i", value: "I" }, { lemma: "might", value: "might" }, { lemma: "help", value: "help" }], 1)).toBe(false);
  });

  it("takes 'sounds like something I could try' as an assent: it names the proposal as one the patient takes up, as the writer reads it", () => {
    expect(commits("That sounds like something I could try.")).toBe(true);
    expect(commits("That's something I can try.")).toBe(true);
  });

  it("never commits where the patient only could, guesses they will, or will only keep it in mind — even beside an assent", () => {
    for (const text of [
      "We could do that.",
      "I guess I will do that.",
      "I suppose I'll go.",
      "Good idea, I'll take note of it.",
      "Good idea, I'll keep it in mind.",
    ]) {
      expect(commits(text), text).toBe(false);
    }
    // An assent keeps its force beside "I could"; finding something out is an act.
    for (const text of ["That's a good idea, I could try that.", "I'll certainly look into it.", "Great idea, I will check it out.", "Will check out the leaflet.", "I'll look it up, good tip."]) {
      expect(commits(text), text).toBe(true);
    }
    // "I guess" or "I think" before something other than the patient's own intent does not hedge it.
    expect(commits("I guess you are right. I will call her tomorrow.")).toBe(true);
    expect(commits("I think that's a good idea.")).toBe(true);
    // "I think I'll…" is a decision said softly, not a hedge.
    expect(commits("Yes, I think I will phone them.")).toBe(true);
    expect(commits("I really do think I'll phone the GP.")).toBe(true);
    expect(commits("I will check the times and go.")).toBe(true);
    expect(tentativeSequences.every((sequence) => sequence.length >= 2)).toBe(true);
  });

  it("reads 'if' after a verb of finding out as 'whether', not a condition", () => {
    expect(commits("I will call them after this chat and see if they have a place.")).toBe(true);
    expect(commits("I'll ring and check if it is open.")).toBe(true);
    expect(commits("I'll ask if I can come.")).toBe(true);
    expect(commits("I'll ring them if they open.")).toBe(false);
    expect(commits("If I see them I'll ask.")).toBe(false);
    expect(whetherVerbs.has("see")).toBe(true);
  });

  it("reads 'even if' as a concession that holds the act, not a condition", () => {
    expect(commits("I'll check my sugar every morning, even if I don't like the number.")).toBe(true);
    expect(commits("Even if it rains I will walk to work.")).toBe(true);
    expect(commits("I'll check my sugar if I remember.")).toBe(false);
    expect(commits("I'll walk to work, if it's even dry.")).toBe(false);
  });

  it("reads the last sentence without an end mark", () => {
    expect(commits("Right. I will call her")).toBe(true);
    expect(commits("Right. Maybe I will call her")).toBe(false);
  });

  it("takes the patient's words or an unknown speaker's, never the therapist's alone", () => {
    expect(commits("I'll call her tomorrow.", "unknown")).toBe(true);
    expect(commits("I'll see you next week.", "therapist")).toBe(false);
    expect(citesCommitment([therapist("You could keep a diary."), patient("That's a good idea.")], reader)).toBe(true);
    expect(citesCommitment([therapist("You could keep a diary. That's a good idea.")], reader)).toBe(false);
    expect(citesCommitment([therapist("You could keep a diary."), patient("Okay, thanks.")], reader)).toBe(false);
    expect(citesCommitment([unknown("Okay."), patient("I'll do it tonight.")], reader)).toBe(true);
    expect(citesCommitment([], reader)).toBe(false);
  });

  it("takes a plain yes as its first sentence when a cited turn of the therapist summarises the patient's plan", () => {
    const summary = therapist("So you're going to call the quit line this week.");
    expect(citesCommitment([summary, patient("Yeah, that's right.")], reader)).toBe(true);
    expect(citesCommitment([summary, unknown("Mm-hmm. It'll be fine.")], reader)).toBe(true);
    expect(citesCommitment([therapist("It was hard. Your plan is to walk after dinner."), patient("Yes.")], reader)).toBe(true);
    // A summary announced in the sentence before: "you will" is then no prediction.
    expect(citesCommitment([therapist("Let me summarise. You're going to talk to your wife tonight."), patient("Right.")], reader)).toBe(true);
    expect(citesCommitment([therapist("You're going to talk to your wife tonight. Let me summarise."), patient("Right.")], reader)).toBe(false);
    expect(citesCommitment([therapist("You're going to talk to your wife tonight."), patient("Right.")], reader)).toBe(false);
    // The yes must open the turn, be asked nowhere, and follow a summary unhedged.
    expect(citesCommitment([summary, patient("It is a lot. Yeah.")], reader)).toBe(false);
    expect(citesCommitment([summary, patient("Yeah?")], reader)).toBe(false);
    expect(citesCommitment([therapist("So you're going to call the quit line if it gets bad."), patient("Yes.")], reader)).toBe(false);
    expect(citesCommitment([therapist("So you'll maybe call the quit line."), patient("Yes.")], reader)).toBe(false);
    // No summary, or the yes said by the therapist: a yes alone commits to nothing.
    expect(citesCommitment([therapist("You will come through this."), patient("Yes.")], reader)).toBe(false);
    expect(citesCommitment([patient("Yes.")], reader)).toBe(false);
    expect(citesCommitment([therapist("So you're going to call the quit line this week. Yes.")], reader)).toBe(false);
    expect(citesCommitment([patient("So you're going to call the quit line this week."), patient("Yes.")], reader)).toBe(false);
  });

  it("takes a plain yes as its first sentence when a cited turn of the therapist offers to arrange something for the patient", () => {
    const offer = therapist("Would you like me to refer you to the service today?");
    expect(citesCommitment([offer, patient("Yes, please.")], reader)).toBe(true);
    expect(citesCommitment([offer, patient("Yeah, thank you. I'd be glad of that.")], reader)).toBe(true);
    expect(citesCommitment([therapist("Shall I book you in for next Tuesday?"), unknown("Yes.")], reader)).toBe(true);
    // Only a plain yes opening the turn, to an offer of an arrangement, by the therapist.
    expect(citesCommitment([offer, patient("Okay.")], reader)).toBe(false);
    expect(citesCommitment([offer, patient("Please.")], reader)).toBe(false);
    expect(citesCommitment([offer, patient("Maybe, yes.")], reader)).toBe(false);
    expect(citesCommitment([offer, patient("I don't know. Yes.")], reader)).toBe(false);
    expect(citesCommitment([therapist("Would you like me to tell you more of the service?"), patient("Yes, please.")], reader)).toBe(false);
    expect(citesCommitment([patient("Would you like me to refer you today?"), patient("Yes, please.")], reader)).toBe(false);
    expect(citesCommitment([therapist("Would you like me to refer you today? Yes, please.")], reader)).toBe(false);
  });

  it("takes the acceptance after an offer echoed back ('Would you? That would really help.'), and only right after it", () => {
    const offer = therapist("Would it help if I booked it for you?");
    expect(citesCommitment([offer, patient("Would you? That would really help.")], reader)).toBe(true);
    expect(citesCommitment([offer, patient("Oh, yes, would you? Yes, please.")], reader)).toBe(true);
    expect(citesCommitment([offer, patient("Would you? No thanks.")], reader)).toBe(false);
    expect(citesCommitment([offer, patient("Would you? I'm not sure. That would help.")], reader)).toBe(false);
    expect(citesCommitment([offer, patient("Why? That would help.")], reader)).toBe(false);
    expect(citesCommitment([therapist("It's a nice day."), patient("Would you? That would really help.")], reader)).toBe(false);
    // A cited turn with no words is no answer, and the check does not throw on it.
    expect(citesCommitment([offer, patient("")], reader)).toBe(false);
  });

  it("takes a plain yes to a question asking the patient's willingness to do an act", () => {
    const asked = therapist("Would you be willing to keep a drinks diary this week?");
    expect(citesCommitment([asked, patient("Yes.")], reader)).toBe(true);
    expect(citesCommitment([asked, patient("Yeah, okay.")], reader)).toBe(true);
    expect(citesCommitment([asked, patient("Okay.")], reader)).toBe(false);
    expect(citesCommitment([therapist("Would you be willing to tell me more about that?"), patient("Yes.")], reader)).toBe(false);
    expect(citesCommitment([therapist("Would you be willing to hurt him?"), patient("Yes.")], reader)).toBe(false);
  });

  it("takes a plain yes to an act the therapist states and asks leave for in the next sentence", () => {
    expect(citesCommitment([therapist("I'd like to book you in with your GP this week. Would that be alright?"), patient("Yes, please.")], reader)).toBe(true);
    expect(citesCommitment([therapist("I'd like to hear more about your week. Would that be alright?"), patient("Yes, please.")], reader)).toBe(false);
    expect(citesCommitment([therapist("I'd like to book you in with your GP this week."), patient("Yes, please.")], reader)).toBe(false);
  });

  it("matches words by lemma or by their written form", () => {
    expect(commits("I will call her.", "patient", byValue)).toBe(true);
    expect(commits("Sounds good.", "patient", byValue)).toBe(true);
    expect(commits("Maybe I will call her.", "patient", byValue)).toBe(false);
    const byLemma: ClaimReader = { name: "lemmas only", read: (text) => reader.read(text).map((word) => ({ ...word, value: `${word.value}x` })) };
    expect(commits("I will call her.", "patient", byLemma)).toBe(true);
    expect(commits("Maybe I will call her.", "patient", byLemma)).toBe(false);
  });

  it("takes a quote ending in a question mark, closing quotes or brackets aside, as a question", () => {
    expect(quotesQuestion("Could you try some slow breathing?")).toBe(true);
    expect(quotesQuestion("Have you tried a hot shower? ")).toBe(true);
    expect(quotesQuestion("He asked, “Will you come?”")).toBe(true);
    expect(quotesQuestion("(Could you ring them?)")).toBe(true);
    for (const closing of ['"', "'", "’", "”", ")", "]", " "]) expect(quotesQuestion(`Could you ring them?${closing}`), closing).toBe(true);
    expect(quotesQuestion("Could you ring them?”)")).toBe(true);
    expect(quotesQuestion("Could you ring them?.")).toBe(false);
    expect(quotesQuestion("You could ring them.")).toBe(false);
    expect(quotesQuestion("Is it hard? You could ring them.")).toBe(false);
    expect(quotesQuestion("")).toBe(false);
  });

  it("reads every first-person subject and marker of intent as a reader may give it whole", () => {
    const whole = wholeWords;
    for (const subject of ["I", "We", "I'm", "I’m", "Im", "We're", "We’re", "I've", "I’ve"]) {
      expect(commits(`${subject} gonna ring them.`, "patient", whole), subject).toBe(true);
    }
    expect(commits("They gonna ring them.", "patient", whole)).toBe(false);
    for (const marker of ["will", "ll", "’ll", "'ll", "shall", "gonna", "plan", "intend", "decide", "promise", "commit"]) {
      expect(commits(`I ${marker} ring them.`, "patient", whole), marker).toBe(true);
    }
    expect(commits("I going to ring them.", "patient", whole)).toBe(true);
    expect(commits("I go to ring them.", "patient", whole)).toBe(true);
    expect(commits("I went to ring them.", "patient", whole)).toBe(false);
  });

  it("takes each assent sequence, said alone, as taking up a proposal", () => {
    for (const words of [
      "good idea", "great idea", "nice idea", "excellent idea", "good advice", "great advice", "good suggestion", "great suggestion", "good tip", "great tip",
      "willing to try", "worth a try", "give it a try", "something I can do", "sound good", "sounds good", "sound like a plan", "sounds like a plan",
      "will do", "will try", "can do that", "like the idea", "like that idea",
    ]) {
      expect(commits(`Yes, ${words}.`), words).toBe(true);
      // One word short is no assent.
      expect(commits(`Yes, ${words.split(" ").slice(1).join(" ")}.`), words).toBe(false);
    }
  });

  it("leaves each tentative sequence short of a commitment beside an assent", () => {
    for (const words of ["guess I", "suppose I", "take note"]) {
      expect(commits(`Good idea, ${words} it.`), words).toBe(false);
    }
    for (const words of ["I could", "we could", "look into", "check out", "look it up"]) {
      expect(commits(`Good idea, ${words} it.`), words).toBe(true);
    }
    expect(commits("Good idea, we can do it.")).toBe(true);
  });

  it("reads a later clause of the speaker's own state apart: its condition or hedge does not reach back", () => {
    expect(commits("Alright, I'll ring them tonight, I'll be relieved if they answer.")).toBe(true);
    expect(commits("Alright, I'll ring them; I'd be glad if they answer.")).toBe(true);
    expect(commits("Alright, I'll ring them, we'll be fine if it rains.")).toBe(true);
    // A condition before the act, in the act's own clause or after a further comma still holds it.
    expect(commits("If she calls, I will be there.")).toBe(false);
    expect(commits("Alright, I'll ring them if it works.")).toBe(false);
    expect(commits("Alright, I'll ring them, I'll be relieved, if it works.")).toBe(false);
    // Willingness to act is no state: its condition is the act's.
    expect(commits("Alright, I'll ring them, I'll be happy to if it works.")).toBe(false);
    // Only a first-person subject right before "be" (or "will be") opens such a clause.
    expect(commits("Alright, I'll ring them, they'll be relieved if it works.")).toBe(false);
    expect(commits("Alright, I'll ring them, I'll really be relieved if it works.")).toBe(false);
    expect(commits("Alright, I'll ring them and I'll be relieved if it works.")).toBe(false);
  });

  it("reads 'wish' that greets someone as no wish: the commitment beside it stands", () => {
    expect(commits("I'll call round at noon to wish everybody a merry Christmas.")).toBe(true);
    expect(commits("I will visit when I wish you a good week.")).toBe(true);
    expect([...greetedPeople].sort()).toEqual(["all", "everybody", "everyone", "her", "him", "them", "u", "you"]);
    // A wish of the speaker's still hedges: "I wish I would ring them", "I will ring them, I wish them gone".
    expect(commits("I wish I would ring them more.")).toBe(false);
    expect(commits("I will ring them when I wish them gone.")).toBe(false);
    expect(commits("I will ring them when I wish for a good week.")).toBe(false);
  });

  it("reads a later clause of the speaker's hope apart, after a comma or 'and': the hope is about how it goes", () => {
    expect(commits("I will ring the clinic and I hope they have a slot.")).toBe(true);
    expect(commits("I will ring the clinic, I hope they have a slot.")).toBe(true);
    expect(commits("I will ring the clinic, we hope it is open.")).toBe(true);
    expect([...hopingVerbs]).toEqual(["hope"]);
    // A hope before the act, or one with no subject of its own, still hedges it.
    expect(commits("I hope I will ring the clinic.")).toBe(false);
    expect(commits("I will ring the clinic and hope they answer.")).toBe(false);
    expect(commits("I will ring the clinic but I hope they answer.")).toBe(false);
    expect(commits("I will ring the clinic and she hopes they answer.")).toBe(false);
  });

  it("marks the words of a later clause of state from its subject to the next comma", () => {
    const said = (text: string) =>
      text.split(" ").map((word) => ({ lemma: word.replace(",", ""), value: word.replace(",", ""), afterComma: false })).map((word, index, words) => ({ ...word, afterComma: index > 0 && text.split(" ")[index - 1]!.endsWith(",") }));
    expect(stateClauseWords(said("okay, i will do it, i will be glad, thanks"))).toEqual([false, false, false, false, false, true, true, true, true, false]);
    expect(stateClauseWords(said("okay, we be glad if so"))).toEqual([false, true, true, true, true, true]);
    expect(stateClauseWords(said("i will be glad if so"))).toEqual([false, false, false, false, false, false]);
    // A place after "be" is where the speaker will be, no state: "Okay, I'll be there" promises to come.
    for (const place of placesBeen) expect(stateClauseWords(said(`okay, i will be ${place}`)).some(Boolean), place).toBe(false);
    expect([...placesBeen]).toEqual(["there", "here"]);
    for (const auxiliary of stateAuxiliaries) expect(stateClauseWords(said(`done, i ${auxiliary} be glad`)), auxiliary).toEqual([false, true, true, true, true]);
    expect(stateSubjects).toEqual(new Set(["i", "we"]));
    // "to" within reach after "be" is a willingness to act; beyond it, the clause is a state.
    expect(stateClauseWords(said("done, i be so very glad to"))).toEqual([false, true, true, true, true, true, true]);
    expect(stateClauseWords(said("done, i be very glad to")).some(Boolean)).toBe(false);
    expect(willingnessReach).toBe(3);
    expect(stateAuxiliaries).toEqual(new Set(["will", "would", "ll", "d"]));
    // The sentence's first word opens no later clause, whatever marks come before it.
    expect(stateClauseWords([{ lemma: "i", value: "i", afterComma: true }, { lemma: "be", value: "be", afterComma: false }, { lemma: "glad", value: "glad", afterComma: false }])).toEqual([false, false, false]);
  });

  it("reads 'be' by its lemma, as a reader gives \"I'm\"", () => {
    // A reader that gives "m" the lemma "be", as wink-nlp gives "'m".
    const lemmaBe: ClaimReader = { name: "m as be", read: (text) => reader.read(text).map((word) => (word.value === "m" ? { ...word, lemma: "be" } : word)) };
    expect(commits("Alright, I'll ring them, I'm relieved if they answer.", "patient", lemmaBe)).toBe(true);
    expect(commits("Alright, I'll ring them, I'm relieved if they answer.")).toBe(false);
  });

  it("reads 'if' after each verb of finding out as 'whether'", () => {
    for (const verb of ["see", "check", "ask", "find", "out", "know", "wonder"]) {
      expect(commits(`I will ${verb} if it is open.`), verb).toBe(true);
    }
    expect(commits("I will go if it is open.")).toBe(false);
  });

  it("ends a sentence at each end mark, so a hedge or a question stays in its own sentence", () => {
    for (const mark of [".", "!", "?", "…", "?!", "..."]) {
      expect(commits(`Maybe not${mark} I will call her tomorrow.`), mark).toBe(true);
      // A commitment asked ("I will call her tomorrow?") is none.
      expect(commits(`I will call her tomorrow${mark} Maybe not.`), mark).toBe(!mark.includes("?"));
    }
    expect(commits("Maybe not, I will call her tomorrow.")).toBe(false);
  });

  it("takes each assent sequence as written, said alone, and no shorter", () => {
    // Every written form the rule lists, each matched by its words as written, not by a lemma.
    const phrases = [
      ...praiseSequences.map((sequence) => sequence.join(" ")),
      ...likingSequences.map((sequence) => sequence.join(" ")),
      "not a bad idea", "not such a bad idea", "not sound like a bad idea", "not seem like a bad idea",
      "willing to try", "worth a try", "give it a try", "something I can do", "sound good", "sounds good", "sound like a plan", "sounds like a plan",
      "will do", "will try", "can do that", "consider it done",
      "sound like a good", "sounds like a good", "sound like a great", "sounds like a great", "sound great", "sounds great",
      "I like that", "really like that", "worth a shot", "give that a try", "give it a shot", "give it a go", "give that a go",
      "sound wonderful", "sounds wonderful", "sound lovely", "sounds lovely", "sound perfect", "sounds perfect", "sound nice", "sounds nice",
      "sound like what I should do",
      "something I could try", "something I can try",
      "that be my plan", "that be the plan",
      "that be doable", "that sound doable", "that sounds doable", "that be manageable", "can manage that", "that work for me", "that works for me", "let us do both", "let us do that", "let us do it",
      "I would like that", "I d like that", "I'd like that", "I’d like that", "I would love that", "I d love that", "I'd love that", "I’d love that",
    ];
    expect(phrases).toHaveLength(assentSequences.length);
    expect(wantingVerbs).toEqual(["like", "love"]);
    for (const words of phrases) {
      expect(commits(`Yes, ${words}.`, "patient", byValue), words).toBe(true);
      expect(commits(`Yes, ${words.split(" ").slice(1).join(" ")}.`, "patient", byValue), `${words}, first word left out`).toBe(false);
      expect(commits(`Yes, ${words.split(" ").slice(0, -1).join(" ")}.`, "patient", byValue), `${words}, last word left out`).toBe(false);
    }
  });

  it("leaves each tentative sequence, as written, short of a commitment beside an assent", () => {
    const phrases = ["guess I", "suppose I", "take note", "keep in mind", "keep that in mind", "keep it in mind", "keep this in mind"];
    expect(phrases).toHaveLength(tentativeSequences.length);
    for (const words of phrases) {
      expect(commits(`Good idea, ${words} it.`, "patient", byValue), words).toBe(false);
    }
    expect(commits("Good idea, keep going.", "patient", byValue)).toBe(true);
  });

  it("looks back for the 'for' of thanks exactly thankedReach words before an assent", () => {
    expect(thankedReach).toBe(4);
    expect(commits("Thanks for good advice.")).toBe(false);
    expect(commits("Thanks for all of this good advice.")).toBe(false);
    // "for" five words back is out of reach: the assent stands.
    expect(commits("Thanks for all of this very good advice.")).toBe(true);
    // A "for" in reach with no thanks before it is no thanks.
    expect(commits("For me that is good advice.")).toBe(true);
    expect(commits("It works for me, good advice.")).toBe(true);
    expect(commits("Good advice, thanks for it.")).toBe(true);
    // Each word of thanks, with its "for" right before the assent or a word further back.
    for (const word of thanksWords) {
      expect(commits(`${word} for good advice.`), word).toBe(false);
      expect(commits(`Oh ${word} for the good advice.`), word).toBe(false);
      expect(commits(`Really, ${word} so much for all this good advice.`), word).toBe(false);
    }
    // A thanks after the "for" is not what the "for" thanks for: "for me… thanks" is no thanks for the assent.
    expect(commits("Well for me it is good advice, thanks.")).toBe(true);
    expect(commits("So for us that is good advice thx.")).toBe(true);
  });

  it("takes 'not yet' before a commitment as no refusal of it, and 'sounds nice' as an assent", () => {
    expect(commits("Not yet, we are going to ring them soon.")).toBe(true);
    expect(commits("Yes, that sounds nice.")).toBe(true);
  });

  it("leaves a commitment said as likely short of one", () => {
    expect(commits("I will likely ring the clinic tomorrow.")).toBe(false);
    expect(commits("I will ring the clinic tomorrow.")).toBe(true);
    expect(hedgeWords.has("likely")).toBe(true);
  });

  it("reads an act arranged as a commitment: an arrangement made for an event or a day, or an act in '-ing' with a day to come", () => {
    for (const text of [
      "I've booked onto the parenting programme.",
      "I registered for the evening course next term.",
      "I signed up for the walking group.",
      "I made an appointment with the nurse.",
      "I'm seeing my GP on Friday.",
      "We're moving to my aunt's next week.",
      "I am meeting my sponsor tomorrow.",
      "I'm finally starting the course on Monday.",
      "I have an appointment with the nurse on Tuesday.",
      "I've got my first therapy session next week.",
      "I have an appointment booked with my GP.",
      "I've booked a follow-up with the nurse.",
      "I've got a follow-up with the consultant next week.",
      "I see my GP on Friday.",
      "I go back to work tomorrow.",
      "We're getting a puppy this weekend.",
    ]) {
      expect(commits(text), text).toBe(true);
    }
    for (const text of [
      "I arranged a loan with the bank.",
      "I was seeing my mum on Saturday.",
      "I'm feeling worse tomorrow.",
      "I'm hoping to see her on Friday.",
      "I'm getting nowhere, what do I do next?",
      "I'm not seeing him on Friday.",
      "I'm taking the class this term and my talk is next week.",
      "She's seeing her GP on Friday.",
      "I'm seeing my GP.",
      "I'm seeing my GP on Friday, maybe.",
      "I have an exam on Tuesday.",
      "I have an appointment with the nurse.",
      "I don't have an appointment until next week.",
      "I had an appointment on Tuesday.",
      "I see my mum every Friday.",
      "I see my mum on Sundays.",
      "I usually see my GP on Friday.",
      "I'm getting a bit better next week.",
    ]) {
      expect(commits(text), text).toBe(false);
    }
  });

  it("finds where the arranged act is, within its reach and clause, by its words", () => {
    const words = (text: string) => reader.read(text);
    expect(arrangedActAt(words("Yes I've booked the course"))).toBe(3);
    expect(arrangedActAt(words("I'm seeing her at the old cafe by the river on Friday"))).toBe(-1);
    expect(arrangedActAt(words("I'm seeing her in town on Friday"))).toBe(2);
    expect(arrangedActAt(words("We are just now seeing them on Sunday"))).toBe(4);
    expect(arrangedActAt(words("I have booked a place"))).toBe(2);
  });

  it("finds an arrangement that joins something named before it: 'booked onto it', 'signed up for that one'", () => {
    const at = (text: string) => arrangedActAt(reader.read(text));
    expect(at("I've booked onto it")).toBe(2);
    expect(at("I signed up for that one")).toBe(1);
    expect(at("I have booked on to it")).toBe(2);
    expect(at("I've booked in for it")).toBe(2);
    expect(at("I enrolled in this")).toBe(1);
    for (const joining of joiningWords) expect(at(`I booked ${joining} it`), joining).toBe(1);
    for (const pointer of namedBefore) expect(at(`I booked onto ${pointer}`), pointer).toBe(1);
    expect([...joiningWords]).toEqual(["onto", "on", "into", "in", "for"]);
    expect([...namedBefore]).toEqual(["it", "that", "this", "one"]);
    // Nothing joined, something else joined, or a thing booked with no event: none.
    for (const text of ["I booked it", "I arranged it all", "I booked onto the bus", "I booked for my mum", "I signed it for them"]) expect(at(text), text).toBe(-1);
  });

  it("reads each word of the arrangement's data as the rule says", () => {
    const at = (text: string) => arrangedActAt(wholeWords.read(text));
    for (const time of arrangedTimeWords) expect(at(`I'm seeing her ${time}`), time).toBe(1);
    for (const time of nextTimes) expect(at(`I'm seeing her next ${time}`), time).toBe(1);
    expect(at("I'm seeing her next")).toBe(-1);
    expect(at("I'm seeing her next door")).toBe(-1);
    for (const event of arrangedEvents) expect(at(`I booked the ${event}`), event).toBe(1);
    expect(at("I booked the loan")).toBe(-1);
    for (const verb of arrangingVerbs) expect(at(`I ${verb} a course`), verb).toBe(1);
    expect(at("I signed up for a course")).toBe(1);
    expect(at("I signed in for a course")).toBe(-1);
    expect(at("I made an appointment")).toBe(1);
    expect(at("I made a appointment")).toBe(1);
    expect(at("I made an effort")).toBe(-1);
    expect(at("I made the appointment")).toBe(-1);
    for (const filler of ["have", "'ve", "’ve", "ve", "just", "already", "finally", "also", "actually", "now"]) expect(at(`I ${filler} booked a course`), filler).toBe(2);
    // At most three words from the subject to the act: "I have just now booked", not one more.
    expect(at("I have just now booked a course")).toBe(4);
    expect(at("I have just now also booked a course")).toBe(-1);
    for (const be of ["am", "'m", "’m", "m", "are", "'re", "’re", "re"]) expect(at(`I ${be} seeing her tomorrow`), be).toBe(2);
    expect(at("I was seeing her tomorrow")).toBe(-1);
    for (const subject of ["I'm", "I’m", "Im", "We're", "We’re"]) expect(at(`${subject} seeing her tomorrow`), subject).toBe(1);
    expect(at("I've seeing her tomorrow")).toBe(-1);
    for (const state of ["feel", "think", "hope", "wonder", "struggle", "suffer", "worry", "fear", "dread", "have", "get", "be", "go", "try", "look", "want", "need", "wait", "expect", "plan", "die"]) {
      expect(at(`I'm ${state}ing tomorrow`), state).toBe(-1);
    }
    expect(at("I'm planning it tomorrow")).toBe(-1);
    expect(at("I'm dieting from Monday")).toBe(1);
    expect(at("I'm bathing the baby tomorrow")).toBe(1);
    expect(at("I'm singers tomorrow")).toBe(-1);
    // The reader's lemma counts too: "dying" is "die".
    expect(arrangedActAt([{ value: "I'm", lemma: "i'm" }, { value: "dying", lemma: "die" }, { value: "tomorrow", lemma: "tomorrow" }])).toBe(-1);
    // A sentence that ends before the act.
    for (const text of ["Well I", "I have", "I made an"]) expect(at(text), text).toBe(-1);
    expect(at("Yes so we have just booked a course")).toBe(5);
    expect(at("I picked up a course")).toBe(-1);
    expect(at("I got an appointment")).toBe(-1);
    expect(at("I made a mess of the course")).toBe(-1);
    expect(at("I'm hoping tomorrow")).toBe(-1);
    expect(at("I'm getting it tomorrow")).toBe(-1);
    expect(at("I'm setting it up tomorrow")).toBe(1);
    expect(at("I'm nothing tomorrow")).toBe(-1);
    for (const event of heldEvents) expect(at(`I have an ${event} tomorrow`), event).toBe(1);
    expect(at("I have an exam tomorrow")).toBe(-1);
    // An event of care a reader gives in two words, "follow up" or "check up".
    for (const event of upEvents) {
      expect(at(`I booked a ${event} up`), event).toBe(1);
      expect(at(`I booked a ${event} with her`), event).toBe(-1);
      expect(at(`I have a ${event} up tomorrow`), event).toBe(1);
      expect(at(`I have a ${event} tomorrow`), event).toBe(-1);
    }
    expect(at("I booked a pick up")).toBe(-1);
    expect(at("I have a pick up tomorrow")).toBe(-1);
    for (const have of ["'ve", "’ve", "ve", "have"]) expect(at(`I ${have} got an appointment tomorrow`), have).toBe(2);
    expect(at("I got an appointment tomorrow")).toBe(1);
    expect(at("I have an appointment booked")).toBe(1);
    expect(at("I have an appointment with her")).toBe(-1);
    expect(at("I have an appointment with the practice nurse on Tuesday")).toBe(1);
    expect(at("I have my first ever session with the practice nurse on Tuesday")).toBe(1);
    expect(at("I'm have an appointment tomorrow")).toBe(1);
    expect(at("Usually I see her tomorrow")).toBe(-1);
    expect(at("I see her tomorrow")).toBe(1);
    expect(at("I see her on Tuesday")).toBe(1);
    expect(at("I see her at weekends")).toBe(-1);
    expect(at("I see her tomorrow and we always argue")).toBe(1);
    // The event within four words of "have": "I have my first ever therapy session" reaches it, one more word does not.
    expect(at("I have my first ever session tomorrow")).toBe(1);
    expect(at("I have my very first ever session tomorrow")).toBe(-1);
    expect(at("I have an appointment and she comes tomorrow")).toBe(-1);
    expect(at("I am having an appointment tomorrow")).toBe(-1);
    for (const verb of scheduledActs) expect(at(`I ${verb} there tomorrow`), verb).toBe(1);
    expect(at("I walk there tomorrow")).toBe(-1);
    expect(at("I see her")).toBe(-1);
    expect(at("I just see her tomorrow")).toBe(-1);
    for (const habit of ["every", "usually", "always", "often", "normally", "sometimes", "never"]) expect(at(`I see her ${habit} tomorrow`), habit).toBe(-1);
    expect(at("I usually see her tomorrow")).toBe(-1);
    expect(at("I see her on Fridays")).toBe(-1);
    expect(at("I see her on Friday")).toBe(1);
    expect(at("I go shooting with Dave on a Sunday")).toBe(-1);
    expect(at("I see her on a Friday")).toBe(-1);
    expect(at("I see her a week on Friday")).toBe(1);
    for (const opener of ["a", "an", "another", "my", "our", "the", "some", "new"]) expect(at(`I'm getting ${opener} dog tomorrow`), opener).toBe(1);
    for (const change of ["bit", "lot", "little", "better", "worse"]) expect(at(`I'm getting a ${change} tomorrow`), change).toBe(-1);
    expect(at("I'm sing tomorrow")).toBe(-1);
    expect(at("I'm doing it tomorrow")).toBe(1);
    expect(at("I'm not doing it tomorrow")).toBe(-1);
    expect(at("I'm doing it")).toBe(-1);
    // The day within seven words of the act, in its clause.
    expect(at("I'm seeing one two three four five six tomorrow")).toBe(1);
    expect(at("I'm seeing one two three four five six seven tomorrow")).toBe(-1);
    for (const closer of ["and", "but", "because", "cause", "so", "though", "while", "when", "if"]) expect(at(`I'm taking it ${closer} tomorrow`), closer).toBe(-1);
    expect(at("I'm taking it then tomorrow")).toBe(1);
    expect(at("They booked a course")).toBe(-1);
    // The first subject that arranges: "Well we booked…" after another word.
    expect(at("Yes so we booked a course")).toBe(3);
  });

  it("reads a plan said in the present with the day set before the subject, as a second language says one", () => {
    const at = (text: string) => arrangedActAt(wholeWords.read(text));
    expect(at("Tomorrow I call them")).toBe(2);
    expect(at("OK Tomorrow I call them")).toBe(3);
    expect(at("This week I speak with my husband")).toBe(3);
    expect(at("Next week I book it")).toBe(3);
    expect(at("Monday I go to the job centre")).toBe(2);
    for (const act of [...presentPlanActs, ...scheduledActs]) expect(at(`Tomorrow I ${act} them`), act).toBe(2);
    for (const time of arrangedTimeWords) expect(at(`${time} I call them`), time).toBe(2);
    for (const time of nextTimes) expect(at(`next ${time} I call them`), time).toBe(3);
    for (const time of thisTimes) expect(at(`this ${time} I call them`), time).toBe(3);
    // Within three words before the subject.
    expect(at("Tomorrow one two I call them")).toBe(4);
    expect(at("Tomorrow one two three I call them")).toBe(-1);
    // Not work or a habit, not a day past, not a story told in the present, not a day that follows the act's clause.
    expect(at("Tomorrow I work seven to three")).toBe(-1);
    expect(at("Tomorrow I walk them")).toBe(-1);
    expect(at("Every Monday I go to the gym")).toBe(-1);
    expect(at("On Mondays I call them")).toBe(-1);
    for (const past of pastDayWords) expect(at(`${past} Monday I call them`), past).toBe(-1);
    for (const verb of narratingVerbs) expect(at(`So Monday I go in and my boss ${verb} no`), verb).toBe(-1);
    expect(at("Tomorrow I just call them")).toBe(-1);
    expect(at("Tomorrow I am calling")).toBe(-1);
    expect(at("I call them")).toBe(-1);
    expect(at("This time I call them")).toBe(-1);
    expect(at("Next time I call them")).toBe(-1);
    expect(at("She goes Monday I call them")).toBe(-1);
    expect([...pastDayWords]).toEqual(["last", "yesterday", "ago"]);
    expect([...narratingVerbs]).toEqual(["says", "said", "tells", "told", "asks", "asked", "shouts", "goes", "went", "comes", "came"]);
    expect([...thisTimes]).toEqual(["week", "weekend", "evening", "afternoon", "morning"]);
    expect(presentPlanActs.has("call") && presentPlanActs.has("book") && !presentPlanActs.has("work")).toBe(true);
  });

  it("holds its data as the rule says", () => {
    expect(arrangingVerbs.has("booked") && arrangedEvents.has("course") && arrangedTimeWords.has("tomorrow") && nextTimes.has("week") && progressiveStates.has("feel")).toBe(true);
    expect(thanksWords).toEqual(new Set(["thank", "thanks", "thx", "ty", "appreciate"]));
    expect(committingSubjects.has("i") && committingSubjects.has("we")).toBe(true);
    expect(intentMarkers.has("ll") && intentMarkers.has("will")).toBe(true);
    expect(assentSequences.every((sequence) => sequence.length >= 2)).toBe(true);
  });
});
