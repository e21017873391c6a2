import type { RiskCategory } from "@confide/core/ports";
import type { RiskSentence } from "./risk-reader.ts";
import { expandShorthands, riskRules } from "./risk-rules.ts";

/**
 * Whether matched words are the speaker's own explicit statement — the only words (besides a yes
 * to a question that named the risk) that may page. Words that are not are still listed to review
 * (basis `mention`): a reflection ("you told me you've been cutting"), someone else's words about
 * the speaker ("people tell me I should kill myself"), the speaker's own question ("is it normal
 * to think about death?"), someone else's act ("my stepdaughter overdosed"), or a denial the
 * negation rules let through ("I'm too scared to ever do it", "never tried or thought about it").
 */

const firstPersonWords = new Set(["i", "me", "my", "myself", "we", "us", "our"]);
const subjectFirstPerson = new Set(["i", "me", "myself", "we", "us"]);
const secondPersonWords = new Set(["you", "your", "yourself", "yours"]);
const thirdParty = new Set(["he", "she", "they", "him", "her", "them", "his", "their", "himself", "herself", "themselves", "person", "people", "someone", "somebody", "everyone", "everybody"]);
const posOf = (sentence: RiskSentence, index: number) => sentence.tokens[sentence.tokenOfWord[index] ?? -1]?.pos ?? "";
const bodyClauseOpeners = new Set(["until", "till", "til", "so", "and", "when", "that", "because", "cause", "if"]);
const subjectThirdParty = new Set(["he", "she", "they", "someone", "somebody", "people", "everyone", "everybody"]);
const family = new Set(
  "mom mum mother dad father brother sister son daughter stepdaughter stepson husband wife partner boyfriend girlfriend friend parent parents kid kids child children family uncle aunt cousin grandma grandpa nan gran boss teacher doctor hotline counsellor counselor therapist police cop cops".split(
    " ",
  ),
);

/** Words a sentence opens with when its "I" is left out ("plan to end it", "feeling suicidal", "been cutting again"). */
const elidedSubjectOpeners = /^ (?:plan\S*|think\S*|thought|feel\S*|felt|want\S*|go to|be go to|been|be|have|having|had|try\S*|tried|keep|kept|start\S*|still|really|so|just|cut\S*|hurt\S*|can not stop|ca not stop) /;
const personWords = new Set([...firstPersonWords, ...secondPersonWords, ...thirdParty, "it", "this", "that", "there"]);

/**
 * A sentence with its "I" left out, as a patient types or says it ("plan to suicide", "been
 * cutting again"): it opens with a verb of the speaker's and names no one at all.
 */
function elidedSpeaker(sentence: RiskSentence): boolean {
  return elidedSubjectOpeners.test(sentence.text) && !sentence.question && !sentence.words.some((word) => personWords.has(word) || family.has(word));
}

/** People the matched words describe when they come straight after them ("suicidal people", "self-harming teens"). */
const describedPeople = new Set("people person patients patient clients client friends friend teens teenagers kids children ones individuals folks men women youth students callers".split(" "));

/** Words that make people a group the speaker describes ("many people we see", "most clients I work with"). */
const peopleQuantifiers = new Set(["many", "most", "some", "all", "few", "those", "these", "other", "of", "several", "lot"]);

/**
 * Whether the nearest person named before the matched words (or in them) is the speaker: "I told
 * you I've been cutting" is; "you told me you've been cutting" (a reflection) is not; "how
 * trapped suicidal people feel" and "people who self-harm often hide it, I find" speak of others.
 */
function saidInFirstPerson(sentence: RiskSentence, first: number, last: number): boolean {
  if (describedPeople.has(sentence.words[last + 1] ?? "")) return false;
  const own = sentence.words.slice(first, last + 1);
  if (own.some((word) => secondPersonWords.has(word))) return false;
  if (own.some((word) => firstPersonWords.has(word))) return true;
  for (let index = first - 1; index >= 0; index -= 1) {
    const word = sentence.words[index] ?? "";
    if (secondPersonWords.has(word)) return false;
    // "Both of my parents committed suicide": someone close to the speaker, not the speaker.
    if ((word === "my" || word === "our") && family.has(sentence.words[index + 1] ?? "") && ["VERB", "AUX"].includes(posOf(sentence, index + 2))) return false;
    // "Many clients we see get thoughts of…", "clients I work with self-harm": the speaker is in a
    // clause about those people, who are the subject.
    if (subjectFirstPerson.has(word) && describedPeople.has(sentence.words[index - 1] ?? "") && peopleQuantifiers.has(sentence.words[index - 2] ?? "")) return false;
    if (firstPersonWords.has(word)) return true;
    // "People who self-harm often hide it, I find": the nearest person is someone else.
    if (subjectThirdParty.has(word) || describedPeople.has(word)) return false;
  }
  return false;
}

/**
 * Someone else's act: after the speaker's last "I" before the end of the matched words, a third
 * party becomes the subject ("I heard my stepdaughter overdosed").
 */
function someoneElsesAct(sentence: RiskSentence, first: number, last: number): boolean {
  const words = sentence.words;
  let lastSpeaker = -1;
  for (let index = 0; index <= last; index += 1) if (subjectFirstPerson.has(words[index] ?? "")) lastSpeaker = index;
  if (lastSpeaker < 0) return false;
  for (let index = lastSpeaker + 1; index < last; index += 1) {
    const word = words[index] ?? "";
    // A subject: "he", "she", "they", or someone named and then doing something ("my stepdaughter overdosed").
    // ("until they bleed", "so it leaves marks": the body, not someone else.)
    if (subjectThirdParty.has(word) && !bodyClauseOpeners.has(words[index - 1] ?? "") && ["VERB", "AUX"].includes(posOf(sentence, index + 1))) return true;
    if (family.has(word) && ["my", "our", "the", "his", "her"].includes(words[index - 1] ?? "") && ["VERB", "AUX"].includes(posOf(sentence, index + 1))) return true;
  }
  return false;
}

/** Verbs by which someone else's words or thoughts about the speaker are told. */
const reportingVerbs =
  /^ (?:tell|told|telling|say|said|saying|suggest\S*|think|thought|decide\S*|believe\S*|assum\S*|accus\S*|claim\S*|call\S*|act\S* like|make it (?:sound|seem|look)|make out|made out|insist\S*|keep say\S*|keep tell\S*)(?= )/;

const reportedClauseOpeners = new Set(["me", "us", "that", "like", "if", "as"]);

/**
 * Someone else's words about the speaker: a third party, then a verb of saying or thinking, before
 * the matched words ("people keep telling me I should kill myself", "the hotline decided I was
 * suicidal", "he makes it sound like I hurt him").
 */
function isReportedSpeech(sentence: RiskSentence, first: number): boolean {
  const before = sentence.words.slice(0, first);
  for (let index = before.length - 1; index >= 0; index -= 1) {
    const word = before[index] ?? "";
    if ([".", ";", "!", "?", "but", "—", "–", "-"].includes(word)) return false;
    // A clause of the speaker's own starts here ("…said I was threatening him, and I said I'd…"),
    // unless this "I" opens what was reported ("telling me I should", "decided I was").
    if (word === "i" && !reportedClauseOpeners.has(before[index - 1] ?? "") && !reportingVerbs.test(` ${before[index - 1] ?? ""} `)) return false;
    const tail = ` ${sentence.words.slice(index).join(" ")} `;
    // A verb of saying starts here.
    if (!reportingVerbs.test(tail)) continue;
    // What is reported is about the speaker: "telling me I should", "decided I was", "told me to", "make it sound like I".
    const after = ` ${sentence.words.slice(index + 1).join(" ")} `.replace(/^ (?:it )?(?:sound|seem|look|out) /, " ");
    if (!/^ (?:me |us )?(?:that |like |as if )?(?:i |me |to )/.test(after)) continue;
    // "I was told I had four weeks to live": told to the speaker, by someone else.
    if ((word === "tell" || word === "told") && (before[index - 1] === "be" || before[index - 1] === "get")) return true;
    // The verb's subject: the nearest person word before it ("he keeps posting things that make it seem like I…").
    for (let subject = index - 1; subject >= 0 && subject >= index - 6; subject -= 1) {
      const candidate = before[subject] ?? "";
      if (subjectFirstPerson.has(candidate)) return false;
      if (thirdParty.has(candidate) || family.has(candidate)) return true;
    }
    return false;
  }
  return false;
}

/**
 * The speaker's own question ("is it normal to think about death?", "should I take revenge?",
 * "how do I help my husband after his attempt?"). A question whose risk words name the speaker
 * ("what are the quickest ways to kill myself?"), that presupposes the speaker's own act ("why do
 * I keep wanting to hurt myself?") or tells it inside ("should I tell her that I cut myself?")
 * still states it.
 */
function isOwnQuestion(sentence: RiskSentence, first: number, last: number): boolean {
  if (!sentence.question) return false;
  // The risk named as the speaker's own inside the question ("what are the quickest ways to kill myself?").
  if (sentence.words.slice(first, last + 1).some((word) => word === "i" || word === "myself" || word === "my")) return false;
  if (/^ (?:why|how come) /.test(sentence.text)) return false;
  const before = ` ${sentence.words.slice(0, first).join(" ")} `;
  // "How do I stop cutting?", "What should I do to stop the urge to cut?": asking how to stop it says the speaker does it now.
  const stopping = ` ${sentence.words.slice(0, first + 1).join(" ")} `;
  if (askingHowToStop.test(stopping)) return false;
  return !/ (?:that|because|since|how|cause) i (?:\S+ ){0,3}$/.test(before) && !/ i (?:have|'ve) be /.test(sentence.text);
}

/** A question of the speaker's asking how to stop, quit or resist what follows (within three words of the matched words' first): "how do I stop", "what should I do to stop the urge to", "how can I quit". */
const askingHowToStop = / (?:how|what) (?:do|can|could|should|would|will) i (?:do to )?(?:\S+ )?(?:stop\S*|quit\S*|resist\S*|control\S*|overcome)(?: \S+){0,3} $/;

/** A denial the negation rules do not reach: "too scared to", "never tried or thought about". */
const deniedBefore = / (?:too (?:scare\S*|afraid|frighten\S*|chicken|much of a coward|cowardly|weak) to |never (?:\S+ ){0,2}(?:or|nor) |would never )(?:\S+ ){0,3}$/;

/**
 * A fear of doing harm, in the clause before the harm is named: "I'm scared I'll hurt the baby",
 * "afraid I might hurt her", "I worry I might snap and hit someone". A fear of harming is not
 * an intent to harm (it is what the speaker does not want): listed to review, never a page.
 */
const fearedBefore = / (?:scare\S*|afraid|fear\S*|frighten\S*|terrifi\S*|terrify\S*|petrifi\S*|worr\S*|anxious|panic\S*|paranoid) (?:of |that |about )?(?:i (?:\S+ ){0,4})?$/;
const clauseBreaks = new Set([".", ";", "!", "?", ",", "but", "—", "–", "-"]);

/** Whether the speaker fears harming someone rather than means to (`fearedBefore`), the matched words `[first, last]` naming the harm. */
export function fearsDoingHarm(sentence: RiskSentence, first: number, last: number): boolean {
  let start = first;
  while (start > 0 && !clauseBreaks.has(sentence.words[start - 1] ?? "")) start -= 1;
  // The matched words may open with the fear itself ("afraid I will hurt him"): read up to their last word.
  const clause = sentence.words.slice(start, last + 1);
  for (let end = first - start; end <= clause.length; end += 1) if (fearedBefore.test(` ${clause.slice(0, end).join(" ")} `)) return true;
  return false;
}

/** The words that name each paging category outright, as the shorthands of `risk-rules.yaml` list them. */
let outright: { self: RegExp; others: RegExp; doIt: RegExp } | null = null;

function outrightWords(): { self: RegExp; others: RegExp; doIt: RegExp } {
  if (outright !== null) return outright;
  const { macros } = riskRules();
  const compile = (names: string) => new RegExp(` (?:${expandShorthands(names, macros)})(?= |$)`);
  outright = { self: compile("{saysSuicideOutright}|{saysSelfHarmOutright}"), others: compile("{saysHarmToOthersOutright}"), doIt: compile("{doIt}") };
  return outright;
}

/**
 * Whether the sentence names the risk outright: suicide, killing or ending one's life, a lethal
 * act on oneself or hurting oneself for the suicide categories and self-harm; an intent, urge or
 * thoughts of hurting someone for harm to others. A risk inferred from other words ("I'm going
 * to end it now", "I'll feel better then", "I hit my brother") is listed to review, whichever
 * row or concept found it. Right after suicide or self-harm was named outright (`namedJustBefore`:
 * by the speaker, or in a question they were asked), "do it", "end it", "go through with it"
 * name it too ("T: have you thought of killing yourself?" — "I'm going to do it tomorrow").
 */
export function namesRiskOutright(sentence: RiskSentence, category: RiskCategory, namedJustBefore = false): boolean {
  const test = (words: RegExp) => words.test(sentence.text) || words.test(sentence.said);
  if (category === "harm_to_others") return test(outrightWords().others);
  return test(outrightWords().self) || (namedJustBefore && test(outrightWords().doIt));
}

/**
 * Whether the matched words `[first, last]` are the speaker's own explicit statement (see the
 * module comment): said in the first person (or, by the patient, with the "I" left out),
 * naming the risk outright (`namesRiskOutright`; `namedJustBefore`: suicide or self-harm was
 * named outright in the last few turns).
 */
export function isOwnStatement(sentence: RiskSentence, first: number, last: number, category: RiskCategory, patient = false, namedJustBefore = false): boolean {
  return namesRiskOutright(sentence, category, namedJustBefore) && isOwnWords(sentence, first, last, category, patient);
}

const harmVerb = /^(?:hurt|kill|harm|stab|shoot|shot|strangl|murder|attack|beat|punch|batter|choke|smother|poison|hit|push)/;

/** Whether, in the matched words `[first, last]`, the one harmed is the speaker ("he wants to hurt me when he drinks"). */
function harmsTheSpeaker(sentence: RiskSentence, first: number, last: number): boolean {
  for (let index = first; index < last; index += 1) {
    const next = sentence.words[index + 1];
    if (harmVerb.test(sentence.words[index] ?? "") && (next === "me" || next === "us")) return true;
  }
  return false;
}

/** A guess before the speaker's "hurt": "I suppose I hurt myself too", "I reckon I hurt myself". */
const guessedBefore = / i (?:guess|suppose|reckon|figure) (?:that )?i (?:\S+ )?$/;

/**
 * Whether the matched words `[first, last]` are "hurt" said of oneself as a guess (`guessedBefore`),
 * closing the sentence: a reading of one's own part in being hurt ("I suppose I hurt myself. I let
 * myself be hurt"), not an act told ("I guess I hurt myself again with the razor" tells one). "Hurt" is the one word of the row said as often of feelings as of the body; "I guess I
 * cut myself" still states it.
 */
function guessesAtHurt(sentence: RiskSentence, first: number, last: number): boolean {
  // Nothing of an act with it: no "on purpose", "again", "with the razor" or "last night".
  const bare = sentence.words.slice(first + 1, last + 1).every((word) => ["myself", "my", "self"].includes(word));
  const closes = bare && sentence.words.slice(last + 1).every((word) => /^[.!?,;…]+$/.test(word) || ["too", "in", "a", "way"].includes(word));
  return closes && /^hurt/.test(sentence.words[first] ?? "") && guessedBefore.test(` ${sentence.words.slice(0, first).join(" ")} `);
}

/**
 * Whether the matched words `[first, last]` are the speaker's own, said now: in the first person
 * (or, by the patient, with the "I" left out), not a question of their own, not someone else's
 * words reported, not someone else's act, not a guess at having hurt oneself (`guessesAtHurt`),
 * not denied before. A wish to be dead said so
 * ("I want to die") needs no more than this to be stated; what may page needs the risk named
 * outright too (`isOwnStatement`).
 */
export function isOwnWords(sentence: RiskSentence, first: number, last: number, category: RiskCategory, patient = false): boolean {
  if (!saidInFirstPerson(sentence, first, last) && !(patient && elidedSpeaker(sentence))) return false;
  if (isOwnQuestion(sentence, first, last) || isReportedSpeech(sentence, first)) return false;
  // Intent to harm someone names someone else by its nature ("I'll put him in hospital if he says one more word").
  if (category !== "harm_to_others" && someoneElsesAct(sentence, first, last)) return false;
  // "I feel he wants to hurt me": the speaker is the one who would be hurt, not the one who would hurt.
  if (category === "harm_to_others" && harmsTheSpeaker(sentence, first, last)) return false;
  if (category === "self_harm" && guessesAtHurt(sentence, first, last)) return false;
  return !deniedBefore.test(` ${sentence.words.slice(0, first).join(" ")} `);
}
