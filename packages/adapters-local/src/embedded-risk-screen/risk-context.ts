import type { RiskCategory } from "@confide/core/ports";
import { wordsCovered, type RiskSentence } from "./risk-reader.ts";

/**
 * The context rules of the embedded risk screen: what around a matched phrase changes its
 * meaning. Each takes the sentence and the matched words `[first, last]` (word indices) and
 * answers one question. They apply to every row of `risk-rules.yaml`; a clinician reviewing the
 * screen reads the rows there and these rules here.
 */

/** Words that negate what follows them in their clause. */
const negationCues = new Set(["not", "never", "no", "nothing", "nobody", "nobodys", "noones", "none", "neither", "nor", "without", "hardly", "barely", "nowhere", "n't"]);

/** Words that end a negation's (or a condition's) reach: a new clause starts. */
const clauseBreaks = new Set([
  ".", ";", ":", "!", "?", "—", "–", "-", "but", "though", "although", "however", "because", "since", "so", "yet", "except", "unless", "until", "while", "whereas",
  "why", "what", "when", "where", "how", "who", "whether", "if", "then", "cause", "anyway",
]);

const subjectPronouns = new Set(["i", "he", "she", "they", "we", "you", "it", "there"]);

/** Verbs after which a negation reaches into the next clause ("I don't think I would…"). */
const negRaising = new Set(["think", "believe", "feel", "suppose", "guess", "reckon", "expect", "imagine", "see", "want", "plan", "intend", "mean"]);

const listWords = new Set([",", "or", "and", "nor", "any", "anything", "like", "that", "some", "other", "stuff", "either", "even", "or", "a", "an", "the", "of"]);

const thingTags = new Set(["NOUN", "PROPN", "ADJ", "NUM", "DET"]);

/**
 * True when the match is one more item of a list of things after a comma or "and"/"or"
 * ("I don't touch coke, pills or anything"), not a new clause ("…, just to punish myself").
 */
function continuesList(sentence: RiskSentence, from: number, to: number): boolean {
  const tagOf = (index: number) => sentence.tokens[sentence.tokenOfWord[index] ?? -1]?.pos ?? "";
  if (!thingTags.has(tagOf(to))) return false;
  for (let index = from; index < to; index += 1) {
    const word = sentence.words[index] ?? "";
    if (listWords.has(word) || negationCues.has(word)) continue;
    if (!thingTags.has(tagOf(index))) return false;
  }
  return true;
}

/** Words after which a new clause still carries the negation ("not sure I…", "don't think that I…"). */
const carriesNegation = new Set([...negRaising, "sure", "certain", "convinced", "that"]);

/**
 * True when what stands between a comma and the match starts no clause of its own: no subject,
 * no verb, no "to" of an infinitive ("I would never, ever in a million years actually hurt myself").
 */
function noNewClause(sentence: RiskSentence, from: number, to: number): boolean {
  if (sentence.words[to - 1] === "to") return false;
  for (let index = from; index < to; index += 1) {
    const word = sentence.words[index] ?? "";
    if (subjectPronouns.has(word) || isVerb(sentence, index)) return false;
  }
  return true;
}

/** Whether word `index` (scanning back from the match) ends the clause the match is in. */
function isBreak(sentence: RiskSentence, index: number, matchFirst: number, afterVerb: boolean): boolean {
  const word = sentence.words[index] ?? "";
  if (word === ",") return !continuesList(sentence, index + 1, matchFirst) && !noNewClause(sentence, index + 1, matchFirst);
  if (word === "and" || word === "or") return !continuesList(sentence, index + 1, matchFirst);
  // "It's not like he hit me", "it's not as if I'd do it": the clause that follows is what is denied.
  if (deniesWhatFollows(sentence, index)) return false;
  if (clauseBreaks.has(word)) return true;
  // A new subject after a verb starts a clause, unless what comes before carries the negation over.
  if (subjectPronouns.has(word) && afterVerb && !carriesNegation.has(sentence.words[index - 1] ?? "")) return true;
  // A subject straight after another clause's verb starts the match's own clause ("when she won't
  // stop screaming I want to…"), unless that verb carries the negation or reports ("I'm not saying I…").
  const before = sentence.words[index - 1] ?? "";
  if (subjectPronouns.has(word) && isVerb(sentence, index - 1) && !carriesNegation.has(before) && !complementVerbs.has(before)) return true;
  return false;
}

/** The subject of a clause denied as a whole ("not like he…", "not as if I…"), or the "if" of "not as if": the negation carries over. */
function deniesWhatFollows(sentence: RiskSentence, index: number): boolean {
  const [before, twoBefore, threeBefore] = [sentence.words[index - 1], sentence.words[index - 2], sentence.words[index - 3]];
  if (subjectPronouns.has(sentence.words[index] ?? "")) return (before === "like" && twoBefore === "not") || ((before === "if" || before === "though") && twoBefore === "as" && threeBefore === "not");
  return (sentence.words[index] === "if" || sentence.words[index] === "though") && before === "as" && twoBefore === "not";
}

/**
 * A "no" or "never" closing the sentence after a match: the words were named to be denied
 * ("Suicidal, no.", "suicide, self harm, all that — no, not me, never").
 */
function deniedAfter(sentence: RiskSentence, last: number): boolean {
  const rest = ` ${sentence.words.slice(last + 1).join(" ")} `;
  // "He wouldn't stop when I said no": the "no" is what was said, not a denial of the words.
  if (/ (?:say|said|tell|told|scream|screamed|shout|shouted|beg|begged|cry|cried|whisper|whispered) (?:no|nope|never)\b/.test(` ${sentence.words.slice(last).join(" ")} `)) return false;
  if (/ no (?:joke|doubt|lie|question|kidding|one|body|point|reason|future|hope|way out)\b/.test(rest)) return false;
  return /^ (?:\S+ ){0,4}(?:, )?(?:no|nope|nah|never|not me)(?: (?:,|no|not|never|me|way|nope|thanks|really))* (?:(?:\.|!) )?$/.test(rest);
}

/** A verb that carries meaning (not "do", "be", "have", "will" and other auxiliaries). */
function isContentVerb(sentence: RiskSentence, index: number): boolean {
  const token = sentence.tokens[sentence.tokenOfWord[index] ?? -1];
  return token?.pos === "VERB" && !["do", "be", "have", "will", "would", "can", "could", "should", "may", "might", "must", "go"].includes(sentence.words[index] ?? "");
}

function isVerb(sentence: RiskSentence, index: number): boolean {
  const token = sentence.tokens[sentence.tokenOfWord[index] ?? -1];
  return token !== undefined && (token.pos === "VERB" || token.pos === "AUX") && !negationCues.has(sentence.words[index] ?? "");
}

/**
 * Whether the matched words are negated: a negation cue before them in the same clause, with no
 * fixed window ("I would never, ever in a million years actually hurt myself" is negated;
 * "I don't know why, I just want to die" is not — the comma and a new subject end the clause).
 * A list keeps the negation ("I don't touch coke, pills or anything like that"). Two cues cancel
 * ("I'm not sure I won't hurt myself"). "No" answering a question ("No, I want to die") is not a
 * cue. A negation that is part of the row itself ("don't want to live") is not counted here:
 * the row starts after it.
 * @returns `negated`, `stopped` ("I don't cut anymore": negated and said to have stopped — a
 * history, not nothing), or `affirmed`.
 */
export function negationOf(sentence: RiskSentence, first: number, last: number, rowNegates = false): "negated" | "stopped" | "affirmed" {
  // "More like being tired of it all, rather than, like, wanting to die": a state set against
  // another. An act set aside ("instead of killing myself I…", "rather than kill myself") was weighed, and stands.
  const lead = sentence.words.slice(Math.max(0, first - 6), first).filter((word) => !leadFillers.has(word)).join(" ");
  if (/(?:^| )(?:rather than|as opposed to)$/.test(lead) && statesSetAgainst.has(sentence.words[first] ?? "")) return "negated";
  // "I stopped cutting", "I've quit drinking", "we gave up using": said to have stopped — a history (the stopping may open the matched words).
  // Not a stop to what keeps the speaker safe ("I stopped taking them and kept them in a shoebox", "I've stopped saying no").
  const said = sentence.said.trim().split(" ");
  if ([first, first + 1].some((end) => stoppedBefore.test(said.slice(Math.max(0, first - 6), end).join(" ")) && !protectiveActs.has(said[end] ?? ""))) return "stopped";
  let cues = 0;
  let afterVerb = false;
  // A row that does not say a negation itself is negated by one inside its words ("I have no plan to…").
  if (!rowNegates) {
    for (let index = first + 1; index <= last; index += 1) if (negationCues.has(sentence.words[index] ?? "")) return "negated";
  }
  for (let index = first - 1; index >= 0; index -= 1) {
    const word = sentence.words[index] ?? "";
    // In a list, each item may repeat the cue ("never crack, never heroin"): one cue negates the item.
    if (cues > 0 && (word === "," || word === "and" || word === "or")) break;
    // So may a run of negated verbs ("I don't smoke, don't vape, don't drink" said without commas):
    // a cue's own verb ends the look-back, so the cues of the verbs before do not cancel it.
    if (cues > 0 && isContentVerb(sentence, index)) break;
    if (isBreak(sentence, index, first, afterVerb)) break;
    if (negationCues.has(word)) {
      const next = sentence.words[index + 1] ?? "";
      const answerParticle = word === "no" && (index === 0 || [",", "i", "he", "she", "they", "we", "you", "it", "."].includes(next)) && index + 1 < first;
      // "not only", "not just"; "not as much", "not as often": a comparison, not a denial.
      const notOnly = word === "not" && (next === "only" || next === "just" || next === "as");
      // "I don't know, like, three weeks ago I cut…": a hedge, not a denial.
      const hedge = word === "not" && next === "know" && hedgeFillers.has(sentence.words[index + 2] ?? "");
      // "No, no drink": a cue said twice is one.
      const repeated = next === word;
      // "I can't stop thinking about…", "can't help…", "can't get it out of my head": not stopping it, said of what goes on.
      const cannotStop = word === "not" && index > 0 && ["can", "could"].includes(sentence.words[index - 1] ?? "") && (stoppingVerbs.has(next) || (next === "get" && /\bout of my (?:head|mind)\b/.test(sentence.words.slice(index + 2).join(" "))));
      // "I haven't stopped cutting": the stopping is denied, not the act.
      const notStopped = word === "not" && (next === "stop" || next === "quit") && index + 1 >= first - 1;
      if (!answerParticle && !notOnly && !repeated && !hedge && !cannotStop && !notStopped) cues += 1;
    }
    if (isVerb(sentence, index)) afterVerb = true;
  }
  // "Stressed, yes. Suicidal, no." / "suicide, self harm, all that — no, not me": the denial follows.
  if (cues % 2 === 0 && deniedAfter(sentence, last)) return "negated";
  if (cues % 2 === 0) return "affirmed";
  const rest = sentence.words.slice(last + 1, last + 6).join(" ");
  const before = sentence.words.slice(Math.max(0, first - 6), first).join(" ");
  if (/\b(?:anymore|any more|any longer|these days|now)\b/.test(rest) || /\bno longer\b|\bnot anymore\b/.test(before)) return "stopped";
  return "negated";
}

/** The speaker saying they have stopped, right before the matched words: "I stopped", "I've finally quit", "I gave up". */
const stoppedBefore = /(?:^| )(?:i|we) (?:have |'ve |ve |had |'d )?(?:finally |actually |completely |totally |mostly |basically |just |kind of |kinda )?(?:stopped|quit|gave up|given up)$/i;

/** Acts whose stopping is no history of the risk but a sign of it: taking one's medicine, eating, saying no, answering, going out. */
const protectiveActs: ReadonlySet<string> = new Set(["taking", "eating", "saying", "answering", "replying", "going", "seeing", "talking", "telling", "sleeping", "caring", "trying", "fighting", "asking", "leaving", "getting", "having", "feeling", "wanting", "looking"]);

/** What "rather than" may set aside as a state, not an act: wanting, wishing, feeling, being. */
const statesSetAgainst: ReadonlySet<string> = new Set(["want", "wanting", "wanted", "wish", "wishing", "feel", "feeling", "be", "being"]);
/** Words said between a contrast and what it sets aside: "rather than, like, wanting to die". */
const leadFillers: ReadonlySet<string> = new Set([",", "like", "um", "uh", "er", "erm", "just", "actually", "really"]);

/** Verbs of stopping or resisting that "can't" turns into going on: "I can't stop thinking about it", "can't help", "can't shake". */
const stoppingVerbs = new Set(["stop", "help", "quit", "shake"]);

/** Words after "I don't know" that make it a hedge ("I don't know, like, …"), not a denial of what follows. */
const hedgeFillers = new Set(["like", "um", "erm", "uh", "honestly", "really", ",", "maybe", "mate", "man", "just"]);

/** Verbs whose complement is a clause of their own ("if I told you I was thinking…"). */
const complementVerbs = new Set(["tell", "told", "say", "said", "admit", "mention", "think", "thought", "feel", "felt", "know", "knew", "realise", "realize", "worry", "fear", "guess", "mean"]);
const objectPronouns = new Set(["you", "him", "her", "them", "me", "us"]);

/** Cues of a condition or a hypothetical; "act like I…" and the like compare the speaker with what others make of them ("she's acting like I'm on heroin"): not what the speaker does. */
const conditionCues = ["if", "in case", "suppose", "supposing", "imagine", "what if", "even if", "unless", "hypothetically", "let 's say", "say i", "as if", "should i ever", "whether", "as though i", "act like i", "treat me like i", "look at me like i", "talk to me like i", "make out like i"];

/** Cues that are a condition only where a sentence or clause opens with them ("Say I did…", "Imagine if…"), not mid-clause ("it says I…", "I imagine jumping"). */
const openingCues = new Set(["suppose", "supposing", "imagine", "say i"]);
const clauseOpeners = new Set([",", "so", "but", "and", "just", "let", "'s", "okay", "well", "like"]);

/** Verbs of dwelling on a thought: "I wonder what would happen if I took them all" is rumination, not a hypothetical. */
const ruminationVerbs = /(?:^| )(?:wonder\S*|think\S* about|thought about|picture\S*|fantasi[sz]\S* about|daydream\S* about|keep think\S*|ask\S* myself)(?: \S+){0,4}$/;

/**
 * Whether the matched words are inside the condition of a conditional, or a hypothetical: "if I
 * ever felt like hurting myself I'd call my sister" (the risk is the condition: no flag), but not
 * "if she leaves me I'll kill myself" or "if I see him again I'm going to glass him" (the risk is
 * what would follow: a flag — the match itself may open the new clause). The condition runs from
 * "if" to a comma, "then", or the next clause's subject. "If I'm honest" is no condition; "say
 * I…", "imagine…" are conditions only where a clause opens with them; a condition one dwells on
 * ("I wonder whether I'd feel anything if I walked into the sea") is rumination, not a hypothetical.
 */
export function isHypothetical(sentence: RiskSentence, first: number): boolean {
  const words = sentence.words;
  for (let start = first - 1; start >= 0; start -= 1) {
    const cue = conditionCues.find((candidate) => {
      const parts = candidate.split(" ");
      return parts.every((part, offset) => words[start + offset] === part);
    });
    if (cue === undefined) continue;
    if (openingCues.has(cue) && start > 0 && !clauseOpeners.has(words[start - 1] ?? "")) continue;
    if (/^ (?:i be|i am) (?:be )?(?:honest|truthful|real)\b/.test(` ${words.slice(start + 1, start + 5).join(" ")}`)) return false;
    if ((cue === "if" || cue === "what if") && ruminationVerbs.test(words.slice(Math.max(0, start - 6), start).join(" "))) return false;
    // Walk from the cue to the match: a comma, "then", or a new subject after a verb ends the condition.
    let sawVerb = false;
    for (let index = start + cue.split(" ").length; index <= first; index += 1) {
      const word = words[index] ?? "";
      if (index < first && (word === "," || word === "then" || word === "." || word === ";")) return false;
      if (subjectPronouns.has(word)) {
        const before = words[index - 1] ?? "";
        const complement = complementVerbs.has(before) || (objectPronouns.has(before) && complementVerbs.has(words[index - 2] ?? ""));
        if (sawVerb && !complement && !objectPronouns.has(word)) return false;
      }
      if (index < first && isVerb(sentence, index)) sawVerb = true;
    }
    return true;
  }
  return false;
}

/**
 * Who did what the matched words describe: the nearest subject before them in their clause
 * ("he" in "he hits me"; "i" in "I bite my arm until it leaves marks" — "it" is passed over).
 * @returns `speaker` when it is the speaker ("I"), `other` for anyone else, `unknown` without one.
 */
export function actorOf(sentence: RiskSentence, first: number): "speaker" | "other" | "unknown" {
  for (let index = first - 1; index >= 0; index -= 1) {
    const word = sentence.words[index] ?? "";
    if (word === "." || word === ";" || word === "!" || word === "?" || word === "but" || word === "because") break;
    if (word === "i") return "speaker";
    if (["he", "she", "they", "person", "someone", "somebody"].includes(word) || isFamily(word)) return "other";
  }
  return "unknown";
}

/** Words of people in general, by which a question is put: "people", "someone", "anyone". */
const peopleInGeneral: ReadonlySet<string> = new Set(["people", "person", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "others"]);
/** Verbs by which a question asks what someone knows or said of the listener's risk ("does your wife know about the hose?"): the risk stays the listener's. */
const knowingVerbs: ReadonlySet<string> = new Set(["know", "about", "tell", "say", "ask", "hear", "see", "find", "notice", "think", "worry", "mention"]);

/**
 * Whether the matched words are someone else's risk, said of them as the subject just before
 * (within four words: "…and say my partner is threatening suicide"), with no verb of knowing or
 * telling between ("does your wife know about the hose?" asks of the listener's own means).
 */
export function saidOfSomeoneElse(sentence: RiskSentence, first: number): boolean {
  for (let index = first - 1; index >= Math.max(0, first - 4); index -= 1) {
    const word = sentence.words[index] ?? "";
    // People in general ("sometimes people have thoughts of ending their life…") are how a question is put, no one else's risk.
    if (word === "i" || knowingVerbs.has(word) || clauseBreaks.has(word) || peopleInGeneral.has(word)) return false;
    if (["he", "she", "they"].includes(word) || isFamily(word)) return true;
  }
  return false;
}

/** Who the matched words are about, read from the nearest subject before them in their clause. */
/**
 * Whose a match is when its own sentence names no one ("Dad drinks every night. A bottle of
 * whisky, easy."): the previous sentence's subject, when that was someone else and this sentence
 * has no word for the speaker.
 */
export function carriedSubject(sentence: RiskSentence, previous: RiskSentence | undefined): "other_person" | null {
  if (previous === undefined || / (?:i|me|my|myself|we|us|our) /.test(sentence.text)) return null;
  const opener = previous.words.slice(0, 4);
  return opener.some((word) => ["he", "she", "they"].includes(word) || isFamily(word)) && !opener.includes("i") ? "other_person" : null;
}

export function subjectOf(sentence: RiskSentence, first: number, patternIsFirstPerson: boolean): "speaker" | "other_person" {
  if (patternIsFirstPerson) return "speaker";
  const words = sentence.words;
  for (let index = first - 1; index >= 0; index -= 1) {
    const word = words[index] ?? "";
    if (clauseBreaks.has(word) && word !== "since" && word !== "when" && word !== "because") break;
    if (["i", "me", "myself", "we", "us"].includes(word)) return "speaker";
    if (word === "my" || word === "our") {
      if (!isFamily(words[index + 1]) && !isFamily(words[index + 2])) return "speaker";
      if (isObject(sentence, index)) continue;
      return "other_person";
    }
    if (["he", "she", "they", "him", "her", "them", "his", "their", "himself", "herself", "themselves", "person"].includes(word)) return "other_person";
    if (isFamily(word) && !isObject(sentence, nounPhraseStart(words, index))) return "other_person";
    if ((word === "you" || word === "your" || word === "yourself") && sentence.question) return "other_person";
  }
  return "speaker";
}

/** Words before a noun phrase that make it an object ("I went to my sister's and got hammered"), not a clause's subject. */
const objectMarkers = new Set(["to", "with", "at", "for", "from", "about", "of", "on", "by", "into", "round", "around", "after", "like", "than", "see", "saw", "visit", "call", "ring", "rang", "text", "tell", "told", "meet", "met", "help", "miss"]);
const determiners = new Set(["my", "our", "his", "her", "their", "the", "a", "little", "big", "older", "younger", "best", "old", "new"]);

/** Where the noun phrase of the word at `index` begins ("my little sister" from "sister"). */
function nounPhraseStart(words: readonly string[], index: number): number {
  let start = index;
  while (start > 0 && determiners.has(words[start - 1] ?? "")) start -= 1;
  return start;
}

/** Whether the noun phrase beginning at `start` follows a preposition or a verb of meeting or telling: an object, not a subject. */
function isObject(sentence: RiskSentence, start: number): boolean {
  return objectMarkers.has(sentence.words[start - 1] ?? "");
}

const family = new Set(
  "mom mum mommy mummy mother dad daddy father stepdad stepfather stepmom stepmum stepmother brother sister son daughter husband wife partner boyfriend girlfriend fiance fiancee ex uncle aunt auntie grandad grandpa granddad grandma grandmother grandfather granny grandparent gran nan nana cousin parent kid child baby friend mate boss manager teacher coach neighbour neighbor colleague coworker roommate flatmate landlord carer sibling bestie bff family people everyone everybody someone somebody guy bloke lad girl man woman kids children parents friends client patient student pupil customer housemate lodger nephew niece grandson granddaughter stepson stepdaughter twin husband's wife's sister's brother's".split(
    " ",
  ),
);

function isFamily(word: string | undefined): boolean {
  if (word === undefined) return false;
  return family.has(word) || family.has(word.replace(/s$/, ""));
}

/** Signs of the past, over: "used to", "when I was a kid", "years ago", "in 2019", "in '19", "…my arm that time."… */
const historyMarkers =
  /\b(?:use to|used to|when i (?:be|was) (?:a kid|a child|little|small|young|younger|a teen|a teenager|in (?:school|high school|college|uni|university|year \S+|my (?:teens|twenties|20s|30s))|at (?:school|uni|college)|\d+|fifteen|sixteen|seventeen|fourteen|thirteen|twelve|eighteen|nineteen|twenty)|(?:\d+|a few|a couple of|a couple|many|several|some|two|three|four|five|six|seven|eight|nine|ten|twenty|fifteen) years? ago|years ago|ages ago|a long time ago|long ago|in (?:19|20)\d\d|in ' ?\d\d|(?<!since )(?:that|that one) time(?= [.,!])|back (?:then|in|around|at|over)|in the past|as a (?:kid|child|teen|teenager)|growing up|in my (?:teens|twenties|childhood|youth|20s|last relationship)|my ex (?:\S+ )?use to|(?:have|have be) (?:\S+ )?(?:clean|sober|free) (?:for|since)|not (?:\S+ )?since (?:, )?(?:(?:you know|like|um|uh|erm) (?:, )?)?(?:i be|i was|school|college|uni|then|\d+)|(?:have|has) not (?:\S+ )?(?:in|for) (?:years|months|a long time|ages|a while)|not for (?:years|ages|a long time)|that be (?:a long time ago|years ago|in the past|over)|over now|behind me|past now|once,? (?:years|a long time)|(?:previous|past|old|former|last) (?:relationship|partner|marriage|husband|wife|boyfriend|girlfriend)|in primary school|in high school|in secondary school|at university|at uni|at college|after my (?:divorce|attempt) (?:years|\d+)|back when|when i first (?:\S+ )?(?:read|saw|see|found out|find out|heard|hear|learn\S*|realis\S*|realiz\S*|discover\S*)|that be (?:in )?(?:19|20)\d\d|that was (?:in )?(?:19|20)\d\d|(?:went|gone) away (?:once|when|after|since)|at (?:that|the) time|(?:from|by|during) that time|lift\S* when|(?:i be|i'm|i am) (?:\d+|forty|fifty|sixty|seventy|eighty|in uni|at uni|married|retired|remarried) now|(?:years|a few years|some years) back|a long time back|never come back)\b/;

/** A comparison with the past ("more than I used to", "worse than it used to be"): no sign of the past. */
const comparedWithThePast = /\bthan (?:i|it|we|they|he|she) (?:\S+ )?(?:use to|used to|did|do before|be before)\b/g;

/** Signs that it is happening now, which win over a sign of the past ("I used to, and I started again last week"). */
const currentMarkers =
  /\b(?:still|again|lately|recently|these days|this (?:week|weekend|month|morning|evening|year)|last (?:night|week|weekend|month)|yesterday|today|tonight|right now|at the moment|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|start \S+ again|back to|currently|nowadays)\b/;

/** Whether a sentence speaks of now: a question asking of it ("Do you still have them?", "Is that happening at the moment?") or an answer telling of it ("On Saturday."): the answer is of now, whatever was told before. */
export function speaksOfNow(sentence: RiskSentence): boolean {
  return currentMarkers.test(sentence.text) || currentMarkers.test(sentence.said) || / (?:now|anymore|any more) /.test(sentence.said);
}

/** Forms whose said word differs from its lemma without being past: present "be", "have", "do", and "'d" (would, or had). */
const notPastForms = new Set(["am", "is", "are", "'m", "'re", "'s", "m", "re", "s", "has", "have", "'ve", "ve", "does", "do", "'d", "d"]);
/** Words that may stand between "I" and its verb: "I just sat", "I then drove". */
const beforeTheVerb = new Set(["just", "then", "really", "actually", "also", "even", "finally", "only", "still", "never", "once"]);
/**
 * Words of a future, a decision or an act nearly done, as said: a sentence holding one may tell a
 * plan whatever its tenses ("On Tuesday I decided: Friday", "On Friday I nearly did it").
 */
const futureOrDecision =
  / (?:will|shall|'ll|ll|going to|gonna|about to|ready|set on|decide\S*|made up my mind|mind up|plan\S*|chose|choose|pick\S*|settled on|tonight|tomorrow|next|when|nearly|almost) /;

/**
 * Whether the sentence tells what the speaker did, not what they will do: "I" with a past form
 * of its verb ("On Tuesday I sat in the car…", "I drove to the bridge on Friday"), and no word of
 * a future, a decision or an act nearly done (`futureOrDecision`). A day named in it is when it happened, never a time
 * set for a plan.
 */
export function toldAsPast(sentence: RiskSentence): boolean {
  const said = sentence.said.trim().split(" ");
  // "I was gonna do it", "I'm going to": a future, even told of the past, read from the lemmas ("be go to").
  if (futureOrDecision.test(sentence.said) || sentence.text.includes(" be go to ")) return false;
  return sentence.words.some((word, index) => {
    if (word !== "i") return false;
    let at = index + 1;
    while (at < said.length && beforeTheVerb.has(said[at]!)) at += 1;
    const verb = sentence.tokens[sentence.tokenOfWord[at] ?? -1];
    const form = said[at];
    const lemma = sentence.words[at];
    if (verb === undefined || form === undefined || lemma === undefined || (verb.pos !== "VERB" && verb.pos !== "AUX")) return false;
    return form !== lemma && !notPastForms.has(form) && !form.endsWith("ing") && form !== `${lemma}s` && form !== `${lemma}es`;
  });
}

/**
 * Whether the sentence speaks of the past and over (`history`) or of now (`current`): a sign of
 * the past and none of the present gives history; a past tense alone does not ("I took too many
 * pills on Saturday" is current).
 */
export function temporalityOf(sentence: RiskSentence): "current" | "history" {
  // "More than I used to" compares with the past; it does not put the risk there.
  const text = `${sentence.text}|${sentence.said}`.replace(comparedWithThePast, " ");
  if (historyMarkers.test(text) && !currentMarkers.test(text)) return "history";
  return "current";
}

/** Sayings where risk words do not mean risk; a match overlapping one is not raised. */
const idioms: readonly RegExp[] = [
  / (?:back|head|feet|foot|knee|leg|neck|tooth|teeth|stomach|shoulder|job|work|boss|commute|traffic|heat|this|it|that|kid|kids|exam|exams|deadline|diet|suspense|wait|shoe|shoes|hangover|week|day|schedule|cold|weather|noise|music|song|joke|workout|gym|class|homework|email|mortgage|bill|price|heel|heels|rent|you|boredom|anticipation|cramp|migraine|hay fever|cough) (?:\S+ )?(?:be )?(?:really |literally |absolutely |just |totally )?(?:kill|killing) me\b/g,
  / (?:die|died|dying|dead|kill|killing) (?:\S+ )?(?:of|from|with|laugh|laughing|laughter)(?: (?:\S+ )?(?:embarrassment|shame|boredom|laughter|laugh|laughing|cringe|curiosity|heat|hunger|envy|jealousy|thirst))?(?= |$)(?<!(?:kill|killing) (?:\S+ )?with)/g,
  / (?:nearly|almost|literally|practically) (?:die|died|dead) (?:laugh|laughing|of|from|when|at)/g,
  / (?:bore|bored|scare|scared|worry|worried|sick|tired|freeze|frozen|froze|love|loved|stress|stressed|work|worked|starve|starving) to death\b/g,
  // "She's nagging me to death", "it bores me to death": plagued, not killed.
  / (?:nag|nagging|nagged|pester\S*|bore|bored|bug|bugging|worry|worrying|annoy\S*|tickle|tickled|scare|scared|frighten\S*|talk|talking|talked) (?:me|us|him|her|them) to death\b/g,
  // "What would kill me quicker, the clots or the tablets?": gallows humour at one's own risks weighed; "I'll die happy".
  / what (?:would|will|'d|'ll|be go to|be gonna) kill me (?:quicker|faster|first|sooner)\b/g,
  / die (?:a )?happy(?: man| woman)?\b/g,
  // Where one would rather die of an illness: "I want to die at home", "in my own bed", "in the hospice".
  / (?:want|wish|like|hope|prefer|rather) (?:to )?die (?:at home|in (?:my own|my|the|a) (?:bed|home|hospice)|in hospice)\b/g,
  // A rhetorical denial: "I survive all of this, why I will kill myself now?", "why would i want to die when i'm about to be a millionaire".
  / why (?:(?:would|will|should|'d) i|i (?:would|will|should|'d)) (?:\S+ )?(?:(?:kill|hurt|harm) myself|want to (?:die|end (?:it|my life))|end my life)\b/g,
  // "I'll sleep when I'm dead", "only when I am dead I will sleep".
  / (?:sleep|rest) when i (?:be|am|'m) dead\b/g,
  / when i (?:be|am|'m) dead (?:then )?i (?:will|'ll) (?:sleep|rest)\b/g,
  // "I'm dying to just leave": longing, whatever is longed for.
  / (?:be|am|'m) dying to (?:just |really )?(?!(?:end|die|kill|hurt)\b)\S+/g,
  // Busyness and drink: "I drowned myself in work", "drowning my sorrows".
  / drown\S* (?:myself in (?:work|my work|study|studies|revision|books|games|tv|netflix|music|jobs)|my sorrows)\b/g,
  // A start: "I nearly jumped out of me skin".
  / (?:jump|jumped|jumping) out of (?:my|me|his|her|your|their) skin\b/g,
  // Effort to no avail: "like I was banging my head against a brick wall".
  / (?:bang|banging|banged|hit|hitting|beat|beating) (?:my|your|our) heads? (?:against|on|off) a brick wall\b/g,
  // Panic's fear of the body failing: "thinking I'm going to have a heart attack".
  / (?:go to|gonna|about to|will|'ll) have a heart attack\b/g,
  / (?:die|dying) (?:for|to see|to know|to try|to go|to get|to meet|to hear|to tell|to have|to watch)\b/g,
  / to die for\b/g,
  // Devotion: "I'd throw myself in front of a bus for her", "I'd take a bullet for him", "I'd die for my kids".
  / (?:would|'d) (?:\S+ )?(?:throw myself in front of (?:a |the )?(?:bus|train|car|lorry|truck)|take a bullet|die|walk through fire|jump in front of (?:a |the )?(?:bus|train|car)) for (?:her|him|them|you|us|my \S+|person|\S+)\b/g,
  // What nearly happened, by mistake or in anger, told after: "I gave the wrong dose, I could have killed him", "I nearly killed someone".
  / (?:could|might) (?:have|'ve|of) (?:kill|killed|murder|murdered) (?:him|her|them|someone|somebody|a patient|my patient|a child|a kid|person)\b/g,
  / (?:nearly|almost) (?:kill|killed) (?:someone|somebody|a patient|my patient|a child|a kid)\b/g,
  // "Dead" as "very": "this month I am dead broke", "dead on my feet", "dead tired" (not "dead set on").
  / dead (?:broke|tired|beat|bored|on my feet|on me feet|serious|chuffed|jealous|good|easy|lucky|funny|nice|quiet|busy)\b/g,
  // Dread of a failure or an ordeal, not intent: "if i fail that i'm literally going to die", "if I have to sit through another meeting I'll die".
  / if i (?:fail|failed|don't pass|do not pass|bomb|mess up|have to|get) (?:\S+ ){0,5}(?:, )?(?:i be|i'm|i am|i'll|i will|i 'll) (?:literally |actually |honestly |just |seriously )*(?:go to |gonna |going to )?die\b/g,
  // Overdoses seen at work, as a nurse or paramedic tells them: "we had three overdoses in one shift", "overdoses on the ward" (not "I've had three overdoses").
  / we (?:have |had |'ve |ve |have had |'ve had |get |got |see |saw |'ve seen |have seen )(?:\S+ ){0,2}overdoses\b/g,
  / overdoses (?:in|on|during|every|each) (?:one |a |the |my |our |that |this |last )?(?:shift|night shift|ward|department|unit|resus|night|weekend)\b/g,
  // A fall or a trip that nearly killed the speaker, an accident told after: "I nearly killed myself on that rug", "almost killed myself falling down the stairs" (not "on Sunday").
  / (?:nearly|almost) (?:kill|killed) (?:myself|me) (?:(?:on|over|tripping over|slipping on) (?:that|the|this|those|these|my|a|an|some) (?:\S+ ){0,2}(?:rug|rugs|mat|carpet|stair|stairs|step|steps|ice|floor|ladder|kerb|curb|pavement|cable|lead|toy|toys|skateboard|bike|roller skates?|path|doorstep|hose|wire)|(?:falling|tripping|slipping|fell|tripped|slipped) (?:down|over|on|off)\b)/g,
  // An overdose that might have happened unknowing: "so i could have overdosed and not even known", "…without realising".
  / (?:could|might) (?:have|'ve|of) (?:accidentally )?overdos\S* (?:\S+ ){0,2}(?:without (?:know\S*|realis\S*|realiz\S*|noticing)|and not (?:even )?(?:know\S*|known|realis\S*|realiz\S*))/g,
  // A death witnessed: "I watched him bleed out".
  / (?:watch|watched|watching|saw|see|seen) (?:him|her|them|my \S+|person|\S+) (?:\S+ )?(?:bleed|bled) out\b/g,
  // "I don't want to die, I want this to stop": what is to stop is set against dying.
  / (?:not|n't) want to die (?:, )?(?:\S+ ){0,3}want (?:it|this|that|everything|things|all this) (?:all )?(?:to )?(?:just )?(?:stop|end|be over)\b/g,
  // "You'd have to drag me there": how unwilling the speaker is to go.
  / (?:would|'d|will|'ll) have to drag (?:me|us)\b/g,
  // "It knocked me for six", "knocked me sideways": shaken, not struck.
  / (?:knock|knocked|knocks) (?:me|us) (?:for six|sideways)\b/g,
  // "I wanted to die of embarrassment", "nearly died of shame".
  / (?:die|died|dying) (?:of|from|with) (?:embarrassment|shame|boredom|laughter|laughing|cringe|the cringe|jealousy|envy)\b/g,
  / dead (?:tired|serious|set|on my feet|end|line|ringer|beat|easy|good|funny|quiet|boring|nervous|sure|right|on|to the world)\b/g,
  // "He built bridges": an engineer's work.
  / (?:build|built|building|builds|burn|burnt|burned|burning|mend|mending|mended) (?:\S+ )?bridges\b/g,
  / over my dead body\b/g,
  // Medicine for life: "All these tablets, I will take them until I die?", "I'll be on it till I die".
  / (?:(?:i|you) (?:will|'ll|have to|must|be go to|need to|should) (?:be )?)?(?:take|taking|on) (?:them|it|these|this|those|(?:\S+ )?tablets|(?:\S+ )?pills|(?:\S+ )?medic\S*) (?:\S+ )?(?:until|till|til) i (?:die|be dead)\b/g,
  // "I'll be dead before they've finished arguing": something slower than a life, not a death foretold.
  / (?:will|'ll|be go to|would|'d) be (?:long )?dead (?:and buried |and gone )?(?:before|by the time) (?:they|he|she|it|person|we|you|that|this|the \S+|any of)\b/g,
  // "A maths test tomorrow that I'm gonna die in", "I'll die in that interview": a test feared, not a death.
  / (?:test|exam|interview|presentation|match|game|class|lesson|meeting|mock|quiz)s? (?:\S+ ){0,6}(?:die|dying) in\b/g,
  // "If she posts one more thing I'll murder her": exasperation at one more of something trivial — not a blow ("if he hits her one more time").
  // Anger told after, of what one could have done and did not: "I could've throttled her, I swear", "I could have strangled him".
  / could (?:have |'ve |ve |of )(?:\S+ )?(?:throttled|strangled|slapped|thumped|decked|clocked|punched|swung for|brained|wrung (?:his|her|their) necks?) (?:him|her|them|the \S+|my \S+|person|that \S+)\b/g,
  // A sibling's petty wrong, told as the reason: "i'm gonna kill my brother he took my headset again", "I'll murder my sister for eating my chocolate".
  / (?:kill|murder|strangle|throttle) (?:my|his|her) (?:little |big |younger |older )?(?:brother|sister|bro|sis|flatmate|roommate|mate|housemate)(?: (?:he|she|they)(?: 's| has| have| 've)?| (?:,|cos|because|coz|cuz) (?:he|she|they)(?: 's| has| have| 've)?| for) (?:took|take|taken|taking|ate|eat|eaten|eating|used|use|using|broke|broken|breaking|borrowed|borrowing|nicked|nicking|stole|stealing|finished|finishing|drank|wore|wearing|lost|losing|deleted|deleting|hid|hiding|spoiled|spoiling)\b/g,
  // A chore demanded, in a parent's joke: "I told him I'd murder him if he didn't tidy his room".
  / (?:murder|kill|strangle|throttle) (?:him|her|them|you) if (?:he|she|they|you) (?:do not|don't|didn't|did not|doesn't|does not|won't|will not|wo n't) (?:tidy|clean|do (?:his|her|their|your) (?:homework|chores|jobs)|wash|empty|pick up|put away|feed|walk|finish|turn off|take out|make (?:his|her|their|your) bed)\b/g,
  // Resuscitation, told as what is feared of it: "I don't want them jumping on my chest and breaking my ribs".
  / (?:jump\S*|press\S*|push\S*|pound\S*|pump\S*) (?:up and down )?on (?:my|his|her|your) chest (?:\S+ ){0,3}(?:break\S*|crack\S*|broke) (?:my|his|her|your) ribs\b/g,
  // Relief as anger, for a scare: "im gonna kill him when hes ok for scaring me like this", "I'll murder her for worrying me".
  / (?:kill|murder|strangle|throttle) (?:him|her|them|you) (?:\S+ ){0,5}for (?:scaring|worrying|frightening) (?:me|us)\b/g,
  / (?:kill|murder|strangle|throttle) (?:him|her|them|you) when (?:he|she|they|you) (?:be|is|'s|are|'re|get|gets) (?:ok|okay|safe|better|found)\b/g,
  // Exasperation at a habit done again, not a threat: "if he leaves his boots in the hall again i'll kill him", "if she eats my yoghurt again I'll murder her",
  // "If Sam makes me do the update again I swear I'll kill him".
  / if (?:he|she|they|person|my \S+) (?:leave|leaves|left|forget|forgets|eat|eats|ate|finish|finishes|use|uses|borrow|borrows|wake|wakes|snore|snores|moan|moans|miss|misses|lose|loses|make|makes|ask|asks) (?:\S+ ){0,6}again (?:, )?(?:i swear (?:to god )?)?(?:i will|i 'll|i'll|i be go to|i be gonna|i'm gonna|i am going to|i'm going to) (?:murder|kill|strangle|throttle) (?:her|him|them)\b/g,
  / if (?!(?:\S+ ){0,4}(?:hit|hits|touch|touches|hurt|hurts|lay|lays|put|puts|raise|raises)\b)(?:\S+ ){1,8}one more (?:thing|time|word|photo|picture|post|comment|message|video|night|day|minute|game|episode|match|round)s? (?:\S+ ){0,6}(?:i will|i 'll|i'll|i be go to|i be gonna|i'm gonna|i am going to) (?:murder|kill|strangle|throttle) (?:her|him|them|you)\b/g,
  // "Still angry but less like I want to murder someone": anger easing, said in its words.
  / (?:less|no longer|not so much|not as much) (?:like )?(?:i )?(?:want|wanna|could|would) (?:to )?(?:murder|kill|strangle|hurt|punch) (?:someone|somebody|him|her|them|everyone|anyone)\b/g,
  // "Killing myself with these 13hr shifts", "killed myself at the gym": work or effort overdone.
  / (?:kill|killing|killed|kills) myself (?:with|over|doing|working|at|for) (?:these |this |the |all |my |all the |those )?(?:\d+ ?(?:hr|hour)s? )?(?:shift|shifts|hours|work|overtime|job|studying|revision|exercise|training|gym|running|workout|workouts|deadline|deadlines|exams|essay|essays|dissertation)\b/g,
  // "She said I looked like death on Tuesday", "I feel like death warmed up": how someone looks or feels.
  / (?:look|looked|looks|looking|feel|felt|feels|feeling) like death(?: warmed up)?\b/g,
  / kill (?:time|it|the mood|two birds|the lights|the engine|the pain|the vibe)\b/g,
  / killing it\b/g,
  / (?:murder|kill) (?:a|for a|for some|some|for) (?:burger|pizza|pint|coffee|drink|cuppa|curry|kebab|sandwich|takeaway|cake|beer|nap|sleep)/g,
  / cut (?:down|back|corners|class|school|ties|costs|out|off|it close|my hair|the grass|loose|the cord|in line|me off mid)\b/g,
  / (?:hit|hits) (?:me|us) up\b/g,
  / (?:it|that|this|reality|the realisation|the news) (?:\S+ )?(?:really |just |finally |suddenly )?(?:hit|hits|struck) (?:me|us)\b/g,
  / hit the (?:gym|road|sack|hay|shops|books|ground running|jackpot|nail|roof)\b/g,
  / beat me (?:to it|at|in|by)\b/g,
  / push(?:ed)? me (?:to|into) (?:do|be|try|better|apply|go)\b/g,
  / (?:shoot|kill) me now\b/g,
  // Someone's anger foretold: "she'd kill me if she found out", "my mum will kill me when she sees the bill", "She'd have killed me
  // for doing a skydive" — not a threat reported or feared ("he said he'd kill me if…", "I'm scared he'll kill me if…"), nor one
  // kept for leaving or telling ("…if I leave him").
  / (?<!(?:say|said|says|tell|told|threaten\S*|swear|swore|scared|afraid|terrified|frightened|worried|fear\S*|think|thought|know|knew) (?:\S+ ){0,3})(?:would|will|'d|'ll|gonna|go to) (?:have |of |'ve )?(?:literally |actually |absolutely |probably |honestly )?(?:kill|killed|murder|murdered) (?:me|us) (?:if|when|for)\b(?! (?:i|we) (?:ever |even |try to |tried to |try and |dare |do not |don't |dont )?(?:leave|left|tell|told|go back|went back|call|ring|rang|report|speak|talk|walk out|say anything)\b)/g,
  // A game's round: "I'll murder them next round", "we got killed in the last match".
  / (?:kill\S*|murder\S*|shoot\S*|shot|destroy\S*|wreck\S*) (?:\S+ ){0,3}(?:next|this|that|the last|in the|on the|every) (?:round|game|match|level|map|lobby|raid|wave|boss)\b/g,
  / (?:high|drunk) on (?:life|love|power|success|sugar|caffeine)\b/g,
  / (?:would|'d) (?:\S+ )?rather (?:die|be dead) than (?:be seen|wear|eat|sing|watch|listen|dance|go (?:to|back to) (?:a|the|that|his|her|work|school)|work for|admit|apologi[sz]e|ask|call|speak|talk|sit through|go out with|date)\b/g,
  // Exasperation: "I could strangle him sometimes", "some days I could throttle him", "i could genuinely strangle that woman some days".
  / could (?:have |of )?(?:\S+ )?(?:kill|murder|strangle|throttle) (?:\S+ ){1,3}(?:for|sometimes|when|at times|some days?|most days?)\b/g,
  / (?:some (?:days?|mornings?|evenings?|nights?)|sometimes|at times|most days?|most mornings?) (?:\S+ )?i (?:could|want to|wanna|feel like|would like to|'d like to) (?:\S+ )?(?:kill|murder|strangle|throttle)\b(?! (?:\S+ ){0,3}(?:with|when|and|then|properly|for real))/g,
  / (?:lol|haha|hahaha|lmao|jk|just kidding|joking)\b/g,
  / (?:kill|killed|killing) (?:\S+ )?(?:plant|plants|battery|phone|spider|fly|mosquito|conversation|mood|bug|germs|weeds)\b/g,
  / drop dead (?:gorgeous|beautiful)\b/g,
  / overdos\S* on (?:netflix|tv|television|sugar|chocolate|caffeine|coffee|sweets|cake|work|films|movies|box sets|series|reality tv|christmas|carbs|crisps|pizza|sun|sunshine)\b/g,
  / (?:dead|dying) (?:battery|phone|plant|end|zone)\b/g,
  / (?:dying|dead) (?:inside|of boredom)? (?:lol|haha)\b/g,
  / (?:smoking|smoke) (?:hot|gun|alarm|detector|machine|screen|signal|break(?:s)? (?:at|outside) work)\b/g,
  / (?:addicted|hooked) to (?:tv|television|chocolate|my phone|the phone|coffee|netflix|tiktok|instagram|social media|the show|shopping|gym|running|sugar|crisps)\b/g,
  / (?:shot|shots) (?:of espresso|of coffee|in the arm|at the|of the|a photo)\b/g,
  / (?:flu|covid|booster|vaccine|tetanus) (?:shot|jab)\b/g,
  / coke (?:zero|can|bottle)\b/g,
  / (?:lead|led) balloon\b/g,
  / crack\S* (?:\S+ ){0,2}(?:rib|ribs|skull|tooth|teeth|screen|window|egg|eggs|joke|jokes|smile|a smile|open|on with|up laughing)\b/g,
  / diet coke\b/g,
  / (?:eat|ate|full|laugh\S*|embarrass\S*|so hot|so cold|so tired) (?:\S+ ){0,5}(?:think|thought) i (?:would|be go to|will) die\b/g,
  / (?:kill|shoot|hang|top|strangle|murder) (?:myself|my self|him|her|them)(?: \S+){0,6} (?:not literally|not for real|do not mean (?:it )?literally)\b/g,
  / (?:kill|murder|strangle) (?:him|her|them)(?: \S+){0,8} wring (?:his|her|their) (?:\S+ )?neck\b/g,
  / (?:shoot|shot) (?:myself|my self) in the foot\b/g,
  // A part played: "at the end I have to stab myself with the dagger", "I have to shoot myself in the last scene".
  / (?:have to|have got to|get to|got to) (?:stab|kill|shoot|poison|hang) (?:myself|my self) (?:\S+ ){0,2}(?:with (?:the|a) (?:dagger|sword|prop|fake \S+)|on stage|in (?:the|every) (?:play|show|scene|last scene|final scene|film|musical))\b/g,
  / bite the bullet\b/g,
  // A relapse foreseen: "i know how i'd do it if i went back on it. i'd walk down to the offy".
  / (?:know|knew) how i (?:would|'d|will) do it if i (?:ever )?(?:go|went|start\S*|fell|fall) (?:back )?(?:on|off|to) (?:it|the drink|drink|the booze|booze|the gear|gear|drugs)\b/g,
  // Sport: "my cousin's coming down to spar, and I'm gonna kill him", "we'll murder them on Saturday at football".
  / (?:spar|sparring|boxing|in the ring|on the pitch|football|rugby|netball|hockey)\b(?: \S+){0,8} (?:kill|murder|destroy|batter|annihilate)\S* (?:him|her|them)\b/g,
  / jump\S* the gun\b/g,
  / hang (?:on )?in there\b/g,
  / (?:hurt|kill|wet) (?:myself|my self) (?:laugh\S*|carry\S*|lift\S*|try\S*|work\S*|run\S*|train\S*|revis\S*|study\S*|clean\S*)\b/g,
  / jump off (?:a|the) (?:cliff|bridge) for (?:her|him|them|you|my \S+)\b/g,
  / (?:kill|die|dead|shoot|hang|cut|overdose|drink)\S* (?:\S+ ){0,12}(?:only |just )?(?:joking|kidding)(?: [.!])*(?= ?$)/g,
  / suicide (?:prevention|awareness|training|module|helpline|hotline|statistics|stats|rate|rates|risk assessment|bereavement|first aid|course|charity)\b/g,
  // Others watched at work: "We had twelve on an ACCT on our wing last week — that's the suicide watch".
  / (?:acct|accts|prisoners?|inmates?|patients|residents|lads|wing)(?: \S+){0,8} (?:that be |that's |that is )?the suicide watch\b/g,
  // A death recorded: "the coroner said suicide", "the verdict was suicide".
  / (?:coroner|inquest|verdict|ruling|ruled|recorded|death certificate|cause of death|post mortem|postmortem)(?: \S+){0,4} suicid\S*\b/g,
  / tie (?:- )?(?:dye|dyed|dyeing|dying|die|died)\b/g,
  // A drug cut with something; hours, pay or funding cut.
  / cut with\b(?<= (?:be|get|got|it|stuff|gear|coke|drug\S*) (?:\S+ )?cut with)/g,
  / cut with (?:fentanyl|\S+ powder|baking soda|something|stuff|crap|rubbish|glass|other (?:stuff|drug\S*))\b/g,
  / cut\b(?<= (?:hour|hours|pay|wage|wages|salary|budget|funding|benefit|benefits|shift|shifts|staff|job|jobs|allowance|price|prices|cost|costs) (?:\S+ ){0,3}(?:be |get |got |been |have |has )*cut)/g,
  / cut (?:(?:my|our|the|his|her|their|its|your) )?(?:\S+ )?(?:hours?|pay|wages?|salary|salaries|budgets?|funding|benefits?|shifts?|loss|losses|spending|jobs?|staff|costs?|prices?)\b/g,
  / cut ?throat\b/g,
  // Worn out, hurt feelings, hair torn out of frustration.
  / (?:burn|burnt|wear|wore|worn|run|ran|work|stress) (?:myself|my self|me) (?:out(?! of)|into the ground|ragged)\b/g,
  / (?:hurt|harm|damage)\S* (?:(?:her|his|their|my|your|our|its|people|someone|somebody|anyone|everyone|\S+ 's|\S+'s) )?(?:own )?(?:feeling|feelings|pride|ego|chance|chances|career|reputation|credit score|grades?|relationship|friendship|marriage)\b/g,
  / (?:tear|tearing|tore|torn) (?:\S+ )?hair out\b/g,
  // "In an attempt to help": trying, not a suicide attempt (unless the attempt is to end a life).
  / in (?:an|a|one|my|his|her|their|our|your) (?:\S+ )?attempt to\b(?! (?:end|kill|take|die|suicid\S*|overdose|hang|jump|drown))/g,
  // An accident or a fright told as nearly dying: "I almost killed myself falling off the ladder", "I thought I was going to die",
  // and the dread of a panic attack: "I felt like I was going to die", "I was scared I was going to die".
  / (?:nearly|almost) (?:kill\S*|die\S*|died) (?:myself |my self )?(?:\S+ ){0,2}(?:fall\S*|play\S*|trip\S*|slip\S*|crash\S*|driv\S*|runn\S*|climb\S*|ski\S*|cycl\S*|when|in (?:a|the) (?:crash|accident|car|fall))\b/g,
  // Scots too: "ah thought ah wis gonnae die".
  / (?:thought|think) (?:i|ah) (?:was|were|be|wis) (?:going to|gonna|gonnae|go to) die\b(?! (?:by|of) (?:my|suicide))/g,
  / (?:feel|felt) (?:like|as if|as though) i(?:'m| am| was| were| be)? (?:really |actually |literally )?(?:going to|gonna|go to) die\b(?! (?:by|of) (?:my|suicide))/g,
  // A feeling compared: "a bit less like im gonna die lol", "more like I'm going to die than…".
  / (?:less|more) like i(?:'m| am| be)? (?:really |actually |literally )?(?:going to|gonna|go to) die\b(?! (?:by|of) (?:my|suicide))/g,
  / (?:scared|afraid|terrified|frightened|worried|panicked|panicking|panic|fear) (?:that )?i(?:'m| am| was| were| be)? (?:really |actually )?(?:going to|gonna|go to) die\b(?! (?:by|of) (?:my|suicide))/g,
];

/**
 * Whether the matched words sit inside a saying ("my back is killing me", "I nearly died
 * laughing", "I could murder a pizza", "it really hit me").
 */
export function isIdiom(sentence: RiskSentence, first: number, last: number): boolean {
  // Most sentences hold no saying: one pass over all of them says so before each is tried.
  if (!anyIdiom.test(sentence.text) && !anyIdiom.test(sentence.said)) return false;
  for (const idiom of idioms) {
    for (const text of [sentence.text, sentence.said]) {
      for (const found of text.matchAll(idiom)) {
        const start = found.index ?? 0;
        const [idiomFirst, idiomLast] = wordsCovered(text, start, start + found[0].length);
        if (idiomFirst <= last && first <= idiomLast) return true;
      }
    }
  }
  return false;
}

/** Every saying in one pattern (about nine times faster than trying each on a sentence that holds none). */
const anyIdiom = new RegExp(idioms.map((idiom) => `(?:${idiom.source})`).join("|"));

/** Signs of an accident, which a self-injury row does not raise on ("I cut myself shaving"). */
const accidentMarkers =
  /\b(?:fell|fall|trip|tripped|slip|slipped|accident|accidentally|by mistake|shaving|shave|cooking|cook|chopping|gardening|in the kitchen|knife slipped|on the (?:stove|oven|iron|kettle|door|corner|table|hob|pan|grill|barbecue)|at work|playing|bike|football|rugby|skateboard\S*|down the stairs|on the ice|while (?:cooking|shaving|gardening|working|fixing|cleaning)|car door|cupboard|sports|hockey|netball|climbing)\b/;
// Throwing oneself is never an accident, wherever it happened ("I threw myself down the stairs").
const deliberateMarkers =
  /\b(?:(?<!not )on purpose|(?<!not )deliberately|intentionally|to feel|to punish|so i could feel|wanted to|(?:threw|throw|thrown|throwing|flung|fling|hurl|hurled) (?:myself|my self)|(?:slap\S*|punch\S*|hit\S*|scratch\S*|claw\S*|pinch\S*) my own)\b/;

/** Whether a self-injury is told as an accident ("I burned my hand on the oven"), not on purpose. */
export function isAccident(sentence: RiskSentence): boolean {
  const text = `${sentence.text}|${sentence.said}`;
  return accidentMarkers.test(text) && !deliberateMarkers.test(text);
}

/** An act said outright to be a mistake ("by accident", "I forgot I'd had it"). */
const explicitAccident = /\b(?:by accident|accidentally|accidental|by mistake|mistakenly|i forgot|forgot i (?:had|would|'d)|did not mean to|didn't mean to|without meaning to|not on purpose|without know\S*|without realis\S*|without realiz\S*)\b/;
/** A sentence that opens by saying the act just told was no act at all: "Not on purpose, God no.", "By accident." */
const mistakeSaidAfter = /^ (?:(?:it|that) (?:be|was|is|'s) )?(?:not|n't|never) (?:\S+ )?(?:on purpose|deliberate\S*|intentional\S*)\b|^ (?:by (?:accident|mistake)|accidentally)\b/;

/** What a mistake said outright takes back: a method or plan, misuse, self-harm. */
const takenBackByAMistake = new Set<RiskCategory>(["passive_death_wish", "active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour", "self_harm", "substance"]);

/**
 * Whether an accident takes back a finding of `category`: self-harm told as an accident ("I
 * burned my hand on the oven"), or any act of the categories above said outright to be a mistake
 * ("I took my blood pressure tablet twice by accident"), in the sentence or by the next one
 * opening with it (`next`: "Not on purpose.").
 */
export function toldAsAccident(category: RiskCategory, sentence: RiskSentence, next?: RiskSentence): boolean {
  if (category === "self_harm" && isAccident(sentence)) return true;
  if (!takenBackByAMistake.has(category)) return false;
  // "I think I might've overdosed on it one day. Not on purpose, God no.": the next sentence says so.
  return explicitAccident.test(sentence.text) || explicitAccident.test(sentence.said) || (next !== undefined && (mistakeSaidAfter.test(next.text) || mistakeSaidAfter.test(next.said)));
}

const prescribedMarkers =
  /\b(?:prescribe\S*|prescription|insulin|vaccin\S*|jabs?|flu shots?|blood tests?|b12|milligrams?|mg|mcg|micrograms?|(?:the|my) dose|patch(?:es)? (?:\S+ ){0,4}(?:nurse|doctor|gp)|(?:like|as|what) (?:the |my )?(?:nurse|doctor|gp|consultant|pharmacist|psychiatrist) (?:say|said|says|told|tell)|exactly what (?:they|it) (?:say|said|says)|(?:as|like) (?:it|they) (?:say|said|says|tell)|(?:doctor|gp|dentist|hospital|surgeon|nurse) (?:\S+ ){0,2}(?:give|gave)|for my (?:\S+ )?(?:pain|back|nerves|nerve pain|adhd|anxiety|epilepsy|sleep|knee|hip|migraines?))\b/;
const misuseMarkers = /\b(?:more than|double|triple|extra|at once|at a time|in one go|off (?:a|my|some|this)|from (?:a|my|some) (?:mate|friend|guy|dealer)|but i|instead|on top|too many|too much|not (?:what|as|like) (?:the|my)|crush\S*|snort\S*|to get high|feel (?:proper )?(?:floaty|high|buzz\S*|nothing))\b/;
/** Medication named and taken as prescribed ("Pregabalin for my nerve pain, 75 mg twice a day"), or told in answer to a question of medicines taken (`medicationAsked`), with nothing said of misuse. */
export function isPrescribedUse(sentence: RiskSentence, medicationAsked = false): boolean {
  const text = `${sentence.text}|${sentence.said}`;
  return (medicationAsked || prescribedMarkers.test(text)) && !misuseMarkers.test(text);
}

/** Words saying an act was not meant to kill ("not to die", "I wasn't trying to kill myself", "just to feel something"). */
const notToDieMarkers =
  / (?:not|never|n't) (?:\S+ ){0,3}(?:to die|(?:try|trying|want|wanting|mean|meaning|going|go) (?:\S+ )?to (?:die|kill|end)|enough to (?:die|kill))| (?:just|only) (?:\S+ )?(?:to|so i could|so i can) (?:feel|hurt|punish|make myself|numb|get)| (?:be|was) not (?:a |an )?(?:suicide attempt|attempt)/;

/**
 * Whether the sentence says the act was not meant to end their life: an overdose or poison taken
 * "not to die, just to feel something" is self-harm, not a suicide attempt or method.
 */
export function deniesIntentToDie(sentence: RiskSentence): boolean {
  return notToDieMarkers.test(sentence.text) || notToDieMarkers.test(sentence.said);
}

/**
 * Whether the sentence asks what a question means, quoting its words ("what do you mean by
 * hurting myself?", "do you mean like suicidal?"): the words are the question's, not a disclosure.
 */
export function isClarifyingQuestion(sentence: RiskSentence): boolean {
  if (/^ (?:\S+ ){0,2}(?:how|what|like what|meaning) \? $/.test(sentence.text)) return true;
  // "Is biting my nails self-harm?": asks whether something counts as what the question named.
  if (/^ (?:be|do|would|could|can) (?:\S+ ){1,6}(?:count as )?(?:self harm|self injury|suicidal|abuse|an addiction|a drug|drug use)(?: then| too| though)? \? $/.test(sentence.text)) return true;
  if (/^ (?:\S+ ){1,3}meaning (?:\S+ ){1,4}\??$/.test(sentence.text.replace(/ \? $/, " ? ").replace(/ $/, ""))) return true;
  // "As in cutting?" asks; "as in I'm not going to be here by Christmas" explains what the patient meant.
  if (sentence.question && / as in /.test(sentence.text)) return true;
  return / (?:what do you mean|do you mean|you mean|what do that mean|what be that mean|what does that mean|what count as|are you ask(?:ing)? (?:me )?(?:if|whether|about)|what kind of (?:thing|thought)|is that (?:the same as|what you mean)|like what(?= \?| $)|what be you ask(?:ing)?|not sure what you mean|what exactly do you mean|define) /.test(
    sentence.text,
  );
}

/**
 * Whether a sentence asks the listener about their own risk ("have you had thoughts of killing
 * yourself?", "what about your heroin use?"): a screening question, whoever said it. Its words
 * raise no flag; an answer to it may (`affirms`).
 */
export function isScreeningQuestion(sentence: RiskSentence): boolean {
  if (/^ (?:and |so |okay |ok |now |also |what about )?any (?:\S+ ){0,3}(?:thought|cigarette|vape|drink|drug|alcohol|smoking|drinking|self|harm|weapon|plan)/.test(sentence.text)) return true;
  // A question naming a risk with no one doing it: "And self-harm, cutting or anything like that?"
  if (sentence.question && /^ (?:and |so |okay |ok |now |also |what about )(?:\S+ ){0,2}(?:self harm|self injury|suicid\S*|drug\S*|drink\S*|alcohol|smok\S*|cut\S*|weapon\S*)\b/.test(sentence.text) && !/ (?:i|me|my|myself) /.test(sentence.text)) return true;
  return (sentence.question || /^ (?:and |so |okay |ok |now |also )?(?:any|how (?:much|often|many)|what about|tell me about) /.test(sentence.text)) && / (?:you|your|yourself|you be|you have) /.test(sentence.text);
}

/** The sentence read as if its listener said it of themselves ("have you…killing yourself" → "have i…killing myself"). */
export function asListenerWords(sentence: RiskSentence): RiskSentence {
  const swap: Record<string, string> = { you: "i", your: "my", yourself: "myself", yours: "mine" };
  // "Before you go, we'll put the block on": the end of the session, never "before I go" as the listener would say it of dying.
  // "When you say before you go, do you mean…?" quotes the listener's words, and reads as theirs.
  // The speaker's own "before I go" ("could you send me that before I go?") is their leaving, never the listener's "before I go".
  const endsSession = (index: number, all: readonly string[]) => sessionEnd.has(all[index - 1] ?? "") && leaving.has(all[index + 1] ?? "") && !all.slice(0, index).some((before) => quoting.has(before));
  // "Sometimes people have thoughts of ending their life — is that something you've had?": a question normalised by speaking of
  // people, then turned to the listener, asks of the listener's own ("their" read as the listener's words, "my").
  const normalised = normalisingPeople.test(sentence.text) && turnedToYou.test(sentence.text);
  const swapped = (word: string, index: number, all: readonly string[]) =>
    word === "you" && endsSession(index, all) ? word : word === "i" && endsSession(index, all) ? "you" : normalised && word in generalSwap ? generalSwap[word]! : (swap[word] ?? word);
  const words = sentence.words.map(swapped);
  const said = sentence.said.split(" ").map(swapped).join(" ");
  return { ...sentence, words, text: ` ${words.join(" ")} `, said, question: false };
}

/** A question that speaks of people first ("when people feel like that, sometimes they…", "some people in your situation…"). */
const normalisingPeople = / (?:people|person|some people|many people|a lot of people|lots of people|others|someone|somebody) (?:\S+ ){0,10}(?:they|their|themselves|themself) /;
/** …then turns to the listener: "is that something that's been on your mind?", "have you…?", "do you…?". */
const turnedToYou = / (?:be|is) (?:that|this|it) (?:\S+ )?something (?:\S+ ){0,6}(?:you|your)(?= )| (?:have|do|be|are) you (?:ever |also |yourself )?(?:\S+ )?(?:had|have|felt|feel|experienced|think|thought|notice\S*)(?= )/;
/** The words of people, read as the listener's own in such a question. */
const generalSwap: Readonly<Record<string, string>> = { their: "my", themselves: "myself", themself: "myself", they: "i" };

/** Words before "you go" / "you leave" that make it the end of the session: "before you go", "until you leave". */
const sessionEnd: ReadonlySet<string> = new Set(["before", "until", "after", "when"]);
const leaving: ReadonlySet<string> = new Set(["go", "leave", "went", "left", "head", "goes"]);
const quoting: ReadonlySet<string> = new Set(["say", "said", "says", "mean", "meant", "call", "called"]);

/** A turn's words as said, lower case, marks left out, one space between and around them: what the answer rules below read. */
export const spokenWords = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, " ").replace(/\s+/g, " ").trim()} `;

/** Numbers an answer may give: "Six? Maybe eight on a Friday." */
const answeredNumber = / (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a couple|a few) /;

/**
 * An answer that says yes ("yeah", "sometimes", "I have", "a bit", "more than I'd like"), and none
 * that says no or does not know ("I dunno", "not sure") — unless, not knowing, it goes on to give a
 * number ("I dunno. Six? Maybe eight on a Friday.": an estimate is an answer).
 */
/** Words of an answer that say no ("Yes. I don't say the word. But yes.": not saying it, or not knowing how, denies nothing; "where no one sees" says no one, not no). */
const saysNo = / (?:no(?! one | matter | doubt | wonder | joke )|nope|nah|never|not really|not at all|i have not|i haven't|(?:i don't|i do not)(?! (?:say|said|like (?:saying|to say)|want to say|know how to say|use) )|not anymore|no way|not since|not lately|not recently|none|not thought|not crossed) /;
/** True when a sentence only owns up ("I ain't gonna lie to you."), saying nothing yet of what. */
export const ownsUpOnly = (sentence: RiskSentence): boolean => ownedUpAlone.test(sentence.said);
/** Owning up alone, in a sentence's words as the reader gives them ("i ai n't go to lie to you .", "i 'm not go to lie ."). */
const ownedUpAlone = /^ (?:(?:\[|\]|\(|\)|pause|long pause|sighs|well|um|uh|er|erm|look|honestly|,) )*i (?:'m not|am not|be not|ai n't|wo n't|will not|won't|ain't) (?:go to |gonna |going to )?lie(?: to you)? (?:[.!,] )*$/;
/** An answer that opens by owning up ("I'm not gonna lie to you.", "[pause] I ain't gonna lie to you."), as one does before a yes. */
const ownsUp = /^ (?:(?:pause|long pause|sighs|well|um|uh|er|erm|look|honestly) )*(?:i'm not going to lie|i am not going to lie|i'm not gonna lie|i ain't gonna lie|i ain't going to lie|i won't lie|i will not lie)(?: to you)? /;

export function affirms(text: string): boolean {
  const said = spokenWords(text);
  // A long answer says yes only by opening with it, fillers first allowed ("I mean. Yeah. In a general way…").
  // Openers before the yes: fillers, a transcriber's pause, "I'm not going to lie to you" ("[pause] well i'm not going to lie to you yes i suppose i do").
  // "[pause] I ain't gonna lie to you. Tuesday night I sat out in the truck with the pistol.": owning up, said first, is a yes — unless a no follows.
  if (ownsUp.test(said)) return !saysNo.test(said);
  // "When you say it like that it sounds terrible. But yeah. I suppose…": a yes after a short "but" is opened with too.
  if (said.split(" ").length > 16 && !/^ (?:yes|yeah|yep|yup|yea|aye|ye|sometimes|i have|i do|honestly yes|kind of(?: yes| yeah| aye)?|sort of(?: yes| yeah| aye)?) /.test(said) && !yesAfterShortBut.test(said) && !/^ (?:(?:i mean|well|um|uh|er|erm|oh|so|look|pause|long pause|sighs|i'm not going to lie(?: to you)?|i am not going to lie(?: to you)?|i'm not gonna lie(?: to you)?|i won't lie(?: to you)?|i ain't gonna lie(?: to you)?|i ain't going to lie(?: to you)?|to be honest|honestly) )+(?:yes|yeah|yep|yup|yea) /.test(said)) return false;
  if (saysNo.test(said)) return false;
  // "i dunno like yeah kind of i've been thinking about it all day": not knowing, then a yes, says yes.
  if (/ (?:i dunno|dunno|no idea|not sure) /.test(said) && !answeredNumber.test(said) && !/ (?:i dunno|dunno|not sure)(?: \S+){0,2} (?:yes|yeah|yep|yup|yea|ye|aye) /.test(said)) return false;
  // Typed and regional yeses: "ye", "yeh", "yh", "aye".
  return / (?:yes|yeah|yep|yup|yea|ya|ye|yeh|yh|aye|mm ?hm+|uh ?huh|sometimes|a bit|a little|kind of|kinda|sort of|i guess|maybe|a few times|more than|most days|every day|every night|lately|recently|probably|honestly yes|i think so|definitely|all the time|quite a lot|a lot|often|now and then|on and off|here and there|once or twice|been thinking|if i'm honest|crossed my mind|occurred to me|thought about it) /.test(said) || restatedYes.test(said);
}

/** A yes opening a "but" clause within the answer's first twelve words: "It sounds terrible. But yeah." */
const yesAfterShortBut = /^ (?:\S+ ){0,12}but (?:yes|yeah|yep|yup|yea|aye) /;

/**
 * A yes restated in the first person, opening the answer or its "but" clause (past fillers) or
 * closing it: "I have.", "Well, I do, sometimes", "Not yet. But I've thought about which
 * stretch", "…I guess I am" — not "She'll think I'm a monster", where "I'm" is inside what is
 * said of someone else.
 */
const yesRestated = "(?:i have|i do|i did|i am|i'm|i've)";
const restatedYes = new RegExp(`(?:^| but) (?:(?:well|um|uh|er|erm|oh|honestly|and|so|i mean) )*${yesRestated} | ${yesRestated} $|^ not yet but `);

/** A turn that only signals listening ("Mm-hmm.", "Uh-huh.", "Mm."): a yes to a question, but no more than listening to a reflection. */
export function isBackchannel(text: string): boolean {
  return /^ (?:mm+|mm ?hm+|mhm+|uh ?huh|hm+)(?: (?:mm+|mm ?hm+|mhm+|uh ?huh|hm+))? $/.test(spokenWords(text));
}

/** What a hedge keeps unsaid, as spoken words: "not saying I'm…", "not saying that I'll…" (the screen's floor reads the whole of one too). */
export const notSayingI = String.raw`not saying (?:that )?i(?:'?m| am|'ll| will)?`;
const notSayingWhatI = new RegExp(` ${notSayingI} `);

/** An answer that says no or takes back ("no", "not really", "never", "nothing like that", "Not… I don't mean I'd do anything"). */
export function denies(text: string): boolean {
  const said = spokenWords(text);
  // "I don't — I'm not saying I'm going to do anything": a hedge, which neither says yes nor no.
  if (notSayingWhatI.test(said)) return false;
  // "no. well. not. i mean i wouldn't do owt daft. in the house.": a no taken back at once into a hedge says neither.
  if (/^ (?:no|nah|naw) (?:well|i mean|but|sort of|kind of|not exactly) /.test(said)) return false;
  // "God, no.", "Oh god no", "lol no god no": an oath or a laugh before the no still opens with it.
  return /^ (?:lol |haha |oh |och |ach |aw |well |um |uh |er |laughs |laugh |laughing |pause |sighs )?(?:(?:oh )?(?:my )?(?:god|gosh|christ|lord|heavens|goodness) )?(?:not )?(?:no|nope|nah|never|not really|not at all|nothing|none|i don't|i do not|i haven't|i have not|i wouldn't|i would not|i won't|not since|not anymore|no way|it wasn't like|it was not like|it isn't like|it's not like|it is not like) /.test(said);
}

/**
 * Whether a question asks more about a risk just disclosed — how often, when, where, with what,
 * how much, whether still — so that its answer says more about the same risk. Questions about
 * feelings, help or people ("who helps?", "how did that feel?") are not, nor an offer of care
 * ("would you like me to refer you?", `offersCareWords`), nor questions of how much
 * a change matters or how sure of it one is ("on a scale of one to ten, how important is it to you
 * to stop?" — "Probably an eight" tells nothing of the use), nor a question of what was meant
 * ("What do you mean by that?" — "I mean the marriage": the answer's own words are screened), nor
 * asking leave or for a step now (`asksLeave`).
 */
export function asksAboutTheRisk(question: string): boolean {
  // "You mentioned a housing officer last time?": the last session, not the last time of the risk.
  const said = spokenWords(question).replace(/ (?:mention\S*|said|told me|talked about|spoke about)((?: \S+){0,6}) last time /g, " $1 ");
  if (asksOfHelp.test(said) || asksOfCare.test(said) || offersCareWords.test(said) || asksToMeetAgain.test(said) || asksLeave.test(said)) return false;
  if (/ (?:who|how (?:important|confident|ready|motivated|willing|committed|determined|sure|keen)|how (?:do|did|does) (?:it|that|you) feel|how are you feeling|what helps|what helped|how old|what was it like|how are things|what's different|what is different|how did you (?:cope|get|manage)|what do you think|what (?:do |did )?you mean|what stopped you|what kept you|what stops you|what keeps you|what's stopped you|what's kept you|what holds you back|what has stopped you|what has kept you) /.test(said)) return false;
  return / (?:how (?:often|many|much|long|recently|bad|far|deep|close)|when|where|what (?:with|did you (?:use|take)|time|day|method|would you use|kind)|since when|last time|have you|do you|did you|are you|is (?:it|that|there|he|she)|will you|would you|could you|can you|still|again|tonight|safe|access|got any|any (?:way|thoughts|plans)|what about|what do you do) /.test(said);
}

/**
 * Asking leave or asking for a step now: "…and I want to talk to that part as well, is that ok?",
 * "can you do it now while you're on the phone to me?". A yes to it agrees; it says no more of the risk.
 */
const asksLeave = / (?:(?:is|would) (?:that|it|this) (?:be )?(?:ok|okay|alright|all right)(?: with you| for you)?|(?:can|could|will) you do (?:that|this|it) (?:now|right now|for me)\b.*) $/;

/** How a question asks the listener to do something, as spoken words: "would you", "could you be willing to", "will you try to", "how would you feel about". */
const askingYouTo = " (?:(?:would|will|could|can) you (?:be (?:willing|able|okay|ok|happy) to |try to |think about |consider )?|how (?:would|do) you feel about |how about )";

/**
 * A question of getting help, as a safety plan asks it: whether the speaker would call, tell or go
 * to someone ("would you be willing to call Dan if the thoughts come back?", "could you ring the
 * crisis line?", "will you save the number?", "would you be willing to call me tomorrow?"), to be told
 * if it changes ("if that ever changed, would you let me know?") or to commit to a step ("could you
 * commit to two alcohol-free days a week?"), or whether they would know what to do ("if things
 * started to slide back, would you know what to do?"). Its
 * answer tells of help, not more of the risk. Asking to be told ("can you tell me what it says?", "could you talk to me about that?") asks of
 * the risk, as does going somewhere or seeing something ("would you go to the bridge?").
 */
const asksOfHelp = new RegExp(
  `${askingYouTo}(?:(?:call|calling|ring|ringing|phone|phoning|text|texting|reach out to|reaching out to|contact|contacting) (?!it |that |this |what |how |why |about )\\S+|(?:talk to|talking to|speak to|speaking to|tell|telling|ask|asking) (?!me |us |it |that |this |what |how |why |about )\\S+|reach out|reaching out|(?:put|save|keep) (?:the|that|this|a|their|her|his) (?:\\S+ )?(?:number|card)|let (?:me|us|someone|somebody|them|him|her|\\S+) know(?= (?:if|when|straight away|right away|\\? )| $)|tell (?:me|us)(?: ,)? or (?:your |the |a )?\\S+|commit to (?!(?:it|that|this|doing (?:it|that))\\b)\\S+|know (?:what to do|who to (?:call|ring|phone|contact|talk to|speak to)|where to go))(?= )`,
);

/**
 * A question of seeking care: whether the speaker would book, make an appointment, see a doctor or
 * go to the surgery ("would you be willing to book that in for next month?", "could you see your
 * GP this week?"). Its answer ("Yes, I'll ring the surgery on Monday") tells of care, not more of
 * the risk. Going anywhere else is not one ("would you go to the bridge?").
 */
const asksOfCare = new RegExp(
  `${askingYouTo}(?:book(?:ing)? |make (?:an|another) appointment|get (?:an|another) appointment|(?:see|seeing|go to|going to|get to|go and see|visit) (?:your|a|the) (?:gp|doctor|nurse|surgery|clinic|counsellor|counselor|therapist|psychiatrist|pharmacist|hospital|a&e|practice))`,
);

/** The therapist offering to set up care for the patient: "would you like me to refer you", "shall I book you in", "can I sign you up". A yes accepts the care. */
export const offersCareWords =
  / (?:(?:would you like me to|do you want me to|shall i|should i|can i|could i) (?:just )?(?:refer|book|sign|put|arrange|get) (?:you|that|it|an? |the )|(?:i can|i could|i will|i would be happy to|let me) (?:also )?(?:write|send|do|put together) (?:a |an |you a |them a |her a |him a )?(?:\S+ )?(?:letter|report|note) (?:about|for|to|saying|support))/;

/**
 * A question of meeting again: the next session ("shall we meet again in two weeks to see how it's
 * gone?", "can we book in for next Tuesday?"). The "again" in it is of the session, not of the risk.
 */
const asksToMeetAgain = / (?:shall|should|can|could) we (?:meet|talk|speak|catch up|book|see each other|get together|pick this up)| (?:see|meet) (?:you|each other) (?:again|next)| next (?:session|appointment)/;

/** An answer saying the risk has stopped ("not any more", "not since June", "never again"). */
export function stopsTheRisk(text: string): boolean {
  return /\b(?:not (?:any ?more|since|lately|recently|now|for (?:a while|ages|months|years))|no longer|never again|stopped|gone now|over now)\b/i.test(text);
}

/**
 * A question asking the listener to do an act of everyday life or of the session ("Could you send
 * me that screenshot before I go?", "Will you ring them now?"): a modal, "you" and a verb that is
 * no act of harm. The screen reads it only where the question names no risk.
 */
export function asksForAnAct(sentence: RiskSentence): boolean {
  return sentence.question && / (?:could|would|can|will) you (?:please |just |maybe )?(?!(?:kill|hurt|harm|end|cut|take|do|go|try|jump|use)\b)(?:send|ring|call|phone|text|email|bring|forward|fill|sign|book|save|screenshot|print|post|message)\b/.test(sentence.said);
}

/**
 * Whether a question proposes an everyday act to the listener ("Could you practise that once a day
 * before your next exam?", "Will you try the breathing tonight?"): not one of harm, taking or doing
 * "it", nor one of telling or thinking, which may ask of the risk.
 */
export function proposesAnAct(sentence: RiskSentence): boolean {
  return / (?:could|would|can|will) you (?:please |just |maybe |try to |try and )?(?!(?:kill|hurt|harm|end|cut|take|do|go|try|jump|use|have|be|think|feel|tell|say|talk|get|keep|still|ever|want|need)\b)[a-z]+/.test(sentence.said);
}

/** An answer that does what was just asked, now or soon: "I'll do it now.", "Yeah I can do that today." */
export function doesWhatWasAsked(sentence: RiskSentence): boolean {
  return /^ (?:(?:yeah|yes|ok|okay|sure|alright|right) (?:, )?)*i (?:will|'ll|can|could) (?:just )?do (?:it|that) (?:now|right now|today|tonight|later|in a bit|straight away|after|when i get home) (?:\. )?$/.test(sentence.said);
}
