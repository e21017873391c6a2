/**
 * A plan agreed by accepting the therapist's offer to arrange something: the therapist asks
 * whether to set up an act for the patient after the session ("Would you like me to refer you
 * today?", "Shall I book you in for next Tuesday?", "Can I send you the leaflet?", or "I'd like to
 * see you again on Thursday. How does that sound?") and the patient's next turn opens with a plain
 * yes ("Yes, please.") or says it suits ("That's fine."). The referral, the booking or the
 * letter is then agreed, as a proposal taken up is. So is an act the therapist asks the patient's
 * willingness to do ("Would you be willing to keep a diary?" — "Yes."). Offers to say more in the session ("Would you
 * like me to tell you more?", "Can I ask you something?", "Can I make a suggestion?") arrange
 * nothing. This is the rule's data and its reading; core's plan check and the embedded writer read
 * an offer and its acceptance so.
 */

import { actFillers, confirmationLength, confirmsPlainly, summaryNonActs } from "./confirmed-summary.ts";
import { is, type MatchedWord, pastWords, weekdays } from "./word-match.ts";

/** Openings of a question offering the therapist's act for the patient, word by word (by lemma or as said): "would you like me to", "shall I", "is it okay if I". */
export const offerOpenings: readonly (readonly string[])[] = [
  ["would", "you", "like", "me", "to"],
  ["do", "you", "want", "me", "to"],
  ["would", "you", "want", "me", "to"],
  ["would", "you", "be", "happy", "for", "me", "to"],
  ["shall", "i"],
  ["should", "i"],
  ["can", "i"],
  ["could", "i"],
  ["would", "it", "be", "okay", "if", "i"],
  ["would", "it", "be", "alright", "if", "i"],
  ["is", "it", "okay", "if", "i"],
  // "is", as a reader that gives lemmas reads it.
  ["be", "it", "okay", "if", "i"],
  ["would", "it", "help", "if", "i"],
];
/** Words that may lead an offer: "So, shall I book you in?", "Okay, would you like me to…". */
export const offerLeads: ReadonlySet<string> = new Set(["so", "and", "okay", "ok", "well", "now", "then", "alright", "right"]);
/** Words that may stand between the opening and the act: "Shall I just book you in?". */
const offerFillers: ReadonlySet<string> = new Set(["just", "also", "go", "ahead", "and"]);
/**
 * Acts of arranging something for the patient after the session: a referral, a booking, a letter, a
 * call; with their past forms, as "if I" takes them ("Would it be okay if I wrote to your GP?").
 * "Make" only with what it arranges after it (`madeArrangements`); "let" only as letting someone
 * know (`knowReach`: "Shall I let your GP know?", not "Can I let you go early?").
 */
export const arrangingActs: ReadonlySet<string> = new Set([
  "refer", "book", "arrange", "schedule", "send", "print", "email", "sign", "set", "order", "contact", "organise", "organize", "call", "ring", "phone", "text", "write", "put", "make", "do", "see", "let",
  "referred", "booked", "arranged", "scheduled", "sent", "printed", "emailed", "signed", "ordered", "contacted", "organised", "organized", "called", "rang", "phoned", "texted", "wrote", "made", "did", "saw",
]);
/** What "give you a …" arranges: "I'll give you a ring", "…a call", "…a bell". */
export const callsGiven: ReadonlySet<string> = new Set(["ring", "call", "bell"]);
/** Verbs of speaking to someone for the patient, with `speakingTo` after them: "Shall I talk to your head of year?", "Would you like me to speak with the housing officer?" ("have a word with" too). */
export const speakingActs: ReadonlySet<string> = new Set(["talk", "speak"]);
export const speakingTo: ReadonlySet<string> = new Set(["to", "with"]);
/** Who "let … know" tells in the session, not arranged for: "Would it help if I let you know what it's like?". */
export const toldInSession: ReadonlySet<string> = new Set(["you", "me"]);
/** How many words after "let" its "know" may come: "let the group facilitator, Ann, know" (five). */
export const knowReach = 5;
/** "See" and its past form: an arranging act only as seeing the patient again at a time (`seenAgain`). */
const seeForms: ReadonlySet<string> = new Set(["see", "saw"]);
/** Words that make "see you" a session to come, within the next four words: "see you again on Thursday", "see you next week" — not "Can I see your list?". */
export const seenAgain: ReadonlySet<string> = new Set(["again", "next", "on", "in", "tomorrow", "weekly", "fortnightly", ...weekdays]);
/** "Make" and "do", and their past forms: an arranging act only with what it arranges after it ("Shall I do the referral now?", not "Shall I do that?"). */
const makeForms: ReadonlySet<string> = new Set(["make", "made", "do", "did"]);
/** What "make" or "do" arranges, within the next four words: "Shall I make you an appointment?", "Would you want me to do a prescription?", not "Can I make a suggestion?". */
export const madeArrangements: ReadonlySet<string> = new Set(["appointment", "referral", "booking", "prescription", "script"]);
/** How many words after "make" what it arranges may come: "make you an appointment" (three). */
const madeReach = 4;

/** True when the words, after leads, open with one of `openings` and go on, past fillers, to an act of `arrangingActs` ("make" only with what it arranges). */
function opensArranging(words: readonly MatchedWord[], openings: readonly (readonly string[])[]): boolean {
  const from = pastWords(words, 0, offerLeads);
  return openings.some((opening) => {
    if (!opening.every((part, offset) => is(words[from + offset], part))) return false;
    const at = pastWords(words, from + opening.length, offerFillers);
    // "Shall I talk to your head of year?", "…have a word with Mr Hall?": speaking to someone else for the patient; "Can I talk to you about…?" is the session.
    const speaking = is(words[at], "have") && is(words[at + 1], "a") && is(words[at + 2], "word") ? at + 3 : is(words[at], speakingActs) ? at + 1 : -1;
    if (speaking !== -1) return is(words[speaking], speakingTo) && words[speaking + 1] !== undefined && !is(words[speaking + 1], toldInSession);
    // "I'll give you a ring on Friday. Is that okay?": a call arranged.
    if (is(words[at], "give") && is(words[at + 1], "you") && is(words[at + 2], "a")) return is(words[at + 3], callsGiven);
    if (!is(words[at], arrangingActs)) return false;
    if (is(words[at], seeForms)) return is(words[at + 1], "you") && words.slice(at + 2, at + 2 + madeReach).some((word) => is(word, seenAgain));
    // "Would it help if I let you know…?" tells the patient something; letting someone else know arranges it.
    if (is(words[at], "let")) return !is(words[at + 1], toldInSession) && words.slice(at + 2, at + 2 + knowReach).some((word) => is(word, "know"));
    return !is(words[at], makeForms) || words.slice(at + 1, at + 1 + madeReach).some((word) => is(word, madeArrangements));
  });
}

/** True when a therapist's sentence offers to arrange something for the patient: after leads, an opening of `offerOpenings`, then an act of `arrangingActs`; or a session to come (`proposesSessionToCome`); or asks the patient's willingness to do an act (`asksWillingness`). */
export function offersToArrange(words: readonly MatchedWord[]): boolean {
  return opensArranging(words, offerOpenings) || proposesSessionToCome(words) || asksWillingness(words);
}

/** Openings of a question asking whether the patient will do an act, word by word (by lemma or as said): "Would you be willing to keep a diary?", "Would you be happy to come back for a blood test?", "Would you consider joining the group?". */
export const willingnessOpenings: readonly (readonly string[])[] = [
  ["would", "you", "be", "willing", "to"],
  ["would", "you", "be", "happy", "to"],
  ["are", "you", "willing", "to"],
  // "are", as a reader that gives lemmas reads it.
  ["be", "you", "willing", "to"],
  ["would", "you", "consider"],
  ["would", "you", "agree", "to"],
  ["will", "you", "commit", "to"],
  ["can", "you", "commit", "to"],
];
/**
 * A modal and "you" right before the act ("Would you take one today?", "Will you try it tonight?",
 * "Could you come in on Thursday?"): asking willingness only when the sentence names a time to come
 * (`askedForWhen`).
 */
export const timedOpenings: readonly (readonly string[])[] = [
  ["would", "you"],
  ["will", "you"],
  ["could", "you"],
  ["can", "you"],
];
/** Acts of reaching for help that a condition sets to come as a day does: "Will you ring the crisis line if it gets worse?". */
export const helpReachingActs: ReadonlySet<string> = new Set(["ring", "call", "phone", "text", "contact", "message"]);
/** Words of a time to come that make "Would you <act>…?" ask the patient's willingness: "Would you take one today?", "Would you ring them this week?". */
export const askedForWhen: ReadonlySet<string> = new Set(["today", "tonight", "tomorrow", "week", "weekend", ...weekdays, "soon"]);

/** Acts of the session itself, which a yes does not take up as a plan: "Would you be willing to tell me more?", "…to talk about it?". */
export const sessionActs: ReadonlySet<string> = new Set(["tell", "share", "describe", "explain", "say", "talk", "elaborate", "expand", "clarify", "discuss", "answer", "ask", "speak"]);
/** Words that point back and name no act: "Would you consider it?" asks only to weigh what was said. */
export const pointingWords: ReadonlySet<string> = new Set(["it", "that", "this", "them", "these", "those"]);
/** Acts of harm, to oneself or someone else: a yes to "would you be willing to hurt him?" agrees no plan (the risk screen reads such words). Not those of everyday acts too: "cut down", "kick the habit", "hit the gym". */
export const harmingActs: ReadonlySet<string> = new Set(["hurt", "harm", "kill", "murder", "punch", "stab", "attack", "slap", "shoot", "strangle", "choke", "overdose"]);
/** Verbs that, before a word pointing back, name the act said before: "try that", "do it", "give it a go" (not "ring them"). */
export const pointingActs: ReadonlySet<string> = new Set(["try", "do", "give", "attempt"]);
/** Words after "come" that make it coming to a session: "come back", "come in", "come along". */
export const comingBack: ReadonlySet<string> = new Set(["back", "in", "along"]);

/**
 * True when a therapist's sentence, after leads (and after a condition that opens it: "And if it
 * gets worse, will you…"), asks whether the patient will do an act (`willingnessOpenings`; or
 * `timedOpenings`, "Will you…", "Could you…", with a time to come, `askedForWhen`, or a condition and
 * an act of `helpReachingActs`), then, past fillers (`actFillers`), names one: not a state or feeling
 * (`summaryNonActs`: "Would you be willing to be honest with her?"; coming to a session is one,
 * `comingBack`: "…to come back in four weeks?"), an act of the session
 * (`sessionActs`: "Would you be willing to tell me more?"), an act of harm (`harmingActs`:
 * "…to hurt him?"), nor a word pointing back
 * (`pointingWords`: "Would you consider it?") or a verb pointing back with it (`pointingActs`:
 * "Would you be willing to try that?": the act was said before, and a yes takes that up), nor taking
 * what was named before ("Will you take them tonight?", which a screen asks of means). A plain yes to it agrees the act, as
 * one to an offer does.
 */
export function asksWillingness(words: readonly MatchedWord[]): boolean {
  const from = pastWords(words, 0, offerLeads);
  // "Would you take one today?": a modal, "you" and the act, asked for a time to come (`askedForWhen`), or for help reached
  // for on a condition ("Will you ring the crisis line if it gets worse?", `helpReachingActs`).
  const timed = words.some((word) => is(word, askedForWhen));
  const conditioned = words.some((word) => is(word, "if"));
  // "And if it gets worse, will you ring the crisis line?": after a condition that opens the sentence, the question may follow it.
  const starts = is(words[from], "if") ? words.map((_, at) => at) : [from];
  return [...willingnessOpenings, ...timedOpenings].some((opening) => {
    const start = starts.find((at) => opening.every((part, offset) => is(words[at + offset], part)));
    if (start === undefined) return false;
    const at = pastWords(words, start + opening.length, actFillers);
    const act = words[at];
    if (willingnessOpenings.indexOf(opening) === -1 && !timed && !(conditioned && is(act, helpReachingActs))) return false;
    // "Will you take them tonight?": taking what was named before, asked as a means may be asked of, is never agreed as a plan.
    if (is(act, "take") && (is(words[at + 1], pointingWords) || is(words[at + 1], "all"))) return false;
    // "Would you be willing to try that?", "…to give it a go?": the act is what was said before, which a yes takes up as such.
    // "Would you be willing to come back in four weeks?": coming to a session is an act, though "come" alone names none ("come to terms").
    const comesToSession = is(act, "come") && is(words[at + 1], comingBack);
    return act !== undefined && (comesToSession || !is(act, summaryNonActs)) && !is(act, sessionActs) && !is(act, harmingActs) && !is(act, pointingWords) && !(is(act, pointingActs) && is(words[at + 1], pointingWords));
  });
}

/** "Let's" as a reader may give it: "let" then "'s", "s" or "us". */
export const letUs: ReadonlySet<string> = new Set(["'s", "’s", "s", "us"]);
/** Verbs of meeting again: "Let's meet again next Thursday", "let's see each other in a fortnight", "Shall we book the same time next week?". */
export const meetingVerbs: ReadonlySet<string> = new Set(["meet", "see", "talk", "speak", "book"]);

/** Modals that, before "we", ask to do something together: "Shall we meet again in two weeks?". */
export const askingTogether: ReadonlySet<string> = new Set(["shall", "should", "can", "could"]);

/** Words that, right after the verb of meeting, set the session to come by what happens first: "Shall we meet after the restorative meeting?", "Let's talk once you've seen your GP" ("again" is a word of when itself). */
export const meetingAfter: ReadonlySet<string> = new Set(["after", "once"]);

/**
 * True when a therapist's sentence proposes a session to come, as an offer is: after leads, "let's"
 * or "let us" — or a modal asking it together (`askingTogether`) and "we" — then a verb of meeting
 * (`meetingVerbs`, or "check in") and, within the next four words, a word of when (`seenAgain`: "Let's meet again
 * next Thursday", "Shall we meet again in two weeks?"), or right after it a word of
 * `meetingAfter` ("Shall we meet after the meeting?") — not "Let's talk about your week"; or, said
 * short, "same time" or "same day" (`sameSlot`) and a word of when within the next three ("Same
 * time next week?", "Same day, Tuesday at four?").
 */
export function proposesSessionToCome(words: readonly MatchedWord[]): boolean {
  const at = pastWords(words, 0, offerLeads);
  if (is(words[at], "same") && is(words[at + 1], sameSlot)) return words.slice(at + 2, at + 2 + sameTimeReach).some((word) => is(word, seenAgain));
  const after = meetingAt(words, at);
  if (after === -1) return false;
  // "Shall we check in on the homework?": what is checked on, not a day the meeting is on.
  const from = is(words[after - 1], "in") && is(words[after], "on") ? after + 1 : after;
  return is(words[after], meetingAfter) || words.slice(from, after + madeReach).some((word) => is(word, seenAgain));
}

/**
 * Where the words after a proposal to meet start, from `at` — "let's" or a modal and "we"
 * (`askingTogether`), then a verb of meeting or "check in" ("Could we check in…", "Shall we meet…");
 * -1 when the words propose no meeting.
 */
function meetingAt(words: readonly MatchedWord[], at: number): number {
  const together = (is(words[at], "let") && is(words[at + 1], letUs)) || (is(words[at], askingTogether) && is(words[at + 1], "we"));
  // "Shall we check in again in a month?": checking in is meeting.
  const checksIn = is(words[at + 2], "check") && is(words[at + 3], "in");
  if (!together || (!checksIn && !is(words[at + 2], meetingVerbs))) return -1;
  return checksIn ? at + 4 : at + 3;
}

/**
 * True when a question proposes to meet without saying when ("Could we check in, you and me, to see
 * how it's gone?") and the question right after it says when ("How about next Friday at
 * lunchtime?", `seenAgain`): together, a session to come.
 */
function meetingTimedAfter(words: readonly MatchedWord[], next: readonly MatchedWord[] | undefined): boolean {
  const at = pastWords(words, 0, offerLeads);
  return meetingAt(words, at) !== -1 && next !== undefined && next.some((word) => is(word, seenAgain));
}
/** How many words after "same time" its word of when may come: "Same time next week?", "Same time, then, on Thursday?", "Same day, Tuesday at four?". */
const sameTimeReach = 3;
/** What "same" keeps of this session for the next: "Same time next week?", "Same day, Tuesday at four?". */
export const sameSlot: ReadonlySet<string> = new Set(["time", "day"]);

/** How "I would" and "I will" may be read: apart (a tagger's "'d" has the lemma "would"; a plain reader splits off "d", "ll"), or joined, as a reader of whole words keeps "I'd". */
export const iWould: readonly (readonly string[])[] = [["i", "would"], ["i", "d"], ["i'd"], ["i’d"]];
const iWill = [["i", "will"], ["i", "ll"], ["i'll"], ["i’ll"]];
/** Openings of a sentence that offers, as a possibility the patient may take up, what the therapist can arrange: "I can do the referral now.", "I could book you in for Friday." */
const possibleOpenings: readonly (readonly string[])[] = [
  ["i", "can"],
  ["i", "could"],
];
/** Openings of a sentence stating what the therapist would arrange, asked leave for in the next: "I'd like to book you in with your GP. Would that be alright?" */
const statedOpenings: readonly (readonly string[])[] = [
  ...iWould.flatMap((would) => [
    [...would, "like", "to"],
    [...would, "also", "like", "to"],
  ]),
  ...iWill,
  ...possibleOpenings,
  ["let", "me"],
];
/** Questions asking leave for what was just stated, word by word (by lemma or as said, so "is" read as "be" still matches): "Would that be alright?", "Is that okay?", "How does that sound?". */
const leaveAsked: readonly (readonly string[])[] = [
  ["would", "that", "be", "okay"],
  ["would", "that", "be", "ok"],
  ["would", "that", "be", "alright"],
  ["would", "that", "be", "all", "right"],
  ["is", "that", "okay"],
  ["is", "that", "ok"],
  ["is", "that", "alright"],
  ["how", "does", "that", "sound"],
];

/**
 * The sentence of a therapist's turn that offers to arrange something, looking at the sentence at
 * `at`: itself when it offers (`offersToArrange`: "Shall I book you in?") or, when no sentence of
 * the turn asks such an offer, offers it as possible (`possibleOpenings`: "I can do the referral
 * now."); or the one before when
 * it asks leave (`leaveAsked`: "Would that be alright?") for an act that one states
 * (`statedOpenings`: "I'd like to book you in with your GP this week."); -1 when neither.
 */
export function arrangingOfferAt(sentences: readonly (readonly MatchedWord[])[], at: number): number {
  const words = sentences[at];
  if (words === undefined) return -1;
  if (offersToArrange(words) || meetingTimedAfter(words, sentences[at + 1])) return at;
  // "I can do the referral now.": an act offered as possible, when the turn asks no offer of its own ("Would it help if I booked it? I can ring the surgery…" offers the first).
  if (opensArranging(words, possibleOpenings) && !sentences.some(offersToArrange)) return at;
  const from = pastWords(words, 0, offerLeads);
  const asksLeave = leaveAsked.some((question) => question.every((part, offset) => is(words[from + offset], part)));
  return asksLeave && at > 0 && opensArranging(sentences[at - 1]!, statedOpenings) ? at - 1 : -1;
}

/** Words of thanks, leave or assurance an acceptance may add to its yes: "Yes, please.", "Yeah, thank you.", "Yeah, go on then.", "Yes, go ahead.", "Yeah, okay.", "Yes, of course." — never a yes alone ("Okay." may only acknowledge). */
export const acceptingCourtesies: ReadonlySet<string> = new Set(["please", "thanks", "thank", "you", "go", "on", "ahead", "then", "okay", "ok", "alright", "of", "course"]);

/** Acceptances, word by word after `acceptingLeads`, of an offer to arrange something: "Go on then.", "Do it.", "Put me down for that.", "Sign me up." ("Yeah, do that." is a plain confirmation already). */
const acceptingPhrases: readonly (readonly string[])[] = [
  ["go", "on", "then"],
  ["go", "for", "it"],
  ["do", "it"],
  ["put", "me", "down"],
  ["put", "me", "down", "for", "that"],
  ["put", "me", "down", "for", "it"],
  ["sign", "me", "up"],
];

/** Words that accept an arrangement as suiting the patient: "That's fine.", "Sounds good.", "Perfect.", "That would help." */
export const suitingWords: ReadonlySet<string> = new Set(["fine", "good", "great", "perfect", "lovely", "brilliant", "help", "helpful"]);
/** The other words such an acceptance may hold: "That's fine by me", "That sounds great", "Yeah, fine", "That'd be helpful". */
export const suitingFrame: ReadonlySet<string> = new Set(["that", "be", "is", "s", "'s", "’s", "that's", "that’s", "sound", "sounds", "by", "me", "with", "yes", "yeah", "yep", "ya", "yea", "would", "'d", "’d", "d", "that'd", "that’d", "really", "actually"]);
/** Words of the time offered that such an acceptance may name: "Thursday's fine.", "Same time is good.", "Next week's great". */
export const suitingTimes: ReadonlySet<string> = new Set([...weekdays, "tomorrow", "same", "time", "next", "week"]);

/** Words that may open a promise to attend: a yes, or "okay" before it ("Okay, I'll be there."). */
export const attendingLeads: ReadonlySet<string> = new Set(["yes", "yeah", "yep", "yup", "yea", "ya", "okay", "ok", "alright", "sure", "right", "great", "good"]);
/** Words that may lead an acceptance in words of leave or of the act: those that open a promise to attend, and "oh", "fine" ("Oh, go on then.", "Fine, put me down for it."). */
const acceptingLeads: ReadonlySet<string> = new Set([...attendingLeads, "oh", "fine"]);
/** Promises to attend, word by word (by lemma or as said): "I'll be there" in each reading of "I will" (`iWill`), "See you then". */
export const attendingPromises: readonly (readonly string[])[] = [...iWill.map((will) => [...will, "be", "there"]), ...iWill.map((will) => [...will, "be", "here"]), ["see", "you", "then"], ["see", "you", "there"]];

/** True when the words, after leads (`attendingLeads`), are a promise to attend (`attendingPromises`) and nothing more. */
function promisesToAttend(words: readonly MatchedWord[]): boolean {
  const from = pastWords(words, 0, attendingLeads);
  return attendingPromises.some((promise) => from + promise.length === words.length && promise.every((part, offset) => is(words[from + offset], part)));
}

/** Questions that only echo an offer back, accepting it: "Would you?", "Oh, yes, would you?", "Could you?". */
export const echoedOffers: readonly (readonly string[])[] = [
  ["would", "you"],
  ["could", "you"],
  ["can", "you"],
  ["will", "you"],
];
/** Words that may lead an echo: "Oh, yes, would you?". */
export const echoLeads: ReadonlySet<string> = new Set(["oh", "yes", "yeah", "ooh", "really"]);

/**
 * True when a patient's sentence only echoes an offer back (`echoedOffers`, after `echoLeads`):
 * "Would you? That would really help." — the acceptance is the sentence after it.
 */
export function echoesOffer(words: readonly MatchedWord[]): boolean {
  const from = pastWords(words, 0, echoLeads);
  return echoedOffers.some((echo) => from + echo.length === words.length && echo.every((part, offset) => is(words[from + offset], part)));
}

/**
 * True when a patient's sentence accepts an offer plainly: a plain confirmation (`confirmsPlainly`)
 * once its courtesies are left out ("Yes, please.", and with the time offered named: "Yeah,
 * Wednesday."), a sentence saying only that it suits them
 * (`suitingWords`: "That's fine.", "Sounds good.", "Thursday's fine."), or a promise to attend (`promisesToAttend`:
 * "Okay, I'll be there.", "I'll be here."); "Okay." and "Maybe." do not.
 */
export function acceptsOffer(words: readonly MatchedWord[]): boolean {
  // "Go on then.", "Yeah, do that.", "Put me down for that.": taken up in words of leave or of the act itself.
  const from = pastWords(words, 0, acceptingLeads);
  if (acceptingPhrases.some((phrase) => from + phrase.length === words.length && phrase.every((part, offset) => is(words[from + offset], part)))) return true;
  const said = words.filter((word) => !is(word, acceptingCourtesies));
  // "Yeah, Wednesday.": a yes naming the time offered.
  const timeNamed = said.some((word) => is(word, suitingTimes)) && confirmsPlainly(said.filter((word) => !is(word, suitingTimes)));
  if (confirmsPlainly(said) || timeNamed || promisesToAttend(words)) return true;
  return said.length <= confirmationLength && said.some((word) => is(word, suitingWords)) && said.every((word) => is(word, suitingWords) || is(word, suitingFrame) || is(word, suitingTimes));
}
