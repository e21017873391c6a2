/**
 * RiskScreen without a model (`CONFIDE_RISK_SCREEN=embedded`, the default of every profile):
 * the rows of `risk-rules.yaml` matched on each sentence as wink-nlp reads it
 * (`risk-reader.ts`), each match weighed by the context rules of `risk-context.ts` — negation,
 * hypotheticals, whose risk it is, past or present, idioms, clarifying and screening questions —
 * and a patient's "yes" to a screening question counted as saying it. Deterministic; English only
 * (another language is `not_screened`, never "nothing found").
 */
import { pagingCategories, riskCategoryInfo } from "@confide/core/adapter-kit";
import { ConfideError, type RiskCategory, type RiskFinding, type RiskScreen, type RiskScreenInput, type RiskScreenOutput, type SpeakerRole } from "@confide/core/ports";
import { actorOf, affirms, asksForAnAct, doesWhatWasAsked, carriedSubject, isBackchannel, isPrescribedUse, toldAsAccident, asksAboutTheRisk, speaksOfNow, ownsUpOnly, proposesAnAct, asListenerWords, denies, deniesIntentToDie, stopsTheRisk, isAccident, isClarifyingQuestion, isHypothetical, isIdiom, isScreeningQuestion, negationOf, notSayingI, saidOfSomeoneElse, spokenWords, subjectOf, temporalityOf, toldAsPast } from "./risk-context.ts";
import { transcriberNoteWords } from "../embedded-notes/segment-reader.ts";
import { readRiskSentences, type RiskSentence } from "./risk-reader.ts";
import { compiledRules, mayMatch, spansIn, type CompiledPattern } from "./rule-matcher.ts";
import { riskRules } from "./risk-rules.ts";
import { cuttingWords, isCareNotRisk, isDeathByIllnessOrLoss, isDieting, isHarmOfUse, isMedicationQuestion, isPlanningAhead, makesMeansSafe, namesMeans, namesTerminalIllness, givesSafetyNet, offersCare, speaksOfOverdoseRisk } from "./counselling-context.ts";
import { fearsDoingHarm, isOwnStatement, isOwnWords, namesRiskOutright } from "./risk-statement.ts";

/** A short sentence that only tells a time long past: "Two years ago, nearly.", "Back in 2019.", "But that was then.", "that was twenty nineteen." */
const saysLongAgo = (sentence: RiskSentence | undefined): boolean => {
  if (sentence === undefined) return false;
  const said = spokenWords(sentence.said);
  return said.split(" ").length <= 9 && / (?:(?:years?|months?) ago|back in (?:\d{4}|the day)|that was (?:then|ages ago|years ago|a long time ago|(?:in )?(?:(?:19|20)\d\d|(?:nineteen|twenty) (?:oh |o )?\S+))) /.test(said);
};
/** An act told in the past tense: "tried to hang myself", "took the lot". */
const actToldPast = / (?:tried|took|did|cut|hanged|hung|overdosed|jumped|swallowed) /;
/** How many sentences back, in the same turn, a story's date still holds: "four year ago. i went on a bender… tried to hang myself." */
const storyReach = 4;
/** A sentence that opens by pointing back at what was just told: "that was…", "it was…". */
const pointsBackAtIt = /^ (?:that|this|it) (?:was|were|be) /;

const suicideFamily = new Set<RiskCategory>(["passive_death_wish", "active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour"]);
const firstPerson = / (?:i|me|my|myself|mine|we|us|our) /;
/** How many segments after suicide was mentioned an ambiguous row ("I'm going to do it on Friday") still counts. */
const suicideContextSegments = 4;
/** How many segments after a means was named (pills, a knife…) a pronoun handed over ("I could give them to Dan") is that means. */
const meansContextSegments = 4;

const isEnglish = (language: string) => /^en(-|_|$)/i.test(language.trim());

interface Match {
  row: CompiledPattern;
  first: number;
  last: number;
  /** A concept's own words, when the match also covers its companion: negation is weighed on these. */
  anchor?: [number, number];
  /** A concept's companion said in the sentence next to it: its words (lemmas), with a space before and after. */
  companionApart?: string;
}

/**
 * Words that only hold the floor: "um", "erm…", "well", "I mean", a transcriber's note ("(pause)", "[sighs]": the
 * notes' reader's `transcriberNoteWords`, spaces allowed inside as the words as said space them).
 * Other words in brackets were said: a turn "(I honestly want to die)" is read.
 */
const floorHolders = String.raw`[([]\s*${transcriberNoteWords}\s*[)\]]|um+|uh+|erm+|er|hmm+|ah+|well|so|look|i mean`;
/**
 * A hedge that neither says yes nor denies: "I don't — I'm not saying I'm going to do anything"
 * (a false start cut off by a dash, then what is not being said).
 */
const hedgeWords = String.raw`i (?:don'?t|do not)(?=\s*[—–-])|(?:i'?m |i am )?${notSayingI} (?:going to|gonna) do anything`;
/**
 * Words that say the speaker is not sure yet, and no more: "idk", "I don't know…", "not sure".
 * Alone they answer nothing — neither a yes nor a denial ("Are you thinking of ending your
 * life?" — "idk" — "sometimes": the "sometimes" answers) — and the question stays open.
 */
const unsureWords = String.raw`idk|i (?:just )?(?:don'?t|do not) (?:really )?know|i dunno|dunno|(?:i'?m |i am )?not (?:really )?sure|hard to say|tbh|honestly|${hedgeWords}`;
/** Nothing but `words`, between marks and spaces. */
const onlyOf = (words: string) => new RegExp(String.raw`^[\s\W]*(?:(?:${words})[\s\W]*)+$`, "i");

/** A sentence of hesitation alone, or a transcriber's note: "(pause) Um.", "Erm…", "[sighs]", "Mm.", "idk.", "I mean." */
const hesitationOnly = onlyOf(`${floorHolders}|${unsureWords}|mm+`);

/** A turn that only holds the floor ("um", "erm…", "(long pause)", "idk", "...", or nothing at all): it answers nothing, and the question before stays open for the words that follow. A "mm" may be a yes, and is read. */
const floorOnly = onlyOf(`${floorHolders}|${unsureWords}`);
const holdsTheFloor = (text: string): boolean => floorOnly.test(text) || !/[\p{L}\p{N}]/u.test(text);

/**
 * The sentence an answer is quoted by: its first that says more than a hesitation ("(pause) Um.
 * Yeah. Yeah, I have." → "Yeah."), unless that one only sets something aside and a later one says
 * yes ("Not like last night. But it's… it's there a bit." → "But it's... it's there a bit."), or
 * only owns up before what it owns up to ("I ain't gonna lie to you. Tuesday night…" → "Tuesday night…").
 */
const answerSentence = (sentences: readonly RiskSentence[]): RiskSentence => {
  // "I ain't gonna lie to you. Tuesday night I sat out in the truck…": owning up said alone is quoted by what it owns up to.
  const said = sentences.filter((sentence, at) => !hesitationOnly.test(sentence.said) && !(at < sentences.length - 1 && ownsUpOnly(sentence)));
  const [first] = said;
  if (first === undefined) return sentences[0]!;
  // "When you say it like that it sounds terrible. But yeah.": the yes after a "but" is what is quoted.
  const butYes = said.slice(1).find((sentence) => /^ but (?:yes|yeah|yep|yup|yea|aye) /.test(spokenWords(sentence.said)));
  return (/^ (?:not|no|never) /.test(spokenWords(first.said)) ? said.slice(1).find((sentence) => affirms(sentence.said)) : undefined) ?? butYes ?? first;
};

/** Every row's matches in one sentence, with the word indices they cover. */
function matchesIn(sentence: RiskSentence, suicideContext: boolean): Match[] {
  const matches: Match[] = [];
  for (const row of compiledRules().rows) {
    if (row.needsSuicideContext && !suicideContext) continue;
    for (const [first, last] of spansIn(sentence, row)) matches.push({ row, first, last });
  }
  return matches;
}

/** Companions whose negation is their meaning ("not wake up", "won't need them after…", "not be here"). */
const negationIsMeaning = / (?:not|never) (?:\S+ )?(?:wake up|be (?:here|around|alive)|need|be a next)/;

/** The matched words `[first, last]`, spaced at both ends for whole-word tests. */
const matchedWords = (sentence: RiskSentence, first: number, last: number) => ` ${sentence.words.slice(first, last + 1).join(" ")} `;

/**
 * Whether the companion part of a concept stands as the speaker's own, said as meant: not an
 * idiom, not inside a condition, not negated (unless the negation is its meaning: "not be here
 * next week"), and about the speaker.
 */
function companionHolds(sentence: RiskSentence, first: number, last: number): boolean {
  if (isIdiom(sentence, first, last) || isHypothetical(sentence, first)) return false;
  const matched = matchedWords(sentence, first, last);
  if (negationOf(sentence, first, last, negationIsMeaning.test(matched)) === "negated") return false;
  return subjectOf(sentence, first, firstPerson.test(matched)) === "speaker";
}

/**
 * The concept rules' matches in sentence `at` of a turn: the concept's words, with its companion
 * in the same sentence (not overlapping them) or in the sentence before or after in the turn —
 * there, only when the concept's own sentence holds none of its `notApartWith` words (an act of
 * its own: "I'm going to call my sister" beside "I've been thinking about ending my life").
 */
function conceptMatchesIn(sentences: readonly RiskSentence[], at: number, suicideContext: boolean): Match[] {
  const sentence = sentences[at]!;
  const matches: Match[] = [];
  for (const row of compiledRules().concepts) {
    if (!mayMatch(sentence, row)) continue;
    if (row.needsSuicideContext && !suicideContext) continue;
    // "I took double my tablets by mistake": an accident is no method or plan.
    if (suicideFamily.has(row.category) && isAccident(sentence)) continue;
    // "On Tuesday I sat in the car and thought about the river": a day told of the past is no time set.
    if (row.pastIsNoPlan === true && toldAsPast(sentence)) continue;
    const spans = spansIn(sentence, row);
    if (spans.length === 0) continue;
    // The concept's own sentence names an act of its own (`notApartWith`): a companion only next to it does not count.
    const actsApart = row.notApart !== null && spansIn(sentence, row.notApart).length > 0;
    const near = row.sameSentence || actsApart ? [at] : [at - 1, at, at + 1].filter((index) => index >= 0 && index < sentences.length);
    for (const [first, last] of spans) {
      let found: Match | null = null;
      for (const index of near) {
        const companion = spansIn(sentences[index]!, row.companion).find(
          ([withFirst, withLast]) => (index !== at || withLast < first || withFirst > last) && companionHolds(sentences[index]!, withFirst, withLast),
        );
        if (companion === undefined) continue;
        // In one sentence the match covers both parts ("I found out where my dad keeps his
        // shotgun": the speaker's act, weighed from "I"); across sentences, the concept's words.
        found =
          index === at
            ? { row, first: Math.min(first, companion[0]), last: Math.max(last, companion[1]), anchor: [first, last] }
            : { row, first, last, companionApart: ` ${sentences[index]!.words.slice(companion[0], companion[1] + 1).join(" ")} ` };
        break;
      }
      if (found !== null) matches.push(found);
    }
  }
  return matches;
}

/** Rows of an overdose, poison or an attempt: with intent to die denied, they are self-harm. */
const overdoseOrPoison = new Set(["method.overdose", "method.other_means", "plan.attempt", "method.lethal_amount"]);

/**
 * Whether the abuse the matched words tell of was done to the speaker: "me", "my", "us" in the
 * words matched or just after ("he left marks on my legs", "he hit me"); the perpetrator being
 * "he" or "she" does not make it someone else's risk.
 */
function isVictim(sentence: RiskSentence, first: number, last: number): boolean {
  const after = sentence.words.slice(first, last + 5);
  return after.some((word) => word === "me" || word === "my" || word === "us" || word === "our" || word === "myself");
}

/**
 * The categories whose speaker's own explicit words are a `statement`: those that page (core's
 * `pagingCategories`). A row marked `wishToBeDead` states its wish too (core starts its live
 * safety follow-ups from it; its page rule never pages a passive wish). A method or means named
 * alone, other passive rows, abuse and substance use stay a `mention`.
 */
const statedCategories = pagingCategories;
/** The acts toward one's own death that the speaker's next words can name as such ("To end it."): a method, a plan, a preparation. */
const ownActs = new Set<RiskCategory>(["suicide_method", "suicide_intent_or_plan", "preparatory_behaviour"]);
/** What a match says once its context is weighed, or null when the context takes it back. */
/** What the dialogue around a sentence tells `weigh`. */
interface Around {
  /** The speaker's turn says the act was not meant to kill (`deniesIntentToDie`). */
  segmentDeniesIntentToDie: boolean;
  /** Suicide was talked about in the last few turns: a row that needs it counts. */
  suicideTalked: boolean;
  /** The sentence before in the turn, whose subject "and then…" carries. */
  previous?: RiskSentence;
  /** The turn's sentences: a reason for an act may come sentences after it ("…all week. The sofa went on Freecycle… Shipping to Auckland costs a fortune"). */
  turn: readonly RiskSentence[];
  /** The sentence before that, where a turn told in short pieces set the scene ("I had a fit. In the kitchen. Woke up in A and E."). */
  twoBefore?: RiskSentence;
  /** The sentence after in the turn, which may say the act was a mistake ("Not on purpose."). */
  next?: RiskSentence;
  /** The speaker's next sentence, in the turn or, where the turn ends, in their very next message ("im gonna kill my flatmate" — "lol not literally"). */
  nextOwn?: RiskSentence;
  patient: boolean;
  /** Suicide or self-harm was named outright just before. */
  namedJustBefore: boolean;
  /** The speaker's very next words say the act is to die (`purposeFollows`): "I've been saving my tablets." — "To end it." */
  dyingNamedAfter: boolean;
  /** The speaker has named a terminal illness (`namesTerminalIllness`). */
  terminalIllnessTold: boolean;
  /** The other speaker just asked of medicines taken ("How many tablets are you on these days?"): a number told is a prescription's. */
  medicationAsked: boolean;
}

/** Words of moving home or abroad: what is given away is left behind. */
const movingHouse = / (?:mov(?:e|ing) (?:house|home|abroad|out|away|to)|emigrat\S*|relocat\S*|shipping|flights?|declutter\S*|downsiz\S*|the big move) /;
/** Words of taking pictures: a place photographed, filmed or painted. */
const pictured = / (?:photograph\S*|photo|photos|drone|camera|film(?:ing|ed)?|paint(?:ing|ed)?|sketch\S*) /;

/** A next sentence that names what "it" was ("like the exams", "I mean this week", "as in the course"), not life or everything. */
const namesWhatItIs = /^ (?:like|i mean|meaning|as in) (?:the|my|this|these|that|all the|all this) (?!(?:life|world|pain|everything|whole thing)\b)\S+/;

/** An illness or a mishap that puts one in hospital: a fit, a fall, a crash. */
const illnessOrMishap = /\b(?:fit|fits|seizure\S*|collapse\S*|pass\S* out|black\S* out|heart attack|stroke|crash\S*|accident|fell|fall|fallen|tripped|operation|surgery|op|anaesthetic|knocked (?:out|over|down)|hit by)\b/;
/** Acts that make a stay in hospital an attempt's, whatever else was told: "I jumped. I fell. I woke up in hospital." */
const attemptActs = /\b(?:jump\S*|overdos\S*|pills?|tablets?|took|take|cut|cutting|hang\S*|rope|bridge|drown\S*|on purpose|tried|try)\b/;
/** True when the sentences told an illness or a mishap (`illnessOrMishap`) and no act of an attempt (`attemptActs`). */
const wokeAfterMishap = (told: ReadonlyArray<RiskSentence | undefined>) => {
  const text = told.map((sentence) => (sentence === undefined ? "" : `${sentence.text}|${sentence.said}`)).join("|");
  return illnessOrMishap.test(text) && !attemptActs.test(text);
};

function weigh(sentence: RiskSentence, match: Match, around: Around): Pick<RiskFinding, "category" | "text" | "temporality" | "subject" | "basis"> | null {
  const { segmentDeniesIntentToDie, suicideTalked, previous, twoBefore, turn, next, nextOwn, patient, namedJustBefore, dyingNamedAfter, terminalIllnessTold, medicationAsked } = around;
  const { row, first, last } = match;
  if (isIdiom(sentence, first, last)) return null;
  const matched = matchedWords(sentence, first, last);
  if ((row.category === "abuse" || row.category === "harm_to_others") && harmTakenBack(sentence, last, nextOwn ?? next)) return null;
  if (isPlanningAhead(row.plannedAheadInIllness === true, sentence, terminalIllnessTold)) return null;
  // Harm reduction and medication counselling: care, not a method, plan or means.
  if (isCareNotRisk(row.category, sentence)) return null;
  if (row.category === "substance" && row.temporality !== "history" && isPrescribedUse(sentence, medicationAsked)) return null;
  // "I'm hurt", "I was already hurting inside", with no one who hurt them: a feeling, not abuse.
  if (row.category === "abuse" && /^ (?:i|we) (?:be|get|got|have be|feel) (?:\S+ )?hurt\S* /.test(matched) && !/ (?:by|he|she|they|him|her|them|someone|somebody|his|their) /.test(sentence.text)) return null;
  // "I bit my arm until it left marks": an injury the speaker did to themselves is self-harm, not abuse.
  const selfInflicted =
    (row.id === "abuse.physical" || row.id === "abuse.more") &&
    actorOf(sentence, first) === "speaker" &&
    !/ (?:me|us) /.test(matched) &&
    // "I'm hurt", "I've been hurt", "being attacked": done to the speaker, not by them; "…that he loses control": by someone else.
    !["be", "get", "feel", "been", "being"].includes(sentence.words[first - 1] ?? "") &&
    !/^ (?:i|we) (?:be|get|got|have be|have get|feel) /.test(matched) &&
    !/ (?:domestic|dv) /.test(matched) &&
    !/ (?:he|she|they) /.test(` ${sentence.words.slice(first, last + 4).join(" ")} `);
  // "I took loads of ibuprofen, not to die, just to feel sick": an act the speaker says was not
  // meant to kill is self-harm (the C-SSRS line between an attempt and non-suicidal self-injury).
  const notToDie = overdoseOrPoison.has(row.id) && segmentDeniesIntentToDie;
  // "I overdosed on heroin two years ago", "I'll drink myself to death": harm from use, not a method or a plan to end one's life.
  const harmOfUse = isHarmOfUse(row.category, sentence);
  const category = harmOfUse ? "substance" : selfInflicted || notToDie ? "self_harm" : row.category;
  // An accident is no self-harm; a mistake said outright is no method, misuse or self-harm.
  if (toldAsAccident(category, sentence, next)) return null;
  // "I've been giving my things away all week. … Shipping to Auckland costs a fortune": things given away for a move.
  if (row.id.startsWith("preparatory.giving_away") && turn.some((told) => movingHouse.test(told.said))) return null;
  // "I'm photographing all the bridges over the Tyne", "…whether I could get the drone shot": a place seen through a lens.
  if ((row.category === "suicide_method" || row.category === "preparatory_behaviour") && pictured.test(sentence.said)) return null;
  // "i just kept killing myself off the ledge. on purpose. cos it respawns you": a death in a game, said of the game in its sentence or the next.
  if (ownRisks.has(row.category) && [sentence, nextOwn].some((told) => told !== undefined && playedInAGame.test(told.said))) return null;
  // "i just want it to be over. like the exams.": what "it" is, said in the speaker's next sentence, is no life to end.
  // Said in the same sentence, as speech recognition's pauses join it ("i just want it to be over. like the exams."), it is no life either.
  if (row.id === "passive.want_it_to_end" && ((nextOwn !== undefined && namesWhatItIs.test(nextOwn.said)) || namesWhatItIs.test(` ${sentence.said.trim().split(" ").slice(last + 1).join(" ")} `))) return null;
  // "By the Wednesday I had a fit. In the kitchen. Woke up in A and E.": waking in hospital after an illness or a fall told just before is no attempt.
  if (row.id === "plan.attempt_told" && /^ (?:wake|woke|come|came) /.test(matched) && wokeAfterMishap([previous, twoBefore, sentence])) return null;
  if (isHypothetical(sentence, first)) return null;
  const [negFirst, negLast] = match.anchor ?? [first, last];
  const negation = negationOf(sentence, negFirst, negLast, compiledRules().rowNegates.has(row.id));
  if (negation === "negated") return null;
  const temporality = row.temporality ?? (negation === "stopped" ? "history" : temporalityOf(sentence));
  const subject =
    row.subject ??
    (quotedFromSomeoneElse(sentence, first) ? "other_person" : undefined) ??
    (category === "abuse" && isVictim(sentence, first, last) ? "speaker" : (carriedSubject(sentence, previous) ?? subjectOf(sentence, first, firstPerson.test(matched))));
  if (isDeathByIllnessOrLoss(category, sentence, `${matched}${match.companionApart ?? ""}`, subject, row.needsSuicideContext === true, terminalIllnessTold)) return null;
  // An act of everyday life too ("I cancelled my phone contract") states a risk only where suicide was just talked about.
  const wishToBeDead = row.wishToBeDead === true && category === "passive_death_wish";
  const ownNow = temporality === "current" && subject === "speaker" && (!row.ordinaryAlone || suicideTalked);
  // "I'm scared I'll hurt him": a fear of harming, not an intent — listed to review in its own words.
  const feared = category === "harm_to_others" && fearsDoingHarm(sentence, first, last);
  // "Starving myself to lose the weight": restrictive eating, listed to review.
  // "…and I wanted to kill him, I honestly did": a wish to harm someone told in the past, listed to review.
  const wishedBefore = category === "harm_to_others" && wishedInThePast.test(sentence.said) && !stillWished.test(sentence.said);
  // A death asked of a doctor is listed to review in its own words, not stated as the speaker's own intent.
  const askedOfAnother = askedToBeGiven.test(sentence.text);
  const stated = ownNow && !feared && !wishedBefore && !askedOfAnother && row.reviewOnly !== true && !isDieting(category, sentence) && (wishToBeDead ? isOwnWords(sentence, first, last, category, patient) : statedCategories.has(category) && ((dyingNamedAfter && ownActs.has(category)) || (row.statesInContext === true && suicideTalked) ? isOwnWords(sentence, first, last, category, patient) : isOwnStatement(sentence, first, last, category, patient, namedJustBefore)));
  return {
    category,
    text: selfInflicted ? "Spoke of hurting themselves" : notToDie ? "Spoke of harming themselves, saying it was not to die" : harmOfUse ? "Spoke of harm from their drinking or drug use" : feared ? "Spoke of a fear of hurting someone" : row.says,
    temporality,
    subject,
    basis: stated ? "statement" : "mention",
  };
}

/** The span of a sentence in its segment, and its words as said. */
function sentenceEvidence(segment: { id: string; text: string }, sentence: RiskSentence): Pick<RiskFinding, "quote" | "evidence"> {
  return { quote: segment.text.slice(sentence.start, sentence.end), evidence: [{ segmentId: segment.id, start: sentence.start, end: sentence.end }] };
}

/**
 * What a finding implies, on the C-SSRS's ladder: a method, a plan or an attempt means thoughts of
 * suicide; an attempt names a method; gathering pills, a rope or a gun names a method too; and an
 * act of preparing (collecting means, goodbye letters, giving things away, putting affairs in
 * order) is intent acted on, so it raises intent or plan — the screen's most urgent category —
 * as well as thoughts of suicide.
 */
const implied: Partial<Record<RiskCategory, RiskCategory[]>> = {
  suicide_method: ["active_ideation"],
  suicide_intent_or_plan: ["active_ideation"],
  preparatory_behaviour: ["suicide_intent_or_plan", "active_ideation"],
};
const attemptRule = "plan.attempt";
const meansRule = "preparatory.collecting_means";

/** Each finding with what it implies as its `reasons` (never a finding of its own: one statement, one flag). */
function withImplied(findings: RiskFinding[]): RiskFinding[] {
  const has = (category: RiskCategory, like: RiskFinding) =>
    findings.some((other) => other.category === category && other.evidence[0]?.segmentId === like.evidence[0]?.segmentId && other.evidence[0]?.start === like.evidence[0]?.start);
  return findings.map((finding) => {
    if (finding.subject !== "speaker") return finding;
    const more = [...(implied[finding.category] ?? []), ...(finding.rule === attemptRule || finding.rule === meansRule ? (["suicide_method"] as RiskCategory[]) : [])];
    const reasons = [...new Set(more)].filter((category) => !has(category, finding));
    return reasons.length === 0 ? finding : { ...finding, reasons };
  });
}

const answerWords = { follow_up: "Said more when asked about", yes_to_screening_question: "Answered yes when asked about" } as const;

/**
 * Words of a question that ask of dying, of living or of a means: "have you wished you were
 * dead", "not wake up", "life isn't worth living", "better if you weren't around", "a rope",
 * "jumping off the bridge". With them a yes answers for the risk the question's words match, as
 * one naming it does. A thing of everyday use is a means only in an act of dying ("the knife on
 * yourself", not "do you carry a knife?"; pills: `asksOfPillsAsMeans`).
 */
const asksOfDying =
  / (?:dead|die|dying|death|wake|woke|waking|alive|live|living|life|not (?:be )?(?:around|here)|exist|disappear|gone|overdos\S*|rope|gun|hang\S*|jump\S* (?:off|from|in front)|off (?:a|the) (?:bridge|roof|cliff|building)|(?:knife|blade|razor) (?:\S+ ){0,3}(?:on|to|against) (?:yourself|myself))(?= )/;

/**
 * Pills asked of as a means: gathered, kept back, or too many ("the pills you've kept", "have you
 * been saving up tablets?", "taking all of your pills?"). Pills asked of as medicine ("have you been
 * taking your tablets?", "do you keep them in the kitchen?") ask of no risk: in a session about
 * a medicine a yes to them is the patient taking it.
 */
const asksOfPillsAsMeans =
  / (?:(?:all|too many|a handful of|handful of|extra|spare|a stash of|the rest of) (?:of )?(?:\S+ ){0,2}(?:pill|tablet)|(?:pill|tablet) (?:\S+ ){0,3}(?:keep|kept|save|saving|stockpile|hoard|stash|hide|hid|hidden|put aside|to die|to end)|(?:save|saving|stockpile|stockpiling|hoard|hoarding|stash|hide|hid) (?:\S+ ){0,3}(?:pill|tablet)|enough (?:\S+ ){0,2}(?:pill|tablet) to (?:die|end|kill|overdose|do it))(?= )/;

/** Words that name self-harm in the other speaker's turn: "the cutting", "hurting yourself", "self-harm" (lemmas or as said) — not cutting down, back or out. */
const selfHarmNamed = / (?:(?:cut|cutting)(?! (?:down|back|out|off|up|in|corners|ties|costs|my hair|your hair|it out))|self harm\S*|self injur\S*|(?:hurt|harm|burn|burning|hurting|harming) (?:yourself|myself))(?= )/;
/** An answer that says the act named just before was done again ("I did it again on Tuesday", "it happened again", "I slipped up"). */
const doneAgain = / (?:(?:i|i've|i have) (?:\S+ )?(?:did|done|do) it again|(?:i be|i'm|i am|been) doing it again|it (?:happen\S*|start\S*) again|i (?:slipped|slip) up|i relapsed)(?= )/;
/** True when a sentence names self-harm (`selfHarmNamed`), lemmatised or as said. */
const namesSelfHarm = (sentence: RiskSentence) => selfHarmNamed.test(sentence.text) || selfHarmNamed.test(spokenWords(sentence.said));

/**
 * A finding that names the speaker's own risk outright: a statement (a paging category's, or a wish
 * to be dead said so) or a yes to a question that named it; not harm to others. After it, in the
 * same turn or the next few, "end it" or "do it" name suicide.
 */
const namesOwnRisk = (finding: RiskFinding) => finding.category !== "harm_to_others" && (finding.basis === "statement" || finding.basis === "answer_to_named_question");

/** How many follow-up answers in a row may keep a disclosed risk the topic ("How often?" — "Most nights." — "Is it there now?" — "A bit louder."). */
const followUpRenewals = 1;

/** Risks to the speaker's own life or body: suicide's categories and self-harm. */
const ownRisks = new Set<RiskCategory>([...suicideFamily, "self_harm"]);

/**
 * The categories a yes may raise: all of them when `grounded` — the question named the risk, asked
 * in words of dying, living or a means (`asksOfDying`), or suicide or self-harm was talked about
 * earlier in the session — else only those that are no risk to the speaker's own life or body
 * (`ownRisks`). "Have you made a plan for the exam week?" — "Yes" is no plan of suicide; "Have you
 * been drinking?" — "Yes" is still drinking.
 */
function answerable(categories: Iterable<RiskCategory>, grounded: boolean): RiskCategory[] {
  return [...categories].filter((category) => grounded || !ownRisks.has(category));
}

/**
 * A question that itself names suicide, killing or hurting oneself, ending one's life or hurting
 * someone: a yes to it is an `answer_to_named_question`; a yes to any other is not.
 */
const namesTheRisk =
  / (?:suicid\S*|(?:take|took|taken|have|had|try|tried) (?:an |a |another )?overdos\S*|kill\S* (?:yourself|myself)|cut\S* (?:yourself|myself)|(?:been|mean|still|started|keep|kept) cutting(?= \?| again| yourself| myself| $|$)|hurt\S* (?:yourself|myself)|harm\S* (?:yourself|myself)|self harm\S*|self injur\S*|end\S* (?:your|my) (?:own )?life|take (?:your|my) (?:own )?life|(?:hurt\S*|harm\S*|kill\S*) (?:someone|somebody|anyone|anybody|someone else|other people|others|him|her|them))(?= )/;

/** Findings of an answer: the categories asked about, quoting the answer's first sentence. */
function answerFindings(
  segment: { id: string; text: string },
  sentence: RiskSentence,
  categories: Iterable<RiskCategory>,
  kind: keyof typeof answerWords,
  named: boolean,
): RiskFinding[] {
  // "Yes, for the insulin": a medicine taken as prescribed answers a question of use with no substance use.
  const prescribed = isPrescribedUse(sentence);
  return [...categories].filter((category) => !(category === "substance" && prescribed)).map((category) => ({
    category,
    temporality: temporalityOf(sentence),
    subject: "speaker",
    basis: kind === "yes_to_screening_question" && named ? "answer_to_named_question" : "answer_to_other_question",
    text: `${answerWords[kind]}: ${riskCategoryInfo[category].label.toLowerCase()}`,
    ...sentenceEvidence(segment, sentence),
    rule: `answer.${kind}`,
  }));
}

/** Quotation marks as the reader gives them, one token each. */
const quotationMarks = new Set(['"', "“", "”"]);

/** True when the word at `at` stands in a clause that gives the listener's words back ("when you say …,", read as the listener's "when i say"), before its comma or the question it runs into. */
function givenBack(sentence: RiskSentence, at: number): boolean {
  const before = ` ${sentence.words.slice(0, at).join(" ")} `;
  const opened = before.search(/ when i (?:say|said|talk about|mention|mentioned) (?:\S+ )*$/);
  // The clause ends at a comma, or where the question itself opens, run on as speech recognition gives it ("…anymore are you thinking about…").
  return opened !== -1 && !/ , | (?:be|do|have|would|could|will|can|did|are|is) i /.test(before.slice(opened + 1));
}

/**
 * True when the word at `at` stands inside quotation marks opened right after someone else is said
 * to speak, or send, or as the next of their messages ('Then it was "I'll kill myself if you don't come
 * back"'): 'he said "if they make me do another round I'll top myself first"' is his.
 */
function quotedFromSomeoneElse(sentence: RiskSentence, at: number): boolean {
  // "She wrote: I'm going to end it tonight": a message read out after a colon is theirs, quoted or not.
  if (readOutAfterColon.test(` ${sentence.words.slice(0, at).join(" ")} `)) return true;
  if (!insideQuotes(sentence, at)) return false;
  const opened = sentence.words.slice(0, at).findLastIndex((word) => quotationMarks.has(word));
  const before = ` ${sentence.words.slice(Math.max(0, opened - 4), opened).join(" ")} `;
  // Or a message of theirs, told by what it said next: 'At first it was "I love you, come home". Then it was "I'll kill myself if you don't come back"'.
  return / (?:he|she|they|person|mum|dad|\S+ 's) (?:\S+ )?(?:say|said|go|goes|went|tell|told|write|wrote|text|texted|shout|shouted|scream|screamed|send|sent|message|messaged|post|posted) (?:to me |me |to person |person |him |her |them |to him |to her |to them )?(?:, )?$/.test(before) || / (?:then|first|and then|next) it (?:be|was|'s) (?:, )?$/.test(before);
}

/** Someone else's message read out after a colon: "She wrote:", "my mum texted:". */
const readOutAfterColon = / (?:he|she|they|person|mum|dad|\S+ 's) (?:\S+ )?(?:write|wrote|text|texted|say|said|post|posted|message|messaged|put) : /;

/** True when the word at `at` stands inside quotation marks in its sentence: an odd number of them before it. */
function insideQuotes(sentence: RiskSentence, at: number): boolean {
  return sentence.words.slice(0, at).filter((word) => quotationMarks.has(word)).length % 2 === 1;
}

/** Words that deny a risk of now after telling of one past: "Nothing like that now.", "None of that these days." */
const deniedOfNow = / (?:nothing|none) (?:like that|of that|of it) (?:now|anymore|any more|these days)(?= |$)/;
/** Words of a video game: a death there respawns. */
const playedInAGame = / (?:respawn\S*|checkpoint\S*|spawn point|boss fight|speedrun\S*|in game|in the game|my character|fall damage|game over|the dlc|elden ring|dark souls|minecraft|fortnite) /;
/** A death asked of someone else to give, as a dying person may ask their doctor: "can't you just give me something so I go to sleep and don't wake up". */
const askedToBeGiven = / (?:can|could|will|would) (?:not )?you (?:just |not just )?(?:give|get|find|prescribe) me (?:something|some|a|an|the|enough)\b/;
/** A wish to harm told in the past tense ("I wanted to kill him"), and words that say it holds now ("still", "now", "tonight"). */
const wishedInThePast = / (?:wanted|felt like|was ready|were ready) (?:to )?(?:\S+ ){0,2}(?:kill|hurt|murder|strangle|throttle|smash|punch|batter|stab|hit|deck|smack)\S* /;
const stillWished = / (?:still|now|right now|tonight|today|again|every day|all the time|keep|keeps) /;

/** Words that call what was just said a joke: "joke", "only joking", "just kidding", "jk". */
const jokedOff = String.raw`(?:only |just )?(?:joke|joking|kidding|jk)`;
/** A sentence that opens by taking back the harm just said: "Well, not kill me, but…", "Not literally.", "Not actually.", "joke. joke." */
const takenBackAfter = new RegExp(String.raw`^ (?:well |i mean |ok |okay |no |lol )?,? ?(?:(?:not|n't) (?:literally|actually|really|like (?:actually|literally)|kill|murder|hurt|hit|strangle|throttle)|${jokedOff}\b)`);
/** Words after a harm that take it back in the same breath: "— no, no, I mean I am very angry", "joke. joke." */
const takenBackWithin = new RegExp(String.raw` (?:no ,? )+(?:no )?i mean |^ [.!,]? ?${jokedOff} `);

/**
 * True when the harm whose words end at `last` is taken back as soon as said: in the same breath
 * ("I could kill this man at the office — no, no, I mean I am very angry") or by the next sentence
 * ("She'd kill me. Well, not kill me, but…").
 */
function harmTakenBack(sentence: RiskSentence, last: number, next: RiskSentence | undefined): boolean {
  return takenBackWithin.test(` ${sentence.words.slice(last + 1, last + 12).join(" ")} `) || (next !== undefined && takenBackAfter.test(next.said));
}

/** A question pointing back at thoughts just told of: "are those thoughts still there?", "do you still have thoughts like that?". */
const thoseThoughts = / (?:those|these|the|such|them) thoughts | thoughts like (?:that|those|them) | (?:that|the) feeling still /;

/** A harm to someone else stated outright (which pages). */
const statedHarm = (finding: RiskFinding) => finding.category === "harm_to_others" && finding.basis === "statement";
/** Words by which the listener checks what was just said: "You don't actually mean—", "Do you mean that?". */
const checksMeaning = /\?|\b(?:do|don't|do not|did|didn't) (?:you )?(?:actually |really |literally )?mean\b|\byou (?:don't|do not) (?:actually |really |literally )?mean\b/i;

/** True when the segment at `index` is checked by the other speaker's very next turn (`checksMeaning`) and its speaker's next turn denies it. */
function checkedAndDenied(segments: RiskScreenInput["segments"], index: number): boolean {
  const [said, check, answer] = [segments[index]!, segments[index + 1], segments[index + 2]];
  return check !== undefined && answer !== undefined && check.speaker !== said.speaker && answer.speaker === said.speaker && checksMeaning.test(check.text) && denies(answer.text);
}

/** A short answer that denies only in part: "Not like... not like that.", "Not exactly.", "Not as such." */
const deniesOnlyInPart = (text: string): boolean => {
  const said = spokenWords(text);
  return said.split(" ").length <= 10 && !/^ (?:no|nope|nah|never) /.test(said) && / not (?:like that|exactly|as such|in that way|really like that) /.test(said);
};

/** A weapon held to the speaker, in an abuse row's words: "put a knife to my throat", "came at me with a knife". */
const weaponHeldToMe = / (?:knife|blade|gun|machete|bat|hammer|screwdriver|scissors|bottle) (?:\S+ ){0,3}(?:me|my) | (?:me|my) (?:\S+ ){0,2}(?:knife|blade|gun|machete|bat|hammer|screwdriver|scissors|bottle) /;

/** Words that open by saying an act is to die: "to not wake up", "like. so I don't wake up", "to end it". */
const purposeOfDying = /^[\s\W]*(?:(?:like|i mean|you know|just|basically)[\s\W]+)*(?:to|so (?:that )?i(?: would| wouldn'?t| could| don'?t| won'?t| can| never)?) (?:not |never )?(?:wake up|die|be dead|end it|end my life|kill myself|be here any ?more|exist any ?more)\b/i;

/**
 * Whether the speaker's very next words — the rest of the turn after `sentence`, or their next
 * turn (`ownNext`, theirs) when the turn ends there — say the act is to die: "I've been looking up
 * how many of my sertraline it would take" — "like. to not wake up".
 */
function purposeFollows(segment: { text: string }, sentence: RiskSentence, ownNext: { text: string } | undefined): boolean {
  const rest = segment.text.slice(sentence.end);
  if (/[^\s\W]/.test(rest)) return purposeOfDying.test(rest);
  return ownNext !== undefined && purposeOfDying.test(ownNext.text);
}

/** The findings of one transcript (see the module comment). */
/**
 * Reads the dialogue segment by segment, keeping what the last turns said (a question asked, a
 * risk disclosed, suicide talked about).
 * @yields the findings of each segment in turn ([] for most).
 */
function* readDialogue(input: RiskScreenInput): Generator<RiskFinding[], void> {
  const roleOf = new Map<string, SpeakerRole>(input.speakers.map((speaker) => [speaker.label, speaker.role]));
  let sinceSuicideTalk = Infinity;
  /** Segments since suicide or self-harm was named outright: a statement, a yes to a question that named it, or that question. */
  let sinceNamed = Infinity;
  /** The open question: who asked it, the risks it asks about, whether it names one, and whether suicide or self-harm was talked about before it (`inContext`). */
  let asked = null as { speaker: string; categories: Set<RiskCategory>; named: boolean; inContext: boolean; question: boolean } | null;
  /** The risk the speaker last disclosed, how many segments ago (or since a follow-up answer kept it the topic), and how many follow-up answers kept it. */
  /** The risk just disclosed, which a follow-up answer says more of; `past` when all of it was told of the past. */
  let topic = null as { categories: Set<RiskCategory>; age: number; renewals: number; past: boolean } | null;
  /** The last segment: who said it, whether it asked a follow-up about a risk, and its sentences (what "I did it again" answers). */
  let previous = null as { speaker: string; followUp: boolean; sentences: readonly RiskSentence[]; askedAnAct: boolean } | null;
  /** Segments since a means was named (pills, a knife…), by either speaker: what a pronoun handed over may be. */
  let sinceMeans = Infinity;
  /** The speakers who hurt themselves and said it is not to die, with no wish to die told since: a blade they name is what they cut with. */
  const cutNotToDie = new Set<string>();
  /** The speakers who have spoken of hurting themselves. */
  const hurtThemselves = new Set<string>();
  /** The speakers who have named a terminal illness (`namesTerminalIllness`): their own dying in bare words is the illness. */
  const toldOfTerminalIllness = new Set<string>();
  /** A segment read ahead, as the speaker's next message (`nextMessage`): read once, when its turn comes it is not read again. */
  let readAhead = null as { segment: RiskScreenInput["segments"][number]; sentences: RiskSentence[] } | null;
  for (const [index, segment] of input.segments.entries()) {
    if (holdsTheFloor(segment.text)) {
      yield [];
      continue;
    }
    sinceSuicideTalk += 1;
    sinceNamed += 1;
    sinceMeans += 1;
    const role = roleOf.get(segment.speaker) ?? "unknown";
    const sentences = readAhead?.segment === segment ? readAhead.sentences : readRiskSentences(segment);
    /** Which sentences name a means (pills, a knife…), read once: what a pronoun handed over later in the turn, or in the next turn, may be. */
    const meansIn = sentences.map(namesMeans);
    const meansNamedBefore = (at: number) => sinceMeans <= meansContextSegments || meansIn.slice(0, at).includes(true);
    const questions = new Set<RiskCategory>();
    /** The other speaker's words start talk of suicide: a medicine named, not asked of as a means, does not ("so you went without your insulin"). */
    let startsTalk = false;
    let named = false;
    /** The segment asks in words that name dying, suicide or self-harm outright ("have you wished you were dead?"), if not as narrowly as `namesTheRisk`. */
    let outrightQuestion = false;
    /** A sentence that raised a risk asked it as a question, not as a reflection ("You've been drinking more…"). */
    let askedAQuestion = false;
    const own: RiskFinding[] = [];
    // A segment that asks what a question means, or takes risk back ("I'm not going to do anything
    // to myself"), is no yes to it and says nothing more about a risk.
    const clarifying = sentences.some(isClarifyingQuestion);
    // "I drank bleach. Not enough to die. I just wanted to hurt." — said of the act in any sentence of the turn.
    const notMeantToKill = sentences.some(deniesIntentToDie);
    const medicationAsked = previous !== null && previous.speaker !== segment.speaker && previous.sentences.some(isMedicationQuestion);
    /** Which sentences name a terminal illness, read once: the speaker's dying in bare words after one is the illness. */
    const illnessIn = sentences.map(namesTerminalIllness);
    let tookBack = false;
    for (const [at, sentence] of sentences.entries()) {
      // The therapist's words are read as questions to the patient (speech recognition drops the
      // "?"): what they ask about makes a "yes" mean it.
      if (isScreeningQuestion(sentence) || (role === "therapist" && (sentence.question || / (?:you|your|yourself) /.test(sentence.text)))) {
        // "When do you take your medications?", "where do you store them?": a yes to it tells of no risk.
        if (isMedicationQuestion(sentence)) continue;
        // "There's a stop smoking service at the surgery, would you like me to refer you?": a yes accepts the care offered.
        if (offersCare(sentence)) continue;
        // "That's where the overdose risk really goes up, if your tolerance has dropped": how using harms, no talk of suicide.
        if (role === "therapist" && speaksOfOverdoseRisk(sentence) && !namesTheRisk.test(sentence.text) && !namesTheRisk.test(sentence.said)) continue;
        // "If you ever did have thoughts of harming yourself, I want you to ring the GP straight away.": an instruction, no question.
        if (role === "therapist" && givesSafetyNet(sentence)) continue;
        // "So you'll give the tablets to Dan on Saturday?": a yes agrees to a means made safe — unless
        // the same sentence also names the risk outright (a run-on, as speech recognition gives it).
        if (makesMeansSafe(sentence, meansNamedBefore(at)) && !namesTheRisk.test(sentence.text) && !namesTheRisk.test(sentence.said)) continue;
        const listener = asListenerWords(sentence);
        const before = questions.size;
        // '"kys" — so, "kill yourself".': words only quoted, glossed or read out, ask nothing; nor
        // does a denial summed up ("So no thoughts of harming him, and…"), which a yes confirms.
        // Nor do the patient's words given back to ask of them ("When you say she'd be better off with the life insurance, are you…?").
        // "Okay, I'll do that this week and email it to you": the therapist's own act, told, asks of no risk by a row too ambiguous alone, unless suicide was just talked about.
        const ownActTold = !sentence.question && / (?:i|we) (?:will|would|shall|can|be go to) /.test(sentence.text) && sinceSuicideTalk > suicideContextSegments;
        const said = matchesIn(listener, !ownActTold).filter((match) => !insideQuotes(listener, match.first) && !givenBack(listener, match.first) && (sentence.question || negationOf(listener, match.first, match.last, compiledRules().rowNegates.has(match.row.id)) !== "negated"));
        // "…and say my partner is threatening suicide. Would that feel possible?": someone else's risk asks nothing of the listener.
        // "Could you practise that once a day before your next exam?": an act proposed, whose time ("before your next exam") asks nothing of a plan to die.
        const proposed = proposesAnAct(sentence);
        // "Are you thinking about killing yourself, Marcus?": the name addressed after "yourself" is no one harmed.
        const matches = said.filter((match) => !saidOfSomeoneElse(listener, match.first) && !(proposed && match.row.needsSuicideContext === true) && !(match.row.category === "harm_to_others" && / (?:myself|yourself) /.test(matchedWords(listener, match.first, match.last))));
        for (const match of matches) questions.add(match.row.category);
        const pillsAsMeans = asksOfPillsAsMeans.test(sentence.text);
        startsTalk ||= matches.some((match) => match.row.namesMedicine !== true) || (matches.length > 0 && pillsAsMeans);
        askedAQuestion ||= questions.size > before && (sentence.question || isScreeningQuestion(sentence));
        // Read as the listener's words: "…thoughts of ending their life, is that something you've had?" names it of them.
        named ||= (namesTheRisk.test(listener.text) || namesTheRisk.test(listener.said)) && (said.length === 0 || matches.length > 0);
        outrightQuestion ||= pillsAsMeans || namesRiskOutright(listener, "active_ideation") || asksOfDying.test(sentence.text);
        // "And since Sunday — are those thoughts still there?": thoughts of suicide just named and told of, asked of again by pointing back.
        if (matches.length === 0 && sentence.question && thoseThoughts.test(sentence.said) && asksAboutTheRisk(sentence.said) && sinceNamed <= suicideContextSegments && topic !== null && topic.age <= 3 && [...topic.categories].some((category) => suicideFamily.has(category))) {
          for (const category of topic.categories) if (suicideFamily.has(category)) questions.add(category);
          named = true;
          askedAQuestion = true;
        }
        continue;
      }
      if (role === "therapist" || isClarifyingQuestion(sentence) || (clarifying && sentence.question)) continue;
      // "I'll do it now." to "Could you send me that screenshot?": what was asked, done.
      if (previous !== null && previous.speaker !== segment.speaker && previous.askedAnAct && doesWhatWasAsked(sentence)) continue;
      // "I'll give them to my sister" after "What could you do with the tablets?": a means made safe, no risk said.
      if (makesMeansSafe(sentence, meansNamedBefore(at))) {
        tookBack = true;
        continue;
      }
      const seen = new Set<string>();
      // The speaker's very next message, read only for a match at the turn's end: typed chat sends one thought in several.
      const following = input.segments[index + 1];
      const ownNext = following?.speaker === segment.speaker ? following : undefined;
      const nextMessage = (): RiskSentence | undefined => {
        if (ownNext === undefined) return undefined;
        if (readAhead?.segment !== ownNext) readAhead = { segment: ownNext, sentences: readRiskSentences(ownNext) };
        return readAhead.sentences[0];
      };
      // Someone whose cutting is not to die names its means whenever they name a blade: read as in context, and listed as self-harm below.
      const inContext = sinceSuicideTalk <= suicideContextSegments || (cutNotToDie.has(segment.speaker) && cuttingWords.test(sentence.text));
      const found = [...matchesIn(sentence, inContext), ...conceptMatchesIn(sentences, at, inContext)];
      // Read once for the sentence, and only for one that matched: most match nothing.
      const dyingNamedAfter = found.length > 0 && purposeFollows(segment, sentence, ownNext);
      // "He held a knife to my throat": a weapon someone else held to the speaker is abuse, not the speaker's means of dying.
      const doneToThem = found.filter((match) => match.row.category === "abuse" && weaponHeldToMe.test(matchedWords(sentence, match.first, match.last)));
      for (const match of found) {
        if (suicideFamily.has(match.row.category) && doneToThem.some((abuse) => abuse.first <= match.last && match.first <= abuse.last)) continue;
        // Named just before: in the last few turns, or stated earlier in this turn ("Everyone would be better off without me. I've been thinking about ending it.").
        const namedBefore = sinceNamed <= suicideContextSegments || own.some(namesOwnRisk);
        const weighed = weigh(sentence, match, {
          segmentDeniesIntentToDie: notMeantToKill,
          suicideTalked: inContext,
          previous: sentences[at - 1],
          twoBefore: sentences[at - 2],
          turn: sentences,
          next: sentences[at + 1],
          nextOwn: sentences[at + 1] ?? nextMessage(),
          patient: role === "patient",
          namedJustBefore: namedBefore,
          dyingNamedAfter,
          terminalIllnessTold: toldOfTerminalIllness.has(segment.speaker) || illnessIn.slice(0, at + 1).includes(true),
          medicationAsked,
        });
        if (weighed === null) tookBack = true;
        // One finding per category and subject: someone else's risk does not hide the speaker's own.
        if (weighed === null) continue;
        // "What do you use?" — "Blades. I've got them in a tin.": the means of their self-harm, not a way to die.
        const cuttingMeans = cutNotToDie.has(segment.speaker) && match.row.id === "method.place_or_means_in_context" && weighed.subject === "speaker" && cuttingWords.test(matchedWords(sentence, match.first, match.last));
        const named = cuttingMeans ? { ...weighed, category: "self_harm" as const, text: "Named what they use to hurt themselves" } : weighed;
        // "And that's when I took the overdose. Two years ago, nearly.": the time told just after is the act's.
        // "i took an overdose. of my citalopram. that was twenty nineteen.": or one sentence later, pointing back at it.
        const datedAfter = saysLongAgo(sentences[at + 1]) || (pointsBackAtIt.test(sentences[at + 2]?.said ?? "") && saysLongAgo(sentences[at + 2]));
        // "that was my gran. four year ago. i went on a bender… tried to hang myself.": an act told in the past, in a story the turn dated long ago — not one said of now ("Last night I tried…").
        const datedBefore = actToldPast.test(sentence.said) && !speaksOfNow(sentence) && sentences.slice(Math.max(0, at - storyReach), at).some(saysLongAgo);
        const finding = named.temporality === "current" && (datedAfter || datedBefore) ? { ...named, temporality: "history" as const } : named;
        if (seen.has(`${finding.category}/${finding.subject}`)) continue;
        seen.add(`${finding.category}/${finding.subject}`);
        own.push({ ...finding, ...sentenceEvidence(segment, sentence), rule: match.row.id });
      }
    }
    // An answer is what follows the other speaker's question, and asks nothing itself.
    const asking = sentences.some((sentence) => sentence.question) || questions.size > 0;
    const answers = own.length === 0 && role !== "therapist" && !clarifying && !tookBack && !asking && sentences[0] !== undefined;
    // A "yes" to the other speaker's screening question says what the question asked — the
    // latest question decides what an answer means, before any risk disclosed earlier.
    // A bare backchannel ("Mm-hmm.") to a reflection listens; only to a question does it say yes.
    if (answers && asked !== null && asked.speaker !== segment.speaker && affirms(segment.text) && (asked.question || !isBackchannel(segment.text))) {
      own.push(...answerFindings(segment, answerSentence(sentences), answerable(asked.categories, asked.named || asked.inContext), "yes_to_screening_question", asked.named));
    }
    // A yes to a question that named the risk stays a yes when the answer goes on in words that
    // only infer it ("Yes. I've been giving my things away."): those are listed to review.
    const onlyInferred = own.length > 0 && own.every((finding) => finding.basis === "mention");
    if (onlyInferred && role !== "therapist" && !clarifying && !tookBack && !asking && asked !== null && asked.named && asked.speaker !== segment.speaker && affirms(segment.text)) {
      // "In the summer, you told me they were telling you to hurt yourself." — "Yeah. They used to…": an answer that goes on only in the past says yes of the past.
      const past = own.every((finding) => finding.temporality === "history");
      own.push(...answerFindings(segment, answerSentence(sentences), asked.categories, "yes_to_screening_question", true).map((finding) => (past ? { ...finding, temporality: "history" as const } : finding)));
    }
    // An answer to a follow-up about a risk just disclosed says more about it ("How often?" —
    // "Most nights this week"), unless it denies or says it stopped.
    if (answers && own.length === 0 && previous !== null && previous.speaker !== segment.speaker && previous.followUp && topic !== null && topic.age <= 2 && !denies(segment.text) && !stopsTheRisk(segment.text)) {
      // Of a risk told only of the past, the answer is of the past too ("How many did you take?" — "About thirty."), unless the question
      // asks of now ("Do you still…?") or the answer tells of it ("I stood on the kerb on Saturday").
      const ofThePast = topic.past && !previous.sentences.some(speaksOfNow) && !sentences.some(speaksOfNow);
      own.push(...answerFindings(segment, answerSentence(sentences), topic.categories, "follow_up", false).map((finding) => (ofThePast ? { ...finding, temporality: "history" as const } : finding)));
    }
    // "I did it again on Tuesday" after the other speaker named the cutting: the act done again, to review in the patient's words.
    // The answer is read first: most turns say nothing done again, and the turn before is then not read.
    const againAt = answers && own.length === 0 && previous !== null && previous.speaker !== segment.speaker && !denies(segment.text) ? sentences.findIndex((sentence) => doneAgain.test(spokenWords(sentence.said))) : -1;
    if (againAt !== -1 && previous?.sentences.some(namesSelfHarm) === true) own.push(...answerFindings(segment, sentences[againAt]!, ["self_harm"], "follow_up", false));
    // "I swear to God, I'm going to murder my brother." — "You don't actually mean—" — "Oh my God, no. I'm going to yell at him.":
    // a threat the listener checked at once and the speaker denied is listed to review, not paged.
    if (own.some(statedHarm) && checkedAndDenied(input.segments, index)) own.splice(0, own.length, ...own.map((finding) => (statedHarm(finding) ? { ...finding, basis: "mention" as const } : finding)));
    yield withImplied(own);
    const ownFindings = own.filter((finding) => finding.subject === "speaker");
    if (ownFindings.some((finding) => finding.category === "self_harm")) hurtThemselves.add(segment.speaker);
    if (illnessIn.includes(true)) toldOfTerminalIllness.add(segment.speaker);
    if (ownFindings.some((finding) => suicideFamily.has(finding.category) && finding.temporality === "current")) cutNotToDie.delete(segment.speaker);
    else if (notMeantToKill && hurtThemselves.has(segment.speaker)) cutNotToDie.add(segment.speaker);
    const disclosed = new Set(ownFindings.filter((finding) => finding.rule !== "answer.follow_up").map((finding) => finding.category));
    const saidMore = ownFindings.length > 0 && disclosed.size === 0;
    // A follow-up answer says more of the risk disclosed and keeps it the topic, once (`followUpRenewals`): a chain of answers, each asked
    // about the one before, drifts from what was disclosed.
    if (disclosed.size > 0) topic = { categories: disclosed, age: 0, renewals: 0, past: ownFindings.every((finding) => finding.rule === "answer.follow_up" || finding.temporality === "history") };
    else if (topic !== null) topic = saidMore && topic.renewals < followUpRenewals ? { ...topic, age: 0, renewals: topic.renewals + 1 } : { ...topic, age: topic.age + 1 };
    // Whether suicide or self-harm was talked about before this segment's question, or in this segment's own words.
    const talkedBefore = sinceSuicideTalk < Infinity || ownFindings.some((finding) => ownRisks.has(finding.category));
    if (meansIn.includes(true)) sinceMeans = 0;
    // "Could you send me that screenshot before I go?": an act of the session asked, no risk in the asking; it asks no more of the risk either.
    const askedAnAct = questions.size === 0 && sentences.some(asksForAnAct);
    previous = {
      speaker: segment.speaker,
      askedAnAct,
      // "So you'll take the tablets over to your mum's tonight": a means made safe asks nothing more of the risk.
      followUp: !askedAnAct && (sentences.some((sentence) => sentence.question) || !/[.?!]/.test(segment.text)) && asksAboutTheRisk(segment.text) && !sentences.some((sentence, at) => makesMeansSafe(sentence, meansNamedBefore(at))),
      sentences,
    };
    const questionTalks = [...questions].some((category) => suicideFamily.has(category)) && (startsTalk || sinceSuicideTalk <= suicideContextSegments);
    // "No. Nothing like that. I've got my lad." to a question of suicide: a denial, nothing disclosed, closes the talk; so does one
    // that tells only of the past ("No. Nothing. Not since 2016, when I took the tablets.").
    const deniedNow = role === "patient" && asked !== null && asked.speaker !== segment.speaker && !clarifying && [...asked.categories].some((category) => suicideFamily.has(category)) && denies(segment.text);
    const ownSuicideTalk = own.filter((finding) => suicideFamily.has(finding.category));
    // "…there were nights I didn't care if I woke up. But that's six year ago. Nothing like that now.": told only of the past and denied of now, it opens no talk either.
    const pastOnlyDenied = ownSuicideTalk.every((finding) => finding.temporality === "history") && (deniedNow || deniedOfNow.test(spokenWords(segment.text)));
    if (questionTalks || (ownSuicideTalk.length > 0 && !pastOnlyDenied)) sinceSuicideTalk = 0;
    else if (deniedNow) sinceSuicideTalk = Infinity;
    if (named || own.some(namesOwnRisk)) sinceNamed = 0;
    // The question stays open while its asker goes on speaking, unless they ask something else
    // ("Okay. How's work?"); anyone else's turn answers it — but a denial only in part ("Not like…
    // not like that.") leaves it open for what the speaker says next ("I mean. Yeah. In a general way.").
    const open: { speaker: string; categories: Set<RiskCategory>; named: boolean; inContext: boolean; question: boolean } | null = asked;
    asked =
      questions.size > 0
        ? { speaker: segment.speaker, categories: questions, named, inContext: talkedBefore || outrightQuestion, question: askedAQuestion }
        : open !== null && (open.speaker === segment.speaker ? !sentences.some((sentence) => sentence.question) : own.length === 0 && role !== "therapist" && deniesOnlyInPart(segment.text))
          ? open
          : null;
  }
}

const notEnglish = (language: string): RiskScreenOutput => ({
  status: "not_screened",
  reason: `the embedded screen reads English only (the transcript is ${language})`,
  version: compiledRules().version,
});

/** The findings of one transcript, at once (see the module comment). */
export function screenTranscript(input: RiskScreenInput): RiskScreenOutput {
  if (!isEnglish(input.language)) return notEnglish(input.language);
  return { status: "screened", findings: [...readDialogue(input)].flat(), version: compiledRules().version };
}

/** How many segments are read between two turns of the event loop (the API may share it). */
const segmentsPerTurn = 100;

/**
 * The same as `screenTranscript`, giving the event loop a turn every `segmentsPerTurn` segments
 * so that a long session does not hold an API process that runs the worker too, and stopping
 * when `signal` aborts.
 * @throws ConfideError `provider.interrupted` when `signal` aborts.
 */
async function screenTranscriptInTurns(input: RiskScreenInput, signal: AbortSignal | undefined): Promise<RiskScreenOutput> {
  const interrupted = () => new ConfideError("provider.interrupted", "The risk screen was stopped.", { cause: signal?.reason });
  if (signal?.aborted) throw interrupted();
  if (!isEnglish(input.language)) return notEnglish(input.language);
  const findings: RiskFinding[] = [];
  let read = 0;
  for (const found of readDialogue(input)) {
    findings.push(...found);
    read += 1;
    if (read % segmentsPerTurn === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw interrupted();
    }
  }
  return { status: "screened", findings, version: compiledRules().version };
}

/** The embedded RiskScreen: no model, no network (see the module comment). */
export function createEmbeddedRiskScreen(): RiskScreen {
  return {
    provider: "embedded",
    screen(input, options = {}) {
      return screenTranscriptInTurns(input, options.signal);
    },
    async check() {
      try {
        // The rules file read and validated. Loading the language model, building its reader and
        // compiling the patterns and their anchor index (about a second of CPU together) wait for
        // the first screen, so that none holds a readiness probe past its deadline.
        riskRules();
      } catch (error) {
        throw new ConfideError("dependency.unavailable", "The embedded risk screen's rules file did not load.", { cause: error });
      }
    },
    async close() {},
  };
}
