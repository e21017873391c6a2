/**
 * An idea of the patient's own, taken up. Motivational interviewing elicits the plan from the
 * patient: they put an act forward tentatively ("Maybe I could go for a walk at lunch"), the
 * therapist's next turn points back at it ("Would you be willing to try that?", "That sounds like
 * a good start."), and the patient says yes to it ("Yeah, I'll do that."). The therapist's words
 * name no act, so a plan line quoting them ("Agreed: “Yeah, I'll do that.” — to “Would you be
 * willing to try that?”") tells a clinician nothing; the act is the patient's idea.
 */
import { hedgeAdverbs } from "@confide/core/adapter-kit";
import type { NoteItemDraft } from "@confide/core/ports";
import { pointingBack, quotedSentence, sentenceCommitment, softeners } from "./commitments.ts";
import { isWord } from "./conversation-fillers.ts";
import { isAsked } from "./offered-acts.ts";
import type { ReadSegment, ReadSentence, ReadToken } from "./segment-reader.ts";

/** Modals that put an act forward as possible: "I could…", "I might…" (said, for "could" reads as the lemma "can"). */
const possibleModals = new Set(["could", "might"]);
/** Words between the modal and the act that leave the act the speaker's: a commitment's softeners ("I could just…", "I could try to…"), hedges ("I could probably…"), and "start", "at least", "always". */
const softWords = new Set([...hedgeAdverbs, ...softeners, "start", "and", "at", "least", "always"]);
/** Verbs after "I could" that are no act of a plan: a state, a feeling, a thought, a loss ("I could be better", "I might die", "I could see that"). */
const noActs = new Set(["be", "feel", "have", "get", "see", "say", "think", "know", "imagine", "understand", "believe", "guess", "tell", "hear", "die", "cry", "lose", "use", "need", "want", "do", "never", "not"]);
/** Words that put a possible act in the past or under a condition: "I could walk there when I lived in town", "I could go if I had time". */
const notNow = new Set(["if", "unless", "when", "used", "back", "ago", "would", "wish"]);
/** Subjects after "before" that make it a time gone or a condition ("I could walk there before I moved"); before a noun it sets a time to come ("before bed"). */
const clauseSubjects = new Set(["i", "we", "you", "he", "she", "they", "it"]);
/** True when the word at `at` puts the act in the past or under a condition (`notNow`, or "before" closing the sentence or opening a clause). */
const notNowAt = (words: readonly ReadToken[], at: number) =>
  notNow.has(words[at]!.lemma) || (words[at]!.lemma === "before" && (words[at + 1] === undefined || clauseSubjects.has(words[at + 1]!.lemma)));

/** The act a first-person "I could / I might" names, from the word after the modal: true when it is a verb of a plan. */
function possibleActAt(words: readonly ReadToken[], modal: number): boolean {
  let at = modal + 1;
  while (at < words.length && softWords.has(words[at]!.lemma)) at += 1;
  // After a modal a word is a verb, whatever the tagger says: "I could text my sister" (tagged a noun).
  const verb = words[at];
  if (verb === undefined || (verb.pos !== "VERB" && verb.pos !== "NOUN") || noActs.has(verb.lemma)) return false;
  // "I could do that", "I might try it": a pointer, not an act put forward.
  return !(words.length - at <= 3 && words.slice(at + 1).some((word) => pointingBack.has(word.lemma)));
}

/**
 * True when a patient's sentence puts an act of their own forward, tentatively: "I could…",
 * "maybe I could…", "I guess I might…" with a verb of a plan after it (`possibleActAt`), or a
 * commitment in their own words that hedges ("Maybe I'll ring her"). Not asked, not in the past or
 * under a condition (`notNowAt`), not negated.
 */
export function putsIdeaForward(sentence: ReadSentence): boolean {
  if (isAsked(sentence)) return false;
  const words = sentence.tokens.filter(isWord);
  if (words.some((word, at) => notNowAt(words, at) || word.lemma === "not" || word.value.toLowerCase() === "never")) return false;
  const commitment = sentenceCommitment(sentence);
  if (commitment !== null) return commitment.act === "own" && commitment.hedged && commitment.negated !== true;
  return words.some((word, at) => {
    if (word.lemma !== "i") return false;
    const modal = possibleModalAfter(words, at);
    return modal !== -1 && possibleActAt(words, modal);
  });
}

/** Where the modal of "I could" / "I might" stands after "I" at `at` (softeners between: "I probably could"), or -1. */
function possibleModalAfter(words: readonly ReadToken[], at: number): number {
  let next = at + 1;
  while (next < words.length && hedgeAdverbs.has(words[next]!.lemma) && !possibleModals.has(words[next]!.value.toLowerCase())) next += 1;
  return possibleModals.has(words[next]?.value.toLowerCase() ?? "") ? next : -1;
}

/** Verbs a therapist's sentence may hold and still only point back: "Would you be willing to try that?", "That sounds like a good start.", "Do you think it would work?". */
export const pointingVerbs: ReadonlySet<string> = new Set(["be", "try", "do", "sound", "seem", "work", "give", "start", "think", "want", "like", "go", "feel", "help", "make"]);

/**
 * True when a therapist's sentence only points back at what was said before: it holds a pointer
 * (`pointingBack`: "that", "it", "this") and no verb of an act of its own (`pointingVerbs` only).
 * "Could you try walking at lunch?" names its act: the line quotes it.
 */
export function pointsBackOnly(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  return words.some((word) => pointingBack.has(word.lemma) && word.lemma !== "so") && words.every((word) => word.pos !== "VERB" || pointingVerbs.has(word.lemma));
}

/**
 * The idea a patient's turn put forward last (`putsIdeaForward`), for the therapist's sentence
 * after it that only points back (`pointsBackOnly`) to take up.
 * @returns the sentence, or undefined.
 */
export function ideaPutForward(turn: ReadSegment | undefined): ReadSentence | undefined {
  if (turn === undefined || turn.role === "therapist") return undefined;
  return turn.sentences.findLast(putsIdeaForward);
}

/**
 * Ideas the patient put forward in answer to a question asking for their plan ("What small step
 * could you take this week?" — "I could batch cook on Sunday."): lines to confirm, since "I could"
 * names a step without committing to it. A hedged commitment ("Maybe I'll…") is `findCommitments`'
 * line, not one more. `asksForPlan` says whether a therapist's sentence asks for the plan.
 * @returns the items in transcript order ([] when none), quoting each idea whole.
 */
export function ideasAnsweringPlan(segments: readonly ReadSegment[], asksForPlan: (sentence: ReadSentence) => boolean): NoteItemDraft[] {
  return segments.flatMap((segment, index) => {
    const before = segments[index - 1];
    if (segment.role === "therapist" || before?.role !== "therapist" || !before.sentences.some(asksForPlan)) return [];
    return segment.sentences
      .filter((sentence) => putsIdeaForward(sentence) && sentenceCommitment(sentence) === null)
      .map((sentence) => quotedSentence(segment, sentence));
  });
}
