import { arrangedActAt, type ClauseWord, committingSubjects, freshStartAt, harmingActs, hedgeAdverbs, hedgesOutcome, namedBefore, openingIntentAt, openingIntentWords, proposalNouns, stateClauseWords, thanksWords, unconditionalIf } from "@confide/core/adapter-kit";
import type { NoteItemDraft } from "@confide/core/ports";
import { isWord } from "./conversation-fillers.ts";
import { isAsked, keepsAttitude, worksTheScreen } from "./offered-acts.ts";
import { firstWordsOf, mayHold, phrasesMayStart, phraseStarts } from "./lemma-phrases.ts";
import type { ReadSegment, ReadSentence, ReadToken } from "./segment-reader.ts";
import { timeAnchors } from "./time-words.ts";

/** A possibility weighed ("I might move there next month"): a commitment always hedged, to confirm with the patient, never a plan line. */
const weighingPhrases: ReadonlySet<string> = new Set(["i might", "we might"]);
/**
 * First-person future commitments, as lemma phrases: "I will…", "I'll…", "I'm going to…",
 * "next week we're going to…", "I plan to…", "I plan on…", "my plan is to…", "im going to…" (typed without its
 * apostrophe), "I've decided to…", and commitments to abstain
 * ("I'm not going to…", "I won't…").
 */
const commitmentPhrases = [
  "i will",
  "we will",
  "i shall",
  "i be go to",
  "we be go to",
  "i'm go to",
  "i'm gonna",
  "i be gonna",
  "i plan to",
  "we plan to",
  "i be plan to",
  "i'm plan to",
  "i plan on",
  "we plan on",
  "i be plan on",
  "i'm plan on",
  "im go to",
  "im gonna",
  // "I going to drop it off": the "am" left out; "going" as said, not its lemma ("I go to the gym" is a habit).
  "i going to",
  "i have decide to",
  "i decide to",
  "i promise to",
  "i commit to",
  "my plan be to",
  "my plan is to",
  "i'm not go to",
  "i be not go to",
  "i'm not gonna",
  "i be not gonna",
  "im not gonna",
  "i will not",
  "i definitely will",
  "i really will",
  "i certainly will",
  "i'mma",
  "imma",
  ...weighingPhrases,
];

/** Where in the tokens a commitment phrase starts ("Not my type, but I'll definitely look into it": at "I"), in order. */
export const commitmentStarts = (tokens: readonly ReadToken[]) => phrasesMayStart(tokens, commitmentPhrases).flatMap((phrase) => phraseStarts(tokens, phrase));

/**
 * Words that, right after the phrase, make it a prediction or a manner of speaking rather than
 * a commitment: "I'll be honest", "I'll be fine", "I'll probably put it off", "I'll
 * think about it", "I will never forget", "I doubt we will ever agree", "I'll have to", "I'll
 * need to" (an obligation, not a commitment — but see `reachingActAt` for "I'll have to ask her"),
 * and a way of saying the next thing ("I'm going to oversimplify this", "I'll admit…").
 */
const notAnAction = new Set(["be", "wake", "fall", "probably", "maybe", "think", "never", "ever", "have", "need", "consider", "remember", "bear", "miss", "always", "still", "oversimplify", "simplify", "rephrase", "summarise", "summarize", "admit", "confess", "repeat"]);
/**
 * What may follow "see" when it is a manner of speaking rather than a visit: "we'll see", "I'll
 * see how it goes", "I'll see what happens", "I'll see about that", "I'll see you next week", a
 * time right after it ("we'll see tomorrow", `timeAnchors`) — not "I'll see my GP tomorrow", "I
 * plan on seeing a doctor".
 */
const wellSee = new Set(["how", "what", "if", "whether", "about", "where", "when", "you", "u", "it", "then", "later", "and"]);
/**
 * Verbs of what happens to someone rather than what they do — "I'll fail", "I'm going to lose
 * it", "I won't believe it" — and outcomes or states of mind one can only hope for — "I will try
 * to recover", "I'll try to cope", "I'll try not to worry": a prediction, a state or an effort,
 * never an act committed to.
 */
const notVolitional = new Set([
  // "loose": "lose" as chat often spells it ("I might loose her").
  "fail", "die", "lose", "loose", "forget", "regret", "believe", "know", "understand", "feel", "like", "love", "want", "hate", "become", "get", "end", "break", "cry", "hurt", "graduate", "survive", "win", "pass",
  "recover", "heal", "cope", "overcome", "succeed", "improve", "worry", "stress", "panic", "despair", "overthink", "hope", "wish",
  // "less like I'm gonna explode", "I'm going to scream": how it feels, no act.
  "explode", "burst", "scream", "snap", "faint", "collapse",
]);
/** Words that, after "get", make it getting a thing ("get a job", "get my car fixed"), not becoming ("get better"). */
const possessives = new Set(["my", "your", "his", "her", "our", "their"]);
const isDeterminer = (token: ReadToken | undefined) => token !== undefined && (token.pos === "DET" || possessives.has(token.lemma));

/** Words that, right after "get", stand for a thing named before, so that getting it is an act: "I'll get one this week", "get some tomorrow". */
const thingsGot = new Set(["one", "some"]);
/** What "get" does as an act when it is said right after it, word by word: "get in touch", "get to bed", "get down to five a day" (cutting down to a target, as "cut down to five" is) — not becoming ("get better", "get there"). */
const gettingActs: ReadonlyArray<readonly string[]> = [["in", "touch"], ["to", "bed"], ["down", "to"]];

/** Verbs that, with the particle after them, name an outcome rather than an act: "I'll try not to give up", "we'll make it through", "I'll get over it", "I'll go mad". */
const outcomePhrases: ReadonlyArray<readonly [string, string]> = [
  ["give", "up"],
  ["make", "through"],
  ["pull", "through"],
  ["move", "on"],
  ["make", "most"],
  ["go", "mad"],
  ["go", "crazy"],
  ["go", "insane"],
  ["go", "nuts"],
  ["go", "mental"],
  // "I'll only imagine worse", "I'll think the worst": a fear foreseen, not an act.
  ["imagine", "worse"],
  ["imagine", "worst"],
  ["think", "worst"],
];
/** Parts of speech an act may be read as (the lite model tags some verbs of typed chat as nouns or adjectives: "journal", "google"). */
const actParts = new Set(["VERB", "AUX", "NOUN", "ADJ", "PROPN", "ADV"]);
/** "I'll be happy to…", "I'm going to be sure to…": the act is the verb after "to" ("I'll be able to…" foresees: no willingness). */
const willingness = new Set(["happy", "glad", "sure", "willing"]);
/**
 * Words before the phrase, in its sentence, that make it hedged, conditional, habitual, reported
 * or a clause of worry, wondering or foreknowledge: "maybe I'll…", "if I stop I'll fail", "usually
 * I'll just lie there", "so I said I'll go", "I decided then I'll…", "I'm afraid I'm going to lose
 * her", "how I'm going to pay", "the fact that we will get through it", "I know I will be okay".
 * Read within `notMeantReach` words before the phrase.
 */
const notMeant = new Set([
  "if", "unless", "whether", "because", "hope", "wish", "where",
  "usually", "always", "sometimes", "often", "whenever", "normally", "tend",
  "say", "tell", "ask", "feel", "scared", "afraid", "fear", "worry", "worried", "anxious", "nervous", "sure", "don't", "not", "n't", "decide",
  "how", "what", "why", "fact", "know", "seem",
]);
/**
 * The words of `notMeant` that report, explain or make habitual what follows — "because they know
 * I will do it", "if I have time I'll try" — read before an assent that commits. Not those of a
 * feeling or a view, which an assent may follow in chat typed as one run ("That seems a good idea,
 * I will try it"; "I feel better, I'm going to try it"), nor "what" ("That's what I will do").
 */
export const reportingCues: ReadonlySet<string> = new Set(["if", "unless", "whether", "because", "usually", "always", "sometimes", "often", "whenever", "normally", "tend", "say", "tell", "ask", "know", "fact"]);
/**
 * How many words before a commitment phrase a word of `notMeant` is read: such a word stands close
 * before what it reports, hedges or makes habitual ("so I said I'll go", "usually I'll just lie
 * there"); in a long sentence typed without marks, a word further back belongs to an earlier
 * clause ("The school said they would phone back after half term and nothing came so I'm going to
 * email the head"), and so does one before a "but" ("I don't like phoning strangers, but I think
 * I'll email the agency").
 */
const notMeantReach = 8;
/** Where in the tokens before a commitment phrase a word of `notMeant` starts to count: `notMeantReach` words back, or after the last "but". */
const notMeantFrom = (before: readonly ReadToken[]) =>
  Math.max(before.indexOf(before.filter(isWord).at(-notMeantReach) ?? before[0]!), before.findLastIndex((token) => token.lemma === "but"));
/** True for a "not" that answers "not yet" ("Not yet, I'm going to call them soon"): what is not done yet, not a refusal of what follows. */
const notYet = (tokens: readonly ReadToken[], at: number) => tokens[at]!.lemma === "not" && tokens[at + 1]?.lemma === "yet";
/** True for a "how" or "what" framed as the decision itself ("That's how I'll handle it", "This is what I'll do"): not wondering how. */
const framesDecision = (tokens: readonly ReadToken[], at: number) => ["how", "what"].includes(tokens[at]!.lemma) && ["be", "'s", "’s", "s"].includes(tokens[at - 1]?.lemma ?? "") && ["that", "this"].includes(tokens[at - 2]?.lemma ?? "");
/** How the speaker says a decision that stands, before "decided": "I've decided", "we have decided" (as a reader splits or joins them) — not "I decided" (a story of then), "I can't decide", "I haven't decided", "my mum has decided". */
const decisionsStanding: readonly (readonly string[])[] = [["i", "have"], ["i", "'ve"], ["i", "’ve"], ["i've"], ["i’ve"], ["ive"], ["we", "have"], ["we", "'ve"], ["we", "’ve"], ["we've"], ["we’ve"]];
/** True for a "decided" of the speaker's decision that stands ("I've decided I'm going to tell her"): the commitment after it is meant. */
const decisionMade = (tokens: readonly ReadToken[], at: number) => {
  if (tokens[at]!.lemma !== "decide" || tokens[at]!.value.toLowerCase() !== "decided") return false;
  const said = tokens.slice(0, at).filter(isWord).map((token) => token.value.toLowerCase());
  return decisionsStanding.some((opening) => opening.every((word, offset) => said[said.length - opening.length + offset] === word));
};
/**
 * True when what is said at `index` is hedged, conditional, habitual, reported, quoted or a clause
 * of worry or knowing (`notMeant` within `notMeantReach` words before it, or a quotation mark):
 * "because they know I will do it" commits to nothing, and takes nothing up.
 */
export function notMeantAt(tokens: readonly ReadToken[], index: number, cues: ReadonlySet<string> = notMeant): boolean {
  const before = tokens.slice(0, index);
  const meantFrom = notMeantFrom(before);
  if (before.some((token, at) => at >= meantFrom && (cues.has(token.lemma) || cues.has(token.value.toLowerCase())) && !agreeingSure(before, at) && !notYet(before, at) && !framesDecision(before, at) && !decisionMade(before, at))) return true;
  return before.some((token) => /^["“”]$/.test(token.value));
}

/** A form of "be" as a reader may give it, alone or joined to its subject ("I'm" read as one word). */
const beForms = new Set(["be", "i'm", "i’m", "im", "we're", "we’re"]);
/** True for a "sure" that agrees ("Sure, I will ring him"), not one that foresees ("I'm sure I'll be fine"): no form of "be" right before it. */
const agreeingSure = (tokens: readonly ReadToken[], at: number) => tokens[at]!.lemma === "sure" && !beForms.has(tokens.slice(0, at).filter(isWord).at(-1)?.lemma ?? "");
/**
 * Words that hedge a commitment (core's `hedgeAdverbs`, the plan check's own), before the phrase in
 * its sentence or within a few words after it: "maybe I'll…", "perhaps I'll call", "I'll probably
 * go"; with `hedgingVerbs`, "I guess I will do that", "I suppose I'll go". A hedged commitment is not
 * a plan: it is one to confirm with the patient. "I think I'll…" is no hedge: it is how a decision
 * is said ("I think I'll ring the clinic"), as the labels' rubric reads it.
 */
const hedges = hedgeAdverbs;
/** A hedge word (`hedges`), by lemma or as said. */
const isHedge = (token: ReadToken) => hedges.has(token.lemma) || hedges.has(token.value.toLowerCase());
/** Verbs that hedge a commitment said right after them: "I guess I will do that", "and suppose I will visit it" — not "I guess you are right… I will call". */
const hedgingVerbs = new Set(["guess", "suppose", "reckon"]);

/**
 * Acts that only keep something in mind, as a verb and the word that makes them so within
 * `keepingReach` words after it: "I'll take note of it", "I'll keep it in mind", "I'll keep it on
 * my list". No act is committed to: to confirm with the patient. Finding something out ("I'll
 * look into it", "I will check it out") is an act.
 */
const keepingInMind: ReadonlyArray<readonly [string, string]> = [
  ["take", "note"],
  ["keep", "mind"],
  ["keep", "list"],
  ["keep", "radar"],
  ["take", "consideration"],
  ["take", "account"],
];
/** How many words after its verb the word of `keepingInMind` may come ("keep that in mind": three, "keep it on my list": four). */
const keepingReach = 4;
/** Words after the act that make it wait on a condition: "I'll sign up once the rain stops", "I will unless it rains", "I'll talk to her if I have to" (an "if" after a verb of finding out is "whether", after "even" a concession: core's `unconditionalIf`). */
const conditionsAfter = new Set(["once", "unless", "if"]);
/** Parts of speech that, right after "going to", make it a movement rather than a commitment: "I'm going to the shop", "going to my mum's". */
const placeAfterGoingTo = new Set(["PROPN", "DET", "PRON", "ADP"]);
/** Verbs of lying down to rest: "lie down", "lay down" (as typed). */
const restingVerbs = new Set(["lie", "lay"]);
/**
 * Verbs that, after a commitment phrase, are a manner of speaking when no "to" or "about" follows:
 * "I'm not gonna lie, it was hard", "I won't pretend it was easy", "I'm not going to deny it". "I'm
 * not going to lie to her anymore" commits.
 */
const speakingFrankly = new Set(["lie", "pretend", "kid", "sugarcoat", "deny"]);
/** Words after a verb of `speakingFrankly` that make it an act: "lie to her", "lie about the drinking", "pretend to be fine". */
const frankActs = new Set(["to", "about"]);
/**
 * Ways of saying the next thing, by lemma, that open the act after a commitment's words: "I'm not
 * gonna sit here and tell you it was easy", "I'll give you that, it was better", "I'll put it this
 * way", "I'll tell you what". What follows is said now, not done later.
 */
/** A point granted, by lemma: "I'll give you that", "Decent biscuits, I'll give them that" — no act, and no yes to anything proposed. */
const grantingPoints = ["give you that", "give them that", "give him that", "give her that", "give it that", "grant you that", "grant you"];
const sayingTheNextThing = [
  "sit here and tell", "sit here and say", "sit here and lie", "sit here and pretend", "sit here and act",
  ...grantingPoints, "admit that", "put it this way", "put it that way", "put it like this", "put it like that", "tell you what", "say this",
];
/** Acts that wait a thing out, by lemma: "I'll just sleep it off" (care refused), "We'll cross that bridge (when we come to it)" (a decision put off). */
const waitingItOut = ["sleep it off", "walk it off", "shake it off", "laugh it off", "brush it off", "cross that bridge", "cross the bridge"];
/** What opens no act of a commitment's: the next thing said now, or a thing waited out. */
const noActOpenings = [...sayingTheNextThing, ...waitingItOut];
/** Places one goes to as a routine: "I'm going to work and working", "going to school this semester", "going to bed at ten". */
const routinePlaces = new Set(["work", "school", "bed", "church", "class", "college", "uni", "university", "sleep", "town", "hospital"]);
/** Of `routinePlaces`, those that are no verb: "going to" before one, or a word before one ("going to law college"), is the going there whatever follows ("going to college part time"). */
const placesOnly = new Set(["school", "bed", "church", "class", "college", "uni", "university", "town", "hospital"]);
/** What may follow a routine place when "going to" is the going there: the end, "and", a time. */
const afterPlace = new Set(["and", "today", "tomorrow", "tonight", "every", "at", "in", "this", "now", "but", "so"]);
/** How many words after "going to" the purpose of going may start: "going to my mum's house to talk it over". */
const purposeReach = 6;
/**
 * True when going somewhere is said with what for — "to" and an act within `purposeReach` words
 * ("I'm going to my mother's house to talk things over", "going to the GP to ask about it"): a
 * visit planned, not only a movement; not to a routine place (`routinePlaces`), not for a state
 * or an outcome (`notVolitional`: "going to my room to cry").
 */
function goesThereToAct(act: readonly ReadToken[]): boolean {
  if (act.slice(0, 3).some((token) => routinePlaces.has(token.lemma))) return false;
  return act.slice(1, purposeReach + 1).some((token, at) => token.lemma === "to" && act[at + 2]?.pos === "VERB" && !notVolitional.has(act[at + 2]!.lemma) && !notAnAction.has(act[at + 2]!.lemma));
}
/** Nouns naming the session itself: "finish the chat", "end our conversation". */
const sessionNouns = new Set(["chat", "conversation", "session"]);
/** How far after its verb a session noun may come: "end our little chat". */
const sessionNounReach = 3;
/** Words that make a session noun name sessions to come, not this one: "go to every session", "the next session", "the group sessions". */
const otherSessions = new Set(["every", "each", "next", "all", "first", "another", "other", "group", "weekly", "future", "those", "these", "more", "few"]);
/**
 * True when the act names this session as its object within `sessionNounReach` words ("end the
 * chat", "finish our little conversation"): one session noun, singular, with no word of
 * `otherSessions` before it, and not gone to ("go to the session on Tuesday" attends one to come).
 */
function namesThisSession(act: readonly ReadToken[]): boolean {
  const at = act.slice(1, 1 + sessionNounReach).findIndex((token) => sessionNouns.has(token.value.toLowerCase()));
  if (at === -1 || act[1]?.lemma === "to") return false;
  return !act.slice(1, at + 1).some((token) => otherSessions.has(token.lemma));
}
/** Words that set a decision in the past: "a few weeks ago we decided", "yesterday I decided", "last month". */
const pastTimes = new Set(["ago", "yesterday", "last"]);
/** Acts done in the session itself, not after it: "I'll tell you", "I'll let you go", "I'll try to explain", "I'm not gonna lie to you". */
const inSessionVerbs = new Set(["tell", "let", "show", "explain", "answer", "listen", "describe", "talk", "start", "admit", "leave", "chat", "message", "text", "reply", "thank", "go", "stop", "finish", "end", "sign", "lie"]);
/** True when the words at `at` keep a thought in mind ("I'll try and remember that", "remember it"): no act ("I'll remember to take it" is one). */
export const remembersThought = (words: readonly ReadToken[], at: number): boolean => words[at]?.lemma === "remember" && ["that", "it", "this"].includes(words[at + 1]?.lemma ?? "");
/** Verbs of putting words into the chat itself ("ok i'll copy them", "I'll paste it"): acts of the session, whatever they take. */
const chatPastes = new Set(["copy", "paste"]);
/** Verbs of a complaint about the listener ("I will report you"): with "you" after them, part of the session. */
const aboutTheListener = new Set(["report", "block", "flag", "rate", "review", "sue", "ignore"]);
/** Verbs that, negated ("I'm not going to stop"), refuse a change rather than commit to abstain. */
const refusalVerbs = new Set(["stop", "quit", "change", "cut", "give", "try", "do", "bother", "listen", "go", "tell", "talk", "let", "call", "ring", "phone", "message", "text", "contact"]);
/** Words that end a negated act as a promise never to repeat it: "I'm not going to drink anymore", "I won't go there again". */
const noMore = new Set(["anymore", "again"]);
/** Verbs of `refusalVerbs` that refuse even with a word of `noMore` after them: "I won't try again", "I'm not going to bother anymore". */
const refusalsStill = new Set(["stop", "quit", "change", "cut", "give", "try", "bother"]);
/** True when the act ends with a word of `noMore` ("…with them anymore", "…any more"): with a negation, a promise to abstain. */
const endsNoMore = (act: readonly ReadToken[]) => {
  const last = act.at(-1);
  return last !== undefined && (noMore.has(last.lemma) || (last.lemma === "more" && act.at(-2)?.lemma === "any"));
};
/** Verbs that, with "keep" or "continue" before them, are sustain talk: "I'm going to keep smoking". */
const sustainedHabits = new Set(["smoke", "smoking", "drink", "drinking", "use", "using", "gamble", "gambling", "vape", "vaping", "eat", "eating"]);
/** Verbs that, kept up with one of `usedThings` after them, are sustain talk too: "I'm going to keep having a few beers after work". */
const takingVerbs = new Set(["have", "having", "take", "taking"]);
/** What is drunk, smoked, taken or staked, named after "having" or "taking": "a few beers", "a smoke", "my bets". */
const usedThings = new Set(["beer", "beers", "drink", "drinks", "pint", "pints", "wine", "vodka", "cider", "lager", "whisky", "gin", "cigarette", "cigarettes", "fag", "fags", "smoke", "smokes", "joint", "joints", "spliff", "line", "lines", "pill", "pills", "bet", "bets", "flutter"]);
/** How many words after "having" or "taking" what is used may come: "having a few cold beers" (four). */
const usedReach = 4;

/** True when the act keeps up a habit of use (`sustainedHabits`, or `takingVerbs` with one of `usedThings`): "keep smoking", "keep having a few beers". */
function keepsUpUse(act: readonly ReadToken[]): boolean {
  const [verb, object] = [act[0], act[1]];
  if (verb === undefined || object === undefined || !["keep", "continue"].includes(verb.lemma)) return false;
  const is = (words: ReadonlySet<string>, token: ReadToken) => words.has(token.lemma) || words.has(token.value.toLowerCase());
  if (is(sustainedHabits, object)) return true;
  return is(takingVerbs, object) && act.slice(2, 2 + usedReach).some((token) => is(usedThings, token));
}
/** Habits whose act, committed to as it is ("I'll smoke", "I will gamble it"), is sustain talk: never a plan. */
const harmfulHabits = new Set(["smoke", "vape", "gamble"]);
/** Marks that close a clause: a pointing word right before one is the whole object ("I will do that, cheers"). */
const clauseEnd = /^[,.!;:…]+$/;
/** Words of time that may come between a pointing word and the mark that closes its clause: "I'll try it now, then…", "I will do that today." */
const closingTimes = new Set(["then", "now", "today", "tonight", "tomorrow", "too", "again", "soon"]);

/** True when the clause closes at token `at` (the end, or a mark of `clauseEnd`), one word of `closingTimes` before it allowed. */
function closesClause(tokens: readonly ReadToken[], at: number): boolean {
  const next = tokens[at];
  if (next === undefined || clauseEnd.test(next.value)) return true;
  return closingTimes.has(next.lemma) && (tokens[at + 1] === undefined || clauseEnd.test(tokens[at + 1]!.value));
}
/** Adverbs a commitment may carry before its verb: "I will definitely try". */
export const softeners: ReadonlySet<string> = new Set(["definitely", "really", "certainly", "surely", "also", "now", "then", "just", "actually", "totally", "absolutely", "try", "to", "so", "soon", "first", "for", "sure", "definately", "definetely", "however", "still", "anyway", "only"]);
/** Verbs that name no act of their own ("I'll do that", "I'll try it", "I'll get one"): not an act to find again in the therapist's words, nor one a commitment shares with a summary. */
export const emptyVerbs: ReadonlySet<string> = new Set(["be", "have", "do", "try", "will", "go", "get", "let", "make", "see", "think", "want", "like", "feel", "need", "start", "keep"]);
/** Words that, as the object, point back at something said before: "I'll try that", "I will do it". */
export const pointingBack = new Set(["that", "it", "this", "those", "them", "these", "so", "same"]);

/**
 * Verbs of reaching out to someone or finding something out: the acts a plan most often holds
 * after a session (talking to a friend, ringing a service, looking a resource up, booking or
 * applying), said without a time as often as with one.
 */
const reachingVerbs = new Set(["talk", "speak", "call", "ring", "phone", "contact", "email", "ask", "check", "search", "research", "google", "investigate", "book", "schedule", "apply", "visit", "join", "enroll", "enrol", "register"]);
/** Verbs of reaching whose object is a person ("tell them", "ask them", "talk to them"): "them" after them is who is reached. */
const peopleReached = new Set(["tell", "ask", "talk", "speak", "call", "ring", "phone", "contact", "email", "text", "visit"]);
/** Particles that make "look" a finding out: "look into", "look up", "look for", "look online", "look there", "look around" (not "look forward", "look at it differently"). */
const lookingParticles = new Set(["into", "up", "for", "online", "there", "around", "elsewhere"]);

/** Who is told when telling reaches out: "tell my friends", "tell her", "tell them" — never "tell you" (the session) or "tell myself" (an attitude). */
const toldPeople = new Set(["my", "her", "him", "them", "his", "our", "their"]);

/** True when the words from `at` open an act of reaching out or finding out: a verb of `reachingVerbs`, "look" and a particle of `lookingParticles`, or telling someone (`toldPeople`). */
function reachingActAt(words: readonly ReadToken[], at: number): boolean {
  const verb = words[at]?.lemma ?? "";
  return reachingVerbs.has(verb) || (verb === "look" && lookingParticles.has(words[at + 1]?.lemma ?? "")) || (verb === "tell" && toldPeople.has(words[at + 1]?.lemma ?? ""));
}

/** What a commitment phrase found in a sentence commits to. */
export interface Commitment {
  /** The act in the sentence's own words ("talk to my mum on Sunday"), or null when it points back ("I'll try that"). */
  act: "own" | "pointing-back";
  /** Hedged in its sentence ("maybe I'll…", "I'll probably…"): to confirm, never a plan. */
  hedged: boolean;
  /** Nothing after the phrase ("I will."): an answer, never an act of its own. */
  bare: boolean;
  /** Said with "not" ("I'm not going to put him out"): an act refused or abstained from; answering a proposal does not make it a plan. */
  negated?: boolean;
  /** Negated and ended by "anymore" or "again": a promise never to repeat the act ("I'm not going to drink anymore"). */
  abstains?: boolean;
  /** An act whose object points back, with more said of it ("I'll do it on Saturday with my mum", "I'll give them to her then"): the act is one the patient named before. */
  doesIt?: boolean;
  /** The act reaches out to someone or finds something out (`reachingActAt`: "I will talk to Rick", "I'm gonna check on the library"). */
  reachesOut?: boolean;
  /** An act already arranged (core's `arrangedActAt`: "I've booked onto the programme", "I'm seeing my GP on Friday"): firm as said. */
  arranged?: boolean;
}

/**
 * True for an effort promised with no act named: "I'll do my best", "I'm going to try my best in the
 * spring", "I will do the very best possible", "I'll do the right thing" — "do" or "try", then "best"
 * or "right thing" within two words, and no "to" and an act after it ("I'll do my best to call her"
 * names one; "I'll do my best to", broken off, none).
 */
function effortOnly(act: readonly ReadToken[]): boolean {
  // "I'll keep trying", "I will keep persevering", "I will continue to try": an effort, unless "to" names the act ("keep trying to call her", "keep going to the gym").
  if ((act[0]?.lemma === "keep" || act[0]?.lemma === "continue") && [1, 2].some((at) => (effortVerbs.has(act[at]?.lemma ?? "") || effortVerbs.has(act[at]?.value.toLowerCase() ?? "")) && act[at + 1]?.lemma !== "to")) return true;
  // "I'll keep working on it", "continue to work on myself": an effort, unless what is worked on is named ("keep working on my CV").
  if ((act[0]?.lemma === "keep" || act[0]?.lemma === "continue") && [1, 2, 3].some((at) => act[at]?.lemma === "work" && act[at + 1]?.lemma === "on" && workedOnSelf.has(act[at + 2]?.lemma ?? ""))) return true;
  if (act[0]?.lemma !== "do" && act[0]?.lemma !== "try") return false;
  const said = (at: number) => act[at]?.value.toLowerCase();
  const best = [1, 2].find((at) => said(at) === "best");
  // "I'll do my best to call her" names an act; "i will do my best to", broken off, names none.
  if (best !== undefined) return act[best + 1]?.lemma !== "to" || act[best + 2] === undefined;
  const right = [1, 2].find((at) => said(at) === "right" && said(at + 1) === "thing");
  return right !== undefined && act[right + 2]?.lemma !== "to";
}

/** Words after "do" that say how well it will go ("I will do poorly", "we'll do fine"), not what will be done. */
const howWell = new Set(["poorly", "badly", "bad", "well", "fine", "great", "good", "better", "worse", "okay", "ok", "alright"]);

/** True when the words at `at` are "do" and how well it will go ("do poorly", "do fine"): a prediction, not an act. */
export const saysHowWell = (words: readonly ReadToken[], at: number): boolean => words[at]?.lemma === "do" && howWell.has(words[at + 1]?.lemma ?? "");

/** What "keep working on" takes when it promises an effort, not an act: "keep working on it", "on myself". */
const workedOnSelf = new Set(["it", "that", "this", "myself", "me", "things"]);
/** Verbs that, kept up ("keep trying", "keep persevering", "keep going", "keep pushing"), promise an effort or an attitude, not an act. */
const effortVerbs = new Set(["try", "persevere", "persist", "push", "fight", "go", "trying", "persevering", "persisting", "pushing", "fighting", "going"]);

/** What may follow "manage" when it is coping, not managing a thing: "I'll manage somehow", "we will manage it". */
const copingAfterManage = new Set(["somehow", "it", "fine", "ok", "okay", "alright", "though", "anyway"]);

/** True when the words from `at` name an outcome or a state (`notVolitional`, `outcomePhrases`), not an act: "recover", "give up", "make it through". */
function namesOutcome(words: readonly ReadToken[], at: number): boolean {
  const verb = words[at];
  if (verb === undefined) return false;
  // "I'll try to get a job", "get some rest", "I'll get one this week": getting a thing is an act; "get better", "get there" is an outcome.
  if (verb.lemma === "get" && (isDeterminer(words[at + 1]) || thingsGot.has(words[at + 1]?.lemma ?? ""))) return false;
  // "I'll get in touch with the school", "I'll try and get to bed before midnight", "I'm gonna get down to five a day": acts.
  if (verb.lemma === "get" && gettingActs.some((said) => said.every((word, offset) => words[at + 1 + offset]?.value.toLowerCase() === word))) return false;
  // "I will manage", "we'll manage somehow": coping, an outcome; "I'll manage my time" names what is managed.
  if (verb.lemma === "manage" && (words[at + 1] === undefined || copingAfterManage.has(words[at + 1]!.lemma))) return true;
  // A particle by its value too: wink-nlp's lemma of "through" is "thru".
  return notVolitional.has(verb.lemma) || outcomePhrases.some(([first, particle]) => verb.lemma === first && words.slice(at + 1, at + 3).some((token) => token.lemma === particle || token.value.toLowerCase() === particle));
}

/**
 * True when a sentence promises only an effort: "I'll do my best, truly" (`effortOnly`), or a try
 * at an outcome ("I will try to recover", "I'll try not to give up": "try", "not" perhaps, "to",
 * then `namesOutcome`, and no act joined after it by "and" or "then"). No act to agree, whatever
 * assent it holds.
 */
export function promisesEffortOnly(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  return words.some((word, index) => {
    if (word.lemma === "do") return effortOnly(words.slice(index));
    if (word.lemma !== "try") return false;
    const to = words[index + 1]?.lemma === "not" ? index + 2 : index + 1;
    // "I'll try to get going and then call them" names an act after the outcome.
    return words[to]?.lemma === "to" && namesOutcome(words, to + 1) && !words.slice(to + 2).some((after) => after.lemma === "and" || after.lemma === "then");
  });
}

/**
 * True when a sentence tries its best and names no act ("I'll try my best."): it may take up a
 * proposal stated to it, but commits to nothing else put forward.
 */
export function triesBestOnly(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  return words.some((word, index) => word.lemma === "try" && effortOnly(words.slice(index)));
}

/**
 * The sentence without a later clause of the speaker's state (core's `stateClauseWords`: "Alright, I'll
 * ring them tonight, I'll be glad if they answer"): its condition or hedge belongs to the feeling,
 * not to the act before it. Core's plan check reads the sentence so too.
 */
export function withoutStateClauses(sentence: ReadSentence): ReadSentence {
  // One pass: each word with whether a comma or semicolon came right before it.
  const words: ReadToken[] = [];
  const clauseWords: ClauseWord[] = [];
  sentence.tokens.forEach((token, at) => {
    if (!isWord(token)) return;
    words.push(token);
    clauseWords.push({ lemma: token.lemma, value: token.value, afterComma: at > 0 && /^[,;]$/.test(sentence.tokens[at - 1]!.value) });
  });
  const inside = stateClauseWords(clauseWords);
  if (!inside.includes(true)) return sentence;
  const dropped = new Set(words.filter((_, index) => inside[index]));
  return { ...sentence, tokens: sentence.tokens.filter((token) => !dropped.has(token)) };
}

/** Nouns of talk that "have" takes as an act: "I'll have a conversation with them", "have a word with my boss". */
const talkNouns = new Set(["conversation", "talk", "chat", "word", "discussion", "meeting"]);
/** How far after "have" its talk may come: "have a proper talk", "have an honest conversation". */
const talkReach = 3;

/** True when the act opens with "have" and a talk for its object (`talkNouns`: "have a conversation with them"): an act, not a possession or an obligation. */
/** Verbs that, with a part of the day after them, take leave: "I will continue my day", "I'll enjoy my evening". */
const dayGoingOn = new Set(["continue", "enjoy", "carry", "resume"]);
const partsOfDay = new Set(["day", "evening", "night", "afternoon", "morning"]);
/** Objects of "try" or "do" that name no act: "I'll try anything", "I will do whatever it takes", "I'll do everything". */
const anyActAtAll = new Set(["anything", "everything", "whatever"]);
/** The phrase an act arranged is read with (core's `arrangedActAt`). */
const arrangedPhrase = "i arrange";
const hasATalk = (act: readonly ReadToken[]) => act[0]?.lemma === "have" && act.slice(1, 1 + talkReach).some((token) => talkNouns.has(token.lemma));

/**
 * The tokens after a commitment phrase, softeners skipped ("try and" read as "try to": "I will
 * try and call her"), up to a word of thanks ("Will do, thanks for the encouragement": the act is
 * "do"): the act committed to.
 */
function actTokens(tokens: readonly ReadToken[], from: number): ReadToken[] {
  const said = tokens.slice(from).filter(isWord);
  const thanksAt = said.findIndex((token, at) => at > 0 && isThanks(token));
  const words = thanksAt === -1 ? said : said.slice(0, thanksAt);
  let start = 0;
  // "try" with a thing tried after it is the act ("I'm going to try the patches", "try a walk"); before "to", "and", "my best" or another verb it softens one.
  const triesAThing = (at: number) => words[at]!.lemma === "try" && words[at + 1]?.pos === "DET";
  const softened = (at: number) => (softeners.has(words[at]!.lemma) && !triesAThing(at)) || (words[at]!.lemma === "and" && words[at - 1]?.lemma === "try");
  while (start < words.length && softened(start) && start < 5) start += 1;
  // "I'll try to remember to take my tablets": the act is what is to be remembered.
  if (words[start]?.lemma === "remember" && words[start + 1]?.lemma === "to" && words[start + 2]?.pos === "VERB") start += 2;
  // "I'll be happy to make more time": the act is what follows "be happy to".
  if (words[start]?.lemma === "be" && willingness.has(words[start + 1]?.lemma ?? "") && words[start + 2]?.lemma === "to") start += 3;
  // "I'll have to ask my landlord", "I'll be looking into evening classes": the act is the reaching out after "have to" or "be".
  else if (words[start]?.lemma === "have" && words[start + 1]?.lemma === "to" && reachingActAt(words, start + 2)) start += 2;
  else if (words[start]?.lemma === "be" && /ing$/i.test(words[start + 1]?.value ?? "") && reachingActAt(words, start + 1)) start += 1;
  return words.slice(start);
}

/** Verbs of reaching a person for help: "call the crisis line", "ring my sister", "talk to my mum", "text Jay" — not booking, joining or looking something up. */
const helpVerbs = new Set(["call", "ring", "phone", "contact", "text", "message", "talk", "speak", "reach", "tell"]);
/**
 * Whom a patient reaches for help in a crisis: a helpline, a clinician, someone close ("the crisis
 * line", "my GP", "my sister"), or a person named before ("call him", "ring them") — not the bank
 * or the landlord. A name ("text Dan") is one too (`reachesForHelp`).
 */
const helpers = new Set([
  "crisis", "helpline", "samaritans", "111", "999", "gp", "doctor", "therapist", "counsellor", "counselor", "nurse", "team", "someone", "somebody", "you",
  "mum", "mom", "dad", "sister", "brother", "friend", "mate", "partner", "wife", "husband", "boyfriend", "girlfriend", "family", "nan", "gran", "aunt", "uncle",
  "him", "her", "them",
]);
/** How many words after the verb whom it reaches may come: "talk to my sister", "call the crisis line". */
const helperReach = 4;
/** True when the act reaches someone for help (`helpVerbs`, then one of `helpers` or a name within `helperReach` words). */
const reachesForHelp = (act: readonly ReadToken[]) =>
  helpVerbs.has(act[0]?.lemma ?? "") && act.slice(1, 1 + helperReach).some((token) => helpers.has(token.lemma) || helpers.has(token.value.toLowerCase()) || token.pos === "PROPN");
/** Conditions a plan for a crisis waits on: "if it gets bad", "when the urges come" — not "unless" or "once". */
const crisisConditions = new Set(["if", "when", "whenever"]);

/** Words a sentence may open with before its condition: "And if it gets bad…", "So when I feel like that…", "The thing is, if they push me…". */
const conditionLeads = new Set(["and", "so", "but", "then", "okay", "ok", "yeah", "well", "the", "thing", "be", "honestly"]);
/** Words that open a condition: "if", "when", "whenever". */
const conditionOpeners = new Set(["if", "when", "whenever"]);
/** The condition the words before a commitment open with, after leads ("If it gets bad again, I'll…"), unquoted; undefined when none. */
const openingCondition = (before: readonly ReadToken[]) => {
  const words = before.filter(isWord);
  const first = words.findIndex((word) => !conditionLeads.has(word.lemma));
  return first !== -1 && conditionOpeners.has(words[first]!.lemma) && !before.some((token) => /^["“”]$/.test(token.value)) ? words[first]!.lemma : undefined;
};
const opensWithCondition = (before: readonly ReadToken[]) => openingCondition(before) !== undefined;
/**
 * True when the sentence opens with "if" and no "but" turns from it before the commitment: "The
 * thing is, if they push me, if they say no, you've got to come back full time, I'll just resign."
 * waits on the condition however far it stands ("When I get home I'll ring her" sets a time, and "If
 * I get the job I'll ring you, but either way I'll call my sister" turns from it).
 */
const waitsOnOpeningIf = (before: readonly ReadToken[]) => openingCondition(before) === "if" && !before.some((token) => token.lemma === "but");

/**
 * The commitment at `index` (a phrase of `length` tokens) in its sentence, or null when it is not
 * one: a prediction or manner of speaking (`notAnAction`), hedged, conditional, habitual or
 * reported (`notMeant` before it), in the past ("I was going to"), a movement ("I'm going to bed"),
 * an act of the session itself ("I'll tell you"), sustain talk ("I'm going to keep smoking") or a
 * refusal ("I'm not going to stop").
 */
function commitmentAt(tokens: readonly ReadToken[], index: number, length: number, phrase: string): Commitment | null {
  // "no maybe not ok I'll text her": read from where the sentence starts afresh (core's `freshStartAt`), the short answer before it apart.
  const words = tokens.filter(isWord);
  const fresh = freshStartAt(words);
  const freshAt = fresh === 0 ? 0 : tokens.indexOf(words[fresh - 1]!) + 1;
  if (freshAt > 0 && freshAt <= index) return commitmentAt(tokens.slice(freshAt), index - freshAt, length, phrase);
  const act = actTokens(tokens, index + length);
  const verb = act[0];
  const before = tokens.slice(0, index);
  // Past, hypothetical, habitual, reported or quoted: never a commitment, pointing back or not.
  // "I planned to visit my aunt in May": a plan that was, not one that holds ("I've decided to" still does).
  if (tokens.slice(index, index + length).some((token) => /^(was|were|planned|intended)$/i.test(token.value))) return null;
  // "I'll sign up once the rain stops": waits on a condition, as "if" before it does.
  // "…ask and see if they have room", "speak to them about if they can help": whether, not a condition; "even if I don't like it": a concession (core's `unconditionalIf`).
  // "I'll text her tonight once he's asleep": "once" after a time said says when within it, not whether.
  const timedOnce = (at: number) => act[at]!.lemma === "once" && act.slice(0, at).some((token) => timeAnchors.has(token.lemma));
  const waitsOn = act.filter((token, at) => conditionsAfter.has(token.lemma) && !unconditionalIf(act, at) && !(token.lemma === "if" && act[at - 1]?.lemma === "about") && !timedOnce(at));
  const waitsAfter = waitsOn.length > 0;
  // "If it gets bad again I'll call the crisis line", "I'll ring the helpline if it gets bad": reaching out for help in a crisis, waiting on it —
  // a safety plan's step, to confirm with the patient, never a plan line; any other act that waits on a condition is none.
  const meantBefore = !notMeantAt(tokens, index) && !waitsOnOpeningIf(before);
  const forACrisis = reachesForHelp(act) && waitsOn.every((token) => crisisConditions.has(token.lemma)) && (meantBefore || opensWithCondition(before)) && (waitsAfter || !meantBefore);
  if ((!meantBefore || waitsAfter) && !forACrisis) return null;
  const hedgedBy = before.filter(isWord).at(-1);
  const hedged =
    forACrisis ||
    weighingPhrases.has(phrase) ||
    before.some(isHedge) ||
    (hedgedBy !== undefined && hedgingVerbs.has(hedgedBy.lemma)) ||
    act.some((token, at) => hedges.has(token.lemma) && !hedgesOutcome(act, at)) ||
    keepingInMind.some(([first, second]) => act[0]?.lemma === first && act.slice(1, 1 + keepingReach).some((token) => token.lemma === second)) ||
    remembersThought(act, 0);
  // "I will." — only as an answer to a proposal; "I will not.", "no i won't.": a refusal of it.
  if (verb === undefined) return tokens.slice(index, index + length + 1).some((token) => token.lemma === "not") ? null : { act: "pointing-back", hedged, bare: true };
  // "I'm not going to stop", "I'm not going to them lunch clubs": "not" in the phrase, just after it or just before it.
  const negated = tokens.slice(index, index + length + 1).some((token) => token.lemma === "not") || tokens[index - 1]?.lemma === "not";
  if (pointingBack.has(verb.lemma)) return { act: "pointing-back", hedged, bare: false, ...(negated ? { negated: true } : {}) }; // "I will try that", "I'll definitely try it today"
  // "No, I'll leave that, thanks.", "I'll leave it for now": what was put forward, left — a refusal of it.
  if (leavesItBe(act)) return { act: "pointing-back", hedged, bare: false, negated: true };
  // "I'll murder them next round", "I'll kill him": an act of harm (core's `harmingActs`) is never a plan line, said in play or not.
  if (harmingActs.has(verb.lemma)) return null;
  const visit = phrase.endsWith("go to") && goesThereToAct(act);
  if (!actParts.has(verb.pos) && !visit) return null; // "I'll, I'll go…": a restart, the act is in the next phrase
  // "have" is an act arranged only where core's `arrangedActAt` found it holding an event for a day to come ("I have an appointment on Tuesday").
  if (((notAnAction.has(verb.lemma) || notAnAction.has(verb.value.toLowerCase())) && !hasATalk(act) && !(phrase === arrangedPhrase && verb.lemma === "have")) || namesOutcome(act, 0)) return null;
  if (verb.lemma === "see" && (act[1] === undefined || wellSee.has(act[1].lemma) || timeAnchors.has(act[1].lemma))) return null;
  if (noActOpenings.some((phrase) => phraseStarts(act, phrase).includes(0))) return null;
  // "…the bottle goes down quicker than it used to, I'll say that": a point granted, nothing after it.
  if (verb.lemma === "say" && act.length === 2 && ["that", "this"].includes(act[1]!.lemma)) return null;
  // "I'm not gonna lie, it was hard": a manner of speaking. As said, not by lemma: "I'll lay low" is an act.
  if (speakingFrankly.has(verb.value.toLowerCase()) && !frankActs.has(act[1]?.lemma ?? "")) return null;
  if (verb.lemma === "look" && act[1]?.lemma === "forward") return null; // "I'll look forward to it": a feeling, not an act
  if (saysHowWell(act, 0)) return null; // "I will do poorly": how it will go, a prediction
  if (effortOnly(act)) return null;
  // "I'm going to click the end button": ending the session; "I will carry on with my evening": a goodbye.
  if (worksTheScreen(act) || (dayGoingOn.has(verb.lemma) && act.slice(1, 1 + sessionNounReach).some((token) => partsOfDay.has(token.lemma)))) return null;
  // "I'll try anything", "I'd do whatever it takes": a willingness, no act named.
  if (["try", "do"].includes(verb.lemma) && anyActAtAll.has(act[1]?.lemma ?? "")) return null;
  // "I'll try to stay positive", "I will keep my head up": an attitude is no act (`keepsAttitude`, as for a proposal);
  // nor are words to live by ("That's a rule I'm going to live by").
  if (keepsAttitude(act, 0) || (verb.lemma === "live" && act[1]?.lemma === "by")) return null;
  // "I will tell them already in an email": done, not to come.
  if (act.some((token) => token.lemma === "already")) return null;
  if (phrase.endsWith("go to") && placeAfterGoingTo.has(verb.pos) && !pointingBack.has(verb.lemma) && !visit) return null;
  if (phrase.endsWith("go to") && routinePlaces.has(verb.lemma) && (act[1] === undefined || afterPlace.has(act[1].lemma))) return null;
  if (phrase.endsWith("go to") && [act[0], act[1]].some((word) => placesOnly.has(word?.lemma ?? ""))) return null;
  // "I'm going to go lie down and take a nap": a rest, most often the reason to leave the session, not a plan.
  if (act.slice(0, 4).some((token, at) => token.lemma === "nap" || (restingVerbs.has(token.lemma) && act[at + 1]?.lemma === "down"))) return null;
  const object = act[1];
  // "I'll talk to you", "I'll tell you", "I'll leave it there": acts of the session; "I'll talk with them again" is not one.
  const addressee = object !== undefined && ["with", "to"].includes(object.lemma) ? act[2] : object;
  if (inSessionVerbs.has(verb.lemma) && (addressee === undefined || ["you", "u", "there", "now", "off", "myself", "yourself"].includes(addressee.lemma) || (object?.lemma === "it" && act.length <= 3))) return null;
  // "ok i'll copy them", "I'll paste it in": what is put into the chat itself, part of the session.
  if (chatPastes.has(verb.lemma)) return null;
  // "I will report you", "I'll block you": a complaint about the listener, part of the session, no plan.
  if (aboutTheListener.has(verb.lemma) && ["you", "u"].includes(act[1]?.lemma ?? "")) return null;
  // "I'll pray for you all": a good wish to the listener, said in parting, no plan.
  if (verb.lemma === "pray" && act[1]?.lemma === "for" && ["you", "u", "y'all"].includes(act[2]?.lemma ?? "")) return null;
  // "I'll end the chat here", "I'll finish our conversation now": the session itself.
  if (inSessionVerbs.has(verb.lemma) && namesThisSession(act)) return null;
  // "Otherwise I'll sit down and that's me done": what happens if the act is not done, foreseen — no act.
  if (before.some((token) => token.lemma === "otherwise")) return null;
  // "A few weeks ago we decided to stop": a decision told in the past, done, not to come.
  if (phrase.includes("decide") && tokens.some((token) => pastTimes.has(token.lemma))) return null;
  // "I'm not going to set fire to anything", "I've never hit anyone, I'm not going to start with Graham", "I won't do anything stupid": harm denied, no step to confirm.
  if (negated && tokens.some((token) => deniedHarms.has(token.lemma))) return null;
  // "I'm not gonna top myself", "I won't do myself in": taking one's own life denied, in the words people use for it.
  if (negated && act.some((token, at) => ["top", "do"].includes(token.lemma) && ["myself", "meself"].includes(act[at + 1]?.lemma ?? "") && (token.lemma === "top" || act[at + 2]?.lemma === "in"))) return null;
  if (negated && refusalVerbs.has(verb.lemma) && (refusalsStill.has(verb.lemma) || !endsNoMore(act))) return null;
  // "I'm not going to say yes just to make you happy", "I won't keep you long": an answer withheld, the session's own time — no step.
  if (negated && ((verb.lemma === "say" && ["yes", "no"].includes(act[1]?.lemma ?? "")) || (verb.lemma === "keep" && ["you", "u"].includes(act[1]?.lemma ?? "")))) return null;
  // "I'm not going to start cutting that out": refusing to begin a change, as "I'm not going to cut it out" refuses it.
  if (negated && (verb.lemma === "start" || verb.lemma === "begin") && refusalsStill.has(act[1]?.lemma ?? "")) return null;
  if (keepsUpUse(act)) return null;
  // "I will smoke at least a pack": the habit itself, not a change of it.
  if (!negated && harmfulHabits.has(verb.lemma)) return null;
  // "I'll try that", "I will do it this week": pointing back in a short act; "I will do that, cheers", "I'll try it now, then…": pointing back, the clause closed after it.
  const closedAfter = object !== undefined && pointingBack.has(object.lemma) && closesClause(tokens, tokens.indexOf(object) + 1);
  // "That's how I'll handle it": the act is the one just spoken of, as "I'll do that" points back to it.
  const framed = before.some((_, at) => framesDecision(before, at));
  // "I'm going to tell them I'm driving", "I'll ask them for the mornings off": "them" is who is reached, not the act pointed back at.
  const personReached = peopleReached.has(verb.lemma) && addressee?.lemma === "them" ? addressee : undefined;
  // "I'll call her this week": "this" before a time sets when, it points back at nothing.
  const pointer = (token: ReadToken) => pointingBack.has(token.lemma) && token !== personReached && !timeAnchors.has(act[act.indexOf(token) + 1]?.lemma ?? "");
  const pointing = (act.slice(1, 4).some(pointer) && act.length <= 5) || closedAfter || framed || triesWhatWasSaid(act);
  return {
    act: pointing || (act.length === 1 && (verb.lemma === "try" || verb.lemma === "do")) ? "pointing-back" : "own",
    hedged,
    bare: false,
    negated,
    reachesOut: reachingActAt(act, 0),
    ...(negated && verb.pos === "VERB" && endsNoMore(act) ? { abstains: true } : {}),
    // "I'll do it on Saturday", "I'll give them to her then": an act pointing back with more said of it (never a bare "will do").
    ...(object !== undefined && pointingBack.has(object.lemma) && act.length >= 3 && verb.lemma !== "try" && !negated ? { doesIt: true } : {}),
  };
}

/** Acts that name nothing of their own, only a try at what was put forward: "I'll take a look", "I'll have a go". */
const tryingActs: readonly (readonly string[])[] = [
  ["take", "a", "look"],
  ["have", "a", "look"],
  ["have", "a", "go"],
  ["have", "a", "think"],
];
/** Verbs that, with nothing after them but a word of time, start what was put forward: "I'll start tonight", "I'll begin tomorrow". */
const startingVerbs = new Set(["start", "begin"]);

/**
 * True when the act is one of `tryingActs`, with at most a word of time after it ("I'll have a look
 * tonight"), or a start with at most a word of `closingTimes` after it ("I'll start tonight"): it
 * points back at what was put forward.
 */
function triesWhatWasSaid(act: readonly ReadToken[]): boolean {
  if (startingVerbs.has(act[0]?.lemma ?? "") && (act.length === 1 || (act.length === 2 && closingTimes.has(act[1]!.lemma)))) return true;
  return tryingActs.some((words) => words.every((word, at) => act[at]?.lemma === word) && act.length <= words.length + 1);
}

/** The commitment of a sentence (the first its phrases find), or null. */
const commitmentFirstWords = firstWordsOf([...commitmentPhrases, ...openingIntentWords]);

export function sentenceCommitment(said: ReadSentence): Commitment | null {
  // Read without a later clause of the speaker's state (none left in a sentence already read so: `withoutStateClauses` returns it as it is).
  const sentence = withoutStateClauses(said);
  const last = sentence.tokens[sentence.tokens.length - 1];
  if (last?.value === "?" || !mayHold(sentence.tokens, commitmentFirstWords)) return null;
  let found: Commitment | null = null;
  for (const phrase of commitmentPhrases) {
    for (const index of phraseStarts(sentence.tokens, phrase)) {
      const at = commitmentAt(sentence.tokens, index, phrase.split(" ").length, phrase);
      // An unhedged reading wins over a hedged one: "Maybe not today, but I will call her on Monday" still hedges.
      if (at && (found === null || (found.hedged && !at.hedged))) found = at;
    }
  }
  if (found) return found;
  // The subject left out, as typed chat does ("Will check it out.", "Thanks, will do."): core's `openingIntentAt`, only at the opening,
  // where "will" is not before its subject ("Will that work?"). "ill" typed for "I'll" the reader has already read as "i" "ll".
  const words = sentence.tokens.filter(isWord);
  const at = openingIntentAt(words);
  if (at !== -1) return commitmentAt(sentence.tokens, sentence.tokens.indexOf(words[at]!), 1, "will");
  // An act arranged, as core's plan check reads it ("I've booked onto the programme", "I'm seeing my GP on Friday"): the act is its verb.
  const arranged = arrangedActAt(words);
  if (arranged === -1) return null;
  const verbAt = sentence.tokens.indexOf(words[arranged]!);
  const subjectAt = sentence.tokens.findLastIndex((token, index) => index < verbAt && committingSubjects.has(token.value.toLowerCase()));
  const commitment = subjectAt === -1 ? null : commitmentAt(sentence.tokens, subjectAt, verbAt - subjectAt, arrangedPhrase);
  return commitment === null ? null : { ...commitment, act: "own", arranged: true };
}

/** Phrases that state a decision, firm without a time: "I plan to return to work in spring", "I plan on seeing a doctor", "I've decided to move". */
const decisionPhrases = ["i plan to", "we plan to", "i be plan to", "i'm plan to", "i plan on", "we plan on", "i be plan on", "i'm plan on", "i have decide to", "i decide to", "i promise to", "i commit to", "my plan be to", "my plan is to"];
/** Words that, opening a sentence, draw a conclusion from what was just said: "So I'll practise with a friend first", "Then I will book the smaller venue". */
const conclusionOpenings = new Set(["so", "then"]);
/** Words that, closing a sentence, draw a conclusion or choose between ways: "…before sleep then.", "I'll go to touch rugby instead." */
const conclusionClosings = new Set(["then", "instead"]);
/**
 * True when the sentence draws a conclusion from what was just said, as an answer to a proposal
 * does: it ends on a word of `conclusionClosings` ("I'll try and switch the screen off an hour
 * before sleep then.", "I'll go to my cousin's instead.") or opens with a word of `conclusionOpenings`.
 */
function drawsConclusion(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  return conclusionClosings.has(words.at(-1)?.lemma ?? "") || conclusionOpenings.has(words[0]?.lemma ?? "");
}
/** Objects that make an act a whole new way of living, no act one can do: "change everything", "start a new life", "sort things out". */
const wholeOfLife = new Set(["everything", "life", "things"]);
/** How far after the commitment's phrase its whole-of-life object may come: "I will try to turn my whole life around". */
const wholeOfLifeReach = 6;
/** The words before and after one commitment phrase said in a sentence (`aroundCommitments`). */
interface AroundCommitment {
  before: ReadToken[];
  after: ReadToken[];
}

/** The words around each commitment phrase the sentence says, punctuation left out: read once, for the firmness rules that look before or after it. */
function aroundCommitments(sentence: ReadSentence): AroundCommitment[] {
  return commitmentPhrases.flatMap((phrase) =>
    phraseStarts(sentence.tokens, phrase).map((at) => ({
      before: sentence.tokens.slice(0, at).filter(isWord),
      after: sentence.tokens.slice(at + phrase.split(" ").length).filter(isWord),
    })),
  );
}

/** True when the commitment's act is to change the whole of life (`wholeOfLife`): to confirm, whatever else makes it firm. */
const namesNoAct = ({ after }: AroundCommitment) => after.slice(0, wholeOfLifeReach).some((token) => wholeOfLife.has(token.lemma));

/** Words that may come between a commitment phrase and its "try": "I will definitely try to…", "I'll just try and…". */
const beforeTry = new Set(["definitely", "really", "just", "also", "certainly"]);
/** How many words the act after "try to" must have to be one: "try to talk to them", not "try and find." */
const triedActWords = 2;
/**
 * True when the commitment is to try a named act: "I will try to tell my brother how I feel", "I'll
 * try and fill my schedule" — "try", then "to" or "and", then at least `triedActWords` words. A try
 * at an outcome is none (`promisesEffortOnly` leaves it out before).
 */
function triesAnAct({ after }: AroundCommitment): boolean {
  const tryAt = beforeTry.has(after[0]?.lemma ?? "") ? 1 : 0;
  return after[tryAt]?.lemma === "try" && ["to", "and"].includes(after[tryAt + 1]?.lemma ?? "") && after.length - (tryAt + 2) >= triedActWords;
}

/** Words of a yes that, opening the sentence, answer the therapist: "Yes, I'm going to tell my landlord", "yeah I will book the appointment". */
const yesWords = new Set(["yes", "yeah", "yea", "ya", "yep", "yup"]);
/** True when the sentence opens with a word of `yesWords`: the commitment answers what the therapist said, as one answering a proposal does. */
const answersYes = (sentence: ReadSentence) => yesWords.has(sentence.tokens.filter(isWord)[0]?.value.toLowerCase() ?? "");

/** True when "I think" comes right before a commitment phrase ("I think I'll ring the clinic", "I think I'm going to sign up"): how a decision is said. */
const saidAsDecision = ({ before }: AroundCommitment) => before.at(-1)?.lemma === "think" && before.at(-2)?.lemma === "i";

/** Words that make a decision told in the past tense one that holds now: "I have decided", "I've decided", "now I decided". */
const decisionHolds = new Set(["have", "'ve", "’ve", "ve", "now"]);
/**
 * True when the sentence tells a decision in the past tense ("I decided to sell the car")
 * with nothing that makes it hold now (`decisionHolds`) or sets it in a time to come
 * (`timeAnchors`): most often the story of what was done. To confirm, however it was said.
 */
function toldDecision(sentence: ReadSentence): boolean {
  const said = (token: ReadToken) => token.value.toLowerCase();
  return sentence.tokens.some((token) => said(token) === "decided") && !sentence.tokens.some((token) => decisionHolds.has(said(token)) || timeAnchors.has(token.lemma));
}

/** Parts of speech that name a thing or a person. */
const naming: ReadonlySet<string> = new Set(["NOUN", "PROPN"]);
/** True for a word that names a thing or a person, a word of time aside ("Saturday", "tonight"). */
export const namingWord = (token: ReadToken) => naming.has(token.pos) && !timeAnchors.has(token.lemma);

const takenProposalPhrases = [...proposalNouns].map((noun) => `your ${noun}`);

/** The most words a time said on its own after a commitment holds: "From Monday.", "Starting tomorrow.", "Tonight, after tea." */
const timeAloneLength = 4;
/** Sentences after a commitment that may come before the time said on its own: "I'll sit with Priya at break. I can do that. From Monday." */
const timeAloneReach = 2;

/**
 * True when, within `timeAloneReach` sentences after a commitment in its turn, a short sentence
 * (at most `timeAloneLength` words, no verb) says only when: "I'll sit with Priya at break and eat
 * it there. I can do that. From Monday." — the time is the act's.
 */
function timedAfter(following: readonly ReadSentence[]): boolean {
  const within = following.slice(0, timeAloneReach);
  const timeAt = within.findIndex(saysOnlyWhen);
  // "I'll sit with her at break. Maybe. From Monday.": a hedge or a "not" said on the way leaves it to confirm.
  return timeAt !== -1 && !within.slice(0, timeAt + 1).some(doubts);
}

/** True for a sentence that hedges or says "not" ("Maybe.", "Not Wednesday."): said beside a time, it leaves the act to confirm. */
const doubts = (sentence: ReadSentence): boolean => sentence.tokens.some((token) => isHedge(token) || token.lemma === "not");

/** True for a short sentence (at most `timeAloneLength` words, no verb, not asked) that says only when: "From Monday.", "Wednesday.", "Tonight, after tea." */
function saysOnlyWhen(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  return words.length > 0 && words.length <= timeAloneLength && !isAsked(sentence) && words.some((word, at) => timeAnchors.has(word.lemma) || clockTimeAt(words, at)) && words.every((word) => word.pos !== "VERB" && word.pos !== "AUX");
}

/** Numbers an hour is said by. */
const hours = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]);
/** True when a clock time starts at `at`: "half nine", "quarter past six", "two o'clock", "10:30", "6pm". */
const clockTimeAt = (words: readonly ReadToken[], at: number): boolean => {
  const word = words[at]!.value.toLowerCase();
  const next = words[at + 1]?.value.toLowerCase() ?? "";
  if (word === "half" || word === "quarter") return hours.has(next) || next === "past" || next === "to";
  return /^\d{1,2}(?::\d\d)?(?:am|pm)?$/.test(word) && (word.includes(":") || /[ap]m$/.test(word) || /^o'?clock$|^[ap]m$/.test(next)) || (hours.has(word) && /^o'?clock$/.test(next));
};

/**
 * True when, in the `timeAloneReach` sentences just before a commitment in its turn, a sentence
 * says only when (`saysOnlyWhen`) and none hedges or says "not": "Yeah. Wednesday. Two o'clock,
 * after me dinner. I'll go down and sort the shed out." — the time is the act's.
 */
function timedBefore(preceding: readonly ReadSentence[]): boolean {
  const within = preceding.slice(-timeAloneReach);
  return within.some(saysOnlyWhen) && !within.some(doubts);
}

/** Words of harm that a commitment said with "not" denies (core's `harmingActs`, and a fire, a blow, anything "stupid"): a denial, never a step. */
const deniedHarms: ReadonlySet<string> = new Set([...harmingActs, "hit", "fire", "burn", "stupid", "daft", "silly"]);

/** Words of certainty: "I will definitely go look for it", "I'll try hiking for sure". */
const certainty = new Set(["definitely", "certainly", "surely", "sure", "absolutely", "promise", "forsure"]);

/**
 * How firm a patient's own commitment is. Firm: not hedged, not a decision told in the past
 * (`toldDecision`), and the act is set in a time to come
 * (`timeAnchors`, or said alone just after or just before it: `timedAfter`, `timedBefore`), said with certainty (`certainty`), stated as a decision (`decisionPhrases`, or
 * after "I think": `saidAsDecision`), a try at a named act (`triesAnAct`), an act of reaching out or
 * finding out (`Commitment.reachesOut`: "I will talk to my cousin about the spare room"),
 * said in answer to a proposal of the therapist ("You could ring the helpline." — "I'm going to
 * ring them after this."; not one said with "not", which may refuse it), opening with a yes
 * (`answersYes`: "Yes, I'm going to tell my landlord") or as a conclusion drawn
 * from what was said (`drawsConclusion`: "I'll stop using it before bed then.", "So I'll practise first.") or said in a turn that thanks the therapist (`thanksInTurn`: "Thank you
 * for listening. I'm going to call the bank." — what the patient takes from the session into
 * action). Anything weaker ("I'm going to start a new life", "maybe I'll call her", "I guess I'll
 * quit") is to confirm with the patient: a false line in a signed plan is worse than a gap.
 */
export function commitmentFirmness(sentence: ReadSentence, commitment: Commitment, answersProposal: boolean, thanksInTurn: boolean, following: readonly ReadSentence[] = [], preceding: readonly ReadSentence[] = []): "firm" | "to-confirm" {
  const around = aroundCommitments(sentence);
  if (commitment.hedged || around.some(namesNoAct) || toldDecision(sentence)) return "to-confirm";
  // "I'm not going to move my brother out of the flat" after a proposal may refuse it: only a time or certainty makes it firm.
  if ((answersProposal || thanksInTurn || drawsConclusion(sentence) || answersYes(sentence) || commitment.arranged === true) && commitment.negated !== true) return "firm";
  const said = (words: ReadonlySet<string>) => sentence.tokens.some((token) => words.has(token.lemma) || words.has(token.value.toLowerCase()));
  if (said(timeAnchors) || said(certainty) || commitment.abstains === true || timedAfter(following) || timedBefore(preceding)) return "firm";
  if ((around.some(saidAsDecision) || around.some(triesAnAct) || commitment.reachesOut === true) && commitment.negated !== true) return "firm";
  // "we'll follow your suggestion": the act is what the therapist proposed.
  if (takenProposalPhrases.some((phrase) => phraseStarts(sentence.tokens, phrase).length > 0)) return "firm";
  return decisionPhrases.some((phrase) => phraseStarts(sentence.tokens, phrase).length > 0) ? "firm" : "to-confirm";
}

/** True for a word of thanks (core's `thanksWords`, by lemma or as said). */
export const isThanks = (token: ReadToken): boolean => thanksWords.has(token.lemma) || thanksWords.has(token.value.toLowerCase());

/** The patient's own commitments, the firm ones (the plan) apart from those to confirm. */
export interface FoundCommitments {
  firm: NoteItemDraft[];
  toConfirm: NoteItemDraft[];
  /** Ideas put forward (`findCommitments`' `ideas`) that a later commitment firmed: quoted in `firm`, no longer to confirm. */
  firmedIdeas: NoteItemDraft[];
}

/**
 * The patient's own commitments: sentences of the patient's turns that commit to a future act in
 * their own words (`sentenceCommitment`, "I'm going to ring my sister on Sunday"), sorted by
 * `commitmentFirmness` — `answersProposal(index, sentence)` says whether the sentence of the segment
 * at `index` answers a proposal of the therapist's turn before it (a proposal there, or an assent
 * in the sentence naming one: "Good idea too, I shall read on the train"), and a turn
 * holding one of core's `thanksWords` thanks the therapist. One that points back at what was proposed ("I'll try that")
 * is not an item here: it is the assent to the therapist's proposal (`findAgreedProposals`). The
 * therapist's own future ("I'll see you next week") is never the patient's. A speaker of unknown
 * role is read as possibly the patient, and the item then names no speaker. Each is quoted whole
 * and cites its span (with the sentence before it when it ends on "then" and that one names when:
 * `quoteStart`). A firm act pointing back with more said of it (`doesIt`: "I'll do it on Saturday")
 * firms the line to confirm just named — in the same or the next turn of the patient's — or an idea
 * of `ideas` (put forward in answer to a question asking for the plan) in the same turn: one line
 * quoting both (`firmedBy`); the ideas so firmed are returned in `firmedIdeas`.
 * @returns the items in transcript order (empty lists when none).
 */
export function findCommitments(segments: readonly ReadSegment[], answersProposal: (index: number, sentence: ReadSentence) => boolean, ideas: readonly NoteItemDraft[] = []): FoundCommitments {
  const found: FoundCommitments = { firm: [], toConfirm: [], firmedIdeas: [] };
  // The patient's last commitment to confirm, or idea put forward (`ideas`), and how many of their turns ago it was said.
  let named: { item: NoteItemDraft; turnsAgo: number; idea: boolean } | undefined;
  segments.forEach((whole, index) => {
    if (whole.role === "therapist") return;
    const segment = withOwnClauses(whole);
    if (named !== undefined) named.turnsAgo += 1;
    // "Can you tell me what a typical evening looks like?" — "…and then I'll pop down the pub.": a habit told, no commitment.
    const before = segments[index - 1];
    if (before?.role === "therapist" && asksAboutHabit(before)) return;
    const thanks = segment.sentences.some((sentence) => sentence.tokens.some(isThanks));
    if (retractedNext(segments, index)) return;
    segment.sentences.forEach((sentence, at) => {
      const idea = ideas.find((item) => item.evidence[0]?.segmentId === segment.id && item.evidence[0]?.start === sentence.start);
      if (idea !== undefined) named = { item: idea, turnsAgo: 0, idea: true };
      const commitment = sentenceCommitment(sentence);
      if (commitment === null || toldAsDone(segment.sentences[at + 1]) || restatesCondition(segment.sentences, at) || keepsThinking(sentence) || toldAsContent(sentence) || onlyIfWanted(sentence) || promisedNotBefore(sentence) || segment.sentences.slice(at + 1).some((later) => takesBack(later))) return;
      const proposed = answersProposal(index, sentence);
      // "I'll try and keep away from him. I can't promise I won't see him.": what the turn goes on to not promise is to confirm.
      const firm = commitmentFirmness(sentence, commitment, proposed, thanks, segment.sentences.slice(at + 1), segment.sentences.slice(0, at)) === "firm" && !promisesNot(segment.sentences.slice(at + 1));
      // "I'm gonna say sorry to the owner." … "I'll do it on Saturday.", "I could give them to my sister." … "I'll give them to her then.":
      // a firm "do it", or an act pointing back at no proposal, firms the act just named, quoted with it.
      // Pointing back past a proposal, it answers the proposal — unless what it points at was named in this very turn.
      const pointsBack = commitment.doesIt === true && (!proposed || named?.turnsAgo === 0);
      // An idea is firmed only in its own turn: across a turn of the therapist's, the agreement to it is `findAgreedProposals`' line.
      if (firm && pointsBack && named !== undefined && named.turnsAgo <= (named.idea ? 0 : doesItReach) && !(named.item.evidence[0]?.segmentId === segment.id && named.item.evidence[0]?.start === sentence.start)) {
        if (named.idea) found.firmedIdeas.push(named.item);
        else found.toConfirm.splice(found.toConfirm.indexOf(named.item), 1);
        found.firm.push(firmedBy(named.item, quotedSentence(segment, sentence)));
        named = undefined;
        return;
      }
      if (commitment.act !== "own") return;
      const item = quotedSentence(segment, quoteEnd(segment, at, commitment), quoteStart(segment, at));
      const list = firm ? found.firm : found.toConfirm;
      // "I'll tell her. I'll tell her tonight, I think.": the act said again, with more of it, is one line quoting both.
      const last = list.at(-1);
      if (last !== undefined && saysAgain(segment, at, last)) {
        list[list.length - 1] = quotedSentence(segment, quoteEnd(segment, at, commitment), { start: last.evidence[0]!.start });
        if (!firm) named = { item: list.at(-1)!, turnsAgo: 0, idea: false };
        return;
      }
      if (!firm) {
        found.toConfirm.push(item);
        named = { item, turnsAgo: 0, idea: false };
        return;
      }
      found.firm.push(item);
    });
  });
  return found;
}

/** Words that may join a clause of its own to a commitment that points back: "I'll do it tonight, and I'll ask Tom…". */
const clauseJoins = new Set(["and", ","]);

/**
 * The segment with each sentence whose commitment only points back ("I'll do it tonight") split
 * where a clause of its own commitment follows ("…, and I'll ask Tom if he'll walk it with me"):
 * the act pointed back at is read as before, and the later act is a sentence of its own, so that
 * it is not lost behind the first.
 */
function withOwnClauses(segment: ReadSegment): ReadSegment {
  const split = (sentence: ReadSentence): ReadSentence[] => {
    // The join is looked for first: most sentences hold none, and their commitment is then read once, by `findCommitments`.
    const tokens = sentence.tokens;
    const at = tokens.findIndex((token, index) => index > 0 && clauseJoins.has(token.lemma) && committingSubjects.has(tokens[index + 1]?.value.toLowerCase() ?? "") && !clauseJoins.has(tokens[index + 1]!.lemma));
    if (at === -1) return [sentence];
    const first = sentenceCommitment(sentence);
    if (first?.act !== "pointing-back" || first.bare) return [sentence];
    const tail: ReadSentence = { start: tokens[at + 1]!.start, end: sentence.end, tokens: tokens.slice(at + 1) };
    if (sentenceCommitment(tail)?.act !== "own") return [sentence];
    return [{ start: sentence.start, end: tokens[at - 1]!.end, tokens: tokens.slice(0, at) }, tail];
  };
  const sentences = segment.sentences.flatMap(split);
  return sentences.length === segment.sentences.length ? segment : { ...segment, sentences };
}

/** Words by which a question asks what the patient usually does: "What does a typical evening look like?", "What do you usually do?", "What's your routine?". */
export const habitAsked: ReadonlySet<string> = new Set(["typical", "typically", "usually", "normally", "generally", "routine", "tend"]);

/** True when the turn's last sentence asks what the patient usually does (`habitAsked`), avoids or has stopped doing: its answer tells a habit, and its "I'll" and "I won't" are of it. */
function asksAboutHabit(turn: ReadSegment): boolean {
  const last = turn.sentences.at(-1);
  if (last === undefined || !isAsked(last)) return false;
  const words = last.tokens.filter(isWord);
  // "What sort of things have you stopped doing?", "What have you been avoiding?": what is done now, or no longer.
  const avoidance = words.some((token, at) => token.lemma === "avoid" || (token.lemma === "stop" && words[at + 1]?.value.toLowerCase() === "doing"));
  return avoidance || last.tokens.some((token) => habitAsked.has(token.value.toLowerCase()) || habitAsked.has(token.lemma));
}

/** True when the sentence tells a thought that keeps coming ("I keep thinking I'll go back when I feel better", "I kept thinking I'd ring her"): a habit of mind, no act committed to. */
function keepsThinking(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  return words.some((token, at) => token.lemma === "keep" && words[at + 1]?.value.toLowerCase() === "thinking");
}

/**
 * True when the sentence opens "That I…" ("What does your OCD tell you will happen?" — "That I'll
 * get something and give it to Hannah."), or says "I'll" as what a thought pictures or a fear
 * foresees ("I get the thought that I'll hold her under", "I'm scared I'll drop her"): the content
 * of a fear or a belief, not an act.
 */
function toldAsContent(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord).map((token) => token.value.toLowerCase().replace("’", "'"));
  const [first, second] = words;
  if (first === "that" && second !== undefined && ["i", "i'll", "ill", "i'd"].includes(second)) return true;
  // "…and I saw his name come up and I thought, I'll ring him back when I get home": a thought quoted from the past.
  const tokens = sentence.tokens.map((token) => token.value.toLowerCase());
  if (tokens.some((token, at) => (token === "thought" || token === "said" || token === "think") && tokens[at - 1] === "i" && [",", ":", "—"].includes(tokens[at + 1] ?? "") && ["i", "i'll", "ill"].includes(tokens[at + 2] ?? ""))) return true;
  // "…and every time i thought i'll sort it before she finds out": a past thought quoted without its comma, as speech recognition gives it.
  if (tokens.some((token, at) => token === "thought" && tokens[at - 1] === "i" && (["i'll", "ill"].includes(tokens[at + 1] ?? "") || (tokens[at + 1] === "i" && ["'ll", "will", "ll"].includes(tokens[at + 2] ?? ""))))) return true;
  // "I get the thought that I'll hold her under", "I'm scared I'll drop her": what is feared or pictured, not an act.
  return words.some((word, at) => (thoughtNouns.has(word) && words[at + 1] === "that") || (fearWords.has(word) && /^(?:that )?i(?:'ll| will| might| would|'d)\b/.test(words.slice(at + 1, at + 4).join(" ").replace(/ '/g, "'"))));
}

/** Words after "leave that" that close it as a refusal: "I'll leave that, thanks", "I'll leave it for now", "leave it there". */
const leftClosers: ReadonlySet<string> = new Set(["thanks", "thank", "for", "then", "there", "though", "actually", "and", "but"]);
/** True when an act leaves what was put forward be: "leave" and a word pointing back, then nothing or only a closer (`leftClosers`). */
function leavesItBe(act: readonly ReadToken[]): boolean {
  const words = act.filter(isWord);
  return words[0]?.lemma === "leave" && ["that", "it", "this", "those"].includes(words[1]?.lemma ?? "") && (words[2] === undefined || leftClosers.has(words[2].lemma));
}

/** What a thought is called: "the thought that I'll…", "this picture that I'll…". */
const thoughtNouns: ReadonlySet<string> = new Set(["thought", "thoughts", "image", "images", "picture", "pictures", "fear", "fears", "worry", "worries", "feeling", "idea", "urge", "urges", "voice", "voices"]);
/** What fears it: "scared I'll", "terrified that I'd". */
const fearWords: ReadonlySet<string> = new Set(["scared", "afraid", "terrified", "frightened", "worried", "worry", "fear", "dread", "panic", "panicking"]);

/**
 * True when the sentence makes its act wait on the speaker's own wish: "If I want to talk to
 * somebody I'll talk to somebody I know", "if I feel like it I'll go". It commits to nothing ("If
 * I need to, I'll ring the crisis line" does, and stays to confirm).
 */
function onlyIfWanted(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord).map((token) => token.value.toLowerCase());
  const at = words.indexOf("if");
  return at !== -1 && at <= 2 && words[at + 1] === "i" && (["want", "wanna", "fancy"].includes(words[at + 2] ?? "") || (words[at + 2] === "feel" && words[at + 3] === "like"));
}

/** Words that set a condition on what a sentence says will be done: "if they put me on nights I'll lose it". */
const settingCondition = new Set(["if", "unless"]);
/**
 * True when the sentence at `at` opens "I mean" or "Or" and an earlier sentence of the turn sets a
 * condition (`settingCondition`): "If they put me on nights I'll lose it. Not like that. I mean
 * I'll pack it in.", "If she kicks off I'll go to my aunt's. Or I'll stop talking to her." say
 * again, or otherwise, what would happen then: no act committed to.
 */
export function restatesCondition(sentences: readonly ReadSentence[], at: number): boolean {
  const [first, second] = sentences[at]!.tokens.filter(isWord);
  const goesOn = (first?.lemma === "i" && second?.value.toLowerCase() === "mean") || first?.lemma === "or";
  return goesOn && sentences.slice(0, at).some((sentence) => sentence.tokens.some((token) => settingCondition.has(token.lemma)));
}

/** How a clause opens that takes back what the speaker just said they would do, as lemma sequences: "Actually — no.", "Scratch that.", "On second thoughts…". */
const takingBack: readonly (readonly string[])[] = [
  ["actually", "no"],
  ["no", "actually"],
  ["scratch", "that"],
  ["scrap", "that"],
  ["forget", "that"],
  ["forget", "i", "say", "that"],
  ["on", "second", "thought"],
  ["on", "second", "thoughts"],
  ["i", "take", "that", "back"],
  ["i", "take", "it", "back"],
  ["wait", "no"],
  ["wait", "actually", "no"],
  ["actually", "nah"],
  ["wait", "nah"],
];
/** Of `takingBack`, those that take back what was said before, whatever came between: "Scratch that.", said after the therapist's question, still takes it back ("Actually, no." may answer the question). */
const retracting: readonly (readonly string[])[] = takingBack.filter((sequence) => !["actually", "no", "wait"].includes(sequence[0]!));
/** Sounds a take-back may open with: "Oh, actually, no.", "Hmm — scratch that." */
const takeBackLeads: ReadonlySet<string> = new Set(["oh", "um", "uh", "er", "erm", "well", "hmm", "ah", "no"]);

/**
 * True when a clause of the sentence opens by taking back what was just said (`takingBack`, after
 * sounds of `takeBackLeads`): "Yeah, I'll tell her tonight. Actually — no. She's got her mum in hospital."
 * leaves no plan; a commitment said after it in the turn stands on its own ("Actually no, I'll do it
 * on Friday").
 */
export function takesBack(sentence: ReadSentence, sequences: readonly (readonly string[])[] = takingBack): boolean {
  const words = sentence.tokens.filter(isWord);
  // "Actually — no.": a reader may keep the stop on the word after a dash ("no.").
  const said = (at: number) => [words[at]?.lemma, words[at]?.value.toLowerCase()].map((word) => word?.replace(/[.!?,]+$/, ""));
  // Where a clause opens: the sentence's start, after a mark ("— [pause] Actually, no"), or after a word a reader kept its stop on ("no. Scratch that").
  const opens = (at: number) => {
    if (at === 0) return true;
    const before = sentence.tokens[sentence.tokens.indexOf(words[at]!) - 1];
    return (before !== undefined && !isWord(before)) || /[.!?]$/.test(words[at - 1]!.value);
  };
  return words.some((_, start) => {
    if (!opens(start)) return false;
    let from = start;
    while (from < start + 2 && takeBackLeads.has(words[from]?.lemma ?? "")) from += 1;
    return sequences.some((sequence) => sequence.every((part, offset) => said(from + offset).includes(part)));
  });
}

/**
 * True when the speaker of the segment at `index` retracts it in their next turn, within the next
 * two segments (`retracting`): "I'll email HR tonight." — "What would you say?" — "That the
 * workload's unmanageable and — actually, no. Scratch that."; in the message straight after, any
 * take-back (`takingBack`: "wait actually no").
 */
export function retractedNext(segments: readonly ReadSegment[], index: number): boolean {
  const nextOwn = segments.slice(index + 1, index + 3).find((later) => later.speaker === segments[index]!.speaker);
  // A message sent straight after, with nothing asked between ("ya ok i'll email her tonight" — "wait actually no"), takes back in any words.
  const straightAfter = nextOwn === segments[index + 1];
  return nextOwn !== undefined && nextOwn.sentences.some((sentence) => takesBack(sentence, straightAfter ? takingBack : retracting));
}

/**
 * True when the sentence takes back a promise before its commitment, or as its commitment: "I
 * won't promise I'll take anything", "I'll not promise to take anything he gives me" refuse what
 * follows.
 */
function promisedNotBefore(sentence: ReadSentence): boolean {
  const promiseAt = promiseTakenBackAt(sentence.tokens);
  return promiseAt !== -1 && commitmentStarts(sentence.tokens).some((start) => start > promiseAt || (start < promiseAt && promiseAt - start <= 3));
}

/** True when the words grant a point (`grantingPoints`): "Decent biscuits, I'll give them that." */
export const grantsAPoint = (tokens: readonly ReadToken[]): boolean => grantingPoints.some((phrase) => phraseStarts(tokens.filter(isWord), phrase).length > 0);

/** Words after "can't", "won't", "no" or "not" that take back a promise: "I can't promise", "no promises", "not promising". */
const promiseWords = new Set(["promise", "promises", "promising"]);
/** True when a sentence takes back a promise (`promiseWords` negated, or "no promises"): "I can't promise I won't see him.", "Not promising.". */
function promisesNot(sentences: readonly ReadSentence[]): boolean {
  return sentences.some((sentence) => promiseTakenBackAt(sentence.tokens) !== -1);
}

/** Where in the tokens the first promise word taken back stands (`promiseWords` with a negation in the two words before it), or -1. */
function promiseTakenBackAt(tokens: readonly ReadToken[]): number {
  const words = tokens.filter(isWord);
  const at = words.findIndex((token, index) => promiseWords.has(token.value.toLowerCase()) && words.slice(Math.max(0, index - 2), index).some((before) => before.negated || ["not", "no", "n't", "can't", "cannot", "won't"].includes(before.value.toLowerCase()) || before.lemma === "not"));
  return at === -1 ? -1 : tokens.indexOf(words[at]!);
}

/**
 * True when the sentence at `at` says again the act of `last`, the item quoting the sentence right
 * before it in the same turn: the same verb of an act (`emptyVerbs` aside) — "I'll tell her. I'll
 * tell her tonight, I think, 'cause she's off tomorrow."
 */
function saysAgain(segment: ReadSegment, at: number, last: NoteItemDraft): boolean {
  const before = segment.sentences[at - 1];
  const span = last.evidence[0];
  if (before === undefined || span === undefined || last.evidence.length !== 1 || span.segmentId !== segment.id || span.end !== before.end) return false;
  const verbs = (sentence: ReadSentence) => new Set(sentence.tokens.filter((token) => token.pos === "VERB" && !emptyVerbs.has(token.lemma)).map((token) => token.lemma));
  const said = verbs(before);
  return [...verbs(segment.sentences[at]!)].some((verb) => said.has(verb));
}

/** How many of the patient's turns after a commitment to confirm a firm "I'll do it…" or "I'll give them to her then" may firm it: the same turn or the next. */
const doesItReach = 1;

/** A commitment to confirm firmed by a later one pointing back at it ("I'm gonna say sorry to the owner. — “I'll do it on Saturday.”"): both quoted, both cited. */
function firmedBy(named: NoteItemDraft, firming: NoteItemDraft): NoteItemDraft {
  const text = `${named.quote} — “${firming.quote}”`;
  return { ...named, text, evidence: [...named.evidence, ...firming.evidence] };
}

/** A patient's sentence as a plan item: quoted whole, citing its span, the patient's when the speaker's role is known to be. */
export function quotedSentence(segment: ReadSegment, sentence: ReadSentence, from: Pick<ReadSentence, "start"> = sentence): NoteItemDraft {
  const quote = segment.text.slice(from.start, sentence.end);
  return { text: quote, quote, ...(segment.role === "patient" ? { speaker: "patient" as const } : {}), evidence: [{ segmentId: segment.id, start: from.start, end: sentence.end }] };
}

/** Words that name when, beside `timeAnchors`: a month, a feast, a birthday, a date ("the fourteenth", "the 3rd"). */
const dateWords = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "christmas", "easter", "birthday", "anniversary", "holiday", "holidays"]);
const ordinalDate = /^(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)$/i;
const namesWhen = (sentence: ReadSentence) => sentence.tokens.some((token) => timeAnchors.has(token.lemma) || dateWords.has(token.lemma) || ordinalDate.test(token.value));

/**
 * Where the quote of a commitment at `at` in `segment` starts: the sentence before it when this one
 * ends on "then" and that one names when ("My birthday's on the fourteenth. I'll stop then."), so
 * the line carries the day; else the commitment's own sentence.
 */
function quoteStart(segment: ReadSegment, at: number): ReadSentence {
  const sentence = segment.sentences[at]!;
  const before = segment.sentences[at - 1];
  const endsThen = sentence.tokens.filter(isWord).at(-1)?.lemma === "then";
  return endsThen && before !== undefined && namesWhen(before) ? before : sentence;
}

/**
 * The last sentence an arranged commitment's quote holds: its own, or the next when its own ends
 * pointing back at what it arranged (core's `namedBefore`) and the next opens pointing at it again
 * and names when ("I've
 * booked onto it. It starts on the fourteenth, Tuesday evenings."): the plan line then says when.
 */
function quoteEnd(segment: ReadSegment, at: number, commitment: Commitment): ReadSentence {
  const sentence = segment.sentences[at]!;
  const next = segment.sentences[at + 1];
  if (commitment.arranged !== true || next === undefined) return sentence;
  const endsPointing = namedBefore.has(sentence.tokens.filter(isWord).at(-1)?.lemma ?? "");
  const opensPointing = namedBefore.has(next.tokens.find(isWord)?.lemma ?? "");
  return endsPointing && opensPointing && namesWhen(next) ? next : sentence;
}

/** Past forms that, after "So I", tell what the speaker then did: "So I started asking around". */
const doneVerbs = new Set(["started", "began", "did", "went", "tried", "asked", "called", "rang", "talked", "spoke", "told", "wrote", "made", "took", "booked", "joined", "signed"]);

/**
 * True when the sentence after a commitment opens telling it done — "so", "and so" or "then", "I"
 * and a past act of `doneVerbs` ("…I'll ask the other parents how they manage. So I started asking
 * around…"): the commitment is a decision narrated, kept already, not a plan for after the session.
 */
function toldAsDone(next: ReadSentence | undefined): boolean {
  const words = (next?.tokens ?? []).filter(isWord).map((token) => token.value.toLowerCase());
  const from = words[0] === "so" || words[0] === "then" ? 1 : words[0] === "and" && words[1] === "so" ? 2 : -1;
  return from !== -1 && words[from] === "i" && doneVerbs.has(words[from + 1] ?? "");
}
