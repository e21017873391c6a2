import { acceptsOffer, arrangingOfferAt, asksWillingness, echoesOffer, offersToArrange, proposesSessionToCome, confirmsPlainly, harmingActs, hedgeAdverbs, hedgesOutcome, likingSequences, praiseSequences, proposalNouns, tentativeSequences, thankedReach, toConfirmLead, turnSummarisesPlan, unconditionalIf, wantingVerbs as wantedThat } from "@confide/core/adapter-kit";
import type { NoteItemDraft } from "@confide/core/ports";
import { answeredDecision } from "./answered-decisions.ts";
import { commitmentStarts, emptyVerbs, grantsAPoint, isThanks, remembersThought, retractedNext, takesBack, namingWord, notMeantAt, pointingBack, reportingCues, promisesEffortOnly, restatesCondition, saysHowWell, sentenceCommitment, triesBestOnly, withoutStateClauses } from "./commitments.ts";
import { isWord } from "./conversation-fillers.ts";
import { firstWordsOf, mayHold, phrasesMayStart, phraseStarts, withContractedI } from "./lemma-phrases.ts";
import { asksToReportBack, asksToSpeakNow, isAsked, isCourtesy, isQuestionInForm, keepsAttitude, offersAct, offersInLaterClause, partsOnly, proposesAttitude, reportsBack, reportsWords, sessionSpeakingVerbs, sharesWhatHelped, verbParts, wishesWell, worksTheScreen } from "./offered-acts.ts";
import { ideaPutForward, pointingVerbs, pointsBackOnly } from "./own-ideas.ts";
import { brokenOff, type ReadSegment, type ReadSentence, type ReadToken } from "./segment-reader.ts";

/** What the text of an agreed proposal starts with: the plan item is the therapist's proposal the patient took up. */
export const agreedPrefix = "Agreed: ";

/** Ways a therapist proposes something the patient could do, as lemma phrases. */
/** Questions asking whether an act would help, which propose it: "Would it help to see the midwife together next week?". */
const helpAskingPhrases = ["would it help to", "would it be helpful to", "might it help to"];

const proposalPhrases = [
  "you could",
  "could you",
  "you might",
  "you can try",
  "you should",
  "why not",
  "why do not you",
  "would you consider",
  "would you be willing",
  // "Would you be up for not smoking before school?": willingness asked, as "would you be willing" asks it.
  "would you be up for",
  "be you up for",
  "what if you",
  "i would like you",
  // "Can I ask you to take that every day?": a request of the patient, as "I'd like you to" is.
  "can i ask you to",
  "could i ask you to",
  "i would suggest",
  "i suggest",
  // "The other thing I wanted to suggest was a thought record".
  "want to suggest",
  "like to suggest",
  "i would recommend",
  "i recommend",
  "it might help",
  "it can be helpful",
  "might really help",
  "could really help",
  "would really help",
  "option would be",
  "option is to",
  "perhaps try",
  "it might also help",
  "it may help",
  "it might be worth",
  "it might be good",
  "it could help",
  "it would be good",
  "it would be helpful",
  "it may be helpful",
  "it might be helpful",
  "it could be helpful",
  "maybe you",
  "perhaps you",
  "one thing you",
  "have you try",
  "have you think about",
  "have you consider",
  "how about",
  "what about",
  "maybe try",
  "i wonder if you could",
  ...helpAskingPhrases,
  "do you think you could",
  "do you think you might",
  "do you think you can",
  "some people find",
  "one thing that can help",
  "i would",
  "i think you should",
  "you can",
  "you may want",
  "make sure",
  // "Don't forget to book the dentist": a reminder, as "remember to" is.
  "do not forget to",
  "might help",
  "may help",
  "could help",
  "can help",
  "would help",
  "would be good",
  "would be a good",
  "could be a good",
  "worth a try",
  "have you look",
  "have you check",
  "have you ever think",
  "have you ever try",
  "have you ever consider",
  "have you search",
  "have you google",
  "have you talk",
  "have you speak",
  "have you ask",
  "have you reach",
  "have you call",
  "have you contact",
  "have you join",
  "will help",
  "will be helpful",
  "would be beneficial",
  "could be beneficial",
  "might be beneficial",
  "my suggestion be",
  "my suggestion would be",
  "my advice be",
  "my advice would be",
  "my best advice be",
  "i would advise",
  "i advise",
  "the best thing would be",
  "the best thing to do be",
  "the best thing you can do be",
  "it be best to",
  "it be a good idea to",
  "it might be a good idea",
  "it may be a good idea",
];

/** Words that may open an imperative proposal before its verb: "And try not to…", "Maybe plan something…". */
const openers = new Set(["and", "so", "then", "maybe", "perhaps", "also", "just", "please"]);
/** Verbs that, opening a therapist's sentence, propose something: "Try the slow breathing", "Maybe plan something for the evening". */
const proposingVerbs = new Set(["try", "plan", "write", "keep", "practise", "practice", "remember", "call", "reach", "consider", "join", "book", "contact", "take", "make", "set", "go", "ask", "talk", "get", "look", "check", "search", "spend", "find", "stay", "give", "start", "focus", "google", "use"]);
/** Verbs of talk in the session itself, never an act for after it: "I'd like you to discuss that". */
const sessionTalk = new Set(["discuss", "explain", "describe", "elaborate", "share", "expand", "clarify"]);
/** Phrases whose next word must be an act, not encouragement, a reflection or the therapist's own state: "You can do it", "You should be [proud]", "I would notice", "I'd like you to be checked", "Maybe you feel…", "Perhaps you haven't…", "Do you think you could be happier?". */
const needsAnAct = new Set(["you can", "i would", "you should", "i would like you", "can i ask you to", "could i ask you to", "i would like", "maybe you", "perhaps you", "do you think you could", "do you think you might", "do you think you can"]);
/** True when "do" names a thing done ("you can do 20 minutes a day", "you could do yoga"): a noun or a number within two words after it, not "you can do it". */
const doesAThing = (after: readonly ReadToken[], verb: ReadToken) =>
  verb.lemma === "do" && after.slice(after.indexOf(verb) + 1, after.indexOf(verb) + 3).some((token) => token.pos === "NOUN" || token.pos === "NUM");
/** Verbs after "I would" that give the therapist's view, not an act the patient could do: "I would say that's right", "I would bet your neighbours feel the same". */
const opinionVerbs = new Set(["say", "bet", "guess", "suppose", "assume", "expect", "doubt", "argue", "hate"]);
/** Phrases a question may propose with ("Have you thought about…?", "How about…?"); any other question asks, it does not propose. */
const proposingQuestions = [...helpAskingPhrases, "have you", "what about", "how about", "why not", "why do not you", "would you consider", "would you be willing", "would you be up for", "be you up for", "what if you", "could you try", "can you try", "do you think you", "do you think", "perhaps you", "maybe you", "you could", "you might", "could you", "can i ask you to", "could i ask you to"];
/**
 * A word in "-ing" naming an act: a verb, or a noun the tagger read from a verb (its lemma is the
 * verb: "checking" → "check" in "…about checking your sugar"); not a noun of its own ("the meeting").
 */
const isActInIng = (word: ReadToken) => /ing$/i.test(word.value) && (word.pos === "VERB" || (word.pos === "NOUN" && word.lemma !== word.value.toLowerCase()));
/** Openings of a question that ask the patient's view of an act: "How would you feel about setting a quit date?", "What do you think about trying the patches?". */
const viewAskingOpenings = ["how would you feel about", "what do you think about", "what would you think about"];

/**
 * True when a question opens asking the patient's view (`viewAskingOpenings`) of an act named by a
 * verb in "-ing" right after it ("…about setting a quit date?"): a proposal asked. Not of a person
 * or a thing ("What do you think about your new manager?"), nor of talking in the session ("…about telling
 * me more?").
 */
function asksAboutAnAct(words: readonly ReadToken[]): boolean {
  return viewAskingOpenings.some((phrase) => {
    if (!phraseStarts(words, phrase).includes(0)) return false;
    const [act, after] = words.slice(phrase.split(" ").length);
    return act !== undefined && isActInIng(act) && !sessionSpeakingVerbs.has(act.lemma) && !harmingActs.has(act.lemma) && !["me", "us"].includes(after?.lemma ?? "");
  });
}

/** Words opening a question that asks for the patient's own answer. */
const openQuestions = new Set(["what", "how", "which", "who", "where", "when"]);
/** How far into its clause (`wordsBeforeInClause`) a phrase addressed to the patient may start ("So maybe you could…"): later, it is part of a statement ("There are programs you can apply for"). */
const addressedWithin = 2;
/** Words that, after a comma, open a clause in which a phrase addressed to the patient counts from its start: "It sounds small, but you may want to…". */
const clauseOpeners = new Set(["but", "so"]);

/** How many words come before token `index` in its clause: from the sentence's start, from the comma closing a clause set before it (`frontedClauses`, after any `openers`), or from a comma and a word of `clauseOpeners`. */
function wordsBeforeInClause(tokens: readonly ReadToken[], index: number): number {
  let from = 0;
  // "If that does not help, you could…", "And if it gets too much, you could…": a clause set before the main one ends at its comma.
  const opening = tokens.find((token) => isWord(token) && !openers.has(token.lemma));
  const comma = tokens.findIndex((token) => token.value === ",");
  if (opening !== undefined && frontedClauses.has(opening.lemma) && comma !== -1 && comma < index) from = comma + 1;
  tokens.slice(0, index).forEach((token, at) => {
    if (clauseOpeners.has(token.lemma) && tokens[at - 1]?.value === ",") from = at + 1;
  });
  return tokens.slice(from, index).filter(isWord).length;
}

/** Phrases addressed to the patient, held to `addressedWithin`. */
const addressed = new Set(["you could", "you might", "you can", "you should", "you can try", "you may want"]);
/** Verbs of a phrase that encourage or reassure rather than propose an act: "you can do it", "I would be happy to help", "you might feel better". */
const notProposed = new Set(["be", "have", "feel", "imagine", "understand", "know", "hope", "agree", "think", "need", "find", "get", "see", "love", "like", "do", "notice", "hear", "help"]);
/** What happens to the patient rather than what they do: "you might forget to look after yourself", "you might disappear". */
const happenings = ["forget", "disappear", "lose", "miss", "fail", "fall", "realize", "realise", "discover", "regret", "suffer", "struggle", "wonder", "worry"];
/** Verbs after a phrase that, said as a strategy on its own, foretell, tell what happens to the patient or give a view rather than put an act: "maybe you will learn…", "you can recover", "you might forget…". */
const foretold = new Set([...notProposed, "will", "would", "recover", ...happenings]);
/** `foretold` without the verbs that, after an adverb, may lead an act: "You should also keep copies of the letters". */
const foretoldAfterAdverb = new Set([...foretold].filter((verb) => verb !== "be" && verb !== "have"));

/**
 * True when what follows a proposal phrase puts no act a strategy line could quote: the verb it
 * puts, past "to" and adverbs ("You might still get your flat back", "I would fully agree"), is one
 * of `foretold` (not "do" with a thing done: `doesAThing`), or an opinion after "I would"
 * (`opinionVerbs`). Only for a strategy standing on its own: which proposal an assent took up is
 * read as before.
 */
function putsNoAct(phrase: string, after: readonly ReadToken[]): boolean {
  if (!needsAnAct.has(phrase) && phrase !== "you might") return false;
  const verb = after.find((token) => token.lemma !== "to" && token.pos !== "ADV");
  if (verb === undefined) return false;
  // "You might be right", "you might have grounds": a state foretold. After an adverb, "be" and "have" may lead an act ("I would just be straight with him and tell him").
  const skipped = verb !== after.find((token) => token.lemma !== "to");
  const noAct = phrase === "you might" || !skipped ? foretold : foretoldAfterAdverb;
  return (noAct.has(verb.lemma) && !doesAThing(after, verb)) || (phrase === "i would" && opinionVerbs.has(verb.lemma));
}

const proposalFirstWords = firstWordsOf(proposalPhrases);

/** Words that open a clause set before an imperative: "If it gets worse, call the helpline", "When the panic starts, try the breathing". */
const frontedClauses = new Set(["if", "when", "whenever", "while", "once", "before", "after"]);

/**
 * True for an imperative proposal: the sentence's first word after `openers` is one of
 * `proposingVerbs` — or, when the sentence opens with a clause of `frontedClauses`, the first word
 * after that clause's comma ("If nothing else, call your local health department").
 */
function proposesImperative(sentence: readonly ReadToken[]): boolean {
  const opening = sentence.find(isWord);
  const comma = sentence.findIndex((token) => token.value === ",");
  const tokens = opening !== undefined && frontedClauses.has(opening.lemma) && comma !== -1 ? sentence.slice(comma + 1) : sentence;
  const first = tokens.find((token) => !openers.has(token.lemma) && /[\p{L}]/u.test(token.value));
  // The verb as said is its own base form: "Try…", not "Going to the town hall means…" or "Looks to me…".
  if (first === undefined || !proposingVerbs.has(first.lemma) || first.value.toLowerCase() !== first.lemma) return false;
  if (reportsBack(tokens, tokens.indexOf(first)) || keepsAttitude(tokens, tokens.indexOf(first))) return false;
  const rest = tokens.slice(tokens.indexOf(first) + 1).filter(isWord);
  return rest.length > 0 && !isCourtesy(rest);
}

/** True when the proposal phrase at `index` is negated right after it ("you couldn't get on the bus" proposes nothing). */
const negatedAfter = (tokens: readonly ReadToken[], index: number, length: number) => tokens[index + length]?.lemma === "not";

/**
 * True for a sentence of the therapist that proposes an act for after the session: a proposal
 * phrase not negated, or an imperative of a proposing verb — not one asking the patient to say
 * something in the session (`asksToSpeakNow`: "tell me", "talk to me about"), not a question about a
 * topic with no act in it ("How about friendship?"). "That might help." proposes the sentence
 * before it: an assent can take it up (`proposesOnItsOwn` asks more).
 */
export function proposes(sentence: ReadSentence): boolean {
  return proposalIn(sentence, false);
}

/**
 * True when the sentence proposes (`proposes`) and says what: a phrase judging what helps names its
 * act (`namesWhatHelps`), so the sentence can be quoted as a strategy on its own, never "Thought it
 * may help somewhat."
 */
export function proposesOnItsOwn(sentence: ReadSentence): boolean {
  return proposalIn(sentence, true);
}

function proposalIn(sentence: ReadSentence, standalone: boolean): boolean {
  if (wishesWell(sentence)) return false;
  const tokens = sentence.tokens;
  const words = tokens.filter(isWord);
  const question = tokens[tokens.length - 1]?.value === "?";
  if (question && asksAboutAnAct(words)) return true;
  if (question && !proposingQuestions.some((phrase) => phraseStarts(tokens, phrase).length > 0)) return false;
  // "What could you do this week?": asking for the patient's own plan, not proposing one.
  if (question && openQuestions.has(words[0]?.lemma ?? "") && !["if", "about"].includes(words[1]?.lemma ?? "")) return false;
  if (asksToSpeakNow(words) || worksTheScreen(words)) return false;
  const phrased = mayHold(tokens, proposalFirstWords) && proposalPhrases.some((phrase) =>
    phraseStarts(tokens, phrase).some((index) => {
      const length = phrase.split(" ").length;
      if (negatedAfter(tokens, index, length)) return false;
      if (addressed.has(phrase) && wordsBeforeInClause(tokens, index) > addressedWithin) return false;
      // "I'm sure you can manage it": confidence in the patient, not a proposal ("I think you can look it up" still proposes).
      if (assuredOpenings.some((opening) => phraseStarts(tokens, opening).some((start) => start + opening.split(" ").length === index + length))) return false;
      const after = tokens.slice(index + length).filter(isWord);
      // "You could have killed someone", "you might have called": what might have been, a reproach, not an act put forward.
      if (after[0]?.lemma === "have" && after[1] !== undefined && verbParts.has(after[1].pos) && after[1].value.toLowerCase() !== after[1].lemma) return false;
      const next = after[0]?.lemma === "to" ? after[1] : after[0];
      // "You could hurt him back": an act of harm is never a proposal to take up (core's `harmingActs`).
      if (next !== undefined && harmingActs.has(next.lemma)) return false;
      if (needsAnAct.has(phrase) && (next === undefined || notProposed.has(next.lemma) || sessionTalk.has(next.lemma) || after.length < 2)) return false;
      if (standalone && putsNoAct(phrase, after)) return false;
      // "So I wanted to suggest a few things and see what fits.": what is to come announced, nothing proposed yet.
      if (/suggest$/.test(phrase) && announcesIdeas(after)) return false;
      if (reportsBack(tokens, index + length) || keepsAttitude(tokens, index + length)) return false;
      if (standalone && judgesWhatHelps(phrase) && !namesWhatHelps(tokens, index, length)) return false;
      // "I will help however I can", "we can help with that": the speaker's own offer of help, not a thing judged helpful.
      if (judgesWhatHelps(phrase) && offerers.has(tokens[index - 1]?.lemma ?? "")) return false;
      // "You could try it.", "I would recommend just that.": an act that only points back ("it", "that") is no strategy line of its own.
      if (standalone && after.length <= 2 && after.some((token) => pointingBack.has(token.lemma))) return false;
      if (standalone && onlyPointsBack(after)) return false;
      // "I want to make sure I've got it straight": the therapist's own act, not one put to the patient.
      if (phrase === "make sure" && tokens.slice(Math.max(0, index - 3), index).some((token) => token.lemma === "i" || token.lemma === "me")) return false;
      // "If you could choose one evening…": a supposition, not a proposal ("if you can show them…, they may listen" still proposes).
      if ((phrase === "you could" || phrase === "you might") && tokens[index - 1]?.lemma === "if") return false;
      const verb = after.find((token) => token.pos === "VERB");
      // "How about a thought record?": a tool of the work named, as an act would be ("How about friendship?" names a topic).
      if (phrase === "how about" || phrase === "what about") return verb !== undefined || after.slice(0, 4).some((token) => toolNouns.has(token.lemma));
      if (phrase === "what if you") return verb !== undefined;
      return true;
    }),
  );
  return phrased || proposesImperative(tokens);
}

/** What an announcement of proposals names, after "suggest": "a few things", "some ideas", "something". */
const announcedIdeas = new Set(["thing", "things", "idea", "ideas", "something", "option", "options"]);
/** True when the words after "suggest" only announce proposals to come ("a few things", "some ideas", "a couple of things"), within three words. */
const announcesIdeas = (after: readonly ReadToken[]) => after.slice(0, 4).some((token) => announcedIdeas.has(token.lemma) || announcedIdeas.has(token.value.toLowerCase())) && !after.slice(0, 4).some((token) => token.pos === "VERB" && token.lemma !== "be");

/** Tools of the work a proposal may name without a verb: "How about a thought record?", "what about a walk each morning?". */
const toolNouns: ReadonlySet<string> = new Set(["record", "diary", "log", "journal", "timetable", "schedule", "routine", "exercise", "walk", "run", "break", "group", "class", "course", "app", "list", "reminder", "alarm", "referral", "appointment", "meeting", "worksheet", "sheet", "experiment"]);

/** Verbs by which the therapist puts a thing forward, which name no act themselves: "I would suggest…", "I'd recommend…". */
const puttingForward = new Set(["suggest", "recommend", "advise", "say"]);

/** True when the words after a proposal phrase, adverbs and `puttingForward` aside, only point back ("…actually suggest just that", "…recommend it"): what is proposed was said before. */
const onlyPointsBack = (after: readonly ReadToken[]) => {
  const rest = after.filter((token) => token.pos !== "ADV" && !puttingForward.has(token.lemma));
  return rest.length > 0 && rest.length <= 2 && rest.every((token) => pointingBack.has(token.lemma));
};

/** The speaker and their service, before a phrase of help: "I will help", "we can help". */
const offerers = new Set(["i", "we"]);

/** Verbs of the speaker's own help: "I can help", "we will support you". */
const helpingVerbs = new Set(["help", "assist", "support"]);

/**
 * True when a sentence offers the speaker's own help and names no act after it: "Good, I can
 * help", "We will support you however we can". Nothing is put to the patient to do: "I will try
 * your advice" does not take it up. "I can help you find a counsellor" names an act ("find") and
 * is not one.
 */
function offersOwnHelp(words: readonly ReadToken[]): boolean {
  const at = words.findIndex((word, index) => {
    if (!helpingVerbs.has(word.lemma) || word.pos !== "VERB") return false;
    // The speaker right before the help, with only auxiliaries and words of readiness between: "I'm glad to assist", "we're here to help"; not "I think you should get help".
    const by = words.slice(0, index).findLastIndex((before) => offerers.has(before.lemma));
    return by !== -1 && index - by <= offerReach && words.slice(by + 1, index).every((between) => between.pos !== "VERB" && between.pos !== "PRON");
  });
  return at !== -1 && !words.slice(at + 1).some((word) => word.pos === "VERB" && !helpingVerbs.has(word.lemma));
}

/** How many words after the speaker ("I", "we") their help may come: "I would be glad to help". */
const offerReach = 5;

/** Verbs of thinking that name no act before "it might help": "Just thought it may help somewhat", "I guess it could help". */
const thinkingVerbs = new Set(["think", "guess", "feel", "know", "hope", "suppose", "believe", "bet", "say"]);

/** True for a phrase that judges something helpful ("it might help", "would be good", "worth a try") rather than addressing the patient: the act it judges must be named. */
const judgesWhatHelps = (phrase: string) => !phrase.includes("you") && /\b(help|helpful|good|beneficial|worth)\b/.test(phrase);

/**
 * True when a phrase judging what helps, at `index`, names what it judges: a noun or an act before
 * it in the sentence ("Walking after dinner might help"; not a verb of thinking, "Thought it may
 * help somewhat"), or an act right after it ("It might help to write it down", "it would be good if
 * you rang them"; not what it does for the patient, "it will help you to feel better"). "It might
 * help." alone points back to something said before: as a strategy line it would be a fragment.
 */
function namesWhatHelps(tokens: readonly ReadToken[], index: number, length: number): boolean {
  const before = tokens.slice(0, index).filter(isWord);
  if (before.some((token) => (token.pos === "NOUN" || token.pos === "PROPN" || token.pos === "VERB") && !thinkingVerbs.has(token.lemma))) return true;
  // The act named right after it, past "to", "idea to", "for you to", "you to" or "if you" and a modal: "it might help to write", "it would be a good idea to call",
  // "it would be good if you rang them", "it would help you to tell them" — not what it does for the patient, "it will help you to do better" (`outcomeVerbs`).
  const rest = tokens.slice(index + length).filter(isWord);
  let at = 0;
  if (rest[at]?.lemma === "idea") at += 1;
  if (["for", "if"].includes(rest[at]?.lemma ?? "") && rest[at + 1]?.lemma === "you") at += 2;
  const forThePatient = rest[at]?.lemma === "you" && rest[at + 1]?.lemma === "to";
  if (forThePatient) at += 1;
  while (rest[at] !== undefined && (rest[at]!.lemma === "to" || rest[at]!.pos === "AUX" || rest[at]!.pos === "ADV")) at += 1;
  const act = rest[at];
  // "worth calling": the lite model may read the act in "-ing" as a noun.
  return act !== undefined && (act.pos === "VERB" || /ing$/i.test(act.value)) && !thinkingVerbs.has(act.lemma) && !(forThePatient && outcomeVerbs.has(act.lemma));
}

/** Verbs of what a thing does for the patient after "help you to", not an act of theirs: "it will help you to feel better / overcome this / settle in" ("it might help to get out" names one). */
const outcomeVerbs = new Set(["feel", "do", "overcome", "cope", "get", "settle", "relax", "heal", "move", "recover", "improve", "manage", "calm", "be", "become"]);

/** Words of a question that ask what the patient will or could do: "What will you do…?", "How will you fit it in this week?", "What could you do…?". */
const planAskingWords = new Set(["will", "could", "can", "gonna", "plan", "see"]);
/**
 * Modals that ask for a plan only with an act asked about (`askedActs`): "What might you try
 * first?", "What would you do differently?", "What would help you keep going?" — not "What would
 * you like to talk about?", "How would you feel?".
 */
const conditionalModals = new Set(["might", "would"]);
const askedActs = new Set(["do", "try", "change", "start", "stop", "cut", "help"]);
/** Verbs of wanting that, with "to do" after them, ask for a plan: "What do you want to do about the drinking?", "What would you like to do next?". */
const wantingVerbs = new Set(["want", "like"]);

/**
 * True when a therapist's sentence asks the patient for their own plan: a question opening with an
 * open question word (`openQuestions`) that holds "you" and a word of `planAskingWords` ("What could
 * you do this week?", "When could you fit the breathing in?"). Not a proposal: the
 * patient's answer is their own commitment, firm as an answer to a proposal is.
 */
export function asksForPlan(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  if (sentence.tokens[sentence.tokens.length - 1]?.value !== "?" || !openQuestions.has(words[0]?.lemma ?? "")) return false;
  // "How are you going to do that?": "going to" asks what the patient will do.
  const goingTo = words.some((word, at) => word.lemma === "go" && words[at + 1]?.lemma === "to" && words[at + 2] !== undefined);
  const wantsToDo = words.some((word, at) => wantingVerbs.has(word.lemma) && words[at + 1]?.lemma === "to" && words[at + 2]?.lemma === "do");
  const asksAnAct = words.some((word) => conditionalModals.has(word.lemma)) && words.some((word) => askedActs.has(word.lemma));
  return words.some((word) => word.lemma === "you") && (goingTo || wantsToDo || asksAnAct || words.some((word) => planAskingWords.has(word.lemma)));
}

/** Naming assents in which the patient commits to the act in the first person ("I will try", "I'm going to try", "Consider it done"), not only calls it good. */
const committingAssentPhrases = withContractedI(["i will try", "i will do", "i will give", "i be go to try", "consider it do"]);

/**
 * Phrases by which a patient takes up what was proposed and that name it as a proposal ("That's a
 * good idea", "good advice", "I like that idea", "I'm willing to try"): the therapist's turn before
 * them was one, whether or not its words are a proposal phrase this writer knows. With the
 * committing assents, the naming assents (`namingAssentPhrases`).
 */
export const namingOnlyPhrases = [
  // Core's `praiseSequences`: "great idea", "helpful advice", "good approach".
  ...praiseSequences.map((sequence) => sequence.join(" ")),
  // "Not a bad idea" takes it up as "a good idea" does: the negation is of "bad", not of the assent.
  "not a bad idea",
  "not such a bad idea",
  "not sound like a bad idea",
  "not seem like a bad idea",
  // Core's `likingSequences`: "like the idea", "love your suggestion".
  ...likingSequences.map((sequence) => sequence.join(" ")),
  "sound like a plan",
  "sound like a good",
  "sound like a great",
  "something i can do",
  "something i could try",
  "something i can try",
  "worth a try",
  "worth a shot",
  "give it a try",
  "give that a try",
  "give it a shot",
  "give it a go",
  "give that a go",
  "willing to try",
  // "Yes, that is my plan": what was put forward taken up as the patient's own plan.
  "that be my plan",
  "that be the plan",
];
/** Every assent that names what it takes up as a proposal: calling it good or committing to it. */
const namingAssentPhrases = [...namingOnlyPhrases, ...committingAssentPhrases];
/** The naming assents that call what they take up a proposal in so many words ("good idea", "great advice", "good approach"), not only commit to it ("I will try"). */
const callingPhrases = namingOnlyPhrases.filter((phrase) => phrase.split(" ").some((word) => proposalNouns.has(word)));

/** True when a sentence calls what it takes up a proposal ("That is a good idea too, I will use my phone"), neither negated nor told in the past, nor declined. */
export function callsItAProposal(sentence: ReadSentence): boolean {
  return !declines(sentence.tokens) && says(sentence.tokens, callingPhrases);
}

/** Plain assents that do not name a proposal ("Sounds good", "I agree"): they take one up only after a proposal this writer recognises (`proposes`). */
export const plainAssentPhrases = ["sound good", "sound great", "sound wonderful", "sound lovely", "sound perfect", "sound nice", "sound like what i should do", "i like that", "i really like that", "i can do that", "that be doable", "that sound doable", "that be manageable", "i can manage that", "that work for me", "let us do both", "let us do that", "let us do it"];
/** Plain assents of wanting what was asked (core's `wantingVerbs`: "Yes, I'd like that"): only closing their clause — "I'd like that to stop" wants something else. */
const wantingAssents = wantedThat.map((verb) => `i would ${verb} that`);
/** Words that may follow a wanting assent in its clause: "I'd like that very much", "I'd love that, thank you". */
const afterWanting = new Set(["very", "much", "a", "lot", "too", "thank", "thanks", "please", "actually", "yes", "yeah"]);
/** True when the wanting assent at `index` closes its clause: nothing after it, a mark, or only words of `afterWanting`. */
const closesWanting = (tokens: readonly ReadToken[], index: number) => {
  const next = tokens[index + 4];
  return next === undefined || !isWord(next) || afterWanting.has(next.lemma);
};
/** Assents that only weigh it ("That might help", "I could try", "I'll think about it"): to confirm with the patient, never a plan. */
const tentativePhrases = [
  "that might work",
  "that could work",
  "that may work",
  "that might help",
  "that could help",
  "that may help",
  "i could try",
  // "I could do that", "I could give it a go": weighing what was put forward ("I could do with a rest" takes nothing up).
  "i could do that",
  "i could do it",
  "i could give it",
  "i could give that",
  "i can try",
  "i might try",
  "i may try",
  "i will think about",
  "i will consider",
  // "I might" weighs the act only with one ("I might do that", "I might just give it a go"); "I might lose her" takes nothing up.
  "i might do",
  "i might give",
  "i might consider",
  "i might look",
  "i might check",
  "i might just do",
  "i might just try",
  "i might just give",
  "i might be able to",
  "i might have to",
  "i might just have to",
  // Agreeing with a view is not taking up an act: "I agree, that makes a lot of sense".
  "i agree",
];

/** The weighing assents said of the patient's own doing ("I could try that", "I can do that"): beside a proposal called good, they take it up. */
const firstPersonWeighings = ["i could try", "i could definitely try", "i could do that", "i could do it", "i can try", "i can definitely try", "i can do that"];

/** Every phrase by which a sentence may take up a proposal, named, plain or weighed. */
const assentPhrases = [...namingAssentPhrases, ...plainAssentPhrases, ...wantingAssents, ...tentativePhrases];
const assentFirstWords = firstWordsOf(assentPhrases);

/**
 * Words in the assenting sentence that leave it tentative: core's `hedgeAdverbs` ("Perhaps I will
 * try that") but "hopefully", which beside an assent hopes for how it turns out ("Good idea,
 * hopefully it works").
 */
const tentative = new Set([...hedgeAdverbs].filter((word) => word !== "hopefully"));
/**
 * Phrases that leave an assent tentative even when it names the proposal — core's
 * `tentativeSequences`, the plan check's own list: the patient guesses they will ("I guess I'll do
 * that" — not "I think I'll do that", a decision said softly) or only keeps it in mind. To confirm
 * with the patient, never a plan.
 */
const hedgingPhrases = tentativeSequences.map((sequence) => sequence.join(" "));
/** A try only weighed with a modal: "I could give it a try", "we might give that a go" — the naming phrase ("give it a try") does not make it plain. */
const weighedTries = ["i could give", "i might give", "i may give", "we could give", "we might give"];
/** Words in the assenting sentence that put it off or turn it down: "That's a good idea, but I've already tried it", "if I had the time". */
const putOff = new Set(["already", "if", "?"]);
/**
 * Contrasts: after the sentence's first word, one leaves the assent in doubt ("I will try, but it
 * will be hard", "That sounds good, but what would it change") — to confirm, not declined; followed
 * by a negation in the sentence, it declines ("good idea but I can't afford it"). Before the assent
 * ("However, I will try that", after the patient's doubts) it concedes them and keeps it.
 */
const contrasts = new Set(["but", "though", "although", "however"]);
/**
 * True when a contrast comes after the sentence's assent (its first assent phrase, or its first
 * word when the assent only points back: "I'll try, but it is a lot", "That sounds good,
 * but what would it change"): the assent is left in doubt. A contrast before it ("Bad year,
 * but good idea") does not doubt it.
 */
function doubtedAfter(tokens: readonly ReadToken[]): boolean {
  const lastContrast = tokens.findLastIndex((token, at) => contrasts.has(token.lemma) && !closesConcession(tokens, at));
  return lastContrast !== -1 && lastContrast > assentAt(tokens);
}

/**
 * True when the "though" at `at` closes its sentence ("I'll try that though."): it concedes what
 * was said before the sentence, the doubts the patient has just voiced, and keeps the assent.
 */
const closesConcession = (tokens: readonly ReadToken[], at: number) => tokens[at]!.lemma === "though" && tokens.slice(at + 1).every((token) => !isWord(token));

/**
 * Where the sentence's assent starts: its first assent or commitment phrase ("Not my type, but
 * I'll definitely look into it": the doubt comes before it), or its first word when none is said.
 */
function assentAt(tokens: readonly ReadToken[]): number {
  const starts = [...phrasesMayStart(tokens, assentPhrases).flatMap((phrase) => phraseStarts(tokens, phrase)), ...commitmentStarts(tokens)];
  return starts.length > 0 ? Math.min(...starts) : tokens.findIndex(isWord);
}
/** Words of reluctance: said after the assent ("Great tip, I'm quite nervous about phoning them"), they leave it in doubt as a contrast does. */
const reluctance = new Set(["shy", "scared", "afraid", "nervous", "hesitant", "reluctant", "unsure", "wary"]);
/**
 * True when the patient says, after the sentence's assent (as `doubtedAfter` finds it), that they
 * cannot ("Good suggestion, I can't spare the time this month") or are reluctant
 * (`reluctance`): the assent is left in doubt, to confirm.
 */
function reluctantAfter(tokens: readonly ReadToken[]): boolean {
  // "I can't…", said of the patient; not "seeing if I can't work with him", which asks whether.
  const cannot = (at: number) => (tokens[at]!.value.toLowerCase() === "cannot" || (tokens[at]!.lemma === "can" && negations.has(tokens[at + 1]?.lemma ?? ""))) && tokens[at - 1]?.lemma === "i" && !["if", "whether"].includes(tokens[at - 2]?.lemma ?? "");
  const doubts = tokens.flatMap((token, at) => (reluctance.has(token.lemma) || cannot(at) ? [at] : []));
  return doubts.length > 0 && doubts.some((at) => at > assentAt(tokens));
}
/** Words that, after "before", close what it says ("I have tried that before.", "…before and…"): done already, not taken up anew. */
const beforeClosers = new Set(["and", ",", ".", "!", ";", "…"]);
const negations = new Set(["not", "n't", "never", "no", "cannot"]);

/** True when the phrase at `index` is negated just before it ("not a bad idea", "I don't think it's a good idea") or told in the past ("it was a good idea at the time"). */
const negatedOrPastBefore = (tokens: readonly ReadToken[], index: number) =>
  tokens.slice(Math.max(0, index - 5), index).some((token) => negations.has(token.lemma) || /^(was|were)$/i.test(token.value));

/** Phrases that grant a proposal only as an idea: "a good idea in theory", "in principle", "But normally that would be a good idea" ("on paper" is also where one writes it down). */
const onlyInTheory = ["in theory", "in principle", "normally", "ordinarily", "in normal times", "under normal circumstances"];

/** Words in an "if" clause that set a condition that does not hold: "if I had the time", "if I could afford it" (and "if only"). */
const unmetConditionWords = new Set(["had", "were", "could", "would", "did", "might", "knew"]);

/**
 * True when the "if" at `at` sets a condition that may well hold ("Yeah, if it's only ten
 * minutes I can do that"): its clause, up to the next mark, holds no word of an unmet condition
 * (`unmetConditionWords`), and waits on neither a wish ("if only") nor the listener ("if you
 * can…"). The assent stands, to confirm with the patient (`sentenceAssent`); "if I had the
 * time" puts it off.
 */
function conditionMayHold(tokens: readonly ReadToken[], at: number): boolean {
  // "If only…" wishes; "if you can figure out how…" waits on the listener, not on the act.
  if (tokens[at]!.lemma !== "if" || unconditionalIf(tokens, at) || ["only", "you"].includes(tokens[at + 1]?.lemma ?? "")) return false;
  const clauseEnd = tokens.findIndex((token, index) => index > at && !isWord(token));
  const clause = tokens.slice(at + 1, clauseEnd === -1 ? tokens.length : clauseEnd);
  return clause.length > 0 && clause.every((token) => !unmetConditionWords.has(token.value.toLowerCase()));
}

/**
 * True when a sentence declines or puts off what it assents to (`putOff`; an "if" that sets a
 * condition that does not hold, `conditionMayHold`, not "see if" or "even if", core's `unconditionalIf`; a contrast followed by a
 * negation) or says it was done before ("before" closing its clause, `beforeClosers`: "I've
 * practised breathing before and think it's a great idea").
 */
function declines(tokens: readonly ReadToken[]): boolean {
  if (tokens.some((token, at) => (putOff.has(token.lemma) || putOff.has(token.value)) && !unconditionalIf(tokens, at) && !conditionMayHold(tokens, at))) return true;
  // "That's a good idea in theory", "on paper": good for someone else, not taken up.
  if (phrasesMayStart(tokens, onlyInTheory).some((phrase) => phraseStarts(tokens, phrase).length > 0)) return true;
  if (tokens.some((token, at) => token.lemma === "before" && (tokens[at + 1] === undefined || beforeClosers.has(tokens[at + 1]!.lemma)))) return true;
  const contrast = tokens.findIndex((token) => contrasts.has(token.lemma));
  return contrast !== -1 && tokens.slice(contrast + 1).some((token) => negations.has(token.lemma));
}

/**
 * True when the phrase at `index` is what the sentence thanks for ("Thanks for the great advice"):
 * "for" within core's `thankedReach` tokens before it, after one of core's `thanksWords` — the
 * same reading as core's plan check.
 */
function thankedFor(tokens: readonly ReadToken[], index: number): boolean {
  const before = tokens.slice(Math.max(0, index - thankedReach), index);
  const forAt = before.findIndex((token) => token.lemma === "for");
  return forAt !== -1 && tokens.slice(0, index - before.length + forAt).some(isThanks);
}

/** True when the tokens say one of the phrases, neither negated or told in the past (`negatedOrPastBefore`) nor only thanked for (`thankedFor`), and where `meant` holds of where it starts. */
const says = (tokens: readonly ReadToken[], phrases: readonly string[], meant: (index: number) => boolean = () => true) =>
  phrasesMayStart(tokens, phrases).some((phrase) => phraseStarts(tokens, phrase).some((index) => !negatedOrPastBefore(tokens, index) && !thankedFor(tokens, index) && !understands(tokens, index) && meant(index)));

/** Verbs before "a good idea" that make it an understanding, not praise: "get a better idea of how", "have a good idea what". */
const understandingVerbs = new Set(["get", "have", "gain", "give", "form"]);

/** True when the phrase at `index` is an idea had or got ("First I'd like to get a better idea of my options"), not a proposal praised. */
function understands(tokens: readonly ReadToken[], index: number): boolean {
  const article = tokens[index - 1];
  return article !== undefined && ["a", "an", "some"].includes(article.lemma) && understandingVerbs.has(tokens[index - 2]?.lemma ?? "");
}

/** How a patient's sentence takes up a proposal, when it does. */
export interface Assent {
  start: number;
  end: number;
  /** `plain`: the plan; `tentative`: hedged or only weighed, to confirm with the patient. */
  strength: "plain" | "tentative";
  /** The assent names what it takes up as a proposal (`namingAssentPhrases`, "I'll try that"); a plain "Sounds good" needs a proposal this writer recognises. */
  namesProposal: boolean;
  /** The assent commits in the first person to what was put forward ("I will try this", "I'll give that a go", `committingAssentPhrases`), not only calls it good. */
  commits: boolean;
  /** A bare "I will." / "Yes I will.": it names nothing, so it takes up only a proposal stated or asked in the turn just before. */
  bare: boolean;
}

/**
 * Where the patient's turn takes up what was proposed: a sentence, not a question, that does not
 * decline or put it off (`declines`), and commits in words pointing back ("I'll try that", "Will
 * do.") or says an assent phrase neither negated nor told in the past. It is plain unless the
 * sentence holds a tentative word (`tentative`: "Perhaps I will try that") or only weighs the
 * proposal (`tentativePhrases`: "That might help", "I'll think about it") without an assent that
 * names it ("Good idea, I could give that a go" is plain). Of the turn's sentences that assent,
 * the first plain one that commits, else the first plain one, else the first tentative one.
 * @returns the assent, or null.
 */
export function assents(segment: ReadSegment): Assent | null {
  // "If they put me on nights I'll lose it. I mean I'll pack it in.": said again under the condition, it takes nothing up.
  const found = segment.sentences.map((sentence, at) => (restatesCondition(segment.sentences, at) ? null : sentenceAssent(sentence))).filter((assent) => assent !== null);
  // A plain assent that commits outranks a plain one, which outranks a tentative one; the first of the best ("That might work. Yes, I will try it tomorrow.").
  const rank = (assent: Assent) => (assent.strength === "plain" ? (assent.commits ? 2 : 1) : 0);
  const best = found.reduce<Assent | null>((best, assent) => (best === null || rank(assent) > rank(best) ? assent : best), null);
  // "I'll try, I don't know.", "i'll. try. i don't know": unsure in the assent's sentence or after it, to confirm ("Not sure. Yes, I'll ring them." settles it).
  // A later sentence doubts the assent only by opening with it; one that ends so doubts its own act ("…I might show her the chat, maybe, I dunno.").
  // "The diary yes, I can do that. The group I'm not sure, honestly.": a later sentence that names a part of what was put forward and doubts it doubts the whole.
  const doubts = (sentence: ReadSentence) =>
    sentence.start <= best!.start && sentence.end > best!.start ? saysUnsure(sentence) : sentence.start > best!.start && saysUnsure(sentence, opensOnAPart(sentence) ? Infinity : unsureOpeningReach);
  // "Yeah, I'll do that. Actually — no.": a yes taken back in the turn takes nothing up.
  if (best !== null && segment.sentences.some((sentence) => sentence.start > best.start && takesBack(sentence))) return null;
  return best !== null && best.strength === "plain" && segment.sentences.some(doubts) ? { ...best, strength: "tentative" } : best;
}

/** True when a sentence opens by naming a part of what was put forward: "The group I'm not sure", "The meeting one, no". */
const opensOnAPart = (sentence: ReadSentence) => {
  const [first, second] = sentence.tokens.filter(isWord);
  return first?.lemma === "the" && second?.pos === "NOUN";
};

/** Ways of saying one is unsure, as lemma sequences: "I don't know", "I'm not sure", "dunno". */
const unsureSequences: readonly (readonly string[])[] = [["i", "do", "not", "know"], ["not", "sure"], ["dunno"], ["no", "idea"]];
/** Words after a saying of being unsure that keep it about the act ("not sure about that", "I don't know yet"), not about something else ("I don't know why…"). */
const unsureOf = new Set(["about", "yet", "really", "though", "tbh", "honestly"]);
/** Words that, with "I" after them, ask whether the speaker can or will ("I don't know if I can"), not whether it will help ("not sure if it'll help"). */
const unsureWhether = new Set(["if", "whether"]);

/** How far into a later sentence its saying of being unsure may start and still doubt the assent before it: "I don't know.", "Honestly, not sure I can." */
const unsureOpeningReach = 2;

/** True when the sentence says the speaker is unsure, closing there or going on of whether they can (`unsureSequences`, `unsureOf`, `unsureWhether`), starting within `reach` words when given. */
function saysUnsure(sentence: ReadSentence, reach = Infinity): boolean {
  const words = sentence.tokens.filter(isWord);
  return unsureSequences.some((sequence) =>
    words.some((_, at) => {
      if (at >= reach) return false;
      if (!sequence.every((part, offset) => words[at + offset]?.lemma === part)) return false;
      const next = words[at + sequence.length];
      return next === undefined || unsureOf.has(next.lemma) || (unsureWhether.has(next.lemma) && words[at + sequence.length + 1]?.lemma === "i");
    }),
  );
}

/** Words of an outlook tried for, not an act: "I'll try to have a more positive mindset", "I'll try to be more optimistic". */
const outlookTried = new Set(["positive", "positively", "positivity", "optimistic", "mindset", "attitude"]);
/** How far after a committing phrase's start its outlook word may come. */
const outlookReach = 8;
/** True when the committing phrase at `at` tries for an outlook (`outlookTried`), not an act. */
const triesAnOutlook = (tokens: readonly ReadToken[], at: number) => tokens.slice(at + 2, at + outlookReach).some((token) => outlookTried.has(token.lemma));

/** How one sentence of a patient's turn takes up what was proposed (see `assents`), or null. */
function sentenceAssent(sentence: ReadSentence): Assent | null {
  // 'Karen keeps saying, "Dad, let's do it this weekend, I'll come over…"': someone else's words, quoted, take nothing up.
  if (reportsWords(sentence)) return null;
  const read = withoutStateClauses(sentence);
  const tokens = read.tokens;
  if (declines(tokens) || promisesEffortOnly(sentence) || grantsAPoint(tokens)) return null;
  const commitment = sentenceCommitment(read);
  // "No, I'm not going to ring them": said with "not", it refuses what was put forward; it takes nothing up.
  if (commitment?.negated === true) return null;
  if (commitment === null && !mayHold(tokens, assentFirstWords)) return null;
  // A bare "I will." takes up only a proposal this writer recognises.
  const pointing = commitment?.act === "pointing-back" && !commitment.bare;
  const bare = commitment?.bare === true;
  // "I will do poorly", "I'm afraid I will do badly": how well it will go, a prediction, commits to nothing.
  const predicts = phraseStarts(tokens, "i will do").some((at) => saysHowWell(tokens, at + 2));
  // "…as they know I'll say yes": a commitment reported or explained takes nothing up; nor does "I'll try to have a more positive mindset", an outlook.
  const committing = !predicts && says(tokens, committingAssentPhrases, (at) => !notMeantAt(tokens, at, reportingCues) && !triesAnOutlook(tokens, at));
  const naming = pointing || committing || says(tokens, namingOnlyPhrases);
  const plain = naming || bare || says(tokens, plainAssentPhrases) || says(tokens, wantingAssents, (at) => closesWanting(tokens, at));
  const weighed = says(tokens, tentativePhrases);
  if (!plain && !weighed) return null;
  // "Good idea, I could give that a go": the assent names the proposal, "I could" does not hedge it.
  const hedged =
    (weighed && !naming) ||
    (commitment?.hedged ?? false) ||
    says(tokens, hedgingPhrases) ||
    says(tokens, weighedTries) ||
    doubtedAfter(tokens) ||
    // "Yeah, if it's only ten minutes I can do that": taken up on a condition, to confirm.
    tokens.some((token, at) => conditionMayHold(tokens, at)) ||
    // Read whole: "I'm quite nervous about phoning them" is the clause of state `withoutStateClauses` leaves out.
    reluctantAfter(sentence.tokens) ||
    // "I'll try and remember that": a thought kept in mind, to confirm.
    tokens.filter(isWord).some((_, at, words) => remembersThought(words, at)) ||
    tokens.some((token, at) => (tentative.has(token.lemma) || tentative.has(token.value.toLowerCase())) && !hedgesOutcome(tokens, at));
  // "I'll try my best" takes up a proposal stated to it, but commits to nothing only put forward ("Tell me more about that.").
  // "That's a good idea, I could try that": called good and weighed in the first person, it is taken up as the patient's own.
  const calledAndWeighed = says(tokens, callingPhrases) && says(tokens, firstPersonWeighings);
  return { start: sentence.start, end: sentence.end, strength: hedged ? "tentative" : "plain", namesProposal: naming, commits: pointing || (committing && !triesBestOnly(sentence)) || calledAndWeighed, bare: bare && !naming };
}

/** True when a therapist's question only asks the patient to take up what was said, by a verb that points back ("Would you be willing to try that?", "Will you do it?"). */
const asksOnlyToTakeUp = (sentence: ReadSentence) => isAsked(sentence) && pointsBackOnly(sentence) && sentence.tokens.some((token) => token.pos === "VERB" && pointingVerbs.has(token.lemma));

/** True when a sentence of the patient's turn commits to an act in their own words, not refusing it ("I'll go for a walk round the block"). */
const committedInOwnWords = (segment: ReadSegment) =>
  segment.sentences.some((sentence) => {
    const commitment = sentenceCommitment(sentence);
    return commitment?.act === "own" && commitment.negated !== true;
  });

const ownCommitmentAt = (segment: ReadSegment, start: number) =>
  segment.sentences.some((sentence) => sentence.start === start && sentenceCommitment(sentence)?.act === "own");

/**
 * Phrases by which a patient's turn opens agreeing with what the therapist just said ("Yes, you're
 * right.", "That's true…", "Okay,", "Most definitely."), after `agreeingLeads`: a commitment later in
 * that turn answers the therapist's turn, as one answering a proposal does. Not "I agree", which
 * only weighs a view, nor a bare "yes", which may only acknowledge.
 */
const agreeingOpeners = ["you be right", "you be so right", "you be absolutely right", "that be true", "that be so true", "so true", "true", "okay", "ok", "alright", "sure", "definitely", "most definitely", "absolutely", "of course"];
/** A yes restated in full after an agreeing lead, as the whole first sentence: "Yeah, I am." ("I'm" is one token to the reader). */
const confirmingRestatements = ["i be", "i'm", "i’m", "i do", "we be", "we do"];
/** Words that may come before an agreeing opener: "Yes, you're right", "Oh okay". */
const agreeingLeads = new Set(["yes", "yeah", "yea", "ya", "oh", "well", "hmm", "mm"]);

/**
 * True when a patient's turn opens agreeing (`agreeingOpeners`, after `agreeingLeads`), not in a
 * question, and not moving on: an opener followed by "then" ("Alright then.", "Okay then, bye")
 * closes the talk, it agrees to nothing.
 */
export function opensAgreeing(segment: ReadSegment): boolean {
  const first = segment.sentences[0];
  if (first === undefined || isAsked(first)) return false;
  const words = first.tokens.filter(isWord);
  let start = 0;
  while (start < words.length && agreeingLeads.has(words[start]!.lemma)) start += 1;
  const said = (word: ReadToken | undefined, part: string) => word?.lemma === part || word?.value.toLowerCase() === part;
  // "Yeah, I am.", "Yes I do.": a yes said again in full, the whole sentence.
  if (start > 0 && confirmingRestatements.some((phrase) => phrase.split(" ").length === words.length - start && phrase.split(" ").every((part, offset) => said(words[start + offset], part)))) return true;
  return agreeingOpeners.some((phrase) => {
    const parts = phrase.split(" ");
    return parts.every((part, offset) => said(words[start + offset], part)) && !said(words[start + parts.length], "then");
  });
}

/** The last sentence of a therapist turn that proposes an act (`proposes`), else the last that offers one (`offersAct`: "If it gets heated, give her some space"), or null. */
function lastProposal(segment: ReadSegment): ReadSentence | null {
  const latestFirst = [...segment.sentences].reverse();
  // A proposal stated outranks one asked later in the turn: "Try a walk after dinner. Have you tried that before?"
  return latestFirst.find((sentence) => !isAsked(sentence) && proposes(sentence)) ?? latestFirst.find(proposes) ?? latestFirst.find(offersAct) ?? announcedProposal(segment) ?? null;
}

/**
 * The sentence right after one that announces proposals ("So I wanted to suggest a few things and
 * see what fits. First: unless she has a fever, she goes to school."): the first thing suggested,
 * in whatever words it is put.
 */
function announcedProposal(segment: ReadSegment): ReadSentence | undefined {
  const at = segment.sentences.findIndex((sentence) => {
    const tokens = sentence.tokens.filter(isWord);
    const suggestAt = tokens.findIndex((token) => token.lemma === "suggest");
    return suggestAt !== -1 && announcesIdeas(tokens.slice(suggestAt + 1));
  });
  return at === -1 ? undefined : segment.sentences[at + 1];
}

/** Questions by which the therapist offers to say or do more: "Would you like to hear how my sister managed it?", "Do you want me to share a few?", "Is there anything else I can help with?". */
const offersToTellOpenings = ["would you like to hear", "would you like to know", "would you like me to", "do you want to hear", "do you want to know", "do you want me to", "shall i", "be there anything else", "anything else i can"];
/** True when a sentence opens asking whether the therapist may say or do more (`offersToTellOpenings`): it puts nothing forward yet. */
const offersToTell = (words: readonly ReadToken[]) => offersToTellOpenings.some((phrase) => phraseStarts(words, phrase).includes(0));

/** What follows a dot of a web address: its suffix ("com", "org", "gov", "co.uk"…), or a name and then, past its own dot, one ("health.gov" after "data."). */
const webSuffix = /^(?:[\p{L}\p{N}-]+\.)?(com|org|net|gov|edu|co|uk|us|ca|au|nz|ie|io|info)\b/iu;
/**
 * True when a sentence is a piece of a web address's sentence, cut at its dot ("…compare movers on
 * moverhelp" | "com and their prices"). The shared reader splits sentences there; a strategy line
 * is never such a piece, an agreement's line quotes the pieces joined (`acrossAddresses`); the
 * quotes and the risk screen read the pieces as split.
 */
const cutAtAddress = (segment: ReadSegment, sentence: ReadSentence) => cutAtDot(segment.text, sentence.start) || cutAtDot(segment.text, sentence.end);
/** True when the text is cut at `at` at the dot of a web address ("moverhelp.com", "data.health.gov"): a letter or digit before the dot, a web suffix (`webSuffix`) right after it — not "I see.you could…", a space left out. */
const cutAtDot = (text: string, at: number) => {
  const dot = text.charAt(at) === "." ? at : text.charAt(at - 1) === "." ? at - 1 : -1;
  return dot > 0 && /[\p{L}\p{N}]/u.test(text.charAt(dot - 1)) && webSuffix.test(text.slice(dot + 1));
};

/**
 * The span from `start` to `end` of a turn, widened over the sentences the reader split off at a
 * web address's dot (`cutAtDot`): the sentence before when `start` is such a cut, the one after
 * when `end` is — so a quote never opens on "gov you can…" nor ends on "…on moverhelp".
 */
function acrossAddresses(turn: ReadSegment, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  for (let at = turn.sentences.findIndex((sentence) => sentence.start === from); at > 0 && cutAtDot(turn.text, from); at -= 1) from = turn.sentences[at - 1]!.start;
  for (let at = turn.sentences.findIndex((sentence) => sentence.end === to); at !== -1 && at < turn.sentences.length - 1 && cutAtDot(turn.text, to); at += 1) to = turn.sentences[at + 1]!.end;
  return { start: from, end: to };
}

/** The fewest words of a sentence offered: "A little bit." offers nothing. */
const offeredWords = 5;

/** What opens a sentence that tells the patient their feeling is normal: "It's normal to feel like this", "It is okay to be sad". */
const reassuringOpenings = ["it be normal to", "it be okay to", "it be ok to", "it be natural to", "it be understandable to", "it be alright to"];
/** What opens a clause of the therapist's confidence in the patient: "I know you can get there", "I'm sure you will". */
const confidentOpenings = withContractedI([
  "i know you can", "i know you will", "i be sure you can", "i be sure you will", "i believe you can", "i believe you will", "i think you can", "i think you will", "i bet you can", "i bet you will", "i be confident you", "that be the spirit",
  // Hope that it gets better, said with assurance: "I know it will work out for you", "I'm sure things will improve".
  "i know this will", "i know it will", "i know things will", "i be sure this will", "i be sure it will", "i be sure things will",
]);
/** The openings of confidence said with assurance, never a soft proposal as "I think you can…" may be. */
const assuredOpenings = confidentOpenings.filter((opening) => !opening.startsWith("i think"));
/** Phrases that put an act to the patient, after which an attitude (`keepsAttitude`) is put instead: "you should come to terms with it", "you have to give yourself credit for it". */
const attitudeLeads = ["you should", "you have to", "you need to", "you must", "you can", "you could", "try to"];

/**
 * True when a sentence puts an attitude to the patient (`keepsAttitude`), as an imperative
 * (`proposesAttitude`) or after a phrase that would otherwise put an act (`attitudeLeads`):
 * "Now you have to give yourself credit for it". Nothing in it is taken up as a plan.
 */
function offersAttitude(sentence: ReadSentence): boolean {
  const tokens = sentence.tokens;
  return proposesAttitude(sentence) || attitudeLeads.some((phrase) => phraseStarts(tokens, phrase).some((index) => keepsAttitude(tokens, index + phrase.split(" ").length)));
}

/** What opens a sentence of the therapist's own feeling about what was said: "I'm glad the visit went well", "I'm so sorry you went through it", "I can imagine". */
const feelingsOwned = ["glad", "so glad", "happy to hear", "so happy to hear", "sorry", "so sorry", "very sorry"];
const empathyOpenings = [...withContractedI(feelingsOwned.map((feeling) => `i be ${feeling}`)), "glad to hear", "sorry to hear", "i can imagine", "i can understand", "i understand", "i hear you"];

/**
 * True when a sentence opens with the therapist's own feeling about what was said (`openings`, by
 * default `empathyOpenings`: "I'm glad the visit went well") and puts nothing after a contrast ("I
 * understand, but you could…": the feeling owned leads into what is put forward).
 */
const ownsFeeling = (words: readonly ReadToken[], openings: readonly string[] = empathyOpenings) =>
  openings.some((phrase) => phraseStarts(words, phrase).includes(0)) && !words.some((word) => contrasts.has(word.lemma) || word.lemma === "however");
/** The openings of the therapist's gladness ("I'm glad these steps may help"): a strategy line never opens so; understanding or sorrow may lead into one ("I understand that perhaps you could…"). */
const gladOpenings = empathyOpenings.filter((opening) => /glad|happy/.test(opening));

/** Verbs of a state the patient is in, not an act: "You are…", "you seem…", "you deserve…". */
const patientStates = new Set(["be", "feel", "seem", "sound", "look", "deserve"]);
/** Words between "you" and its verb that leave it a state: "You will be fine", "you really are". */
const stateFillers = new Set(["will", "would", "really", "truly", "definitely", "certainly", "clearly", "obviously", "sure"]);

/**
 * True when a therapist's sentence reassures or reflects rather than puts anything forward: it
 * opens telling the patient a feeling is normal ("It's normal to feel like this") or the
 * therapist's own feeling about what was said (`empathyOpenings`: "I'm glad the visit went well"), tells the
 * therapist's confidence in them ("I know you can get there"), or says what state the
 * patient is in ("You are clearly the one for this role", "You seem very caring").
 * Nothing in it is taken up by "I will do that"; "You need to ring the landlord" is not one.
 */
function reassures(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  if (reassuringOpenings.some((phrase) => phraseStarts(words, phrase).includes(0))) return true;
  if (ownsFeeling(words)) return true;
  // "…, but I know you can do it!": confidence in the patient, anywhere in the sentence.
  if (confidentOpenings.some((phrase) => phraseStarts(words, phrase).length > 0)) return true;
  if (words[0]?.lemma !== "you") return false;
  const verb = words.slice(1).find((word) => !stateFillers.has(word.lemma));
  return verb !== undefined && patientStates.has(verb.lemma);
}

/**
 * The longest sentence of a therapist turn that could be offered: of at least `offeredWords` words,
 * not an open question ("What do you think?"), not asking to be told how it went (`asksToReportBack`), not
 * reassurance or a reflection (`reassures`) nor an attitude (`proposesAttitude`) nor the therapist's own offer of help
 * (`offersOwnHelp`: "Good, I can help"), not broken off ("It gives you a chance to
 * really…"), an act offered to the patient (`offersAct`) before any other, then one offered in a
 * later clause of the therapist's own account (`offersInLaterClause`); of those, the ones that say
 * a noun the assent `named` ("I'll look into that podcast") when any does. None when the turn ends
 * offering to tell (`offersToTell`) or asks to work the chat's screen (`worksTheScreen`). What an assent naming a proposal took up when no proposal
 * phrase is known.
 */
function lastOffered(segment: ReadSegment, named: ReadonlySet<string> = new Set()): ReadSentence | null {
  // "…Do you want to hear how I managed?": a turn that ends offering to tell has put nothing forward yet; a yes takes up the offer.
  // So does a turn asking to work the chat's screen ("Could you hit the end button?"): a yes ends the session.
  const closing = segment.sentences.at(-1);
  if ((closing !== undefined && offersToTell(closing.tokens.filter(isWord))) || segment.sentences.some((sentence) => worksTheScreen(sentence.tokens))) return null;
  const candidates = segment.sentences.filter((sentence) => {
    const words = sentence.tokens.filter(isWord);
    const asked = sentence.tokens[sentence.tokens.length - 1]?.value === "?";
    return words.length >= offeredWords && !brokenOff(segment, sentence) && !(asked && openQuestions.has(words[0]?.lemma ?? "")) && !wishesWell(sentence) && !partsOnly(sentence) && !asksToReportBack(sentence) && !reassures(sentence) && !offersAttitude(sentence) && !offersToTell(words) && !offersOwnHelp(words);
  });
  // The sentences that say a thing the assent names ("I'll look into that podcast"): what it took up, whatever else the turn said.
  const naming = candidates.filter((sentence) => sentence.tokens.some((token) => token.pos === "NOUN" && named.has(token.lemma)));
  const offered = naming.length > 0 ? naming : candidates;
  // An act offered to the patient (`offersAct`) first; then one offered in a later clause of the therapist's own account ("I feel
  // better outdoors, so try that more often", `offersInLaterClause`); then the longest, which holds the substance more often than a
  // closing remark ("My evenings tend to be calmer.").
  const acts = offered.filter(offersAct);
  const clauseActs = offered.filter(offersInLaterClause);
  const pool = acts.length > 0 ? acts : clauseActs.length > 0 ? clauseActs : offered;
  return pool.reduce<ReadSentence | null>((longest, sentence) => (longest === null || sentence.tokens.length > longest.tokens.length ? sentence : longest), null);
}

/** Nouns of a proposal itself, which name nothing in particular that was offered: "a good idea", "that advice". */
const unnamingNouns = new Set([...proposalNouns, "thing", "one", "lot", "bit", "way", "time", "day", "today", "week", "thank", "thanks"]);

/** The nouns of the assenting sentence, by lemma, but those that only name a proposal (`unnamingNouns`): "podcast" in "I'll try the podcast". */
function nounsOf(segment: ReadSegment, assent: Assent): ReadonlySet<string> {
  const sentence = segment.sentences.find((entry) => entry.start === assent.start);
  return new Set((sentence?.tokens ?? []).filter((token) => token.pos === "NOUN" && !unnamingNouns.has(token.lemma)).map((token) => token.lemma));
}

/**
 * True when a therapist's sentence states a proposal an "Agreed" line may quote: not asked
 * (`isAsked`), and a proposal `proposes` finds or an act offered to the patient (`offersAct`). A
 * question ("Have you tried a hot shower?", "Could you try some slow breathing?") leaves open what was
 * agreed, and the line quotes it verbatim, never rewritten; a sentence taken up only because the
 * patient called it a good idea (`lastOffered`) may be the therapist's own story ("I sometimes
 * force myself to exercise"), information or encouragement. The patient's assent to either is one
 * to confirm, never a plan.
 */
export function statesProposal(sentence: ReadSentence): boolean {
  return !isAsked(sentence) && (proposes(sentence) || offersAct(sentence));
}

/**
 * True when a plain assent agrees to a therapist's sentence that is not a stated proposal
 * (`statesProposal`): a proposal asked ("Could you try ringing her?", a question `proposes`
 * finds) taken up in any plain assent ("Yes, I will do that", "That's a good idea"), or anything
 * else put forward — the therapist's own way of coping, information — taken up in a first-person
 * commitment to it (`Assent.commits`: "I will try this", "I'll give that a go"). Never reported
 * words (quotation marks: "Some people tell themselves, “just get on with it.”"). What was agreed
 * is then the patient's own words, quoted as the plan; the therapist's sentence is quoted as said,
 * as what they answered, never as the proposal agreed.
 */
export function answersPlainly(sentence: ReadSentence, assent: Assent): boolean {
  if (reportsWords(sentence)) return false;
  return (isAsked(sentence) && proposes(sentence)) || assent.commits;
}

/** What the text of a possible plan starts with (core's `toConfirmLead`): to confirm with the patient, never part of the plan. */
export const toConfirmPrefix = toConfirmLead;

/**
 * How an agreement's line reads: "stated" — the proposal agreed, then the assenting words
 * ("Agreed: <proposal> — “<assent>”"); "patient-words" — the patient's words, then what they
 * answered ("Agreed: “<assent>” — to “<the therapist's sentence>”"); "to-confirm" — as stated,
 * under the lead of an item to confirm.
 */
type AgreementForm = "stated" | "patient-words" | "to-confirm";

/** The line of an agreement in its form, citing the therapist's sentence and the assenting words. */
function agreementLine(form: AgreementForm, turn: ReadSegment, proposal: ReadSentence, segment: ReadSegment, assent: Assent, from: ReadSentence = proposal): NoteItemDraft {
  // "Some people write their worries down before bed. It may be helpful!", "…a debt advice service. Would you like me to send you the details?":
  // a sentence that only points back at the act (`pointsBackOnly`), or ends on words pointing back at it, is quoted with the sentence before it that names one.
  // "So, same time next week?": a session to come says what it proposes, and is quoted alone.
  const session = proposesSessionToCome(proposal.tokens.filter(isWord));
  const before = session ? undefined : turn.sentences[turn.sentences.indexOf(proposal) - 1];
  const named = namedBefore(turn, proposal);
  const opening =
    from !== proposal ? from.start : before !== undefined && namesAnAct(before) && (pointsBackOnly(proposal) || endsPointingBack(proposal)) ? before.start : named !== undefined ? named.start : proposal.start;
  // "Could we meet again? How about Thursday? Same time?": a question followed only by questions is quoted with them, to the turn's end.
  const after = turn.sentences.slice(turn.sentences.indexOf(proposal) + 1);
  const closing = isAsked(proposal) && after.length > 0 && after.every(isAsked) ? after.at(-1)!.end : proposal.end;
  // "data.health" | "gov for the figures.": the reader split the sentence at a web address's dot; it is quoted whole.
  const { start, end } = acrossAddresses(turn, opening, closing);
  const quote = turn.text.slice(start, end);
  const said = segment.text.slice(assent.start, assent.end);
  const evidence = [
    { segmentId: turn.id, start, end },
    { segmentId: segment.id, start: assent.start, end: assent.end },
  ];
  if (form === "patient-words") return { text: `${agreedPrefix}“${said}” — to “${quote}”`, quote: said, evidence };
  return { text: `${form === "stated" ? agreedPrefix : toConfirmPrefix}${quote} — “${said}”`, quote, evidence };
}

/** How many sentences back an offer that names nothing may be quoted from, to the one naming what it offers. */
const offerContextReach = 2;

/**
 * For an offer that names nothing but the patient and perhaps a time (`namingWord`: "Would you like
 * me to refer you?", "Shall I book you in for Tuesday?"), the earliest of the turn's `offerContextReach` sentences before it that names a thing
 * ("There's a stop smoking service at the surgery. They do patches and weekly check-ins."): the
 * line quotes from there, so that it says what was offered. Else undefined.
 */
function namedBefore(turn: ReadSegment, offer: ReadSentence): ReadSentence | undefined {
  // "Could we meet again?": a session to come says what it offers.
  const words = offer.tokens.filter(isWord);
  if (!isAsked(offer) || !offersToArrange(words) || proposesSessionToCome(words) || offer.tokens.some(namingWord)) return undefined;
  const at = turn.sentences.indexOf(offer);
  return turn.sentences.slice(Math.max(0, at - offerContextReach), at).find((sentence) => sentence.tokens.some(namingWord));
}

/** True when a sentence holds a verb of an act (not one of `pointingVerbs`): "Some people write their worries down", not "That's a really good insight". */
const namesAnAct = (sentence: ReadSentence) => sentence.tokens.some((token) => token.pos === "VERB" && !pointingVerbs.has(token.lemma));

/** Words that, closing a sentence, point back at what the sentence before named: the pointers of `pointingBack` ("do you want to try it?"), and "the details", "the number"… */
const closingPointers = new Set([...[...pointingBack].filter((word) => word !== "so" && word !== "same"), "detail", "details", "information", "info", "number", "link", "website", "address"]);

/** True when a sentence's last word points back (`closingPointers`): "Would you like me to send you the details?". */
function endsPointingBack(sentence: ReadSentence): boolean {
  const last = sentence.tokens.filter(isWord).at(-1);
  return last !== undefined && (closingPointers.has(last.lemma) || closingPointers.has(last.value.toLowerCase()));
}

/**
 * The line of an idea the patient put forward and then agreed to, after the therapist pointed back
 * at it (`own-ideas.ts`): "Agreed: “<idea>” — “<assent>”", citing the idea, the therapist's
 * sentence and the assent; under the lead of an item to confirm when the assent is tentative.
 */
function ideaLine(strength: Assent["strength"], ideaTurn: ReadSegment, idea: ReadSentence, turn: ReadSegment, pointer: ReadSentence, segment: ReadSegment, assent: Assent): NoteItemDraft {
  const quote = ideaTurn.text.slice(idea.start, idea.end);
  const said = segment.text.slice(assent.start, assent.end);
  return {
    text: `${strength === "plain" ? agreedPrefix : toConfirmPrefix}“${quote}” — “${said}”`,
    quote,
    evidence: [
      { segmentId: ideaTurn.id, start: idea.start, end: idea.end },
      { segmentId: turn.id, start: pointer.start, end: pointer.end },
      { segmentId: segment.id, start: assent.start, end: assent.end },
    ],
  };
}

/** The therapist's proposals the patient took up: plainly (the plan) apart from tentatively (to confirm). */
export interface FoundAgreements {
  agreed: NoteItemDraft[];
  toConfirm: NoteItemDraft[];
}

/**
 * The therapist's proposals the patient took up: a patient turn right after the therapist's that
 * assents (`assents`) to a proposal in the therapist's last turn (`proposes`; the turn before it
 * when the last only closes), or — for an assent that names a proposal ("That's a good idea") —
 * to the last sentence of the therapist's turn that is not an open question. A plain assent to
 * a stated proposal (`statesProposal`) makes an item of the plan, "Agreed: " and the proposal, then
 * the assenting words; a plain assent that answers the turn just before (`answersPlainly`: a
 * proposal asked, or anything put forward taken up in a first-person commitment) makes one quoting
 * the patient's words — "Agreed: “Yes, I will do that.” — to “Could you try ringing her?”" — never
 * the therapist's sentence as the proposal agreed; a bare "I will." only a proposal stated or asked in the
 * turn just before (`statesProposal`); anything else, and every tentative assent, an
 * item to confirm ("To confirm: "). Each cites both the therapist's sentence and the assent, so a
 * reader sees which turn agreed. A proposal nobody took up, a question only asked, a reflection or
 * information never is one.
 * @returns the items in transcript order (empty lists when none).
 */
export function findAgreedProposals(segments: readonly ReadSegment[]): FoundAgreements {
  const found: FoundAgreements = { agreed: [], toConfirm: [] };
  segments.forEach((segment, index) => {
    if (segment.role === "patient" && index >= 2 && segments[index - 1]!.speaker === segment.speaker && segments[index - 2]!.role === "therapist") {
      takesUpOwnIdea(segments[index - 2]!, segments[index - 1]!, segment, found);
      return;
    }
    if (segment.role !== "patient" || index === 0 || segments[index - 1]!.role !== "therapist" || retractedNext(segments, index)) return;
    const confirmed = confirmedSummary(segments[index - 1]!, segment);
    if (confirmed !== null) {
      const form = confirmed.strength !== "plain" ? "to-confirm" : confirmed.offer ? "patient-words" : "stated";
      (confirmed.strength === "plain" ? found.agreed : found.toConfirm).push(agreementLine(form, segments[index - 1]!, confirmed.summary, segment, confirmed, confirmed.from));
      return;
    }
    // "So what's the plan?" — "Ring the GP on Monday.": the act said alone is what was decided, quoted in the patient's words.
    const decided = answeredDecision(segments[index - 1]!, segment);
    if (decided !== null) {
      const plain = decided.strength === "plain";
      const answer: Assent = { start: decided.start, end: decided.end, strength: decided.strength, namesProposal: false, commits: true, bare: false };
      (plain ? found.agreed : found.toConfirm).push(agreementLine(plain ? "patient-words" : "to-confirm", segments[index - 1]!, decided.question, segment, answer));
      return;
    }
    const assent = assents(segment);
    // An assent in the patient's own words ("I'll ring the helpline tomorrow") is their commitment (`findCommitments`).
    if (assent === null || ownCommitmentAt(segment, assent.start)) return;
    // The therapist only pointed back at an idea the patient put forward ("Maybe I could walk at lunch." — "Would you be willing to try that?"): the idea is what was agreed.
    const takesUpIdea = (turn: ReadSegment, sentence: ReadSentence): boolean => {
      const idea = turn === segments[index - 1] && pointsBackOnly(sentence) ? ideaPutForward(segments[index - 2]) : undefined;
      if (idea === undefined) return false;
      (assent.strength === "plain" ? found.agreed : found.toConfirm).push(ideaLine(assent.strength, segments[index - 2]!, idea, turn, sentence, segment, assent));
      return true;
    };
    // A bare "I will." takes up a proposal stated or asked in the turn just before, or nothing.
    if (assent.bare) {
      const turn = segments[index - 1]!;
      const stated = [...turn.sentences].reverse().find(statesProposal);
      // Or a proposal asked ("Have you thought about classes at the college?" — "Yes I will"): the line quotes the patient's words.
      const asked = stated ? undefined : [...turn.sentences].reverse().find((sentence) => isAsked(sentence) && proposes(sentence));
      const taken = stated ?? asked;
      if (taken && assent.strength === "plain" && !takesUpIdea(turn, taken)) found.agreed.push(agreementLine(stated ? "stated" : "patient-words", turn, taken, segment, assent));
      return;
    }
    // The proposal: in the therapist's last turn, or the one before it when the last only closes ("Anyway, I hope I helped").
    const candidates = segments.slice(Math.max(0, index - 3), index).filter((turn) => turn.role === "therapist").reverse();
    // In order: a proposal of the turn just before; for an assent that names a proposal, what that turn offered; a proposal of an earlier turn.
    const proposals = candidates.map((turn) => ({ turn, sentence: lastProposal(turn) }));
    const offered = assent.namesProposal ? [{ turn: segments[index - 1]!, sentence: lastOffered(segments[index - 1]!, nounsOf(segment, assent)) }] : [];
    // A turn just before that ends asking of an act of its own ("Will you at least think about cutting down?") is what the assent answers, not a proposal made earlier.
    const earlier = asksOfItsOwnAct(segments[index - 1]!) ? [] : proposals.slice(1);
    const taken = [proposals[0]!, ...offered, ...earlier].find((entry) => entry.sentence !== null);
    if (!taken || taken.sentence === null) {
      // No proposal, but an offer to arrange something asked in the turn just before ("Would you want me to have a word with Mr Hall?" — "Maybe. I'll think about it."): the assent answers it.
      const offer = segments[index - 1]!.sentences.findLast((sentence) => isAsked(sentence) && offersToArrange(sentence.tokens.filter(isWord)));
      if (offer !== undefined) {
        (assent.strength === "plain" ? found.agreed : found.toConfirm).push(agreementLine(assent.strength === "plain" ? "patient-words" : "to-confirm", segments[index - 1]!, offer, segment, assent));
        return;
      }
      // No proposal, but the therapist asked only of the idea the patient just put forward ("How does that sound to you?"): the idea is what was agreed.
      const pointing = segments[index - 1]!.sentences.findLast(pointsBackOnly);
      if (pointing !== undefined) takesUpIdea(segments[index - 1]!, pointing);
      return;
    }
    // A proposal taken up twice is one item: the first assent.
    const taker = taken.sentence;
    if ([...found.agreed, ...found.toConfirm].some((item) => item.evidence[0]?.segmentId === taken.turn.id && item.evidence[0]?.start === taker.start)) return;
    if (takesUpIdea(taken.turn, taker)) return;
    // A proposal that only points back ("Would you be willing to try that?"), taken up by a turn that names the act itself ("Yeah. I'll
    // try it. I'll go for a walk round the block."): the patient's own words are the plan (`findCommitments` quotes them), not "try that".
    if (asksOnlyToTakeUp(taker) && committedInOwnWords(segment)) return;
    // Agreed to a proposal stated as one: the line quotes the proposal, then the assenting words.
    if (assent.strength === "plain" && statesProposal(taker)) {
      found.agreed.push(agreementLine("stated", taken.turn, taker, segment, assent));
      return;
    }
    // Agreed in answer to the turn just before, to a proposal asked or to something only put forward: the line quotes the patient's words.
    if (assent.strength === "plain" && taken.turn === segments[index - 1] && answersPlainly(taker, assent)) {
      found.agreed.push(agreementLine("patient-words", taken.turn, taker, segment, assent));
      return;
    }
    found.toConfirm.push(agreementLine("to-confirm", taken.turn, taker, segment, assent));
  });
  return found;
}

/**
 * An idea the patient put forward in answer to the therapist, then took up in their next turn, as
 * typed chat sends it in two messages ("would you be willing to put the boxes somewhere harder to
 * get to?" — "i could put them in the car i guess." — "yeah ill do that after this"): the idea is
 * what was agreed, citing the therapist's proposal (or last sentence) between. Only an assent that
 * commits ("I'll do that", "I'll try it") takes the idea up; a bare "ok" may only acknowledge.
 */
function takesUpOwnIdea(turn: ReadSegment, ideaTurn: ReadSegment, segment: ReadSegment, found: FoundAgreements): void {
  // Only an idea said as possible ("I could…"), not a commitment of its own, which is its own line.
  const idea = ideaPutForward(ideaTurn);
  if (idea === undefined || sentenceCommitment(idea) !== null) return;
  const assent = assents(segment);
  if (assent === null || !assent.commits || ownCommitmentAt(segment, assent.start)) return;
  const pointer = turn.sentences.findLast(proposes) ?? turn.sentences.at(-1);
  if (pointer === undefined) return;
  (assent.strength === "plain" ? found.agreed : found.toConfirm).push(ideaLine(assent.strength, ideaTurn, idea, turn, pointer, segment, assent));
}

/**
 * True when a turn ends in a question that names an act of its own ("Will you at least think about
 * cutting down?"), not one that only asks for the patient's view of what was put forward ("What do
 * you think?", "How does that sound?": `pointingVerbs` only).
 */
function asksOfItsOwnAct(turn: ReadSegment): boolean {
  const last = turn.sentences.at(-1);
  return last !== undefined && isAsked(last) && last.tokens.some((token) => token.pos === "VERB" && !pointingVerbs.has(token.lemma));
}

/** Words after a yes that leave it in doubt: a contrast, a hedge, a condition, a refusal or a difficulty ("Yeah. It'll be hard though."). */
const doubtingWords = new Set([...contrasts, "however", ...tentative, "if", "unless", "hope", "wish", ...negations, ...reluctance, "hard", "difficult", "tough"]);

/**
 * A confirmed summary of the patient's plan: the therapist's turn states the patient's decided act
 * (core's `turnSummarisesPlan`: "So you're going to call your GP this week", "Let me summarise.
 * You're going to…") and the patient's turn
 * opens with a plain yes (core's `confirmsPlainly`: "Yeah, that's right.") and commits to no act of
 * its own in other words (`findCommitments` quotes those: they restate the summary). Plain — the plan — unless a later
 * sentence of the turn doubts it (`doubtingWords`, or a tentative phrase: "Yeah. I guess I'll
 * see."), then to confirm. The summary is the turn's last sentence that states one. So too an
 * offer to arrange something, the turn's last sentence (core's `arrangingOfferAt`: "Shall I book you
 * in for Tuesday?", or "I'd like to book you in. Would that be alright?", quoting the first), accepted by a plain yes (core's `acceptsOffer`: "Yes, please."): `offer` is
 * then true, and the line quotes the patient's yes, since the offer is asked.
 * @returns the yes as an assent, with the summary or offer it takes up, or null.
 */
function confirmedSummary(turn: ReadSegment, segment: ReadSegment): (Assent & { summary: ReadSentence; from: ReadSentence; offer: boolean }) | null {
  // The patient's yes first: most turns are none, and the therapist's turn is then not read.
  // "Would you? That would really help.": an offer echoed back is accepted by the sentence after it.
  const echoed = segment.sentences[0] !== undefined && isAsked(segment.sentences[0]) && echoesOffer(segment.sentences[0].tokens.filter(isWord));
  const [first, ...rest] = echoed ? segment.sentences.slice(1) : segment.sentences;
  if (first === undefined || isAsked(first)) return null;
  const yes = first.tokens.filter(isWord);
  const confirms = confirmsPlainly(yes);
  if (!confirms && !acceptsOffer(yes)) return null;
  const words = turn.sentences.map((sentence) => sentence.tokens.filter(isWord));
  // A summary of the plan, confirmed; or, accepted, an offer to arrange something as the turn's last sentence (core's `arrangingOfferAt`: "Would you like me to refer you today?" — "Yes, please.").
  const summaryAt = confirms ? words.findLastIndex((_, index) => turnSummarisesPlan(words, index)) : -1;
  const last = words.length - 1;
  // The offer is the turn's last sentence, or its last question with only statements after it ("Shall I refer you? They'd see you weekly."),
  // or a question of the run of questions that closes the turn ("Could we meet again? How about Thursday? Same time?").
  const asked = turn.sentences.findLastIndex(isAsked);
  // Not past an alternative ("Shall I book you in? Or would you rather think about it first?"): a yes to both says neither.
  const opensOr = (sentence: ReadSentence) => sentence.tokens.find(isWord)?.lemma === "or";
  const closingQuestions = [asked - 1, asked - 2].filter((at) => at >= 0 && turn.sentences.slice(at, asked).every(isAsked) && !turn.sentences.slice(at + 1, asked + 1).some(opensOr));
  const offerAt = [last, asked, ...closingQuestions].filter((at) => at > summaryAt && at >= 0).map((at) => arrangingOfferAt(words, at)).find((at) => at !== -1) ?? -1;
  const offer = offerAt !== -1;
  const at = offer ? offerAt : summaryAt;
  if (at === -1) return null;
  // A commitment of the patient's own later in the turn that shares a word of the summary's acts restates it in their words (`findCommitments` quotes it):
  // "So you're going to call your sister?" — "Yeah. I'll call her on Monday."; one of another act ("…And I'll tell my daughter.") adds to it. After an offer accepted it is an act of its own.
  if (!offer && rest.some((sentence) => sentenceCommitment(sentence)?.act === "own" && sharesActWord(sentence, turn.sentences[at]!))) return null;
  // "Would you be willing to sign up this week?" — "Yeah. I'll do it tonight.": the commitment pointing back says more than the yes, and is the assent quoted (`assents`).
  if (offer && asksWillingness(words[offerAt]!) && rest.some((sentence) => sentenceCommitment(sentence)?.act === "pointing-back")) return null;
  const summary = turn.sentences[at]!;
  // A summary told in several sentences ("So to sum up: when you notice the signs, you'll go for a walk… You'll save the number today…") is quoted whole, from its first.
  let from = at;
  while (!offer && from > 0 && turnSummarisesPlan(words, from - 1)) from -= 1;
  // "The diary yes, definitely. The group I'm not sure, honestly.": a part of it doubted leaves the whole to confirm.
  const doubted = rest.some((sentence) => sentence.tokens.some((token) => doubtingWords.has(token.lemma) || doubtingWords.has(token.value.toLowerCase())) || says(sentence.tokens, hedgingPhrases) || saysUnsure(sentence));
  return { summary, from: afterAnnouncement(turn, turn.sentences[from]!), offer, start: first.start, end: first.end, strength: doubted ? "tentative" : "plain", namesProposal: false, commits: false, bare: false };
}

/**
 * The summary's first sentence from where the summary opens after a colon that closes its
 * announcement ("So just to sum up: you've decided to…", "So, just to go over: you'll ring…" are
 * quoted from "you"), when the words after the colon summarise the plan as announced; else the
 * sentence as it is.
 */
function afterAnnouncement(turn: ReadSegment, sentence: ReadSentence): ReadSentence {
  const colon = turn.text.indexOf(":", sentence.start);
  if (colon === -1 || colon >= sentence.end) return sentence;
  const tokens = sentence.tokens.filter((token) => token.start > colon);
  const start = tokens.find(isWord)?.start;
  const announcement = sentence.tokens.filter((token) => token.start < colon && isWord(token));
  return start !== undefined && turnSummarisesPlan([announcement, tokens.filter(isWord)], 1) ? { start, end: sentence.end, tokens } : sentence;
}

/** The content words of a sentence by lemma: its nouns and verbs ("call" is a stop word to the reader, and an act here), not verbs that name no act of their own (`emptyVerbs`). */
const actWordsOf = (sentence: ReadSentence) => new Set(sentence.tokens.filter((token) => (token.pos === "NOUN" || token.pos === "VERB" || token.pos === "PROPN") && !emptyVerbs.has(token.lemma)).map((token) => token.lemma));
/** True when two sentences share a content word (`actWordsOf`): the one restates the other's act. */
function sharesActWord(sentence: ReadSentence, other: ReadSentence): boolean {
  const words = actWordsOf(other);
  return [...actWordsOf(sentence)].some((word) => words.has(word));
}

/**
 * What the therapist proposed in the session (`proposes`), taken up or not: the strategies
 * discussed — in a BIRP note, the intervention. Each is the therapist's sentence, quoted and
 * attributed to the therapist; never a question ("Have you tried a hot shower?" asks, whatever it
 * hints at: the line would list a question as a strategy), nor a sentence broken off ("And you
 * could try…": `brokenOff`), nor a sentence that only judges what
 * was said before it ("Just thought it may help somewhat": `proposesOnItsOwn`).
 * @returns the items in transcript order ([] when none).
 */
export function findProposals(segments: readonly ReadSegment[]): NoteItemDraft[] {
  const said = new Set<string>();
  return segments
    .filter((segment) => segment.role === "therapist")
    .flatMap((segment) =>
      segment.sentences.filter((sentence) => isStrategy(segment, sentence)).flatMap((sentence) => {
        const quote = segment.text.slice(sentence.start, sentence.end);
        // The same words proposed again are one strategy: the first time they were said.
        const words = quote.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
        if (said.has(words)) return [];
        said.add(words);
        return [{ text: quote, quote, speaker: "therapist" as const, evidence: [{ segmentId: segment.id, start: sentence.start, end: sentence.end }] }];
      }),
    );
}

/**
 * True when a therapist's sentence can stand in a note as a strategy discussed: it proposes on its
 * own (`proposesOnItsOwn`) or tells what helped the therapist (`sharesWhatHelped`), and it is not
 * put as a question, with or without its mark (`isQuestionInForm`: "Have you tried the library
 * for quiet"), nor broken off or cut at a web address (`brokenOff`, `cutAtAddress`), nor the
 * therapist's gladness (`ownsFeeling`, `gladOpenings`: "I'm glad these are steps that may help"). A sentence
 * with an attitude beside an act ("You could ring the firm tomorrow, and stay calm") is a strategy for the act.
 */
function isStrategy(segment: ReadSegment, sentence: ReadSentence): boolean {
  if (isQuestionInForm(sentence) || brokenOff(segment, sentence) || cutAtAddress(segment, sentence) || ownsFeeling(sentence.tokens.filter(isWord), gladOpenings)) return false;
  return proposesOnItsOwn(sentence) || sharesWhatHelped(sentence);
}

