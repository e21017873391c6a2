import type { ClaimReader, ClaimWord } from "../ports/claim-reader.ts";
import { acceptsOffer, arrangingOfferAt, echoesOffer, iWould } from "./arranged-offer.ts";
import { announcesSummary, confirmsPlainly, isPlanSummary } from "./confirmed-summary.ts";
import { claimSentences } from "./claim-sentences.ts";
import { hedgeAdverbs } from "./hedge-words.ts";
import { actAloneAt, asksForDecidedAct } from "./plan-question.ts";
import type { SpeakerRole } from "./transcript.ts";
import { is, type MatchedWord, weekdays } from "./word-match.ts";

/**
 * A plan item states what was agreed: it stands only on words in which the patient commits to an
 * act or takes up a proposal. This is the rule's data.
 */

/** First-person subjects of a commitment, as a reader may give them ("I'm" may be one word). */
export const committingSubjects: ReadonlySet<string> = new Set(["i", "we", "i'm", "i’m", "im", "we're", "we’re", "i've", "i’ve"]);
/**
 * Markers of intent after the subject, within `markerReach` words: "I'll", "I will", "we shall",
 * "I'm gonna", "I'm going to", "I plan to", "I've decided to", "I promise", "I'll try". ("ll" is
 * how a plain reader reads "'ll".)
 */
export const intentMarkers: ReadonlySet<string> = new Set(["will", "ll", "’ll", "'ll", "shall", "gonna", "plan", "intend", "decide", "promise", "commit"]);
/** Subject and marker of intent typed as one word ("I'mma call her", "imma go"): they commit wherever they stand, as the writer's own phrases read them. */
export const fusedIntents: ReadonlySet<string> = new Set(["i'mma", "i’mma", "imma"]);
/** Words that commit when they open a sentence: "will" with its subject left out ("Will do."), "ill" typed for "I'll" ("ill call them"). */
export const openingIntentWords: ReadonlySet<string> = new Set(["will", "ill"]);
/** Words that, right after an opening "will", are its subject: the sentence asks ("Will that work?", "will it help", "will you…"), it commits to nothing. */
export const askingSubjects: ReadonlySet<string> = new Set(["that", "it", "this", "they", "you", "u", "he", "she", "there", "things", "we"]);
/** Words that may lead an opening intent word (`openingIntentAt`): "Okay ill check those out", "Sure, will do". */
export const intentLeads: ReadonlySet<string> = new Set(["okay", "ok", "yes", "yeah", "yea", "sure", "alright", "actually", "fine"]);
/** "going to" / "go to" after the subject marks intent too. */
export const goingLemmas: ReadonlySet<string> = new Set(["go", "going"]);
/** How many words after the subject a marker may come: "I really will", "I am going to", "I have decided to". */
export const markerReach = 3;
/** Nouns that name what the therapist put forward as a proposal: "good idea", "your advice", "a good approach". */
export const proposalNouns: ReadonlySet<string> = new Set(["idea", "suggestion", "advice", "tip", "approach", "recommendation"]);
/** Words of praise that, right before a proposal noun, take the proposal up: "good idea", "wonderful advice", "very helpful suggestion". */
export const praiseWords: ReadonlySet<string> = new Set(["good", "great", "nice", "excellent", "wonderful", "brilliant", "fantastic", "helpful", "useful", "awesome", "amazing", "valuable", "sensible", "smart", "clever", "solid", "thoughtful", "perfect", "lovely", "cool"]);
/** Every praise of a proposal as a word pair (`praiseWords` before `proposalNouns`): "great idea", "helpful advice". */
export const praiseSequences: readonly (readonly string[])[] = [...praiseWords].flatMap((praise) => [...proposalNouns].map((noun) => [praise, noun] as const));
/** Verbs of liking that, before a proposal noun and a word pointing at it, take the proposal up: "I like that idea", "love your suggestion". */
export const likingVerbs: ReadonlySet<string> = new Set(["like", "love"]);
/** Words by which a liking points at the proposal: "like the idea", "love your suggestion". */
export const likedPointers: ReadonlySet<string> = new Set(["the", "that", "this", "your"]);
/** Every liking of a proposal as a word sequence (`likingVerbs`, `likedPointers`, `proposalNouns`): "like the idea", "love your suggestion". */
export const likingSequences: readonly (readonly string[])[] = [...likingVerbs].flatMap((verb) => [...likedPointers].flatMap((pointer) => [...proposalNouns].map((noun) => [verb, pointer, noun] as const)));
/** Verbs of wanting after "I would" that take up what was asked: "I'd like that", "I would love that". */
export const wantingVerbs: readonly string[] = ["like", "love"];

/** Assents to a proposal, as word sequences (by lemma or value): a praise of it (`praiseSequences`), a liking of it (`likingSequences`), "sounds good", "will do", "not a bad idea" (the negation is of "bad", not of the assent). */
export const assentSequences: readonly (readonly string[])[] = [
  ...praiseSequences,
  ...likingSequences,
  ["not", "a", "bad", "idea"],
  ["not", "such", "a", "bad", "idea"],
  ["not", "sound", "like", "a", "bad", "idea"],
  ["not", "seem", "like", "a", "bad", "idea"],
  ["willing", "to", "try"],
  ["worth", "a", "try"],
  ["give", "it", "a", "try"],
  ["something", "i", "can", "do"],
  ["sound", "good"],
  ["sounds", "good"],
  ["sound", "like", "a", "plan"],
  ["sounds", "like", "a", "plan"],
  ["will", "do"],
  ["will", "try"],
  ["can", "do", "that"],
  ["consider", "it", "done"],
  // The writer's other plain and naming assents (suggestions.ts): "sounds like a good plan", "really like that one".
  ["sound", "like", "a", "good"],
  ["sounds", "like", "a", "good"],
  ["sound", "like", "a", "great"],
  ["sounds", "like", "a", "great"],
  ["sound", "great"],
  ["sounds", "great"],
  ["i", "like", "that"],
  ["really", "like", "that"],
  ["worth", "a", "shot"],
  ["give", "that", "a", "try"],
  ["give", "it", "a", "shot"],
  ["give", "it", "a", "go"],
  ["give", "that", "a", "go"],
  // "I like your suggestion", "That sounds wonderful": the writer's naming and plain assents.
  ["sound", "wonderful"],
  ["sounds", "wonderful"],
  ["sound", "lovely"],
  ["sounds", "lovely"],
  ["sound", "perfect"],
  ["sounds", "perfect"],
  ["sound", "nice"],
  ["sounds", "nice"],
  ["sound", "like", "what", "i", "should", "do"],
  // "That sounds like something I could try": the proposal named as one the patient takes up.
  ["something", "i", "could", "try"],
  ["something", "i", "can", "try"],
  // "Yes, that is my plan", "That's the plan": what was put forward taken up as the patient's own plan.
  ["that", "be", "my", "plan"],
  ["that", "be", "the", "plan"],
  // "Yeah okay, that's doable", "That works for me": what was put forward judged one the patient can do.
  ["that", "be", "doable"],
  ["that", "sound", "doable"],
  ["that", "sounds", "doable"],
  ["that", "be", "manageable"],
  ["can", "manage", "that"],
  ["that", "work", "for", "me"],
  ["that", "works", "for", "me"],
  // "Yeah. Let's do both.": the patient takes up what was put forward, as their own.
  ["let", "us", "do", "both"],
  ["let", "us", "do", "that"],
  ["let", "us", "do", "it"],
  // "Yes, I'd like that", "I would love that": a proposal asked, taken up, in each reading of "I would" (`iWould`).
  ...iWould.flatMap((would) => wantingVerbs.map((verb) => [...would, verb, "that"])),
];
/** Words of thanks: an assent sequence after one and "for" is what is thanked for ("Thanks for the great advice"), not an assent. */
export const thanksWords: ReadonlySet<string> = new Set(["thank", "thanks", "thx", "ty", "appreciate"]);
/** How many words before an assent "for" still makes it thanked for ("thank you for all the good advice"). */
export const thankedReach = 4;

/**
 * Words that leave a sentence short of a commitment or an assent: a hedge (`hedgeAdverbs`), a
 * condition ("if it carries on I'll…") or a hope or wish ("I hope I will").
 */
export const hedgeWords: ReadonlySet<string> = new Set([...hedgeAdverbs, "if", "unless", "hope", "wish"]);
/**
 * Word sequences that leave a sentence short of a commitment even beside an assent: the patient
 * guesses or supposes they will ("I guess I will do that"; "I think I'll call her" is a decision
 * said softly, not a hedge) or takes it up only to keep it in mind ("I'll take note of it", "I'll
 * keep it in mind"). Such words are for the clinician to confirm, never a plan. Finding something
 * out is an act ("I'll look into it", "Will check it out"), and an assent keeps its force beside
 * "I could" ("That's a good idea, I could try that").
 */
export const tentativeSequences: readonly (readonly string[])[] = [
  ["guess", "i"],
  ["suppose", "i"],
  ["take", "note"],
  ["keep", "in", "mind"],
  ["keep", "that", "in", "mind"],
  ["keep", "it", "in", "mind"],
  ["keep", "this", "in", "mind"],
];
/** Verbs after which "if" means "whether", not a condition: "I'll call and see if they have a place". */
export const whetherVerbs: ReadonlySet<string> = new Set(["see", "check", "ask", "find", "out", "know", "wonder"]);
/** Subjects of a later clause that says how the speaker will feel: "…, I'll be glad if it helps", "…, we're happy if she comes". */
export const stateSubjects: ReadonlySet<string> = new Set(["i", "we"]);
/** Auxiliaries that may come between such a subject and "be": "I will be", "I'd be" ("ll" and "d" as a plain reader reads "'ll" and "'d"). */
export const stateAuxiliaries: ReadonlySet<string> = new Set(["will", "would", "ll", "d"]);
/** How far after "be" a "to" makes the clause a willingness to act ("I'd be happy to call her"), not a state. */
export const willingnessReach = 3;

/** A word of a sentence as a clause reading needs it: its lemma and value, and whether a comma or semicolon comes right before it. */
export interface ClauseWord {
  lemma: string;
  value: string;
  afterComma: boolean;
}

/** Verbs of hoping that, right after the subject of a later clause, make it the speaker's hope about how things go: "…, and I hope it helps". */
export const hopingVerbs: ReadonlySet<string> = new Set(["hope"]);

/** Words after "be" that name where the speaker will be, not how they will feel: "I'll be there". */
export const placesBeen: ReadonlySet<string> = new Set(["there", "here"]);

/**
 * Which words of a sentence make a later clause of the speaker's own state or feeling: from a
 * subject of `stateSubjects` after a comma or semicolon, "be" next (or after "will" or "would"),
 * to the next comma or semicolon or the sentence's end — not when "to" follows "be" within
 * `willingnessReach` words ("I'd be happy to call her" commits), nor when a place follows it
 * (`placesBeen`: "Okay, I'll be there" promises to come); or from such a subject after a
 * comma, a semicolon or "and", a verb of `hopingVerbs` next ("I will do that and I hope you're
 * right"). Such a clause says how the speaker will feel or what they hope, and a condition or
 * hedge in it belongs to the feeling, not to the act before it: "Alright, I'll ring them tonight,
 * I'll be relieved if they answer" commits. The note writer reads a sentence without these words,
 * and so does the plan check.
 * @returns a flag per word: true inside such a clause.
 */
export function stateClauseWords(words: readonly ClauseWord[]): boolean[] {
  const inside = words.map(() => false);
  words.forEach((word, index) => {
    if (index === 0 || !is(word, stateSubjects)) return;
    const hopes = (word.afterComma || is(words[index - 1], "and")) && is(words[index + 1], hopingVerbs);
    if (!word.afterComma && !hopes) return;
    const be = is(words[index + 1], stateAuxiliaries) ? index + 2 : index + 1;
    if (!hopes && (!is(words[be], "be") || is(words[be + 1], placesBeen) || words.slice(be + 1, be + 1 + willingnessReach).some((after) => is(after, "to")))) return;
    for (let at = index; at < words.length && (at === index || !words[at]!.afterComma); at += 1) inside[at] = true;
  });
  return inside;
}


/** How many words may lead an opening intent word: "Ok thanks, will do", "Thank you, will call them". */
export const openingLeadReach = 3;

/**
 * Where the sentence's opening intent word is (`openingIntentWords`: "will" with its subject left
 * out, "ill" typed for "I'll"), or -1: the first word after at most `openingLeadReach` words that
 * lead an answer (`intentLeads`, `thanksWords`, "you" after a word of thanks) — "Will do.", "ill
 * call them", "Okay ill check it", "Thanks, will do", "yes will talk to him first" — with a word
 * after it that is not its subject (`askingSubjects`: "will that work" asks). Core's plan check and
 * the embedded writer read the opening so.
 */
export function openingIntentAt(words: ReadonlyArray<{ lemma: string; value: string }>): number {
  let at = 0;
  const leads = (index: number) => is(words[index], intentLeads) || is(words[index], thanksWords) || (index > 0 && is(words[index - 1], thanksWords) && (is(words[index], "you") || is(words[index], "u")));
  while (at < openingLeadReach && leads(at)) at += 1;
  return is(words[at], openingIntentWords) && words.length > at + 1 && !is(words[at + 1], askingSubjects) ? at : -1;
}

/** Words that set an arranged act in the days to come: "I'm seeing my GP on Friday", "this weekend" ("next" counts before one of `nextTimes`). */
export const arrangedTimeWords: ReadonlySet<string> = new Set(["tomorrow", "tonight", "weekend", ...weekdays]);
/** What "next" sets in the days to come: "next week", "next Monday" — not "what to do next". */
export const nextTimes: ReadonlySet<string> = new Set(["week", "month", "year", "weekend", "day", "term", "semester", ...weekdays]);
/** What an arrangement is made for, when no day is named: "I've booked onto the programme", "I registered for the course" — not "I arranged a loan". */
export const arrangedEvents: ReadonlySet<string> = new Set(["appointment", "session", "place", "course", "programme", "program", "class", "visit", "meeting", "consultation", "assessment", "interview", "therapy", "counselling", "counseling", "group", "workshop", "lesson", "slot", "spot", "checkup", "followup", "scan", "test", "doctor", "gp", "therapist", "counsellor", "counselor"]);
/** Words that, before "up", name an event of care a reader may give in two words: "a follow-up", "a check-up". */
export const upEvents: ReadonlySet<string> = new Set(["follow", "check"]);
/** True when the word at `at` names an event of `events`, or opens one of `upEvents` with "up" ("I've booked a follow-up with the nurse"). */
const eventAt = (words: ReadonlyArray<{ lemma: string; value: string }>, at: number, events: ReadonlySet<string>) => is(words[at], events) || (is(words[at], upEvents) && is(words[at + 1], "up"));
/** How many words after an arranged act its day or its event may come, within its clause: "I'm moving to my aunt's next week". */
const arrangedReach = 7;
/** Words that close the clause of an arranged act: "I'm taking the class this term and my talk is next week" — the day is not the act's. */
const clauseClosers: ReadonlySet<string> = new Set(["and", "but", "because", "cause", "so", "though", "while", "when", "if"]);
/** Verbs in "-ing" that say a state or an effort, not an act arranged: "I'm feeling better tomorrow", "I'm getting worse", "I'm going through…", "I'm hoping to…". */
export const progressiveStates: ReadonlySet<string> = new Set(["feel", "think", "hope", "wonder", "struggle", "suffer", "worry", "fear", "dread", "have", "get", "be", "go", "try", "look", "want", "need", "wait", "expect", "plan", "die"]);
/** Verbs of an arrangement already made for an act to come, in the past: "I've booked a place", "I registered for the course", "we've arranged a visit". */
export const arrangingVerbs: ReadonlySet<string> = new Set(["booked", "registered", "enrolled", "scheduled", "arranged", "reserved"]);
/** "have" as said after a subject: "I've got", "I have booked". */
const haveWords: ReadonlySet<string> = new Set(["have", "'ve", "’ve", "ve"]);
/** Words that may stand between the subject and what it arranged: "I've just booked", "I have already registered", "I am finally seeing". */
const arrangingFillers: ReadonlySet<string> = new Set([...haveWords, "just", "already", "finally", "also", "actually", "now"]);
const beForms: ReadonlySet<string> = new Set(["am", "'m", "’m", "m", "are", "'re", "’re", "re"]);
/** The verb that holds an event, as said: "I have an appointment", "I've got therapy". */
const heldVerbs: ReadonlySet<string> = new Set(["have", "got"]);

/** The stems a verb in "-ing" may have, for a reader that gives no lemma: "feeling" feel, "hoping" hope, "getting" get. */
const ingStems = (value: string): string[] => {
  const bare = value.slice(0, -3);
  return [bare, `${bare}e`, ...(bare.length > 2 && bare.at(-1) === bare.at(-2) ? [bare.slice(0, -1)] : [])];
};

/** Events of care, or an interview, that "I have" sets for a day to come: "I have an appointment on Tuesday", "I've got therapy next week" (not "I have a test tomorrow", "I have a meeting tomorrow"). */
export const heldEvents: ReadonlySet<string> = new Set(["appointment", "session", "consultation", "assessment", "checkup", "check-up", "followup", "follow-up", "therapy", "counselling", "counseling", "interview"]);
/** How many words after "have" a held event may come: "I have my first therapy session on Monday". */
const heldReach = 4;
/** Verbs whose present, said with a day to come, tells an act already fixed: "I see my GP on Friday", "I start the course next week", "I go back to work on Monday". */
export const scheduledActs: ReadonlySet<string> = new Set(["see", "start", "begin", "go", "fly", "leave", "move", "meet", "return", "travel", "head"]);
/**
 * Acts that, said in the present with the day set before the subject, are a plan as a speaker of
 * English as a second language says one ("Tomorrow I call them", "This week I speak with my
 * husband"): reaching someone, booking, sending, taking or bringing — not work or a habit ("Tomorrow
 * I work seven to three").
 */
export const presentPlanActs: ReadonlySet<string> = new Set(["call", "ring", "phone", "text", "email", "speak", "talk", "ask", "tell", "contact", "visit", "book", "apply", "register", "sign", "write", "send", "bring", "take", "give", "buy", "pay", "fill", "check", "try"]);
/** Parts of the day or week that "this" sets to come: "this week", "this evening". */
export const thisTimes: ReadonlySet<string> = new Set(["week", "weekend", "evening", "afternoon", "morning"]);
/** How many words before the subject the day set before it may stand: "And this week I…", "OK. Tomorrow I…". */
const timeBeforeReach = 3;
/** Words that set the day before the subject in the past: "Last Monday I go…", "Yesterday I call…". */
export const pastDayWords: ReadonlySet<string> = new Set(["last", "yesterday", "ago"]);
/** Verbs of a story told in the present, which make "Monday I go in" a past day told ("…and my boss says"), not a plan. */
export const narratingVerbs: ReadonlySet<string> = new Set(["says", "said", "tells", "told", "asks", "asked", "shouts", "goes", "went", "comes", "came"]);

/** Words by which an arrangement joins something: "booked onto it", "signed up for it", "enrolled in it". */
export const joiningWords: ReadonlySet<string> = new Set(["onto", "on", "into", "in", "for"]);
/** Words that point back at what was named before: "it", "that", "this", "one". */
export const namedBefore: ReadonlySet<string> = new Set(["it", "that", "this", "one"]);

/**
 * True when an arrangement's clause joins something named before it (`joiningWords`, then a word of
 * `namedBefore`, more joining words or "to" allowed between: "I've booked onto it", "I signed up for
 * that one", "booked on to it", "booked in for it"): a course or programme the other speaker named,
 * as the event would be. Not "I booked
 * it" (a table, a holiday) nor "I arranged it all".
 */
function joinsNamedBefore(own: ReadonlyArray<{ lemma: string; value: string }>): boolean {
  const at = own.findIndex((word) => is(word, joiningWords));
  if (at === -1) return false;
  let pointer = at + 1;
  while (is(own[pointer], joiningWords) || is(own[pointer], "to")) pointer += 1;
  return is(own[pointer], namedBefore);
}

/** Words that make a present act a habit, not one fixed for a day: "I go to the gym every Friday", "I usually see him at the weekend". */
const habitWords: ReadonlySet<string> = new Set(["every", "usually", "always", "often", "normally", "sometimes", "never"]);
/** Words after "getting" and its article that tell a change of state, not a thing got: "I'm getting a bit better", "getting a lot worse". */
const changeOfState: ReadonlySet<string> = new Set(["bit", "lot", "little", "better", "worse"]);
const gotThingOpeners: ReadonlySet<string> = new Set(["a", "an", "another", "my", "our", "the", "some", "new"]);

/**
 * Where the words tell an act arranged, after a first-person subject (`committingSubjects`): an
 * arrangement made (`arrangingVerbs`, "signed up", "made an appointment") for an event
 * (`arrangedEvents`), a day to come or something named before (`joinsNamedBefore`: "I've booked
 * onto the programme", "I registered for classes next term", "I've booked onto it"; not "I arranged
 * a loan"); an act in "-ing" said in the present with a day to come
 * (`arrangedTimeWords`, "next" and one of `nextTimes`: "I'm seeing my GP on Friday", "We're moving
 * to my aunt's next week", "We're getting a puppy this weekend"), not a state in "-ing"
 * (`progressiveStates`: "I'm getting better tomorrow"), not "was seeing"; an event of care held
 * for a day to come or said to be arranged (`heldEvents`: "I have an appointment on Tuesday", "I
 * have an appointment booked"); or an act fixed in the
 * present with a day to come (`scheduledActs`: "I see my GP on Friday", "I go back to work
 * tomorrow"; not a habit, `habitWords`, "every Friday", "on Fridays", "on a Sunday") — the day or event in the
 * act's own clause (`clauseClosers`, `arrangedReach`), not negated between the subject and the act;
 * or such an act, or one of `presentPlanActs`, in the present right after the subject with the day
 * set within `timeBeforeReach` words before it, as a speaker of English as a second language says a
 * plan ("Tomorrow I call them", "This week I speak with my husband"; not "Last Monday I go…", not a
 * story told, `narratingVerbs`: "So Monday I go in and my boss says…").
 * Core's plan check and the embedded writer read it so.
 * @returns the index of the arranged act's verb, or -1.
 */
export function arrangedActAt(words: ReadonlyArray<{ lemma: string; value: string }>): number {
  // The act's clause: the words after it, up to a word that opens another clause.
  const clauseAfter = (at: number) => {
    const clause = words.slice(at + 1, at + 1 + arrangedReach);
    const closer = clause.findIndex((word) => is(word, clauseClosers));
    return closer === -1 ? clause : clause.slice(0, closer);
  };
  const isTimed = (own: ReadonlyArray<{ lemma: string; value: string }>) =>
    own.some((word, offset) => is(word, arrangedTimeWords) || (is(word, "next") && is(own[offset + 1], nextTimes)));
  for (let index = 0; index < words.length; index += 1) {
    if (!is(words[index], committingSubjects)) continue;
    let at = index + 1;
    const contracted = ["i'm", "i’m", "im", "we're", "we’re"].includes(words[index]!.value.toLowerCase());
    const progressive = contracted || is(words[at], beForms);
    if (!contracted && progressive) at += 1;
    // "I have an appointment on Tuesday", "I've got therapy next week": an event held for a day to come.
    const hold = is(words[at], haveWords) && is(words[at + 1], "got") ? at + 1 : at;
    if (heldVerbs.has(words[hold]?.value.toLowerCase() ?? "")) {
      const heldOwn = clauseAfter(hold);
      const event = heldOwn.slice(0, heldReach).findIndex((_, offset) => eventAt(heldOwn, offset, heldEvents));
      // The day within reach of the event itself ("I have an appointment with the practice nurse on Tuesday"), or the arrangement said after it ("I have an appointment booked").
      if (event !== -1 && (isTimed(clauseAfter(hold + 1 + event)) || is(heldOwn[event + 1], arrangingVerbs))) return hold;
    }
    while (at < words.length && at - index <= 3 && arrangingFillers.has(words[at]!.value.toLowerCase())) at += 1;
    const verb = words[at];
    // "I'm not seeing her", "I have not booked": "not" stands where the act would, so none is found.
    if (verb === undefined) continue;
    const value = verb.value.toLowerCase();
    const next = words[at + 1]?.value.toLowerCase();
    const own = clauseAfter(at);
    const timed = isTimed(own);
    const arranging = arrangingVerbs.has(value) || (value === "signed" && next === "up") || (value === "made" && ["an", "a"].includes(next ?? "") && words[at + 2]?.lemma === "appointment");
    if (arranging && (timed || own.some((_, offset) => eventAt(own, offset, arrangedEvents)) || joinsNamedBefore(own))) return at;
    // Right after "I'm" a word in "-ing" is the verb, whatever the tagger says ("I'm meeting my sponsor" reads "meeting" as a noun); not "nothing".
    const gettingThing = value === "getting" && is(own[0], gotThingOpeners) && !is(own[1], changeOfState);
    const inIng = /ing$/.test(value) && value.length > 4 && !/^(?:some|no|any|every)thing$/.test(value) && (gettingThing || ![verb.lemma.toLowerCase(), ...ingStems(value)].some((stem) => progressiveStates.has(stem)));
    if (progressive && inIng && timed) return at;
    // "I see my GP on Friday": the present of an act fixed for a day; not a habit ("every Friday", "on Fridays", "on a Sunday").
    const around = [...words.slice(0, at), ...own];
    const habitual = around.some((word, offset) => is(word, habitWords) || (is(word, arrangedTimeWords) && (/s$/i.test(word.value) || is(around[offset - 1], "a"))));
    if (!progressive && at === index + 1 && scheduledActs.has(value) && timed && !habitual) return at;
    // "Tomorrow I call them", "Monday I go to the job centre": the day set just before the subject, the act in the present right after it; not a story told ("So Monday I go in and he says…", "She goes, Monday I call them").
    const before = words.slice(Math.max(0, index - timeBeforeReach), index);
    const setBefore = !before.some((word) => is(word, pastDayWords)) && before.some((word, offset) => is(word, arrangedTimeWords) || (is(word, "next") && is(before[offset + 1], nextTimes)) || (is(word, "this") && is(before[offset + 1], thisTimes)));
    const told = words.some((word) => is(word, narratingVerbs));
    if (!progressive && at === index + 1 && (scheduledActs.has(value) || presentPlanActs.has(value)) && setBefore && !habitual && !told) return at;
  }
  return -1;
}

/** How the patient states their own plan with a possessive, word by word (by lemma or as said): "My plan is to walk the dog every morning". */
export const ownPlanStatements: readonly (readonly string[])[] = [
  ["my", "plan", "be", "to"],
  ["my", "plan", "is", "to"],
  ["our", "plan", "be", "to"],
  ["our", "plan", "is", "to"],
];

/** True when the words commit: a first-person subject with a marker of intent within reach, a word of `fusedIntents` before another ("imma call her"), a plan stated as one's own (`ownPlanStatements`: "My plan is to…"), an act arranged (`arrangedActAt`: "I've booked onto the programme", "I'm seeing my GP on Friday"), or an opening intent word (`openingIntentAt`: "Will do.", "Thanks, will do", "ill call them"); not negated as a refusal of it ("I'm not going to stop" still commits to abstain). */
function commits(words: readonly ClaimWord[]): boolean {
  if (openingIntentAt(words) !== -1 || arrangedActAt(words) !== -1 || holds(words, ownPlanStatements)) return true;
  if (words.some((word, index) => is(word, fusedIntents) && index < words.length - 1)) return true;
  return words.some((word, index) => {
    if (!is(word, committingSubjects)) return false;
    const after = words.slice(index + 1, index + 1 + markerReach);
    return after.some((next, offset) => is(next, intentMarkers) || (is(next, goingLemmas) && is(after[offset + 1] ?? words[index + 2 + offset], "to")));
  });
}

/** True when the words hold one of the sequences, by lemma or value. */
/** True when one of the sequences starts at `index`. */
const sequenceAt = (words: ReadonlyArray<{ lemma: string; value: string }>, index: number, sequences: readonly (readonly string[])[]) =>
  sequences.some((sequence) => sequence.every((part, offset) => is(words[index + offset], part)));
const holds = (words: ReadonlyArray<{ lemma: string; value: string }>, sequences: readonly (readonly string[])[]) => words.some((_, index) => sequenceAt(words, index, sequences));

/** True when the words hold an assent sequence, not negated ("I don't really like that") and not thanked for (`thanksWords`, then "for" within `thankedReach` words before it). */
function assentsTo(words: readonly ClaimWord[]): boolean {
  return words.some((word, index) => {
    if (word.negated || !sequenceAt(words, index, assentSequences)) return false;
    const forAt = words.slice(Math.max(0, index - thankedReach), index).findIndex((word) => is(word, "for"));
    return forAt === -1 || !words.slice(0, Math.max(0, index - thankedReach) + forAt).some((word) => is(word, thanksWords));
  });
}

/** Words that, as the subject right after a hedge, make it speak of how the act will turn out: "maybe that will help", "hopefully it works". */
export const outcomeSubjects: ReadonlySet<string> = new Set(["it", "that", "this", "they", "things"]);
/** What the subject of an outcome does next: a modal or a verb of turning out ("that will help", "it works", "things go well"); "maybe this weekend" is no outcome. */
export const outcomeVerbs: ReadonlySet<string> = new Set(["will", "would", "could", "might", "may", "can", "help", "work", "go", "make", "get", "turn", "change", "be"]);
/** Modals of an outcome's clause: "it will probably help", "they can probably help". */
export const outcomeModals: ReadonlySet<string> = new Set(["will", "would", "could", "can", "may", "should"]);
/** The hedge words that may speak of the outcome: not "if", "unless" or "wish", which set a condition or wish the act itself. */
export const outcomeHedges: ReadonlySet<string> = new Set(["maybe", "perhaps", "probably", "possibly", "hopefully", "hope", "might"]);

/**
 * True when the hedge word at `index` speaks of how the act will turn out, not of whether it will
 * be done: right after it (a "that" after "hope" skipped) comes a subject of `outcomeSubjects`
 * ("I'll try the videos, maybe that will help", "I'll call, hopefully it works out", "I hope it
 * helps"), it is "might" right after one ("I'll try it, that might help"), or it comes after one
 * and a modal (`outcomeModals`: "they can probably help me"). The commitment beside it stands.
 */
export function hedgesOutcome(words: readonly { lemma: string; value: string }[], index: number): boolean {
  const word = words[index];
  if (word === undefined || !is(word, outcomeHedges)) return false;
  // "That might help": an outcome; "That might be a good plan" weighs the proposal, a hedge.
  if (is(word, "might")) return is(words[index - 1], outcomeSubjects) && is(words[index + 1], outcomeVerbs) && !is(words[index + 1], "be");
  // "they can probably point me somewhere", "it will probably help": the hedge inside a clause of the outcome's own.
  if (is(words[index - 2], outcomeSubjects) && is(words[index - 1], outcomeModals)) return true;
  const next = is(word, "hope") && is(words[index + 1], "that") ? index + 2 : index + 1;
  return is(words[next], outcomeSubjects) && is(words[next + 1], outcomeVerbs);
}

/** Whom "wish" may greet: "wish everybody a merry Christmas", "wish you a good week". */
export const greetedPeople: ReadonlySet<string> = new Set(["you", "u", "them", "him", "her", "everyone", "everybody", "all"]);

/** True when "wish" at `index` greets someone ("I'll call round at noon to wish everybody a merry Christmas"): a person (`greetedPeople`) then "a" after it, no wish of the speaker's. */
const greets = (words: readonly { lemma: string; value: string }[], index: number) => is(words[index], "wish") && is(words[index + 1], greetedPeople) && is(words[index + 2], "a");

/**
 * Words after which "if" sets no condition: "whether" after a verb of finding out (`whetherVerbs`:
 * "see if they have a place"), or after "ask" and the one asked ("ask Tom if he'll walk it with
 * me"), a concession after "even" ("even if I don't like the number" holds the act whatever happens).
 */
export const unconditionalIf = (words: readonly MatchedWord[], index: number): boolean =>
  is(words[index], "if") && (is(words[index - 1], whetherVerbs) || is(words[index - 1], "even") || is(words[index - 2], "ask"));

/** Words that start a sentence afresh after a short answer, where speech recognition ran the two together: "no maybe not ok I'll text her". */
export const restartWords: ReadonlySet<string> = new Set(["ok", "okay", "alright"]);
/** Words of a short answer said before a restart (`restartWords`): "no", "maybe not", "I don't know", "yeah I suppose". */
export const shortAnswerWords: ReadonlySet<string> = new Set(["no", "nah", "yes", "yeah", "yea", "maybe", "perhaps", "probably", "not", "n't", "well", "oh", "um", "uh", "mm", "hmm", "i", "guess", "suppose", "dunno", "do", "don't", "know", "then"]);
/** How many words a short answer before a restart may hold. */
export const shortAnswerReach = 6;

/**
 * Where the words start afresh: just after a restart word (`restartWords`) that follows only a
 * short answer (`shortAnswerWords`, at most `shortAnswerReach` words) — "No, maybe not. Okay, I'll
 * text her." as speech recognition runs it on. The answer's hedge or "no" is not the later
 * clause's. 0 when the words do not.
 */
export function freshStartAt(words: ReadonlyArray<{ lemma: string; value: string }>): number {
  const at = words.findIndex((word) => is(word, restartWords));
  if (at <= 0 || at > shortAnswerReach) return 0;
  return words.slice(0, at).every((word) => is(word, shortAnswerWords)) ? at + 1 : 0;
}

/**
 * True when a hedge word is in the words ("if" that sets no condition, `unconditionalIf`, a hedge
 * of the outcome, `hedgesOutcome`, and "wish" that greets, `greets`, not counted), or a tentative
 * sequence (`tentativeSequences`) — read from where the words start afresh (`freshStartAt`).
 */
function hedged(all: ReadonlyArray<{ lemma: string; value: string }>): boolean {
  const words = all.slice(freshStartAt(all));
  return words.some((word, index) => is(word, hedgeWords) && !unconditionalIf(words, index) && !hedgesOutcome(words, index) && !greets(words, index)) || holds(words, tentativeSequences);
}

/**
 * True when a plan item's quote is a question (its last mark, closing quotes and brackets aside,
 * is "?"): "Could you try some slow breathing?" asks; whatever the patient answered, the question
 * is not what was agreed, and a quote is never rewritten out of its question form.
 */
export function quotesQuestion(quote: string): boolean {
  return /\?[\s"'”’)\]]*$/.test(quote);
}

/**
 * The sentences of a text as read words (`claimSentences`), without the words of a later clause
 * of the speaker's state (`stateClauseWords`).
 */
function sentencesOf(text: string, words: readonly ClaimWord[]): Array<{ words: ClaimWord[]; asked: boolean }> {
  const sentences = claimSentences(text, words);
  // A later clause of the speaker's state ("…, I'll be glad if it helps") is read apart: its condition is not the act's.
  return sentences.map((sentence) => {
    const inside = stateClauseWords(sentence.words.map((word, index) => ({ lemma: word.lemma, value: word.value, afterComma: index > 0 && /[,;]/.test(text.slice(sentence.words[index - 1]!.end, word.start)) })));
    return { asked: sentence.asked, words: sentence.words.filter((_, index) => !inside[index]) };
  });
}


/**
 * True when the sentence at `at` of a therapist's turn summarises the patient's decided act
 * (`isPlanSummary`: "So you're going to call your GP this week", "Your plan is to keep to weekends
 * only"; "you will…" also when an earlier sentence of the turn announced a summary,
 * `announcesSummary`: "Let me summarise. You're going to…") without a hedge (`hedgeWords`,
 * `tentativeSequences`: "So you'll call her if she doesn't ring first" states no plan). A plain yes
 * to it (`confirmsPlainly`) agrees the plan.
 */
export function turnSummarisesPlan(sentences: ReadonlyArray<ReadonlyArray<{ lemma: string; value: string }>>, at: number): boolean {
  const words = sentences[at]!;
  return isPlanSummary(words, sentences.slice(0, at).some((sentence) => announcesSummary(sentence))) && !hedged(words);
}

/**
 * Whether a plan item's citation holds a commitment: a cited segment of the patient (or of a
 * speaker whose role is not known) with a sentence that is neither asked ("Will I ever call
 * her?") nor hedged (`hedgeWords`: "maybe I'll call her", "if she calls I'll answer";
 * `tentativeSequences`: "I guess I'll call her", "I'll keep it in mind") and whose
 * words commit (`intentMarkers` after a first-person subject) or assent to a proposal
 * (`assentSequences`, not only thanked for: "Thanks for the great advice") — or whose first
 * sentence is a plain yes (`confirmsPlainly`: "Yeah, that's right.") when a cited segment of the
 * therapist summarises the patient's plan (`turnSummarisesPlan`), or accepts (`acceptsOffer`:
 * "Yes, please.") when one offers to arrange something for them (`arrangingOfferAt`: "Would you
 * like me to refer you today?", "I'd like to book you in with your GP. Would that be alright?"), or
 * opens with an act said alone (`actAloneAt`: "Ring the GP on Monday.", the subject and "will" left
 * to the question) when one asks what the patient has decided to do (`asksForDecidedAct`: "What's
 * your plan?"). A condition in a later
 * clause of the speaker's state does not reach back (`stateClauseWords`: "Alright, I'll ring them tonight,
 * I'll be glad if they answer"). A therapist's words alone never make a plan: a proposal nobody took up
 * is not one, nor a summary nobody confirmed, nor an offer nobody accepted.
 */
export function citesCommitment(cited: readonly { text: string; role: SpeakerRole }[], reader: ClaimReader): boolean {
  // The therapist's turns are read only for a plain yes, which stands on a summary of theirs or an offer to arrange something, and for an act said alone, which answers a question of what was decided.
  const therapistSays = (holds: (sentences: MatchedWord[][], at: number) => boolean) => () =>
    cited.some((segment) => {
      if (segment.role !== "therapist") return false;
      const sentences = sentencesOf(segment.text, reader.read(segment.text)).map((sentence) => sentence.words);
      return sentences.some((_, at) => holds(sentences, at));
    });
  const summarised = therapistSays(turnSummarisesPlan);
  const offered = therapistSays((sentences, at) => arrangingOfferAt(sentences, at) !== -1);
  const askedDecision = therapistSays((sentences, at) => asksForDecidedAct(sentences[at]!));
  return cited
    .filter((segment) => segment.role !== "therapist")
    .some((segment) => {
      const sentences = sentencesOf(segment.text, reader.read(segment.text));
      const echoed = sentences[0] !== undefined && echoesOffer(sentences[0].words);
      return sentences.some(
        (sentence, index) =>
          !sentence.asked &&
          !hedged(sentence.words) &&
          (commits(sentence.words) ||
            assentsTo(sentence.words) ||
            (index === 0 && ((confirmsPlainly(sentence.words) && summarised()) || (acceptsOffer(sentence.words) && offered()) || (actAloneAt(sentence.words) !== -1 && askedDecision()))) ||
            // "Would you? That would really help.": the offer echoed back, then accepted.
            (index === 1 && echoed && acceptsOffer(sentence.words) && offered())),
      );
    });
}
