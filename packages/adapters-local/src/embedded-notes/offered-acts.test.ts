/** What an "Agreed" line may quote when no proposal phrase names it: an act offered, stated, not the therapist's own story. Sentences written for the test. */
import { describe, expect, it } from "vitest";
import { isAsked, isOwnAccount, isQuestionInForm, offersAct, offersInLaterClause, praisesAnAct, sharesWhatHelped } from "./offered-acts.ts";
import { readSegment } from "./segment-reader.ts";

const sentence = (text: string) => readSegment({ id: "t", speaker: "T", startMs: 0, text }, "therapist").sentences[0]!;
const offers = (text: string) => offersAct(sentence(text));

describe("offersAct: an act offered to the patient", () => {
  it("takes an imperative, after openers, and 'you' with a modal of offering before an act", () => {
    for (const text of ["Maybe do a short walk after lunch.", "Try the breathing before bed.", "Definitely take a day for yourself!", "You can pet it any time.", "Then you could ring the helpline.", "You might write it down."]) {
      expect(offers(text), text).toBe(true);
    }
  });

  it("takes an imperative that opens a later clause of the sentence, after a comma, 'so' or 'then'", () => {
    for (const text of ["Walking clears the head, maybe go round the park with your sister.", "You sound worn out, so rest this evening.", "When the panic comes, breathe out slowly for a count of six."]) {
      expect(offers(text), text).toBe(true);
    }
    // A later clause that is a list of the speaker's acts, a past verb or a courtesy offers nothing.
    for (const text of ["I read at night, watch films and sleep well.", "She came home, made dinner and slept.", "Thanks for sharing, take care."]) {
      expect(offers(text), text).toBe(false);
    }
  });

  it("finds an act offered in a later clause of the speaker's own account, which is still no offered act", () => {
    const text = "I find the evenings easier outside, so try a walk after tea.";
    expect(offersInLaterClause(sentence(text))).toBe(true);
    expect(offers(text)).toBe(false);
    expect(offersInLaterClause(sentence("Try a walk after tea."))).toBe(false);
    expect(offersInLaterClause(sentence("I find the evenings easier outside, so do you?"))).toBe(false);
  });

  it("takes an act, named by a verb in '-ing', called a good idea as offered — not negated, not a thing", () => {
    for (const text of ["Reading up on workouts online is a great idea.", "So taking a break from the news could be a really good idea.", "Writing to the council would be a smart idea."]) {
      expect(offers(text), text).toBe(true);
    }
    for (const text of ["Quitting your course now is not a good idea.", "Shouting at him isn't a great idea.", "A guide dog is a great idea.", "Nothing is a good idea when you are that tired.", "Thinking about it, I have no idea."]) {
      expect(praisesAnAct(sentence(text).tokens.filter((token) => /\p{L}/u.test(token.value))), text).toBe(false);
    }
  });

  it("takes no encouragement to keep going as an act, but keeping trying at a named act is one", () => {
    for (const text of ["Keep pushing!", "Just keep pressing forward.", "Keep going."]) expect(offers(text), text).toBe(false);
    expect(offers("Keep trying to call the housing office every morning.")).toBe(true);
  });

  it("takes no attitude as an act: relaxing, keeping calm or positive — but keeping a diary is one", () => {
    for (const text of ["Relax and take it slowly.", "Keep calm and relax.", "Just keep positive through the week."]) {
      expect(offers(text), text).toBe(false);
    }
    expect(offers("Keep a diary of the nights you sleep badly.")).toBe(true);
  });

  it("never takes a question, the speaker's own account or reported words", () => {
    expect(offers("Could you try some slow breathing?")).toBe(false);
    expect(offers("I sometimes force myself to exercise when I get sleepy.")).toBe(false);
    expect(offers("Well, I have heard of mindfulness but never tried it.")).toBe(false);
    expect(offers("We all make mistakes, you can learn from them.")).toBe(false);
    expect(offers("But you don't have to tell yourself, “you can do it.”")).toBe(false);
  });

  it("never takes encouragement, a courtesy, an act of the session, a negated or '-ing' verb as an imperative", () => {
    for (const text of ["Enjoy making the chart, too!", "Be proud of yourself.", "Take care of yourself.", "See you tomorrow.", "Let me see if I understand.", "Don't worry about it.", "Being kind to yourself matters."]) {
      expect(offers(text), text).toBe(false);
    }
  });

  it("never takes information, a reflection, a wish, a prediction or a state for an offered act", () => {
    for (const text of ["It releases endorphins which can calm you.", "It sounds like your sister could be a great support.", "You'd like to be accepting of yourself.", "You'll be alone with a heavy burden.", "If you feel angry, you can be angry.", "You can't go back there.", "You have grounds for a complaint."]) {
      expect(offers(text), text).toBe(false);
    }
  });
});

describe("sharesWhatHelped: the speaker's own way of coping", () => {
  it("takes the speaker's account of what helped them, or a sentence opening on what helped", () => {
    for (const text of ["I found that a short swim after work helped me a lot.", "What helped me was keeping a tally of small wins.", "For me, cutting the news to once a day really helped.", "I bake on Sundays and it calms me down."]) {
      expect(sharesWhatHelped(sentence(text)), text).toBe(true);
    }
  });

  it("never takes a question, help given to someone else, or what helped told of the patient", () => {
    for (const text of ["Has anything helped you a lot?", "I hope this really helps you.", "Your routine is really helping your kids.", "I went for a run today."]) {
      expect(sharesWhatHelped(sentence(text)), text).toBe(false);
    }
  });
});

describe("the parts of the rule", () => {
  it("reads a question by its last mark, and an own account by its first word after openers", () => {
    expect(isAsked(sentence("Have you tried a hot shower?"))).toBe(true);
    expect(isAsked(sentence("Try reading."))).toBe(false);
    expect(isOwnAccount(sentence("Anyway, I hope I have been able to help."))).toBe(true);
    expect(isOwnAccount(sentence("My evenings tend to be calmer."))).toBe(true);
    expect(isOwnAccount(sentence("Maybe you could try it."))).toBe(false);
  });
});

describe("isQuestionInForm: a question with or without its mark", () => {
  it("reads a question run into a statement, as speech recognition gives it", () => {
    for (const text of ["so you've seen it done what would help you keep to two", "who else could you call", "your gp wants the blood tests would you be willing to book that in", "the office is open till five could you try ringing them today", "and did u manage to sleep"]) {
      expect(isQuestionInForm(sentence(text)), text).toBe(true);
    }
  });

  it("reads an auxiliary and 'you' after a clause as a question only where the sentence has no mark at all", () => {
    expect(isQuestionInForm(sentence("maybe try some yoga, have you tried it before"))).toBe(false);
    expect(isQuestionInForm(sentence("maybe try some yoga have you tried it before"))).toBe(true);
  });

  it("reads no question in an auxiliary and 'you' after a subject or a word of comparison, nor in 'you' too far after a question word", () => {
    for (const text of ["i have you down for tuesday", "you should try it and so should you", "it will help more than would you think", "what would really help is that you rest", "we can book you in on monday"]) {
      expect(isQuestionInForm(sentence(text)), text).toBe(false);
    }
  });
});
