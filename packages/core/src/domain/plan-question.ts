/**
 * A question asking what the patient has decided to do — "What will you do about it?", "What's
 * your plan?", "What's the next step?", "What have you decided?" — is often answered with the act
 * alone, its subject and its "will" left out because the question said them: "Ring the GP on
 * Monday." Such an answer says "I will ring the GP on Monday": core's plan check reads where its
 * act opens (`actAloneAt`), and the embedded writer reads it with the two words put back
 * (`answerAsIntent`) as any commitment. A question of what
 * the patient could, might or would do asks for ideas, not a decision, and is not read so; one that
 * sets a condition ("What will you do if the urge comes back?", `decisionAsked`) asks for a step kept
 * for a time that may not come, which the writer lists to confirm. This is the rule's data and its reading.
 */
import { harmingActs } from "./arranged-offer.ts";
import { hedgeAdverbs } from "./hedge-words.ts";
import { is, type MatchedWord, pastWords } from "./word-match.ts";

/** Words a question may open with before "what": "So what's the plan?", "Okay, and what will you do?". */
export const questionLeads: ReadonlySet<string> = new Set(["so", "and", "okay", "ok", "right", "well", "then", "now"]);

/** "What" with its verb in one word, as a reader that keeps the word whole gives it ("what's", "what'll"), and the verb it holds. */
export const whatWith: ReadonlyMap<string, string> = new Map([
  ["what's", "be"],
  ["what’s", "be"],
  ["whats", "be"],
  ["what're", "be"],
  ["what’re", "be"],
  ["what'll", "will"],
  ["what’ll", "will"],
]);

/**
 * What a question asks after "what", word by word, for the patient's decided act: "be" is any form
 * of it (`beForms`: "is", "are", "'s"), "will" any of `willForms` ("'ll"), "go", "do" and "decide"
 * their forms as said (`goForms`, `doForms`, `decideForms`).
 * "What will you do?", "What are you going to do about it?", "What do you think you'll do?",
 * "What have you decided?", "What's your plan?", "What's the next step?", "What will your first step be?".
 */
export const decidedActAsks: readonly (readonly string[])[] = [
  ["will", "you", "do"],
  ["you", "will", "do"],
  ["you'll", "do"],
  ["you’ll", "do"],
  ["be", "you", "go", "to", "do"],
  ["be", "you", "gonna", "do"],
  ["do", "you", "plan", "to", "do"],
  ["have", "you", "decide"],
  ["do", "you", "decide"],
  ["be", "your", "plan"],
  ["be", "the", "plan"],
  ["be", "your", "next", "step"],
  ["be", "the", "next", "step"],
  ["will", "your", "first", "step", "be"],
];

/**
 * What a question asks after "what", word by word, for ideas the patient could act on, not a
 * decision: "What could you do?", "What might you try instead?", "What can you do about it?". Its
 * answer is an option named, never the plan: the writer lists it to confirm.
 */
export const optionAsks: readonly (readonly string[])[] = [
  ["could", "you", "do"],
  ["could", "you", "try"],
  ["might", "you", "do"],
  ["might", "you", "try"],
  ["can", "you", "do"],
  ["can", "you", "try"],
];

/** Forms of "be" as readers give them: its lemma, or the word said ("is", "are", "'s", "'re"). */
export const beForms: ReadonlySet<string> = new Set(["be", "is", "are", "'s", "’s", "s", "'re", "’re", "re"]);
/** Forms of "will" as readers give them: "will", "'ll". */
export const willForms: ReadonlySet<string> = new Set(["will", "'ll", "’ll", "ll"]);
/** Forms of "go", "do" and "decide" as readers give them: a plain reader may keep "going", "did", "decided". */
export const goForms: ReadonlySet<string> = new Set(["go", "going"]);
export const doForms: ReadonlySet<string> = new Set(["do", "did"]);
export const decideForms: ReadonlySet<string> = new Set(["decide", "decided"]);
/** Words that set a condition in a question: "What will you do if the urge comes back?", "…when she calls?". */
export const conditionWords: ReadonlySet<string> = new Set(["if", "when", "whenever", "unless"]);

/** The forms each part of `decidedActAsks` stands for, beyond itself. */
const partForms: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["be", beForms],
  ["will", willForms],
  ["go", goForms],
  ["do", doForms],
  ["decide", decideForms],
]);
/** A part of `decidedActAsks` matched by a word: "plan" only as one plan ("What are your plans for the weekend?" asks what the patient will do for its own sake). */
const partMatches = (word: MatchedWord | undefined, part: string) => is(word, partForms.get(part) ?? part) && !(part === "plan" && word!.value.toLowerCase().endsWith("s"));

/** True when `sequences` holds a run of words opening at some word of `words`, each matched as `partMatches` reads a part. */
const holdsAsk = (words: readonly MatchedWord[], sequences: readonly (readonly string[])[]) =>
  words.some((_, at) => sequences.some((sequence) => sequence.every((part, offset) => partMatches(words[at + offset], part))));

/**
 * What a therapist's sentence asks of what the patient will do: after leads (`questionLeads`), it
 * opens with "what" and holds one of `decidedActAsks` after it — `decided` when it sets no condition
 * ("What's your plan?"), `step-if` when it does (`conditionWords`: "What will you do if the urge comes
 * back?": a step kept for a time that may not come, a safety plan's step, to confirm, never a plan
 * line); or one of `optionAsks` — `option` ("What could you do?": ideas asked for, to confirm, never
 * a plan line; "What could you have done?" holds none: it asks what is past); else null.
 * "What would you like to do?" and "What did you do?" ask none. The embedded writer reads every
 * answer; core's plan check only a `decided` one.
 */
export function decisionAsked(words: readonly MatchedWord[]): "decided" | "step-if" | "option" | null {
  const from = pastWords(words, 0, questionLeads);
  const opening = words[from];
  if (opening === undefined) return null;
  // "What's your plan?" read as one word: "what" and "is".
  const held = whatWith.get(opening.value.toLowerCase());
  const afterWhat = held !== undefined ? [{ lemma: held, value: held }, ...words.slice(from + 1)] : is(opening, "what") ? words.slice(from + 1) : null;
  if (afterWhat === null) return null;
  if (holdsAsk(afterWhat, decidedActAsks)) return words.some((word) => is(word, conditionWords)) ? "step-if" : "decided";
  return holdsAsk(afterWhat, optionAsks) ? "option" : null;
}

/** True when a therapist's sentence asks what the patient has decided to do, with no condition set (`decisionAsked`). */
export const asksForDecidedAct = (words: readonly MatchedWord[]): boolean => decisionAsked(words) === "decided";

/** A word of an answer as `answerAsIntent` reads it: its lemma and value, its part of speech, where it starts in the text. */
export type AnswerWord = MatchedWord & { partOfSpeech: string; start: number };

/** Words an answer may open with before its act: a yes or an okay, a filler, "just" ("Yeah, ring the GP.", "Well, just ring the GP."). */
export const answerLeads: ReadonlySet<string> = new Set(["okay", "ok", "yes", "yeah", "yea", "sure", "alright", "well", "um", "uh", "erm", "er", "so", "hmm", "just"]);
/** Parts of speech that never open an act said alone: a pronoun ("My wife."), a determiner, an auxiliary ("Don't know."), a preposition, a number, a conjunction, a particle ("Not sure."), an interjection. */
export const nonActOpeners: ReadonlySet<string> = new Set(["PRON", "DET", "AUX", "ADP", "NUM", "CCONJ", "SCONJ", "PART", "INTJ"]);
/** Words that open no act said alone, whatever a reader tags them: a subject, with its verb or not ("I'm going to my room.", "That's hard."), "Nothing.", "No idea.", "Not sure.", "Dunno.". */
export const nonActWords: ReadonlySet<string> = new Set([
  "i", "i'm", "i’m", "im", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "we", "we're", "we’re", "we'll", "we’ll", "you", "you're", "you’re", "he", "he's", "he’s", "she", "she's", "she’s",
  "it", "it's", "it’s", "that", "that's", "that’s", "this", "there", "there's", "there’s", "they", "they're", "they’re", "my", "our",
  "nothing", "no", "not", "dunno", "none", "same",
]);

/**
 * The answer as it would be said with its subject and "will" put back: "Ring the GP on Monday." →
 * "I will ring the GP on Monday." (the act's first letter lower case, as inside a sentence), "Yeah,
 * ring the GP." → "Yeah, I will ring the GP.", "Probably ring the GP." → "Probably I will ring the
 * GP." (hedged, as said). The act opens after leads (`answerLeads`) and hedges (`hedgeAdverbs`); an answer
 * opening with a word that never opens an act said alone (`nonActOpeners`, `nonActWords`: "My
 * wife.", "Not sure.", "I don't know."), or naming an act of harm (core's `harmingActs`: "Punch him."),
 * has none to put back, and gives null. Whether the words then
 * commit is for the reading of a commitment to say ("I will probably ring" is hedged).
 */
export function answerAsIntent(text: string, words: readonly AnswerWord[]): string | null {
  const act = words[actAloneAt(words)];
  if (act === undefined) return null;
  return `${text.slice(0, act.start)}I will ${text.charAt(act.start).toLowerCase()}${text.slice(act.start + 1)}`;
}

/**
 * Where an answer's act said alone opens: the first word after leads (`answerLeads`) and hedges
 * (`hedgeAdverbs`), when it may open an act (not one of `nonActOpeners` or `nonActWords`) and no
 * word of the answer names an act of harm (core's `harmingActs`: "Punch him."); else -1. Core's
 * plan check reads an answer so; `answerAsIntent` puts the subject and "will" back before it.
 */
export function actAloneAt(words: ReadonlyArray<MatchedWord & { partOfSpeech: string }>): number {
  const at = pastWords(words, 0, answerLeads, hedgeAdverbs);
  const act = words[at];
  // "Punch him.": an act of harm is never put back as a decision, wherever it is said in the answer.
  if (act === undefined || nonActOpeners.has(act.partOfSpeech) || is(act, nonActWords) || words.some((word) => is(word, harmingActs))) return -1;
  return at;
}
