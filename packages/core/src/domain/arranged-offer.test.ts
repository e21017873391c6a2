import { describe, expect, it } from "vitest";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import type { ClaimReader } from "../ports/claim-reader.ts";
import { acceptingCourtesies, acceptsOffer, arrangingActs, askedForWhen, timedOpenings, helpReachingActs, callsGiven, echoLeads, echoedOffers, echoesOffer, sameSlot, knowReach, speakingActs, speakingTo, suitingTimes, toldInSession, comingBack, askingTogether, meetingAfter, asksWillingness, harmingActs, pointingActs, pointingWords, sessionActs, willingnessOpenings, attendingLeads, attendingPromises, letUs, meetingVerbs, arrangingOfferAt, madeArrangements, offerLeads, offerOpenings, offersToArrange, seenAgain, suitingFrame, suitingWords } from "./arranged-offer.ts";
import { confirmationLength } from "./confirmed-summary.ts";
import { wholeWordsReader } from "./whole-words-reader.test-support.ts";

const reader = createPlainWordsClaimReader();
// A reader that gives "be" as the lemma of "is", as wink-nlp does, and keeps the word as said.
const tagger: ClaimReader = {
  name: "tagger-like",
  read: (text) => reader.read(text).map((word) => ({ ...word, lemma: word.value.toLowerCase() === "is" ? "be" : word.lemma })),
};
const byValue: ClaimReader = { name: "values only", read: (text) => reader.read(text).map((word) => ({ ...word, lemma: `x-${word.lemma}` })) };
const byLemma: ClaimReader = { name: "lemmas only", read: (text) => tagger.read(text).map((word) => ({ ...word, value: `x-${word.value}` })) };
const offers = (text: string, using: ClaimReader = reader) => offersToArrange(using.read(text));
const accepts = (text: string, using: ClaimReader = reader) => acceptsOffer(using.read(text));

describe("offersToArrange: the therapist offers to set something up for the patient", () => {
  it("finds an offer of each opening, with an arranging act after it, by every reader", () => {
    const offersMade = [
      "Would you like me to refer you today?",
      "Do you want me to send you the leaflet?",
      "Shall I book you in for next Tuesday?",
      "Should I email you the link?",
      "Can I put you in touch with the group?",
      "Could I ring the surgery for you?",
      "Would it be okay if I wrote to your GP?",
      "Would it be alright if I called you next week?",
      "Is it okay if I sign you up for the course?",
      "So, shall I just arrange that for you?",
      "Okay, can I go ahead and schedule the follow-up?",
      "Shall I make you an appointment with the nurse?",
      "Can I make a referral to the dietitian?",
    ];
    for (const using of [reader, wholeWordsReader({ commas: true }), tagger]) {
      for (const offer of offersMade) expect(offers(offer, using), `${using.name}: ${offer}`).toBe(true);
    }
  });

  it("reads every word of its lists: each lead, each filler, each arranging act", () => {
    for (const lead of ["so", "and", "okay", "ok", "well", "now", "then", "alright", "right"]) expect(offers(`${lead} shall I book you in?`), lead).toBe(true);
    for (const filler of ["just", "also", "go ahead and"]) expect(offers(`Shall I ${filler} book you in?`), filler).toBe(true);
    for (const act of arrangingActs) {
      const expected = !["make", "made", "do", "did", "see", "saw", "let"].includes(act);
      expect(offers(`Would it be okay if I ${act} it for you?`), act).toBe(expected);
      if (expected) expect(offers(`Would it be okay if I ${act} an appointment for you?`), act).toBe(true);
    }
    for (const arranged of madeArrangements) expect(offers(`Shall I make you a ${arranged}?`), arranged).toBe(true);
  });

  it("takes 'let' as arranging only as letting someone else know, 'know' within five words", () => {
    for (const text of ["Shall I let your GP know?", "Would it help if I let the group facilitator, Ann, know you're coming?", "Can I let the team at the surgery know today?"]) expect(offers(text), text).toBe(true);
    for (const text of ["Would it help if I let you know what the group is like?", "Shall I let me know?", "Can I let you go a bit early today?", "Shall I let it go?", "Shall I let the team at the big surgery in town know?"]) expect(offers(text), text).toBe(false);
    expect(toldInSession).toEqual(new Set(["you", "me"]));
    expect(knowReach).toBe(5);
  });

  it("takes talking or having a word with someone else as arranging, not talking with the patient", () => {
    for (const text of ["Shall I talk to your head of year?", "Would you like me to speak with the housing officer?", "Would you want me to have a word with Mr Hall?", "Would you be happy for me to book you in with Dr Patel?"]) expect(offers(text), text).toBe(true);
    for (const text of ["Can I talk to you about your sleep?", "Can I have a word with you?", "Shall I talk about it?", "Shall I speak?", "Can I have a word?", "Shall I talk to", "Shall I have a chat with your mum?", "Shall I say a word to Mr Hall?", "Shall I have my colleague with your mum?"]) expect(offers(text), text).toBe(false);
    expect(speakingActs).toEqual(new Set(["talk", "speak"]));
    expect(speakingTo).toEqual(new Set(["to", "with"]));
  });

  it("takes giving the patient a ring or a call as arranging one, and a session the same day or time", () => {
    for (const text of ["I'll give you a ring on Friday. ", "I'll give you a call next week. ", "I'll give you a bell tomorrow. "]) expect(arrangingOfferAt([reader.read(text), reader.read("Is that okay?")], 1), text).toBe(0);
    expect(arrangingOfferAt([reader.read("I'll give you a leaflet."), reader.read("Is that okay?")], 1)).toBe(-1);
    expect(callsGiven).toEqual(new Set(["ring", "call", "bell"]));
    expect(offers("Same day, Tuesday at four?")).toBe(true);
    expect(offers("Same day as ever?")).toBe(false);
    expect(sameSlot).toEqual(new Set(["time", "day"]));
  });

  it("takes a meeting proposed without a time as a session to come when the next question says when", () => {
    const read = (...texts: string[]) => texts.map((text) => reader.read(text));
    expect(arrangingOfferAt(read("Could we check in, you and me, to see how it's gone?", "How about next Friday at lunchtime?"), 0)).toBe(0);
    expect(arrangingOfferAt(read("Shall we meet to see how it went?", "Maybe on Tuesday?"), 0)).toBe(0);
    expect(arrangingOfferAt(read("Could we check in, you and me, to see how it's gone?", "How does that sound?"), 0)).toBe(-1);
    expect(arrangingOfferAt(read("Could we check in, you and me, to see how it's gone?"), 0)).toBe(-1);
    expect(arrangingOfferAt(read("Could you check in with her?", "How about next Friday?"), 0)).toBe(-1);
    // After leads, as any offer.
    expect(arrangingOfferAt(read("So, could we check in, you and me?", "How about next Friday?"), 0)).toBe(0);
    // A day alone proposes nothing; "on" after a verb of meeting other than "check in" still tells when.
    expect(offers("Tuesday?")).toBe(false);
    expect(offers("Shall we talk on the phone?")).toBe(true);
    // Checking in on something is no meeting on a day.
    expect(offers("Shall we check in on the homework?")).toBe(false);
    expect(offers("Shall we check in on Monday?")).toBe(true);
    expect(offers("Shall we book the same time next week?")).toBe(true);
    expect(offers("Shall we book a taxi for you?")).toBe(false);
  });

  it("reads an offer echoed back as no answer in itself", () => {
    for (const echo of ["Would you?", "Oh, yes, would you?", "Could you?", "Can you?", "Yeah, will you?"]) expect(echoesOffer(reader.read(echo)), echo).toBe(true);
    for (const text of ["Would you like that?", "Would you", "Oh yes", "You would?", ""]) expect(echoesOffer(reader.read(text)), text).toBe(text === "Would you");
    expect(echoedOffers).toEqual([["would", "you"], ["could", "you"], ["can", "you"], ["will", "you"]]);
    expect(echoLeads).toEqual(new Set(["oh", "yes", "yeah", "ooh", "really"]));
    for (const lead of echoLeads) expect(echoesOffer(reader.read(`${lead}, would you?`)), lead).toBe(true);
    for (const text of ["Could I?", "Would they?", "Well, would you?"]) expect(echoesOffer(reader.read(text)), text).toBe(false);
  });

  it("takes 'would you' and an act as asking willingness only with a time to come in the sentence", () => {
    for (const when of askedForWhen) expect(offers(`Would you take one ${when}?`), when).toBe(true);
    expect([...askedForWhen]).toEqual(["today", "tonight", "tomorrow", "week", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "soon"]);
    for (const text of ["Would you take one?", "Would you like to talk about it today?", "Would you feel better today?", "Would you hurt him today?", "Would you try it today?", "Would you tell me more today?"]) expect(offers(text), text).toBe(false);
  });

  it("takes 'will you', 'could you' and 'can you' with an act as asking willingness only with a time to come, or help reached for on a condition", () => {
    expect(timedOpenings).toEqual([
      ["would", "you"],
      ["will", "you"],
      ["could", "you"],
      ["can", "you"],
    ]);
    for (const [modal] of timedOpenings) {
      expect(offers(`${modal} you ring your sister this week?`), modal).toBe(true);
      expect(offers(`${modal} you come in on Thursday at four?`), modal).toBe(true);
      expect(offers(`${modal} you ring your sister?`), modal).toBe(false);
      for (const act of helpReachingActs) {
        expect(offers(`${modal} you ${act} the crisis line if it gets worse?`), `${modal} ${act}`).toBe(true);
        expect(offers(`${modal} you ${act} the crisis line?`), `${modal} ${act}`).toBe(false);
      }
      // A condition sets only reaching for help to come: "Would you see her if it got worse?" asks what would happen.
      expect(offers(`${modal} you see her if it gets worse?`), modal).toBe(false);
    }
    expect([...helpReachingActs]).toEqual(["ring", "call", "phone", "text", "contact", "message"]);
    // After a condition that opens the sentence, the question may follow it; not a condition later.
    expect(offers("And if those don't help and it gets worse, will you ring the crisis line?")).toBe(true);
    expect(offers("If it gets worse will you ring me?")).toBe(true);
    expect(offers("If it gets worse, what will you do?")).toBe(false);
    expect(offers("So will you ring me if it gets worse?")).toBe(true);
    expect(offers("Honestly, will you ring me if it gets worse?")).toBe(false);
    // Never taking what was named before, as a screen asks of means; nor a state, a feeling or the session.
    for (const text of ["Will you take them tonight?", "Will you take it tonight?", "Would you take all of them tonight?", "Will you be seeing your mum at Christmas?", "Will you be okay tonight?", "Can you tell me more today?", "Could you try it tonight?"]) expect(offers(text), text).toBe(false);
    expect(offers("Will you take the tablets to the pharmacy tomorrow?")).toBe(true);
  });

  it("takes 'make' as arranging only with what it arranges within four words after it", () => {
    expect(offers("Shall I make you an appointment?")).toBe(true);
    expect(offers("Shall I make a note of it before the next appointment?")).toBe(false);
    expect(offers("Can I make a suggestion about your appointment?")).toBe(false);
  });

  it("takes 'let's' and a verb of meeting as proposing a session to come, at a time within four words", () => {
    for (const using of [reader, tagger]) {
      for (const text of ["Let's meet again next Thursday.", "So let's talk again on Monday.", "Let us see each other again in a fortnight.", "Okay, let's speak next week then."]) expect(offers(text, using), `${using.name}: ${text}`).toBe(true);
    }
    for (const verb of meetingVerbs) expect(offers(`Let's ${verb} again next week.`), verb).toBe(true);
    // "Let's" as each reader may give it.
    for (const us of ["'s", "’s", "s", "us"]) expect(offersToArrange([{ lemma: "let", value: "let" }, { lemma: us, value: us }, { lemma: "meet", value: "meet" }, { lemma: "again", value: "again" }]), us).toBe(true);
    expect([...letUs]).toEqual(["'s", "’s", "s", "us"]);
    expect([...meetingVerbs]).toEqual(["meet", "see", "talk", "speak", "book"]);
    for (const text of ["Let's talk about your week.", "Let's meet your goals first.", "Let me see you again next week.", "Let's go again next week.", "Let's meet and then we'll see about next week.", "We meet again next week."]) expect(offers(text), text).toBe(false);
  });

  it("takes a modal asking it together ('shall we') and a verb of meeting as proposing a session to come, at a time within four words", () => {
    for (const using of [reader, tagger]) {
      for (const text of ["Shall we meet again in two weeks to see how it's gone?", "So should we talk again next Friday?", "Can we speak on Monday?", "Okay, could we see each other again in a month?"]) expect(offers(text, using), `${using.name}: ${text}`).toBe(true);
    }
    for (const modal of askingTogether) expect(offers(`${modal} we meet again next week?`), modal).toBe(true);
    expect([...askingTogether]).toEqual(["shall", "should", "can", "could"]);
    // Not asked of a time to come, not "we" together, or a modal that asks nothing together.
    for (const text of ["Shall we talk about your week?", "Can we meet your goals first?", "Shall I meet again next week?", "Would we meet again next week?", "We could meet again next week.", "Shall we go again next week?"]) expect(offers(text), text).toBe(false);
  });

  it("takes checking in together at a time to come as a session to come, not checking a thing", () => {
    for (const using of [reader, tagger]) {
      for (const text of ["Shall we check in again in a month, with your next blood test?", "Let's check in on Thursday.", "Could we check in after the appointment?"]) expect(offers(text, using), `${using.name}: ${text}`).toBe(true);
    }
    for (const text of ["Shall we check your blood pressure now?", "Can we check in the diary?", "Shall we check in?", "Shall we check on Thursday?"]) expect(offers(text), text).toBe(false);
  });

  it("takes a session to come set by what happens first, right after the verb of meeting", () => {
    for (const using of [reader, tagger]) {
      for (const text of ["Shall we meet after the restorative meeting to talk about how it went?", "Let's meet again once you've seen your GP.", "Let's talk after your exams."]) expect(offers(text, using), `${using.name}: ${text}`).toBe(true);
    }
    for (const word of meetingAfter) expect(offers(`Shall we meet ${word} the hearing?`), word).toBe(true);
    expect([...meetingAfter]).toEqual(["after", "once"]);
    // "After" further on is no session set: "Let's talk about what happens after the exam."
    for (const text of ["Let's talk about what happens after the exam.", "Shall we talk it over after?", "Let's meet your goals once you're ready."]) expect(offers(text), text).toBe(false);
  });

  it("takes a short 'same time' with a word of when within three words as proposing a session to come", () => {
    for (const using of [reader, tagger]) {
      for (const text of ["Same time next week?", "Okay, same time on Thursday?", "Same time, then, next Friday.", "Same time next week as usual, okay?"]) expect(offers(text, using), `${using.name}: ${text}`).toBe(true);
    }
    for (const text of ["Same time as always?", "Same time every night, you said.", "We can talk at the same time next week.", "Same old thing next week?", "Same time we did it before, in the spring?"]) expect(offers(text), text).toBe(false);
  });

  it("takes 'see' as arranging only as seeing the patient again, at a time within four words", () => {
    for (const word of seenAgain) expect(offers(`Shall I see you ${word} then?`), word).toBe(true);
    expect(offers("Would it be okay if I saw you again next week?")).toBe(true);
    expect(offers("Can I see your list?")).toBe(false);
    expect(offers("Can I see you do it?")).toBe(false);
    expect(offers("Shall I see you out?")).toBe(false);
    expect(offers("Shall I see you at the door and then we can go through the forms on Monday?")).toBe(false);
  });

  it("reads each word by its lemma or as said", () => {
    expect(offers("Is it okay if I book you in?", byValue)).toBe(true);
    expect(offers("Is it okay if I book you in?", byLemma)).toBe(true);
    expect(offers("Would you like me to refer you?", byValue)).toBe(true);
  });

  it("finds none in an offer to say more in the session, a suggestion, a question of the patient's acts or an opening later in the sentence", () => {
    for (const sentence of [
      "Would you like me to tell you more of the service?",
      "Can I ask you something?",
      "Can I make a suggestion?",
      "Could I make a guess about what you mean?",
      "Shall we book a time?",
      "Would you like to book a time?",
      "Do you want to call them?",
      "Can you send it to me?",
      "I wonder, shall I book you in?",
      "Would you like me to?",
      "Shall I?",
    ]) {
      expect(offers(sentence), sentence).toBe(false);
    }
  });

  it("holds its words as data", () => {
    expect(offerOpenings).toContainEqual(["would", "you", "like", "me", "to"]);
    expect(offerOpenings).toContainEqual(["is", "it", "okay", "if", "i"]);
    expect([...offerLeads]).toEqual(expect.arrayContaining(["so", "okay"]));
    expect([...arrangingActs]).toEqual(expect.arrayContaining(["refer", "book", "send", "make"]));
    expect([...arrangingActs]).not.toContain("tell");
    expect([...madeArrangements]).toEqual(["appointment", "referral", "booking", "prescription", "script"]);
    expect([...acceptingCourtesies]).toEqual(["please", "thanks", "thank", "you", "go", "on", "ahead", "then", "okay", "ok", "alright", "of", "course"]);
  });
});

describe("asksWillingness: the therapist asks whether the patient will do an act", () => {
  const asks = (text: string, using: ClaimReader = reader) => asksWillingness(using.read(text));

  it("finds each opening, after leads and before fillers, by every reader, and offersToArrange takes it as an offer", () => {
    for (const using of [reader, tagger, byValue, byLemma]) {
      for (const sentence of [
        "Would you be willing to keep a diary?",
        "Are you willing to try the patches?",
        "So, would you consider joining the group?",
        "Would you agree to ring them on Monday?",
        "Will you commit to two dry nights?",
        "Okay, can you commit to just one walk a day?",
        "Would you be willing to really give the patches a go?",
      ]) {
        expect(asks(sentence, using), `${using.name}: ${sentence}`).toBe(true);
        expect(offers(sentence, using), `${using.name}: ${sentence}`).toBe(true);
      }
    }
    const wordsOf = (list: readonly string[]) => list.map((word) => ({ lemma: word, value: word }));
    for (const opening of willingnessOpenings) expect(asksWillingness(wordsOf([...opening, "walk"])), opening.join(" ")).toBe(true);
    expect(asksWillingness(wordsOf(["would", "you", "be", "willing", "to", "just", "then", "walk"]))).toBe(true);
    // "are" as a reader that gives lemmas reads it.
    expect(asksWillingness([{ lemma: "be", value: "x-are" }, ...wordsOf(["you", "willing", "to", "walk"])])).toBe(true);
    expect(willingnessOpenings).toEqual([
      ["would", "you", "be", "willing", "to"],
      ["would", "you", "be", "happy", "to"],
      ["are", "you", "willing", "to"],
      ["be", "you", "willing", "to"],
      ["would", "you", "consider"],
      ["would", "you", "agree", "to"],
      ["will", "you", "commit", "to"],
      ["can", "you", "commit", "to"],
    ]);
  });

  it("reads the act past fillers: an act of the session after one is still none", () => {
    expect(asks("Would you be willing to just tell me more?")).toBe(false);
    expect(asks("Would you be willing to really talk to her?")).toBe(false);
    expect(asks("Would you be willing to just ring her?")).toBe(true);
  });

  it("finds none for a state, a feeling or an act of the session, an opening with nothing after it, or one later in the sentence", () => {
    for (const sentence of [
      "Would you be willing to tell me more?",
      "Are you willing to talk about it?",
      "Would you be willing to be honest with her?",
      "Would you consider it?",
      "Would you be willing to try that?",
      "Would you be willing to give it a go?",
      "Would you be willing to?",
      "I wonder, would you be willing to keep a diary?",
      "Would you like to keep a diary?",
      "Do you think you'd be willing to keep a diary?",
    ]) {
      expect(asks(sentence), sentence).toBe(false);
    }
    for (const act of sessionActs) expect(asksWillingness(reader.read(`Would you be willing to ${act} that?`)), act).toBe(false);
    expect([...sessionActs]).toEqual(["tell", "share", "describe", "explain", "say", "talk", "elaborate", "expand", "clarify", "discuss", "answer", "ask", "speak"]);
    expect([...pointingWords]).toEqual(["it", "that", "this", "them", "these", "those"]);
    expect([...pointingActs]).toEqual(["try", "do", "give", "attempt"]);
    for (const word of pointingWords) expect(asksWillingness(reader.read(`Would you consider ${word}?`)), word).toBe(false);
    for (const act of harmingActs) expect(asksWillingness(reader.read(`Would you be willing to ${act} him?`)), act).toBe(false);
    for (const sentence of ["Would you be willing to cut down to two pints?", "Would you be willing to kick the habit?", "Would you be willing to hit the gym twice a week?"]) expect(asks(sentence), sentence).toBe(true);
    expect([...harmingActs]).toEqual(["hurt", "harm", "kill", "murder", "punch", "stab", "attack", "slap", "shoot", "strangle", "choke", "overdose"]);
    for (const act of pointingActs) {
      expect(asksWillingness(reader.read(`Would you be willing to ${act} that?`)), act).toBe(false);
      expect(asksWillingness(reader.read(`Would you be willing to ${act} the diary?`)), act).toBe(true);
    }
  });

  it("reads coming to a session as an act, and coming to anything else as none", () => {
    for (const after of comingBack) expect(asks(`Would you be willing to come ${after} next week?`), after).toBe(true);
    expect([...comingBack]).toEqual(["back", "in", "along"]);
    expect(asks("Would you be willing to come back in four weeks so we can check your peak flow?")).toBe(true);
    expect(asks("Would you be willing to just come in on Tuesday?")).toBe(true);
    for (const sentence of ["Would you be willing to come to terms with it?", "Would you be willing to come?", "Would you be willing to feel back in control?"]) expect(asks(sentence), sentence).toBe(false);
  });

  it("a yes with an okay or an 'of course' accepts it; an okay alone does not", () => {
    for (const yes of ["Yeah, okay.", "Yes, ok.", "Yeah, alright.", "Yes, of course."]) expect(accepts(yes), yes).toBe(true);
    for (const sentence of ["Okay.", "Alright then.", "Of course."]) expect(accepts(sentence), sentence).toBe(false);
  });
});

describe("arrangingOfferAt: an offer in one sentence, or an act stated and leave asked for it in the next", () => {
  const sentences = (text: string, using: ClaimReader = reader) => text.split(/(?<=[.?!])\s+/).map((sentence) => using.read(sentence));
  const offerIn = (text: string, using: ClaimReader = reader) => {
    const read = sentences(text, using);
    return arrangingOfferAt(read, read.length - 1);
  };

  it("takes an act offered as possible ('I can…', 'I could…') as the offer, unless the turn asks one of its own", () => {
    expect(offerIn("There's a stop smoking service at the surgery. I can do the referral now.")).toBe(1);
    expect(offerIn("I could book you in for Friday.")).toBe(0);
    // "Would it help if I booked it for you? I can ring the surgery…": the question is the offer.
    const asked = sentences("Would it help if I booked it for you? I can ring the surgery when I'm back.");
    expect(arrangingOfferAt(asked, 1)).toBe(-1);
    expect(arrangingOfferAt(asked, 0)).toBe(0);
    // A possibility of no arranging act is none ("I can see that", "I can imagine").
    expect(offerIn("I can imagine that was hard.")).toBe(-1);
  });

  it("takes 'do' as arranging only with what it arranges: a referral, a prescription", () => {
    expect(offerIn("Would you want me to do a prescription today?")).toBe(0);
    expect(offerIn("Shall I do the referral now?")).toBe(0);
    expect(offerIn("Shall I do that?")).toBe(-1);
  });

  it("finds the sentence stating the act when the next asks leave for it, by every reader", () => {
    for (const using of [reader, wholeWordsReader({ commas: true }), tagger]) {
      expect(offerIn("I'd like to book you in with your GP this week. Would that be alright?", using), using.name).toBe(0);
      expect(offerIn("Thanks for that. I would also like to refer you to the clinic. Is that okay?", using), using.name).toBe(1);
    }
    for (const using of [reader, wholeWordsReader({ commas: true }), tagger]) {
      for (const opening of ["I would like to", "I'd like to", "I’d like to", "I would also like to", "I'd also like to", "I can", "I could", "I will", "I'll", "I’ll", "Let me"]) {
        expect(offerIn(`${opening} send you the leaflet. Would that be okay?`, using), `${using.name}: ${opening}`).toBe(0);
      }
    }
    for (const question of ["Would that be okay?", "Would that be ok?", "Would that be alright?", "Would that be all right?", "Is that okay?", "Is that ok?", "Is that alright?", "So, how does that sound?"]) {
      expect(offerIn(`I can ring the surgery for you. ${question}`), question).toBe(0);
    }
    expect(offerIn("I can ring the surgery for you. Is that okay?", tagger)).toBe(0);
    expect(offerIn("I can ring the surgery for you. Is that alright?", tagger)).toBe(0);
    expect(offerIn("I can ring the surgery for you. Is that ok?", tagger)).toBe(0);
  });

  it("finds a session to come stated and leave asked for it", () => {
    expect(offerIn("And I'd like to see you again on Thursday rather than waiting a week. How does that sound?")).toBe(0);
    expect(offerIn("I'd like to see you try the breathing. Would that be okay?")).toBe(-1);
  });

  it("finds an offer in the sentence itself first", () => {
    expect(offerIn("Thanks. Shall I book you in?")).toBe(1);
    expect(arrangingOfferAt(sentences("Shall I book you in? Is that okay?"), 0)).toBe(0);
  });

  it("finds none for leave asked with no act stated before it, an act stated with no leave asked, or no sentence", () => {
    for (const text of [
      "Would that be alright?",
      "You could call them. Would that be alright?",
      "I'd like to hear more about your week. Would that be okay?",
      "I'd like to book you in with your GP.",
      "I'd like to book you in with your GP. Does Tuesday suit?",
      "I'd like to book you in with your GP. Would that help?",
    ]) {
      expect(offerIn(text), text).toBe(-1);
    }
    expect(arrangingOfferAt([], 0)).toBe(-1);
  });
});

describe("acceptsOffer: the patient's plain yes", () => {
  it("accepts a plain yes with or without thanks", () => {
    for (const yes of ["Yes, please.", "Yes please", "Yeah, thanks.", "Yes, thank you.", "Sure.", "Yep.", "Yes, definitely, please.", "Yeah, go on.", "Yes, go ahead.", "Yeah, go on then."]) expect(accepts(yes), yes).toBe(true);
  });

  it("accepts in words of leave or of the act itself, after a yes or an okay, and nothing more", () => {
    for (const yes of ["Go on then.", "Oh, go on then.", "Yeah, do that.", "Do it.", "Yeah, go for it.", "Put me down for that.", "Put me down.", "Sign me up.", "Okay, put me down for it."]) expect(accepts(yes), yes).toBe(true);
    for (const sentence of ["Do that again?", "Put me down for the late one.", "Go on then, but only once."]) expect(accepts(sentence), sentence).toBe(false);
    for (const lead of ["yes", "yeah", "yep", "ya", "yea", "oh", "okay", "ok", "alright", "right", "fine"]) expect(accepts(`${lead}, put me down for it.`), lead).toBe(true);
    expect(accepts("Well, put me down for it.")).toBe(false);
  });

  it("does not accept an acknowledgement, a courtesy alone, a hedge or a longer turn", () => {
    for (const sentence of ["Okay.", "Please.", "Thank you.", "Go on.", "Go ahead then.", "Maybe.", "I guess so.", "Yes, but not today.", "Yes please, that would be really very kind of you."]) expect(accepts(sentence), sentence).toBe(false);
  });

  it("accepts a promise to attend, after a yes or an okay, and nothing more", () => {
    for (const yes of ["Okay, I'll be there.", "I will be there.", "Yes, see you then.", "Great, see you there.", "Alright, I'll be there."]) expect(accepts(yes), yes).toBe(true);
    const promises = [
      ["i", "will", "be", "there"], ["i", "ll", "be", "there"], ["i'll", "be", "there"], ["i’ll", "be", "there"],
      ["i", "will", "be", "here"], ["i", "ll", "be", "here"], ["i'll", "be", "here"], ["i’ll", "be", "here"],
      ["see", "you", "then"], ["see", "you", "there"],
    ];
    const wordsOf = (list: readonly string[]) => list.map((word) => ({ lemma: word, value: word }));
    for (const promise of promises) expect(acceptsOffer(wordsOf(promise)), promise.join(" ")).toBe(true);
    expect(attendingPromises).toEqual(promises);
    const leads = ["yes", "yeah", "yep", "yup", "yea", "ya", "okay", "ok", "alright", "sure", "right", "great", "good"];
    for (const lead of leads) expect(acceptsOffer(wordsOf([lead, "see", "you", "then"])), lead).toBe(true);
    expect([...attendingLeads]).toEqual(leads);
    expect(acceptsOffer(wordsOf(["maybe", "see", "you", "then"]))).toBe(false);
    for (const sentence of ["I'll be there if I can.", "Maybe I'll be there.", "I'll be there for her.", "See you.", "Okay, see you then, I guess."]) expect(accepts(sentence), sentence).toBe(false);
  });

  it("accepts a yes naming the time offered, and a time said to suit", () => {
    for (const yes of ["Yeah, Wednesday.", "Yes, next week.", "Yeah, same time.", "Thursday's fine.", "Next week's good."]) expect(accepts(yes), yes).toBe(true);
    for (const no of ["Wednesday.", "Not Wednesday.", "Yeah, but not Wednesday.", "Maybe next week."]) expect(accepts(no), no).toBe(false);
    expect([...suitingTimes]).toEqual(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "same", "time", "next", "week"]);
  });

  it("accepts a sentence saying only that it suits, by every reader", () => {
    for (const using of [reader, tagger, byValue, byLemma]) {
      for (const yes of ["That's fine.", "That is fine.", "Sounds good.", "Perfect, thanks.", "That's fine by me.", "Yeah, that sounds great.", "Lovely.", "Brilliant, thank you."]) expect(accepts(yes, using), `${using.name}: ${yes}`).toBe(true);
    }
    for (const word of suitingWords) expect(accepts(`That's ${word}.`), word).toBe(true);
    // Each word of the frame, as any reader gives it, beside a word that suits.
    const frame = ["that", "be", "is", "s", "'s", "’s", "that's", "that’s", "sound", "sounds", "by", "me", "with", "yes", "yeah", "yep", "ya", "yea", "would", "'d", "’d", "d", "that'd", "that’d", "really", "actually"];
    for (const yes of ["Yes, that would help.", "That'd be really helpful.", "That would be helpful."]) expect(accepts(yes), yes).toBe(true);
    for (const no of ["It would help if you stopped.", "That would not help."]) expect(accepts(no), no).toBe(false);
    for (const word of frame) expect(acceptsOffer([{ lemma: word, value: word }, { lemma: "fine", value: "fine" }]), word).toBe(true);
    expect([...suitingFrame]).toEqual(frame);
    // As long as a confirmation may be, and no longer.
    const fine = { lemma: "fine", value: "fine" };
    expect(acceptsOffer(Array.from({ length: confirmationLength }, () => fine))).toBe(true);
    expect(acceptsOffer(Array.from({ length: confirmationLength + 1 }, () => fine))).toBe(false);
    for (const sentence of ["That's not fine.", "Fine, whatever.", "That's fine I guess.", "It was good.", "That is a good question.", "That's fine, that's fine, that's fine."]) expect(accepts(sentence), sentence).toBe(false);
  });
});
