import { agreesFeeling, notAssessed } from "@confide/core/adapter-kit";
import type { MoodDraft, MoodTrajectory, MoodWindow, NoteField, NoteWriterInput, SessionMood, TrajectoryDraft } from "@confide/core/ports";

/** Where the risk screen found the patient speaking of a current risk to their own life or body (`NoteWriterInput.currentRisks`). */
type RiskSpan = NonNullable<NoteWriterInput["currentRisks"]>[number];
import { isWord } from "./conversation-fillers.ts";
import { isNegatedAt, phraseStarts } from "./lemma-phrases.ts";
import { dislikesAnAct, namesAThing, positiveOfAThing, saidOfSomeoneElse, subjectReach, wishedFor } from "./feeling-subject.ts";
import { clinicalMoods, denyingWords, greetingNouns, moodChanges, moodLexicon, riskPhrases, type ClinicalMood } from "./mood-lexicon.ts";
import type { ReadSegment, ReadSentence, ReadToken } from "./segment-reader.ts";

/** Words of one mood said by the patient, and where. */
interface Shown {
  mood: ClinicalMood;
  segment: ReadSegment;
  /** The patient turn's place among the patient's turns (0-based). */
  turn: number;
  start: number;
  end: number;
  weight: number;
  /** A statement of current risk in the lexicon's words (`riskPhrases`): distress first. */
  risk: boolean;
  /** A statement of current risk the risk screen found (`RiskSpan`) where no word of the lexicon shows it. */
  screened?: true;
  /** Words of the mood moving (`moodChanges`): "hopeful" for better, "low" for worse, in the balance only, never a mood read. */
  change?: true;
  /** A word the therapist said back and the patient agreed with (`reflectedMoods`): where it was said (`start`, `end` are in its text), and the patient's agreeing words in `segment`. */
  reflected?: { said: ReadSegment; agreedStart: number; agreedEnd: number };
}

/** The segment a word of mood was said in: the therapist's for a feeling said back, else the patient's. */
const saidIn = (item: Shown) => item.reflected?.said ?? item.segment;
/** The words of mood as said. */
const wordsOf = (item: Shown) => saidIn(item).text.slice(item.start, item.end);



/** The lexicon's phrases by their first word, so each word of a turn is looked up once. */
const byFirstWord = new Map<string, Array<{ mood: ClinicalMood; phrase: string; change?: true }>>();
const addPhrase = (entry: { mood: ClinicalMood; phrase: string; change?: true }) => {
  const first = entry.phrase.split(" ")[0]!;
  byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), entry]);
};
for (const mood of clinicalMoods) for (const phrase of moodLexicon[mood]) addPhrase({ mood, phrase });
for (const phrase of moodChanges.better) addPhrase({ mood: "hopeful", phrase, change: true });
for (const phrase of moodChanges.worse) addPhrase({ mood: "low", phrase, change: true });

/** The moods a clinician reads as negative; `hopeful` and `calm` are the positive ones, `ambivalent` neither. */
const negativeMoods: ReadonlySet<ClinicalMood> = new Set(["distressed", "anxious", "low", "angry"]);
const positiveMoods: ReadonlySet<ClinicalMood> = new Set(["hopeful", "calm"]);
/** A statement of current risk weighs double: it is what a clinician must not miss. */
const riskWeight = 2;
/** Feeling better in the patient's last turns is mostly the closing courtesy ("I feel better now, thanks"): it weighs half — in a session of at least `closingFrom` patient turns. */
const closingTurns = 2;
const closingFrom = 6;
const closingWeight = 0.5;
/** A second mood is read (mixed) when it weighs at least this share of the first. */
const secondShare = 0.5;
/** Words quoted per mood in the mood line. */
const wordsShown = 2;
/** Words shortly before a word of the mood moving that make it foreseen or hoped for, not felt: "I'll probably feel better", "it might get a bit better", "hopefully better now". */
const foreseeingWords = new Set(["will", "'ll", "ll", "would", "could", "might", "may", "should", "hope", "hopefully", "probably", "soon", "eventually"]);
const foreseeingReach = 4;
/** A change of the mean per-turn balance between the halves that counts as improving or declining. */
const trajectoryChange = 0.5;


/** Words of a courtesy after a pleasant word: "glad to hear you are well", "happy to hear that you…". */
const hearingWords = new Set(["hear", "know", "see"]);
/** Verbs of keeping a state that, after "try to", make a pleasant word an effort: "trying to stay hopeful". */
const keptStates = new Set(["stay", "be", "remain", "keep", "feel"]);
/** Parts of speech of the words of a state kept: "stay calm, optimistic and hopeful", "be really positive". */
const statePart = new Set(["ADJ", "ADV", "CCONJ"]);

/** True when a pleasant word is followed by "to hear / know / see (that) you…": pleasure at the listener's news, a courtesy. */
function gladToHearOfYou(tokens: readonly ReadToken[], after: number): boolean {
  // "I'm glad you're doing well", "glad that you're well": gladness at the listener's news.
  if (tokens[after]?.lemma === "you" || (tokens[after]?.lemma === "that" && tokens[after + 1]?.lemma === "you")) return true;
  if (tokens[after]?.lemma !== "to" || !hearingWords.has(tokens[after + 1]?.lemma ?? "")) return false;
  const next = tokens[after + 2]?.lemma === "that" ? tokens[after + 3] : tokens[after + 2];
  return next?.lemma === "you";
}

/** True when a pleasant word at `index` is what the patient is trying to keep ("I keep trying to stay calm and positive"): an effort against the mood, not the mood. */
function triedFor(tokens: readonly ReadToken[], index: number): boolean {
  const kept = tokens.findLastIndex((token, at) => at < index && keptStates.has(token.lemma) && tokens[at - 1]?.lemma === "to" && tokens[at - 2]?.lemma === "try");
  // Only the kept state's words between: "trying to stay calm and positive", not "trying to stay in, I'm glad".
  return kept !== -1 && tokens.slice(kept + 1, index).every((token) => statePart.has(token.pos) || token.value === ",");
}

/**
 * True when a word of mood at `index` (not a statement of risk) is not the patient's feeling now:
 * a pleasant one asked about ("How do you become happy?" — an unpleasant one asked, "why am I so
 * anxious?", is still felt), a greeting ("happy holidays", `greetingNouns`), a courtesy at the
 * listener's news ("glad to hear you are well", `gladToHearOfYou`), one the patient is trying to
 * keep ("trying to stay hopeful", `triedFor`) or only wishes for ("I could be happy in a quieter job", `wishedFor`), a thing
 * named (`namesAThing`: "my blood pressure tablet"), someone
 * else's (`saidOfSomeoneElse`: "she was happy with the new flat", "my son seems happy") or denied ("nothing makes me happy", `denyingWords`).
 */
function notTheirFeeling(tokens: readonly ReadToken[], index: number, phraseLength: number, mood: ClinicalMood): boolean {
  if (positiveMoods.has(mood) && tokens[tokens.length - 1]?.value === "?") return true;
  if (namesAThing(tokens, index, phraseLength)) return true;
  if (greetingNouns.has(tokens[index + phraseLength]?.lemma ?? "")) return true;
  if (positiveMoods.has(mood) && (gladToHearOfYou(tokens, index + phraseLength) || triedFor(tokens, index) || wishedFor(tokens, index) || positiveOfAThing(tokens, index))) return true;
  const before = tokens.slice(Math.max(0, index - subjectReach), index);
  if (before.some((token) => denyingWords.has(token.lemma))) return true;
  return saidOfSomeoneElse(tokens, index, phraseLength);
}

/** A word (or phrase) of a mood found in a sentence, where, and whether it states a risk or the mood moving. */
interface MoodWord {
  mood: ClinicalMood;
  start: number;
  end: number;
  risk: boolean;
  /** A word of risk that names it without saying whose ("suicide", "suicidal"): it shows distress only where the risk screen read the patient's own current risk. */
  namesOnly?: true;
  change?: true;
}

/** Words of risk that name it without saying whose: "the coroner said suicide", "he was suicidal". */
const namingRiskWords: ReadonlySet<string> = new Set(["suicide", "suicidal"]);

/**
 * The words of a mood in a sentence's tokens, each as the longest phrase of the lexicon starting
 * there: not negated ("not angry" shows no anger), not asked, a greeting, someone else's or
 * denied (`notTheirFeeling`), nor the mood foreseen ("I'll probably feel better"); hating an act
 * reads low, not angry.
 */
function moodWordsIn(tokens: readonly ReadToken[]): MoodWord[] {
  const words: MoodWord[] = [];
  tokens.forEach((token, index) => {
    const candidates = [...(byFirstWord.get(token.lemma) ?? []), ...(token.value.toLowerCase() !== token.lemma ? (byFirstWord.get(token.value.toLowerCase()) ?? []) : [])];
    const found = candidates
      .filter(({ phrase }) => phraseStarts(tokens.slice(index, index + phrase.split(" ").length), phrase)[0] === 0)
      .sort((a, b) => b.phrase.length - a.phrase.length)[0];
    if (!found || isNegatedAt(tokens, index)) return;
    const risk = riskPhrases.has(found.phrase);
    if (!risk && notTheirFeeling(tokens, index, found.phrase.split(" ").length, found.mood)) return;
    // "I think I'll feel better by the spring", "it might get a bit better": a feeling foreseen, not the mood moving now.
    if (found.change === true && tokens.slice(Math.max(0, index - foreseeingReach), index).some((before) => foreseeingWords.has(before.lemma) || foreseeingWords.has(before.value.toLowerCase()))) return;
    // "I hate seeing her like that", "I hate being on my own": what the patient finds hard, low rather than angry.
    const mood = found.mood === "angry" && dislikesAnAct(tokens, index) ? "low" : found.mood;
    words.push({ mood, start: token.start, end: tokens[index + found.phrase.split(" ").length - 1]!.end, risk, ...(namingRiskWords.has(found.phrase) ? { namesOnly: true as const } : {}), ...(found.change ? { change: true as const } : {}) });
  });
  return words;
}

/**
 * Every word of a mood the patient said (`moodWordsIn`), every word of one the therapist said back
 * that the patient agreed with (`reflectedMoods`), and every statement of current risk the risk
 * screen found in the patient's turns (`risks`) that no word of the lexicon already shows, as
 * distress, in transcript order.
 */
function shownMoods(segments: readonly ReadSegment[], risks: readonly RiskSpan[]): Shown[] {
  const patientTurns = segments.filter((segment) => segment.role !== "therapist");
  const shown: Shown[] = [];
  patientTurns.forEach((segment, turn) => {
    const fromHere = shown.length;
    const closing = patientTurns.length >= closingFrom && turn >= patientTurns.length - closingTurns;
    for (const sentence of segment.sentences) {
      for (const found of moodWordsIn(sentence.tokens)) {
        if (found.namesOnly && !risks.some((span) => span.segmentId === segment.id && span.start < found.end && found.start < span.end)) continue;
        const weight = found.risk ? riskWeight : positiveMoods.has(found.mood) && closing ? closingWeight : 1;
        shown.push({ ...found, segment, turn, weight });
      }
    }
    const distressShown = shown.slice(fromHere).filter((item) => item.mood === "distressed");
    for (const span of risks.filter((risk) => risk.segmentId === segment.id)) {
      if (distressShown.some((item) => item.start < span.end && span.start < item.end)) continue;
      shown.push({ mood: "distressed", segment, turn, start: span.start, end: span.end, weight: 0, risk: false, screened: true });
    }
  });
  shown.push(...reflectedMoods(segments, new Map(patientTurns.map((segment, turn) => [segment, turn]))));
  return shown.sort((a, b) => a.turn - b.turn || (a.reflected ? -1 : 0) - (b.reflected ? -1 : 0) || a.start - b.start);
}

/** How a sentence said back to the patient opens, after "so", "and", "okay"…: "You're worried…", "You feel…", "It sounds like…", "That sounds really frustrating", "I can hear you're…". */
const sayingBack = /^(?:(?:so|and|okay|ok|yeah|right|mm|hmm|well)[,.]?\s+)*(?:you(?:'re|’re| are| feel| felt| seem| sound|'ve been|’ve been| have been)\b|(?:it|that|this) (?:sounds|seems|must (?:be|feel))\b|sounds (?:like|really|so|very|pretty|quite)\b|i (?:can )?hear (?:that )?you)/;

/** True when a therapist's sentence says back how things are for the patient (`sayingBack`), as a statement, not a question. */
function saysBack(segment: ReadSegment, sentence: ReadSentence): boolean {
  const text = segment.text.slice(sentence.start, sentence.end).toLowerCase().trim();
  return !text.endsWith("?") && sayingBack.test(text);
}

/**
 * Words of a mood the therapist said back to the patient that the patient agreed with: the last
 * sentence of a therapist's turn, said back (`saysBack`: "That sounds really frustrating.", "You're
 * worried what they think."; not information, "It calms the swelling"), right before a patient's turn whose first sentence agrees (core's
 * `agreesFeeling`: "It is.", "Yeah."). Each word of the lexicon in it, read as the patient's own
 * are (not negated, not someone else's, never a statement of risk: the patient's own words or the
 * risk screen must show that), weighs as a word of the patient's turn that agreed.
 */
function reflectedMoods(segments: readonly ReadSegment[], turnOf: ReadonlyMap<ReadSegment, number>): Shown[] {
  const shown: Shown[] = [];
  segments.forEach((segment, index) => {
    const before = segments[index - 1];
    const turn = turnOf.get(segment);
    const first = segment.sentences[0];
    const said = before?.sentences.at(-1);
    if (turn === undefined || before?.role !== "therapist" || first === undefined || said === undefined || !saysBack(before, said)) return;
    if (!agreesFeeling(first.tokens.filter(isWord))) return;
    for (const found of moodWordsIn(said.tokens)) {
      if (found.risk || found.change === true) continue;
      shown.push({ mood: found.mood, segment, turn, start: found.start, end: found.end, weight: 1, risk: false, reflected: { said: before, agreedStart: first.start, agreedEnd: first.end } });
    }
  });
  return shown;
}

/** The moods read, the stronger first: the heaviest, and a second when it weighs at least `secondShare` of it; distress always first when shown. */
function readMoods(shown: readonly Shown[]): ClinicalMood[] {
  const weights = new Map<ClinicalMood, number>();
  for (const item of shown) weights.set(item.mood, (weights.get(item.mood) ?? 0) + item.weight);
  const ranked = [...weights.entries()].sort((a, b) => b[1] - a[1] || clinicalMoods.indexOf(a[0]) - clinicalMoods.indexOf(b[0]));
  if (shown.some((item) => item.risk)) {
    const rest = ranked.filter(([mood]) => mood !== "distressed" && !positiveMoods.has(mood));
    return ["distressed", ...rest.slice(0, 1).map(([mood]) => mood)];
  }
  // A current risk the screen found: a session that states one never reads positive, nor mixed with hope ("low and hopeful" for a caller in crisis).
  const screened = shown.some((item) => item.screened);
  // A mood raised past the ordinary colours the pleasant words beside it: "invincible" and "happy" read elevated, not hopeful.
  const elevated = ranked.some(([mood]) => mood === "elevated");
  const [first, second] = screened || elevated ? ranked.filter(([mood]) => !positiveMoods.has(mood)) : ranked;
  if (!first) return screened ? ["distressed"] : [];
  const moods = second && second[1] >= first[1] * secondShare ? [first[0], second[0]] : [first[0]];
  if (screened && !moods.some((mood) => negativeMoods.has(mood))) return [moods[0]!, "distressed"];
  return moods;
}

/** The session mood's value for the moods read: distress very negative; negative with positive mixed; never positive when a negative mood shows. */
function valueOf(moods: readonly ClinicalMood[]): SessionMood {
  const [first] = moods;
  if (first === undefined) return "neutral";
  if (first === "distressed") return "very_negative";
  // Elevated is no good mood: neither side, for the clinician to weigh.
  if (moods.includes("elevated")) return moods.some((mood) => negativeMoods.has(mood)) ? "mixed" : "neutral";
  const negative = moods.some((mood) => negativeMoods.has(mood));
  const positive = moods.some((mood) => positiveMoods.has(mood));
  if (first === "ambivalent" || (negative && positive)) return "mixed";
  if (negative) return "negative";
  return moods.includes("hopeful") ? "positive" : "neutral";
}

/** Whether words of feeling state a current risk (in the lexicon's words or found by the risk screen). */
const statesRisk = (items: readonly Shown[]) => items.some((item) => item.risk || item.screened === true);

/**
 * The balance of words of feeling (a window's, a turn's): the weight of the pleasant moods less
 * the unpleasant over all their weight, from 1 to -1; -1 where a current risk is stated; 0 with
 * no words of feeling. The mood chart and the trajectory both read it, so they agree.
 */
function balanceOf(items: readonly Shown[]): number {
  if (statesRisk(items)) return -1;
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  if (total === 0) return 0;
  const lean = items.reduce((sum, item) => sum + (positiveMoods.has(item.mood) ? item.weight : negativeMoods.has(item.mood) ? -item.weight : 0), 0);
  return lean / total;
}

/** The mood chart's windows: at least a minute each, at most `mostWindows` over the session. */
const windowFloorMs = 60_000;
const mostWindows = 12;

/**
 * The reading behind the mood line, per time window of the patient's speech: the same weighed
 * words (`shownMoods`), each window's balance (pleasant less unpleasant weight over all its
 * weight, -1 where a current risk is stated) and its moods, the heaviest first. Windows where the
 * patient said nothing are left out; one where they spoke without words of feeling has balance 0
 * and no mood. The console's mood chart plots these, so it reads as the mood line does.
 */
export function moodWindows(segments: readonly ReadSegment[], shown: readonly Shown[]): MoodWindow[] {
  const patient = segments.filter((segment) => segment.role !== "therapist" && segment.sentences.length > 0);
  if (patient.length === 0) return [];
  const first = Math.min(...segments.map((segment) => segment.startMs));
  const last = Math.max(...segments.map((segment) => segment.startMs));
  const windowMs = Math.max(windowFloorMs, Math.ceil((last - first + 1) / mostWindows / windowFloorMs) * windowFloorMs);
  const indexOf = (segment: ReadSegment) => Math.floor((segment.startMs - first) / windowMs);
  const windows = new Map<number, MoodWindow & { weights: Map<ClinicalMood, number> }>();
  for (const segment of patient) {
    const index = indexOf(segment);
    if (!windows.has(index)) {
      windows.set(index, { startMs: first + index * windowMs, endMs: first + (index + 1) * windowMs, balance: 0, moods: [], weights: new Map() });
    }
  }
  const items = new Map<number, Shown[]>();
  for (const item of shown) {
    const window = windows.get(indexOf(item.segment))!;
    if (item.change !== true) window.weights.set(item.mood, (window.weights.get(item.mood) ?? 0) + item.weight);
    items.set(indexOf(item.segment), [...(items.get(indexOf(item.segment)) ?? []), item]);
  }
  return [...windows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, window]) => {
      const moods = [...window.weights.entries()].sort((a, b) => b[1] - a[1] || clinicalMoods.indexOf(a[0]) - clinicalMoods.indexOf(b[0])).map(([mood]) => mood);
      const risk = statesRisk(items.get(index) ?? []);
      return {
        startMs: window.startMs,
        endMs: window.endMs,
        balance: Math.round(balanceOf(items.get(index) ?? []) * 100) / 100,
        moods: risk ? ["distressed", ...moods.filter((mood) => mood !== "distressed")] : moods,
      };
    });
}

/** The fewest words of a screened statement quoted as the mood's evidence when other words show the mood too. */
const tellingWords = 4;

const listing = (parts: readonly string[]) => (parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`);

/**
 * The patient's mood in a clinician's words (`clinicalMoods`), each with the words that show it:
 * the patient's words of each mood (`moodLexicon`, not negated), weighed — distress double,
 * feeling better in the last turns half, a statement of current risk double — read as one mood, or
 * two (mixed) when the second weighs at least half the first. A session in which the patient
 * states a current risk reads distressed first, and no session with distress shown reads positive. The line quotes up to `wordsShown` words of each mood and
 * cites them. The same reading per time window (`moodWindows`) goes with it, for the mood chart.
 * Without any word of feeling nothing is read — not "calm": the mood is not assessed, saying so.
 * @returns the mood, or not assessed when the patient said nothing or no word of feeling.
 */
function moodOf(segments: readonly ReadSegment[], shown: readonly Shown[]): NoteField<MoodDraft> {
  const patient = segments.filter((segment) => segment.role !== "therapist" && segment.sentences.length > 0);
  if (patient.length === 0) return notAssessed("The patient said nothing this writer could read.");
  // Words of the mood moving name no mood: they count in the windows' balance only.
  const feeling = shown.filter((item) => item.change !== true);
  const moods = readMoods(feeling);
  const windows = moodWindows(segments, shown);
  // Finding no word of feeling is not finding calm: the mood is left to the clinician.
  if (moods.length === 0) return notAssessed("No words of feeling this writer recognises in the patient's turns: the mood is left to your reading of the session.");
  const evidence: MoodDraft["evidence"] = [];
  const parts = moods.map((mood) => {
    const all = feeling.filter((item) => item.mood === mood);
    // A screened answer too short to show anything on its own ("I think so.", a yes to a question that named the risk) is quoted only when nothing else shows the mood.
    const telling = all.filter((item) => !(item.screened === true && wordsOf(item).split(/\s+/).length < tellingWords));
    // The patient's own words first; a word said back and agreed with only after them.
    const words = (telling.length > 0 ? telling : all).sort((a, b) => Number(a.reflected !== undefined) - Number(b.reflected !== undefined));
    const quoted = [...new Map(words.map((item) => [wordsOf(item).toLowerCase(), item])).values()].slice(0, wordsShown);
    for (const item of quoted) {
      evidence.push({ segmentId: saidIn(item).id, start: item.start, end: item.end });
      if (item.reflected) evidence.push({ segmentId: item.segment.id, start: item.reflected.agreedStart, end: item.reflected.agreedEnd });
    }
    const own = quoted.filter((item) => !item.reflected).map((item) => `“${wordsOf(item)}”`);
    const reflected = quoted.filter((item) => item.reflected).map((item) => `“${wordsOf(item)}”`);
    return `${mood} (${[...(own.length > 0 ? [own.join(", ")] : []), ...(reflected.length > 0 ? [`agreed when the therapist said ${reflected.join(", ")}`] : [])].join("; ")})`;
  });
  return { value: valueOf(moods), text: `${moods.length > 1 ? "Mixed: presented as" : "Presented as"} ${listing(parts)}.`, evidence, windows };
}

/**
 * How the mood moved, from the same words and the same balance as the mood chart (`balanceOf`):
 * the session split in two halves of its time; each half's mean balance over the patient's turns
 * with words of feeling, the second against the first. A change of `trajectoryChange` or more is
 * improving or declining, otherwise stable. It cites the weightiest words of each half. Words of
 * feeling in one half only tell nothing of how the mood moved ("lower in the second half" of two
 * early turns would be false): not assessed, saying so.
 * @returns the trajectory, or not assessed with fewer than two turns with words of feeling or with words of feeling in one half only.
 */
function trajectoryOf(segments: readonly ReadSegment[], shown: readonly Shown[]): NoteField<TrajectoryDraft> {
  const turns = [...new Set(shown.map((item) => item.turn))];
  if (turns.length < 2) return notAssessed("Too few turns with words of feeling to tell how the mood moved.");
  const middleMs = (Math.min(...segments.map((segment) => segment.startMs)) + Math.max(...segments.map((segment) => segment.startMs))) / 2;
  const halves = [shown.filter((item) => item.segment.startMs < middleMs), shown.filter((item) => item.segment.startMs >= middleMs)] as const;
  if (halves.some((half) => half.length === 0)) {
    return notAssessed(`Words of feeling only in the ${halves[0].length === 0 ? "second" : "first"} half of the session: how the mood moved is left to your reading.`);
  }
  const meanBalance = (half: readonly Shown[]) => {
    const byTurn = [...new Set(half.map((item) => item.turn))].map((turn) => balanceOf(half.filter((item) => item.turn === turn)));
    return byTurn.reduce((sum, balance) => sum + balance, 0) / byTurn.length;
  };
  const change = meanBalance(halves[1]) - meanBalance(halves[0]);
  const value: MoodTrajectory = change >= trajectoryChange ? "improving" : change <= -trajectoryChange ? "declining" : "stable";
  const words: Record<MoodTrajectory, string> = {
    improving: "Brighter in the second half of the session than in the first.",
    declining: "Lower in the second half of the session than in the first.",
    stable: "Much the same through the session.",
    fluctuating: "Up and down through the session.",
  };
  // The weightiest words of each half (a statement of current risk first); for brighter, the first half's weightiest unpleasant and the second's pleasant ones (lower, the reverse).
  const weightiest = (items: readonly Shown[]) => [...items].sort((a, b) => Number(statesRisk([b])) - Number(statesRisk([a])) || b.weight - a.weight)[0];
  const leaning = (half: readonly Shown[], sign: number) => weightiest(half.filter((item) => Math.sign(balanceOf([item])) === sign)) ?? weightiest(half)!;
  const shownBy =
    value === "improving" ? [leaning(halves[0], -1), leaning(halves[1], 1)] : value === "declining" ? [leaning(halves[0], 1), leaning(halves[1], -1)] : halves.map((half) => weightiest(half)!);
  return {
    value,
    text: words[value],
    evidence: shownBy.map((item) => ({ segmentId: saidIn(item).id, start: item.start, end: item.end })),
  };
}

/** The mood (`moodOf`) and how it moved (`trajectoryOf`), from one reading of the patient's words (`shownMoods`). */
export function clinicalMoodReading(segments: readonly ReadSegment[], risks: readonly RiskSpan[]): { mood: NoteField<MoodDraft>; trajectory: NoteField<TrajectoryDraft> } {
  const shown = shownMoods(segments, risks);
  return { mood: moodOf(segments, shown), trajectory: trajectoryOf(segments, shown) };
}
