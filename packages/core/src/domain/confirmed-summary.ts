/**
 * A plan agreed by confirming the therapist's summary of it: the therapist states the patient's
 * decided act in the second person ("So you're going to call your GP this week", "Your plan is to
 * keep to weekends only") and the patient's next turn opens with a plain yes ("Yeah, that's
 * right."). Motivational interviewing closes on such a summary of the change plan; the patient's
 * yes commits to it as "I'll call my GP" would. This is the rule's data and its reading; core's
 * plan check and the embedded writer read a summary and a confirmation so.
 */

import { is, type MatchedWord, pastWords } from "./word-match.ts";

/** Words that may lead a summary before "you" or "your plan": "So you're going to…", "Okay, so you'll…", "It sounds like you've decided to…". */
export const summaryLeads: ReadonlySet<string> = new Set(["so", "okay", "ok", "alright", "right", "and", "then", "great", "good", "now", "it", "sound", "sounds", "like", "just"]);
/** Leads that make "you will" / "you're going to" a summary of what was decided, not a prediction ("You will come through this"): "so", "it sounds like". */
export const summaryAnchors: ReadonlySet<string> = new Set(["so", "like"]);
/** Verbs after "you" (and "have" or "be") that state a decision taken, summary or not: "you've decided to", "you're planning to", "you plan to". */
export const decidingVerbs: ReadonlySet<string> = new Set(["decide", "decided", "plan", "planned", "planning"]);
/** "have" after "you", as a reader may give it: "you've", "you have" ("ve" is how a plain reader reads "'ve"). */
const perfectForms: ReadonlySet<string> = new Set(["have", "ve", "'ve", "’ve"]);
/** "be" after "you", as a reader may give it: "you're", "you are". */
const beForms: ReadonlySet<string> = new Set(["be", "are", "re", "'re", "’re"]);
/** "is" as a reader may give it: "your plan is", "the plan's". */
const copulas: ReadonlySet<string> = new Set(["be", "is", "s", "'s", "’s"]);
/** "going" as a reader may give it, by lemma or as said. */
const goingForms: ReadonlySet<string> = new Set(["go", "going"]);
/** Forms that tell the past right after "you": "you were planning to", "you had decided to", "you'd decided to". */
export const pastForms: ReadonlySet<string> = new Set(["was", "were", "had", "'d", "’d", "d"]);
/** Deciding verbs in the past, which tell a decision now only after "have": "you decided to…" and "you planned to…" tell the past, "you've decided to…" holds. */
export const pastDecisions: ReadonlySet<string> = new Set(["decided", "planned"]);
/** Words of the future after "you" in an anchored summary: "so you'll", "so you will", "so you're gonna". */
export const futureMarkers: ReadonlySet<string> = new Set(["will", "ll", "'ll", "’ll", "shall", "gonna"]);
/** Words that may stand between the marker and the act: "so you're just going to call", "your plan is to first book". */
export const actFillers: ReadonlySet<string> = new Set(["just", "really", "actually", "definitely", "also", "then", "first", "now", "finally"]);
/**
 * Verbs that, as the summary's act, name no act of the patient's: a state, a feeling, a need, a
 * wish or what will happen to them ("So you'll feel better", "so you're going to be fine", "so
 * you'll find someone", "so you'll need help"), or a truth of every time ("so when things go wrong
 * you will always have someone near").
 */
export const summaryNonActs: ReadonlySet<string> = new Set([
  "be", "feel", "have", "need", "want", "know", "get", "find", "lose", "fail", "succeed", "miss", "forget", "love", "like", "hate", "understand",
  "realize", "realise", "come", "make", "manage", "cope", "survive", "recover", "regret", "wonder", "worry", "struggle", "suffer", "die", "end",
  "think", "hope", "wish", "notice", "not", "n't", "never", "always", "usually", "often", "sometimes", "ever",
]);
/** Verbs that, before a word in "-ing", go on with a habit rather than start an act: "so you're going to keep smoking" is sustain talk. */
export const continuingVerbs: ReadonlySet<string> = new Set(["keep", "continue", "carry"]);

/** Words that make "have" keeping days free of a habit, within `keptFreeReach` words after it: "you'll have two dry days", "…Monday and Tuesday as alcohol-free days", "…a night off". */
export const keptFree: ReadonlySet<string> = new Set(["dry", "free", "alcohol-free", "drink-free", "smoke-free", "off"]);
/** How many words after "have" a word of `keptFree` may come: "have Monday and Tuesday as alcohol - free" (seven). */
const keptFreeReach = 7;

/** Where the summary's act is, from `at`: past `actFillers`, a verb that is an act (not `summaryNonActs` — "have" is one when it keeps days free, `keptFree` — not a habit kept up); -1 when none. */
function actAt(words: readonly MatchedWord[], from: number): number {
  const at = pastWords(words, from, actFillers);
  const verb = words[at];
  const keepsFree = is(verb, "have") && words.slice(at + 1, at + 1 + keptFreeReach).some((word) => is(word, keptFree));
  if (verb === undefined || (is(verb, summaryNonActs) && !keepsFree)) return -1;
  if (is(verb, continuingVerbs) && /ing$/i.test(words[at + 1]?.value ?? "")) return -1;
  return at;
}

/** "you" and its auxiliary said as one word, as a reader may give them: "you're", "you've", "you'll". */
const youContracted: Readonly<Record<string, string>> = { "you're": "be", "you’re": "be", youre: "be", "you've": "have", "you’ve": "have", "you'll": "will", "you’ll": "will" };

/** The words with "you" and its auxiliary apart where a reader gave them as one ("you're" → "you", "be"). */
const withYouApart = (words: readonly MatchedWord[]): MatchedWord[] =>
  words.flatMap((word) => {
    const auxiliary = youContracted[word.value.toLowerCase()];
    return auxiliary === undefined ? [word] : [{ lemma: "you", value: "you" }, { lemma: auxiliary, value: auxiliary }];
  });

/**
 * True when a therapist's sentence, as its opening, states the patient's decided act in the second
 * person (`planSummaryAt`).
 */
export function isPlanSummary(words: readonly MatchedWord[], announced = false): boolean {
  const apart = withYouApart(words);
  return [0, ...runOnSummaryStarts(apart)].some((from) => planSummaryAt(apart.slice(from), announced) !== -1);
}

/**
 * Where a summary may start that speech recognition ran on from the words before it, in one
 * sentence: "that's something to talk about with them too so just to go over it you'll ring
 * Steve…" — at each "so" followed by leads (`summaryLeads`) and an announcement of the summary
 * (`announcementAt`).
 */
function runOnSummaryStarts(words: readonly MatchedWord[]): number[] {
  return words.flatMap((word, at) => (is(word, "so") && announcementAt(words, pastWords(words, at + 1, summaryLeads)) > 0 ? [at] : []));
}

/** Words by which a therapist announces a summary: "Let me summarise.", "To sum up,", "So, to recap…", "In summary". */
export const summaryWords: ReadonlySet<string> = new Set(["summarise", "summarize", "summarising", "summarizing", "summary", "recap", "recapping"]);

/** Verbs by which a therapist checks their understanding: "Let me check I've got it", "let me make sure I've understood", "let me see if I heard you right". */
export const checkingVerbs: ReadonlySet<string> = new Set(["check", "make", "see"]);
/** Verbs of having understood, after a verb of checking: "…I've got it", "…I understood", "…I heard you right". */
export const understandingVerbs: ReadonlySet<string> = new Set(["get", "got", "understand", "understood", "hear", "heard"]);
/** How many words after "let me" the verb of checking may come, and after it the verb of understanding: "let me just check", "make sure I've got". */
const checkingReach = 4;

/**
 * True when a sentence announces a summary (`summaryWords`, or "sum up"), or checks the therapist
 * has understood ("Let me check I've got it.": "let me", a verb of `checkingVerbs`, then one of
 * `understandingVerbs`), or says only that it goes back over what was said ("So, just to go
 * over.", `goingOver`): the therapist's sentences after it in the turn summarise, as after "so".
 */
export function announcesSummary(words: readonly MatchedWord[]): boolean {
  return words.some((word, index) => is(word, summaryWords) || (is(word, "sum") && is(words[index + 1], "up")) || checksUnderstanding(words, index)) || goesOverAlone(words);
}

/** True when the sentence, after leads, only says it goes back over what was said: "So, just to go over.", "Let's just run through it." is not one. */
function goesOverAlone(words: readonly MatchedWord[]): boolean {
  const at = pastWords(words, 0, summaryLeads);
  return is(words[at], "to") && at + goingOverLength(words, at + 1) === words.length;
}

/** True when "let me" at `index` goes on to check the therapist's understanding (`announcesSummary`). */
function checksUnderstanding(words: readonly MatchedWord[], index: number): boolean {
  return checkingLength(words, index) > 0;
}

/** Words that may close a check of understanding: "…I've got it", "…I heard you right", "…I've understood all of that". */
export const checkedThings: ReadonlySet<string> = new Set(["it", "that", "this", "right", "correctly", "straight", "all", "of", "everything"]);
/** Words after "you" that close a check of understanding with it: "…I heard you right" — not "…I've got it you're going to", where "you" opens the summary. */
export const heardRightly: ReadonlySet<string> = new Set(["right", "correctly", "straight"]);

/**
 * How many words at `index` check the therapist's understanding ("let me check I've got it":
 * "let me", a verb of `checkingVerbs`, one of `understandingVerbs`, then words of
 * `checkedThings`, or "you" and a word of `heardRightly`); 0 when they do not. Speech recognition may run the check into the summary
 * ("let me check i've got it you're going to…"): the summary starts after it.
 */
function checkingLength(words: readonly MatchedWord[], index: number): number {
  if (!is(words[index], "let") || !is(words[index + 1], "me")) return 0;
  const checking = words.slice(index + 2, index + 2 + checkingReach).findIndex((word) => is(word, checkingVerbs));
  if (checking === -1) return 0;
  const from = index + 2 + checking + 1;
  const understood = words.slice(from, from + checkingReach).findIndex((word) => is(word, understandingVerbs));
  if (understood === -1) return 0;
  let end = from + understood + 1;
  for (;;) {
    if (is(words[end], checkedThings)) end += 1;
    else if (is(words[end], "you") && is(words[end + 1], heardRightly)) end += 2;
    else return end - index;
  }
}

/**
 * How many words at `at` announce the summary within its own sentence ("So to sum up, you're
 * going to…", "In summary, you'll…", "To recap, your plan is…", "So, just to go over: you'll…"): "to"
 * or "in" and a summary word (`summaryWords`), or "to sum up", or "to" and a way of going back over
 * it (`goingOver`), or a check of understanding (`checkingLength`: "let me check
 * i've got it you're going to…"); 0 when none.
 */
function announcementAt(words: readonly MatchedWord[], at: number): number {
  const checking = checkingLength(words, at);
  if (checking > 0) return checking;
  if (!is(words[at], "to") && !is(words[at], "in")) return 0;
  if (is(words[at + 1], summaryWords)) return 2;
  if (is(words[at], "to") && is(words[at + 1], "sum") && is(words[at + 2], "up")) return 3;
  return is(words[at], "to") ? goingOverLength(words, at + 1) : 0;
}

/** Ways of going back over what was said (`goingOverLength`): "go over", "run through", "go back over". */
export const goingOver: readonly (readonly string[])[] = [
  ["go", "over"],
  ["run", "through"],
  ["run", "over"],
  ["go", "back", "over"],
];

/** How many words at `at` go back over what was said ("go over" in "So, just to go over: you'll…"), one more than `goingOver` holds for the "to" before them; 0 when none. */
function goingOverLength(words: readonly MatchedWord[], at: number): number {
  const way = goingOver.find((phrase) => phrase.every((part, offset) => is(words[at + offset], part)));
  return way === undefined ? 0 : way.length + 1;
}

/**
 * Where, from `at`, "you will / you'll / you're going to <act>" names an act, or failing that, the
 * same after a later "and" of the sentence ("…you'll have three dry nights, and you'll keep a
 * drinks diary": "have" names no act, "keep" does) — or, `anywhere`, after any later "you" (past a
 * condition: "when you notice the signs you'll go for a walk", where "you notice" is the
 * condition's); -1 when none.
 */
function statedActAfter(words: readonly MatchedWord[], from: number, anywhere = false): number {
  for (let at = from; at < words.length; at += 1) {
    if (!anywhere && at !== from && !is(words[at - 1], "and")) continue;
    if (!is(words[at], "you")) continue;
    let next = at + 1;
    if (is(words[next], beForms) && is(words[next + 1], goingForms) && is(words[next + 2], "to")) next += 3;
    else if (is(words[next], futureMarkers)) next += 1;
    else continue;
    const act = actAt(words, next);
    if (act !== -1) return act;
  }
  return -1;
}

/** Words that open a condition before the summary's act: "when you notice the signs, you'll…", "if that doesn't help, you'll…". */
export const conditionLeads: ReadonlySet<string> = new Set(["when", "whenever", "if", "once", "after", "before"]);

/** Words that open when the act is, or which of the items it is, before "you" in an anchored summary: "so on Monday you'll…", "so tomorrow you'll…", "so, one, …". */
export const whenLeads: ReadonlySet<string> = new Set(["on", "tomorrow", "tonight", "this", "next", "first", "one", "in", "at", "by", "from"]);
/** How many words after a word of `whenLeads` the summary's "you" may come: "so, one, on Monday in your one-to-one you'll ask". */
const whenReach = 10;

/**
 * Where a therapist's sentence, as its opening, states the patient's decided act in the second
 * person, or -1 ("you" and its auxiliary as two words): after leads (`summaryLeads`, and an
 * announcement of the summary, `announcementAt`, which anchors it as "so" does), "your plan is to <act>" / "the plan is (for you)
 * to <act>" / "the plan is that you'll <act>" (`statedActAfter`), "you('ve) decided to <act>", "you're planning to <act>" — or, after "so" or "it
 * sounds like" (`summaryAnchors`) or in a turn whose earlier sentence announced a summary
 * (`announced`: "Let me summarise."), "you will / you'll / you're going to / you're gonna <act>",
 * also after a condition (`conditionLeads`, `statedActAfter` anywhere: "so when you notice the signs,
 * you'll go for a walk") or a time or an item's number said first (`whenLeads`, within `whenReach`
 * words: "so on Monday you'll ask your manager") (a
 * prediction without them, "You will feel better in time", states no plan). The act is a verb of
 * doing (`actAt`): "So you'll feel better", "so you're going to be fine" and "so you're not going
 * to call" state none.
 * @returns the index of the act's verb, or -1.
 */
export function planSummaryAt(words: readonly MatchedWord[], announced = false): number {
  let at = 0;
  let anchored = announced;
  for (;;) {
    const announcing = announcementAt(words, at);
    if (announcing > 0) {
      anchored = true;
      at += announcing;
      continue;
    }
    if (!is(words[at], summaryLeads)) break;
    if (is(words[at], summaryAnchors)) anchored = true;
    at += 1;
  }
  if (is(words[at], "your") || is(words[at], "the")) {
    if (!is(words[at + 1], "plan") || !is(words[at + 2], copulas)) return -1;
    at += 3;
    if (is(words[at], "for") && is(words[at + 1], "you")) at += 2;
    if (is(words[at], "to")) return actAt(words, at + 1);
    // "The plan is that you'll have three dry nights and you'll keep a diary": the acts said of "you", the first that is one.
    return is(words[at], "that") ? statedActAfter(words, at + 1) : -1;
  }
  // "So to sum up: when you notice the signs, you'll go for a walk": the act after the condition.
  if (anchored && is(words[at], conditionLeads)) return statedActAfter(words, at + 1, true);
  // "So on Monday you'll ask your manager…", "So, one, tomorrow you'll ring her": when, or which item, said first.
  if (anchored && is(words[at], whenLeads)) {
    const you = words.slice(at + 1, at + 1 + whenReach).findIndex((word) => is(word, "you"));
    return you === -1 ? -1 : statedActAfter(words, at + 1 + you);
  }
  if (!is(words[at], "you")) return -1;
  at += 1;
  // "So you were planning to visit in spring": a plan that was, not one decided now.
  if (is(words[at], pastForms)) return -1;
  const perfect = is(words[at], perfectForms);
  if (perfect || is(words[at], beForms)) at += 1;
  const decided = is(words[at], decidingVerbs) && (perfect || !is(words[at], pastDecisions));
  if (decided && is(words[at + 1], "to")) return actAt(words, at + 2);
  if (!anchored) return -1;
  if (is(words[at], futureMarkers)) return actAt(words, at + 1);
  if (is(words[at], goingForms) && is(words[at + 1], "to")) return actAt(words, at + 2);
  return -1;
}

/** Words a plain confirmation is made of: "Yes.", "Yeah, that's right.", "Right, I will.", "Mm-hmm, exactly.", "Yes, that's the plan.", "Yes, that sounds right." */
export const confirmingWords: ReadonlySet<string> = new Set(["sound", "sounds", "good", "yes", "yeah", "yep", "yup", "yea", "ya", "right", "exactly", "correct", "definitely", "absolutely", "sure", "certainly", "indeed", "mhm", "mm", "hmm", "hm", "uh", "huh", "that", "be", "is", "s", "'s", "’s", "it", "i", "will", "ll", "'ll", "’ll", "do", "so", "the", "my", "plan", "that's", "that’s", "i'll", "i’ll", "mm-hmm", "mm-hm", "uh-huh"]);
/** The words of those that say yes: one must be said ("That's it." alone is no yes). */
export const yesWords: ReadonlySet<string> = new Set(["yes", "yeah", "yep", "yup", "yea", "ya", "right", "exactly", "correct", "definitely", "absolutely", "sure", "certainly", "indeed", "mhm", "will", "ll", "'ll", "’ll", "i'll", "i’ll", "mm-hmm", "mm-hm", "uh-huh"]);
/** The most words a plain confirmation holds: "Yes, yes, that's right, I will." is one, a longer turn says more than yes. */
export const confirmationLength = 6;
/** Spoken yeses a reader splits in two words: "mm-hmm", "uh-huh" ("hmm" or "uh" alone only hesitates). */
export const spokenYeses: readonly (readonly [string, string])[] = [
  ["mm", "hmm"],
  ["mm", "hm"],
  ["uh", "huh"],
];

/**
 * True when a patient's sentence is a plain confirmation and nothing else: every word one of
 * `confirmingWords`, a yes among them (`yesWords`, or a spoken yes of `spokenYeses`), at most
 * `confirmationLength` words. "Yeah, that's right." and "Mm-hmm." confirm; "Okay." (which may only acknowledge),
 * "Yeah, but…" and "I guess so" do not.
 */
export function confirmsPlainly(words: readonly MatchedWord[]): boolean {
  if (words.length > confirmationLength || !words.every((word) => is(word, confirmingWords))) return false;
  return words.some((word, index) => is(word, yesWords) || spokenYeses.some(([first, second]) => is(word, first) && is(words[index + 1], second)));
}
