import { harmingActs, praiseWords } from "@confide/core/adapter-kit";
import { isWord } from "./conversation-fillers.ts";
import { firstWordsOf, mayHold, phraseStarts } from "./lemma-phrases.ts";
import type { ReadSentence, ReadToken } from "./segment-reader.ts";

/**
 * What a therapist's sentence must be for an "Agreed" line to quote it when no proposal phrase
 * names it (the patient only called it "a good idea"): an act offered to the patient, stated, not
 * asked, and not the therapist's own story. The rule's words.
 */

/** Words that may open a sentence before what it says: "Well, …", "Yes, …", "Anyway, …". */
const sentenceOpeners = new Set(["well", "anyway", "yes", "yeah", "so", "and", "also", "oh", "but", "honestly", "ok", "okay", "maybe", "perhaps", "just", "then", "please", "definitely", "really"]);
/** First-person words that, opening a sentence, make it the speaker's own account: "I noticed…", "I tend to…", "my mornings…", "we all…". */
const firstPerson = new Set(["i", "we", "my", "our", "me", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d"]);
/** What after an imperative makes it a courtesy of the session, not an offer: "Take care", "Go ahead", "Go on"; and "your time" ("Take your time"). */
const courtesies = new Set(["on", "ahead", "care"]);

/** True when the words after an imperative's verb (punctuation left out) make it a courtesy (`courtesies`, or "your time"): "Take care", "Take your time" — not "Call your sister". */
export const isCourtesy = ([next, after]: readonly ReadToken[]): boolean => next !== undefined && (courtesies.has(next.lemma) || (next.lemma === "your" && after?.lemma === "time"));
/** Verbs whose imperative encourages or reassures rather than offers an act ("Have some fun with it!", "Be proud of yourself", "Enjoy the weekend", "Hang in there", "Feel free to…", "Relax"), or is no act at all ("Just like that", "And want for yourself"). */
const encouragingVerbs = new Set(["be", "have", "enjoy", "hang", "feel", "know", "like", "want", "relax"]);
/** Modal verbs, which never open an imperative ("Could be worse"). */
const modals = new Set(["can", "could", "will", "would", "shall", "should", "may", "might", "must"]);
/** Parts of speech a verb is read as ("Do a group chat": the lite model reads "do" as an auxiliary): an imperative's, and the one after "you" and its modal that makes the patient the one who acts ("you can pet it"). */
export const verbParts = new Set(["VERB", "AUX"]);
/** Modals by which "you" is offered an act: "you can pet it", "you could ring them", "you might try". Not "you'd like to…" or "you'll be alone": a wish or a prediction, as a reflection says them. */
const offeringModals = new Set(["can", "could", "might", "may", "should"]);
/** Verbs whose imperative is an act of the session, a farewell or thanks: "Let me see if I understand", "See you tomorrow", "Say more", "Thanks for talking today". */
const sessionVerbs = new Set(["let", "see", "say", "tell", "thank"]);

/** Words that, within two words after "you", take the act back: "you don't have to tell yourself…", "you never need to". */
const negations = new Set(["not", "n't", "never", "no"]);

/** Verbs of a state, not an act, after "you": "you have grounds for a complaint", "you are both committed", "if you feel that…". */
const states = new Set(["be", "have", "feel", "know", "seem", "deserve", "look", "sound", "think", "need", "want", "get"]);
/** Quotation marks: a sentence holding one reports words ("tell yourself, “you can do it”"), it offers nothing. */
const quotationMarks = /^["“”„«»]$/;

/** Verbs before a quotation that name what to look up or what a thing is called, not words said: google "sleep hygiene", an app called "Calm". */
const namingVerbs = new Set(["google", "search", "call", "name", "type", "look"]);
/** How many tokens before its opening mark a naming verb may come (`google for "x"`, `look up "x"`). */
const namingReach = 2;

/**
 * True when a sentence holds quotation marks that report words ("tell yourself, “you can do it”"):
 * it offers nothing. Marks opened right after a verb naming what to look up or what a thing is called
 * (`namingVerbs`: google "sleep hygiene") report no one's words.
 */
export const reportsWords = (sentence: ReadSentence): boolean => {
  const tokens = sentence.tokens;
  const marks = tokens.flatMap((token, index) => (quotationMarks.test(token.value) ? [index] : []));
  // Marks pair up: an opening mark at an even place, its closing one after it.
  return marks.some((at, nth) => nth % 2 === 0 && !tokens.slice(Math.max(0, at - namingReach), at).some((token) => namingVerbs.has(token.lemma)));
};

/**
 * Lemma phrases of a good wish, a farewell or a closing courtesy: "Good luck with everything",
 * "Enjoy your tea", "Have a nice evening", "I wish you the best", "Thanks for talking this through",
 * "Happy to help", "I hope I was of help".
 */
const wellWishes = [
  "good luck", "best of luck", "wish you", "rest of your day", "rest of the day", "have a good", "have a nice", "have a great", "have a lovely", "have a wonderful", "enjoy your", "enjoy the rest",
  "thank you for chat", "thank you for talk", "thanks for chat", "thanks for talk", "glad to help", "happy to help", "glad i could help", "glad i can help", "hope i help", "hope i be helpful", "hope i be of help",
];

/** True when a sentence wishes the patient well, says goodbye or closes with a courtesy (`wellWishes`): whatever it holds besides, it offers no act to take up ("Get some rest and good luck!"). */
export const wishesWell = (sentence: ReadSentence): boolean => wellWishes.some((phrase) => phraseStarts(sentence.tokens, phrase).length > 0);

/** Partings that read as an act: "take care of yourself", "look after yourself". */
const partings = ["take care of yourself", "look after yourself"];
/**
 * True when a sentence is only a parting ("ok. take care of yourself and mochi."): it opens with one
 * (`partings`) and names no other act — "Take care of yourself and keep seeing your cousin" does.
 */
export const partsOnly = (sentence: ReadSentence): boolean => {
  const words = sentence.tokens.filter(isWord);
  const found = partings.map((phrase) => ({ length: phrase.split(" ").length, at: phraseStarts(words, phrase)[0] })).find((parting) => parting.at !== undefined);
  if (found?.at === undefined) return false;
  const { at, length } = found;
  return words.slice(0, at).every((word) => sentenceOpeners.has(word.lemma)) && !words.slice(at + length).some((word) => verbParts.has(word.pos));
};

/** True when a sentence ends in a question mark: it asks, whatever it asks about. */
export const isAsked = (sentence: ReadSentence): boolean => sentence.tokens[sentence.tokens.length - 1]?.value === "?";

/** Auxiliaries and modals that, put before "you", ask: "Have you tried…", "Did you call…", "Could you try…". */
const askingVerbs = new Set(["have", "has", "had", "do", "does", "did", "are", "is", "were", "was", "can", "could", "would", "will", "should", "shall"]);
/** How the patient is named after an asking verb: "you", and as typed in chat, "u", "ya". */
const askedPeople = new Set(["you", "u", "ya"]);

/** Words that, before "about", ask: "How about a walk after lunch", typed without the mark. */
const aboutAskers = new Set(["how", "what"]);
/** Question words that, before an asking verb and "you", ask wherever they stand: "…and if the thoughts get stronger who could you call". */
const questionWords = new Set(["who", "what", "where", "when", "how", "which", "why"]);

/**
 * True when a sentence is put as a question, whatever its closing mark: it opens (after
 * `sentenceOpeners`) with an auxiliary or a modal and then "you" — "Have you tried the library for
 * quiet", typed without the mark — or with "how about" / "what about", holds a question word, an
 * auxiliary or a modal and "you" anywhere ("and if the thoughts get stronger who could you call",
 * "who else could you call"), or, in a sentence with no mark at all as speech recognition gives
 * it, "what" or "how", an auxiliary and "you" within two words ("…what would help you keep to
 * two") or an auxiliary and "you" after a clause ("…the blood tests would you be willing to book
 * that in"; not after a subject, "I have you down for Tuesday"), or it ends in a question mark
 * (`isAsked`).
 */
export function isQuestionInForm(sentence: ReadSentence): boolean {
  if (isAsked(sentence)) return true;
  const words = sentence.tokens.filter(isWord);
  const first = openingWord(sentence.tokens);
  if (first === undefined) return false;
  const next = words[words.indexOf(first) + 1]?.value.toLowerCase();
  if (next === undefined) return false;
  if ((askingVerbs.has(first.value.toLowerCase()) && askedPeople.has(next)) || (aboutAskers.has(first.value.toLowerCase()) && next === "about")) return true;
  // Speech recognition gives no mark and the question may follow a clause: "and if it gets worse who could you call".
  const said = words.map((word) => word.value.toLowerCase());
  // "who else could you call": "else" may follow the question word.
  const asksWithWord = said.some((word, at) => {
    if (!questionWords.has(word)) return false;
    const verb = said[at + 1] === "else" ? at + 2 : at + 1;
    return askingVerbs.has(said[verb] ?? "") && askedPeople.has(said[verb + 1] ?? "");
  });
  if (asksWithWord) return true;
  // Speech recognition's form, no mark of any kind. Typed, a question asked after a proposal ("maybe try some yoga, have you tried
  // it") leaves the proposal stated, and "which" or "who" may open a clause of a statement ("journaling, which can help you").
  if (sentence.tokens.some((token) => token.pos === "PUNCT")) return false;
  return said.some(
    (word, at) =>
      // "so you've seen it done what would help you keep to two": "what" or "how", an auxiliary, and "you" within two words.
      (openingAskers.has(word) && askingVerbs.has(said[at + 1] ?? "") && said.slice(at + 2, at + 2 + askedReach).some((later) => askedPeople.has(later))) ||
      // "…repeat the blood tests would you be willing to book that in": an auxiliary and "you" after a clause, not after a subject ("I have you down for Tuesday", "so do you").
      (at > 0 && askingVerbs.has(word) && askedPeople.has(said[at + 1] ?? "") && !statingBefore.has(said[at - 1]!)),
  );
}

/** Question words that, unmarked, open a question after a clause with a verb before "you": "what would help you", "how does that leave you". */
const openingAskers = new Set(["what", "how"]);
/** Within how many words after the question word's auxiliary "you" may come: "what would help you" (two). */
const askedReach = 2;
/** Words before an auxiliary and "you" that make them a statement: a subject ("I have you down"), "so do you", "than you", "if you". */
const statingBefore = new Set(["i", "we", "they", "he", "she", "it", "that", "this", "so", "neither", "nor", "as", "than", "if", "what", "which", "who"]);

/** The first word of a sentence after its openers (`sentenceOpeners`), or undefined. */
function openingWord(tokens: readonly ReadToken[]): ReadToken | undefined {
  return tokens.filter(isWord).find((token) => !sentenceOpeners.has(token.lemma) && !sentenceOpeners.has(token.value.toLowerCase()));
}

/** True when a sentence opens in the first person (`firstPerson`): the speaker's own account, whatever follows. */
export function isOwnAccount(sentence: ReadSentence): boolean {
  const first = openingWord(sentence.tokens);
  return first !== undefined && (firstPerson.has(first.value.toLowerCase()) || firstPerson.has(first.lemma));
}

/** Lemma phrases by which the speaker says what helped them: "it really helped me", "what works for me", "it calms me down". */
const helpedPhrases = ["help me", "really help .", "really help me", "help a lot", "work for me", "work well for me", "make me feel good", "make me feel better", "calm me", "relax me", "do wonder"];
/** Openings of a sentence that tell what helped the speaker without opening in the first person: "What helped me was…", "For me, walking helped". */
const helpedOpenings = ["what help me", "what work for me", "what really help me", "for me"];

/**
 * True when the speaker tells what helped them cope (`helpedPhrases`), in their own account
 * (`isOwnAccount`: "I found that walking at lunch helped me a lot") or opening so ("What helped
 * me was…"); not asked. A therapist sharing it discusses a way of coping: a strategy, not a
 * proposal an assent agrees to.
 */
export function sharesWhatHelped(sentence: ReadSentence): boolean {
  if (isAsked(sentence)) return false;
  const tokens = sentence.tokens.filter(isWord);
  const opens = helpedOpenings.some((phrase) => phraseStarts(tokens, phrase).includes(0));
  return (opens || isOwnAccount(sentence)) && helpedPhrases.some((phrase) => phraseStarts(sentence.tokens, phrase).length > 0);
}

/** Marks and words after which a new clause opens: "Exercise helps, maybe go for walks", "you sound tired, so rest tonight". */
const clauseBoundaries = new Set([",", ";", ":", "-", "–", "—", "so", "then"]);

/** The first word of the sentence and of each clause after a boundary (`clauseBoundaries`), openers (`sentenceOpeners`) skipped. */
function clauseOpenings(tokens: readonly ReadToken[]): ReadToken[] {
  const starts = [0, ...tokens.flatMap((token, index) => (clauseBoundaries.has(token.value.toLowerCase()) ? [index + 1] : []))];
  return starts.map((start) => openingWord(tokens.slice(start))).filter((token): token is ReadToken => token !== undefined);
}

/**
 * True when `first` opens an imperative: a verb in its base form, not a modal, encouragement
 * (`encouragingVerbs`) or of the session (`sessionVerbs`), followed by a word that is not a
 * courtesy ("Take care") nor a negation ("Don't wanna do that"), and not in "-ing"; "keep" and an
 * adjective keeps an attitude ("keep calm").
 */
function opensImperative(first: ReadToken, words: readonly ReadToken[]): boolean {
  if (!verbParts.has(first.pos) || modals.has(first.lemma) || encouragingVerbs.has(first.lemma) || sessionVerbs.has(first.lemma) || first.value.toLowerCase() !== first.lemma) return false;
  const rest = words.slice(words.indexOf(first) + 1);
  const next = rest[0];
  // "Keep calm", "keep positive": an attitude kept, not an act ("keep a diary" is one).
  if (first.lemma === "keep" && next?.pos === "ADJ") return false;
  return next !== undefined && !isCourtesy(rest) && !negations.has(next.lemma) && !/ing$/i.test(first.value);
}

/**
 * True when a later clause of a sentence opens an imperative (`clauseOpenings`, `opensImperative`),
 * even in the speaker's own account: "I feel better outdoors, so try that more often". Not enough
 * for a proposal an "Agreed" line quotes as agreed (`offersAct` holds an own account to offer
 * nothing); it says which sentence of a turn a patient's "I will try that" points at.
 */
export function offersInLaterClause(sentence: ReadSentence): boolean {
  if (isAsked(sentence) || reportsWords(sentence)) return false;
  const words = sentence.tokens.filter(isWord);
  return clauseOpenings(sentence.tokens).slice(1).some((first) => opensImperative(first, words));
}

/** Ways of asking the patient to tell the therapist how it went ("let me know", "get back in touch with me"), as lemma phrases. */
const reportingBack = ["let me know", "let me hear", "keep me post", "keep me update", "update me", "get back to me", "get back in touch with me", "get in touch with me", "reach out to me", "come back to me", "tell me how"];
const reportingFirstWords = firstWordsOf(reportingBack);
/** How many tokens after a proposal phrase or an imperative's first word the act may start ("Make sure to come back to me"). */
const actWithin = 4;

/**
 * Verbs of speaking in the session itself: asking the patient to tell, describe or explain ("Maybe
 * you could tell me about how much you drank", "How about friendship?"), or agenda — never a plan.
 */
export const sessionSpeakingVerbs = new Set(["tell", "share", "describe", "explain", "say", "talk", "elaborate", "expand", "clarify", "give", "walk", "discuss", "hear", "know", "ask", "understand"]);
/** How far into its sentence an ask to speak now is read ("Maybe you could tell me about…"); later, "told me" is part of what is proposed ("tell Graham what you just told me"). */
const askingWithin = 6;

/**
 * True when a sentence asks the patient to speak now, within its first `askingWithin` words: a
 * verb of `sessionSpeakingVerbs` before "me", "us" or "more", or "to" or "with" and "me" or "us"
 * ("Tell me more", "talk to me about…", "could you share more"). Neither a proposal nor an act offered.
 */
export function asksToSpeakNow(words: readonly ReadToken[]): boolean {
  const toTherapist = (index: number) => ["me", "us", "more"].includes(words[index + 1]?.lemma ?? "") || (["to", "with"].includes(words[index + 1]?.lemma ?? "") && ["me", "us"].includes(words[index + 2]?.lemma ?? ""));
  return words.slice(0, askingWithin).some((token, index) => sessionSpeakingVerbs.has(token.lemma) && toTherapist(index));
}

/** Verbs of working a chat's screen: "press quit", "click the button", "select the exit". */
const screenVerbs = new Set(["press", "click", "hit", "select", "tap", "push"]);
/** What on a chat's screen such a verb works ("hit the gym" is no control). */
const screenControls = new Set(["quit", "finish", "button", "exit", "submit", "end"]);
/** How many words after its verb a screen control may come: "press the quit button". */
const controlReach = 3;

/**
 * True when words work the chat's screen — a verb of `screenVerbs` with a control of
 * `screenControls` within `controlReach` words after it ("could you hit the end button", "I'm going to
 * click exit now"): ending the session, never a plan or a proposal.
 */
export function worksTheScreen(tokens: readonly ReadToken[]): boolean {
  return tokens.some((token, at) => screenVerbs.has(token.lemma) && tokens.slice(at + 1, at + 1 + controlReach).some((after) => screenControls.has(after.lemma) || screenControls.has(after.value.toLowerCase())));
}

/**
 * True when the act a proposal phrase opens at `from` is telling the therapist how it went
 * ("Please make sure you let me know if it helped"): a part of the sessions, not a strategy or a
 * plan of the patient's.
 */
export function reportsBack(tokens: readonly ReadToken[], from: number): boolean {
  if (!mayHold(tokens, reportingFirstWords)) return false;
  return reportingBack.some((phrase) => phraseStarts(tokens, phrase).some((start) => start >= from && start - from <= actWithin));
}

/** What "you can do" ends on when it encourages: "You can do this!", "you can do it". */
const encouragedThings = new Set(["it", "this", "that"]);
/** Words before "you" that make its clause part of another ("Be proud of what you can do"): nothing is offered in it. */
const relativeWords = new Set(["what", "whatever", "which", "how"]);
/** Verbs of a state of mind, not an act: "don't stress", "believe in yourself", "remember your strengths". */
const mindVerbs = new Set(["stress", "worry", "panic", "overthink", "dwell", "believe", "remember"]);
/** Verbs that, with a word of a state after them, keep an attitude: "be confident", "stay positive", "keep calm", "remain strong". */
const keepingVerbs = new Set(["be", "stay", "remain", "keep"]);
/** Verbs that, with "yourself" after them, turn to how the patient sees themself: "work on yourself", "be kind to yourself", "appreciate yourself", "remind yourself that…". */
const selfRegardVerbs = new Set(["work", "improve", "believe", "appreciate", "love", "forgive", "accept", "be", "remind"]);
/** What "keep" takes when it encourages going on, not an act kept up: "keep pushing", "keep pressing forward". */
const keptEfforts = new Set(["pushing", "pressing", "going", "fighting", "trying", "moving", "persevering", "persisting"]);
/** Words after a kept effort that still name no act: "keep pressing forward", "keep going on". */
const onwards = new Set(["forward", "forwards", "on", "ahead"]);
/** What "give yourself" grants when it is regard, not an act: "give yourself more credit", "give yourself a break". */
const selfGrants = new Set(["credit", "break", "permission", "grace", "pat"]);
/** Words of outlook whose presence in an act makes it one of attitude: "focus on positivity", "avoid negative vibes", "get your courage back". */
const outlookWords = new Set(["positivity", "negativity", "vibes", "mood", "mindset", "attitude", "spirit", "courage", "flow"]);
/** Words that, after "your", make an act one of outlook: "keep your mind off it", "clear your mind" ("keep that in mind" keeps something in mind, to confirm). */
const yourOutlook = new Set(["mind"]);
/** Words after "think", "focus", "find" or "look" that make it an outlook: "think positive", "focus on the positive", "look on the bright side", "find some good in it" ("good" not as an adjective: "find a good therapist" is an act). */
const outlookAfter = new Set(["positive", "positively", "positivity", "bright", "good"]);
const outlookVerbs = new Set(["think", "focus", "find", "look"]);
/** True when the words after "take" pace the patient, "(it) one step / day at a time" or "a step back", rather than name an act. */
const stepsPaced = (lemmas: readonly string[]) => {
  const step = lemmas.findIndex((lemma) => lemma === "step" || lemma === "day");
  return step !== -1 && step <= 2 && (lemmas[step + 1] === "back" || lemmas.slice(step + 1, step + 4).join(" ") === "at a time");
};
/** Words skipped before the verb of an act: "just stay calm", "try to believe", "really". */
const beforeVerb = new Set(["just", "try", "to", "also", "really", "always", "almost", "nearly", "even", "still", "simply", "you", "not", "n't", "do"]);

/**
 * True when the act that starts at `from` (a proposal phrase's end, an imperative's verb) is an
 * attitude rather than an act: a state of mind (`mindVerbs`: "don't stress"), being or staying in
 * a state ("be confident", "stay positive", "keep your head up", "keep pushing"), letting go or letting it get to you, regard for
 * oneself ("work on yourself", "appreciate yourself", "remind yourself", "give yourself credit"), an outlook (`outlookWords`: "avoid negative
 * vibes", "go with the flow"; "think positive", "look on the bright side", "find some good in it") or coming to terms. An assent to it agrees to no plan.
 */
export function keepsAttitude(tokens: readonly ReadToken[], from: number): boolean {
  let at = from;
  while (at < tokens.length && at - from <= actWithin && beforeVerb.has(tokens[at]!.lemma)) at += 1;
  const verb = tokens[at];
  if (verb === undefined || !verbParts.has(verb.pos)) return false;
  const after = tokens.slice(at + 1, at + 1 + actWithin);
  const lemmas = after.map((token) => token.lemma);
  // "Remember to pace yourself": the act is what follows "to".
  if (verb.lemma === "remember" && lemmas[0] === "to") return keepsAttitude(tokens, at + 2);
  if (mindVerbs.has(verb.lemma)) return true;
  // "Stay positive", "remain focused", "be prepared", "be as direct as you can": a state kept, said by an adjective or a participle.
  // Not "be able to find a group", "be sure to call": an act said after the adjective.
  const stateWord = after[0]?.lemma === "as" ? after[1] : after[0];
  const actAfter = stateWord !== undefined && after[after.indexOf(stateWord) + 1]?.lemma === "to";
  if (keepingVerbs.has(verb.lemma) && stateWord !== undefined && !actAfter && (stateWord.pos === "ADJ" || (verb.lemma !== "keep" && /ed$/i.test(stateWord.value)))) return true;
  // "Keep pushing", "keep pressing forward", "keep going": encouragement to go on, no act named ("keep trying to call her" names one).
  if (verb.lemma === "keep" && keptEfforts.has(after[0]?.value.toLowerCase() ?? "") && (after[1] === undefined || !isWord(after[1]) || onwards.has(after[1].lemma))) return true;
  // "Keep it up", "keep up the good work": praise for going on, no act named.
  if (verb.lemma === "keep" && ((["it", "that"].includes(lemmas[0] ?? "") && lemmas[1] === "up") || (lemmas[0] === "up" && lemmas.includes("work")))) return true;
  // "Take it one step at a time", "take a step back": a pace or a distance kept, no act named.
  if (verb.lemma === "take" && stepsPaced(tokens.slice(at + 1, at + 8).map((token) => token.lemma))) return true;
  // "Keep your head up", "keep my chin up": an outlook kept.
  if (verb.lemma === "keep" && lemmas.slice(0, 3).some((lemma) => lemma === "head" || lemma === "chin") && lemmas.slice(1, 4).includes("up")) return true;
  if (verb.lemma === "let" && (lemmas.includes("go") || lemmas.includes("get"))) return true;
  if (selfRegardVerbs.has(verb.lemma) && lemmas.slice(0, 3).includes("yourself")) return true;
  if (verb.lemma === "give" && lemmas[0] === "yourself" && lemmas.slice(1, 4).some((lemma) => selfGrants.has(lemma))) return true;
  if (verb.lemma === "come" && lemmas[0] === "to" && lemmas[1] === "term") return true;
  // "good" before a noun is an adjective of what is found ("find a good therapist"), not the good found.
  const outlook = (token: ReadToken, at: number) => outlookAfter.has(token.lemma) && !(token.lemma === "good" && ["NOUN", "PROPN", "ADJ"].includes(after[at + 1]?.pos ?? ""));
  if (outlookVerbs.has(verb.lemma) && after.slice(0, 3).some(outlook)) return true;
  const words = [verb, ...after];
  return words.some((token, index) => outlookWords.has(token.lemma) || outlookWords.has(token.value.toLowerCase()) || (yourOutlook.has(token.lemma) && words[index - 1]?.lemma === "your"));
}

/**
 * True when a clause of the sentence proposes an attitude (`keepsAttitude`) in an imperative or its
 * negation: "Don't let this get to you", "Just be confident of yourself", "Keep that positivity".
 */
export function proposesAttitude(sentence: ReadSentence): boolean {
  // An imperative: its opening word said in its base form ("Stay…", "Don't…"), not "Running lifts the mood".
  return clauseOpenings(sentence.tokens).some((first) => first.value.toLowerCase().replace(/n't$/, "") === first.lemma && keepsAttitude(sentence.tokens, sentence.tokens.indexOf(first)));
}

/** True when a clause of the sentence asks the patient to tell the therapist how it went (`reportsBack`): "Try it, and be sure to get back to me". */
export function asksToReportBack(sentence: ReadSentence): boolean {
  return clauseOpenings(sentence.tokens).some((first) => reportsBack(sentence.tokens, sentence.tokens.indexOf(first)));
}

/** What the reader may tag an opening verb in "-ing" as, besides a verb. */
const gerundTags = new Set(["NOUN", "PROPN"]);

/** How many words after the "be" that follows the act the praise of it may come: "would be a really good idea". */
const praiseReach = 4;

/**
 * True when the sentence opens on an act, named by a verb in "-ing", and calls it a good idea:
 * "Reading up on workouts online is a great idea", "So taking a break could be a good
 * idea". Not negated ("Quitting now is not a good idea"), and not a thing ("A guide dog is a
 * great idea": no act).
 */
export function praisesAnAct(words: readonly ReadToken[]): boolean {
  const at = words.findIndex((word) => !sentenceOpeners.has(word.lemma));
  const first = words[at];
  // The reader may tag an opening "-ing" word as a noun or a name ("Reading up on it…"); one before a noun names a thing ("Morning walks…"), as "-thing" does ("Nothing").
  if (first === undefined || !/ing$/i.test(first.value) || /thing$/i.test(first.value)) return false;
  if (first.pos !== "VERB" && !(gerundTags.has(first.pos) && !gerundTags.has(words[at + 1]?.pos ?? ""))) return false;
  const idea = words.findIndex((word) => word.lemma === "idea");
  const be = words.slice(0, idea).findLastIndex((word) => word.lemma === "be");
  if (idea === -1 || be === -1 || idea - be > praiseReach) return false;
  const between = words.slice(be + 1, idea);
  // Core's `praiseWords`: "…is a great idea", "…a sensible idea".
  return between.some((word) => praiseWords.has(word.lemma)) && !between.some((word) => negations.has(word.lemma)) && !negations.has(words[be - 1]?.lemma ?? "");
}

/**
 * True when a sentence offers the patient an act: stated, not asked (`isAsked`), not the
 * speaker's own account (`isOwnAccount`), and either an imperative — its opening word a verb in
 * its base form, opening the sentence or a clause of it (`clauseOpenings`: "Walking helps, maybe go
 * with a friend"), not a courtesy ("Maybe do a group chat", not "Take care") nor encouragement
 * (`encouragingVerbs`: "Have some fun with it!") nor of the session (`sessionVerbs`: "See you
 * tomorrow") nor telling the therapist how it went (`reportsBack`: "Let me know how it goes") — or "you" and a modal of offering (`offeringModals`) before a verb of an act, not
 * negated ("you can pet it", "you could ring them"; not "you can't go", "you'd like to…", "you can
 * be angry"), not in a clause of another ("Be proud of what you can do": `relativeWords`); never an
 * attitude (`keepsAttitude`: "Stay positive", "you should try to stay calm"); never a sentence
 * holding quotation marks (reported words); or an act called a good idea (`praisesAnAct`:
 * "Reading up on workouts online is a great idea"). Information ("It lowers stress", "They
 * can send you a list") and reflection ("It sounds like your cousin could
 * be a great support") offer nothing.
 */
export function offersAct(sentence: ReadSentence): boolean {
  if (isAsked(sentence) || isOwnAccount(sentence) || reportsWords(sentence) || wishesWell(sentence)) return false;
  const words = sentence.tokens.filter(isWord);
  if (asksToSpeakNow(words)) return false;
  if (clauseOpenings(sentence.tokens).some((first) => opensImperative(first, words) && !harmingActs.has(first.lemma) && !keepsAttitude(sentence.tokens, sentence.tokens.indexOf(first))) && !asksToReportBack(sentence)) return true;
  if (praisesAnAct(words)) return true;
  return words.some((word, index) => {
    const [modal, verb, after] = words.slice(index + 1, index + 4);
    return (
      word.lemma === "you" &&
      !relativeWords.has(words[index - 1]?.lemma ?? "") &&
      modal !== undefined &&
      offeringModals.has(modal.lemma) &&
      verb !== undefined &&
      verbParts.has(verb.pos) &&
      !states.has(verb.lemma) &&
      // "You could hurt him back": an act of harm is never offered (core's `harmingActs`).
      !harmingActs.has(verb.lemma) &&
      !negations.has(verb.lemma) &&
      !(after !== undefined && negations.has(after.lemma) && verb.lemma === "do") &&
      // "You can do this!", "you can do it": encouragement, no act named.
      !(verb.lemma === "do" && encouragedThings.has(after?.lemma ?? "") && words[index + 4] === undefined) &&
      !keepsAttitude(sentence.tokens, sentence.tokens.indexOf(verb))
    );
  });
}
