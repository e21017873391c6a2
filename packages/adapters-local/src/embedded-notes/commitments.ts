import type { NoteItemDraft } from "@confide/core/ports";
import { isWord } from "./conversation-fillers.ts";
import { phraseStarts } from "./lemma-phrases.ts";
import type { ReadSegment, ReadToken } from "./segment-reader.ts";

/**
 * First-person future commitments, as lemma phrases: "I will…", "I'll…", "I'm going to…",
 * "next week we're going to…", "I plan to…", and commitments to abstain ("I'm not going to…",
 * "I won't…").
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
  "i promise to",
  "i commit to",
  "i'm not go to",
  "i be not go to",
  "i will not",
];

/**
 * Words that, right after the phrase, make it a prediction or a manner of speaking rather than
 * a commitment: "I'll be honest", "I'll be doing invoices", "we'll see", "I'll probably put it
 * off", "I'll think about it", "I will never forget".
 */
const notAnAction = new Set(["be", "see", "probably", "maybe", "think", "never", "just", "have"]);
/** Words before the phrase, in its sentence, that make it hedged or conditional: "maybe I'll…", "if I stop I'll fail". */
const hedges = new Set(["maybe", "perhaps", "probably", "if", "might", "unless", "whether", "because", "that", "what"]);
/** Parts of speech that, right after "going to", make it a movement or a past plan rather than a commitment: "I'm going to bed at ten". */
const placeAfterGoingTo = new Set(["NOUN", "PROPN", "DET", "PRON"]);


/** True when the commitment phrase at `index` (of `length` tokens) is a commitment in its sentence (see the rules above). */
function commitsAt(tokens: readonly ReadToken[], index: number, length: number, phrase: string): boolean {
  const next = tokens.slice(index + length).find(isWord);
  if (next === undefined || notAnAction.has(next.lemma) || notAnAction.has(next.value.toLowerCase())) return false;
  if (phrase.endsWith("go to") && placeAfterGoingTo.has(next.pos)) return false;
  if (tokens.slice(index, index + length).some((token) => /^(was|were)$/i.test(token.value))) return false;
  return !tokens.slice(0, index).some((token) => hedges.has(token.lemma) || hedges.has(token.value.toLowerCase()));
}

/**
 * Action items: the sentences in which the patient commits to doing something — first person,
 * future, not a question, not hedged or conditional (`hedges`), not a prediction or a manner
 * of speaking (`notAnAction`), not in the past ("I was going to…") and not a movement ("I'm
 * going to bed"). The therapist's own future ("I'll see you next week",
 * "I'll call you on Thursday") is not the patient's action item; what the therapist proposes
 * is a suggestion (`findSuggestions`). A speaker of unknown role is read as possibly the
 * patient, and the item then names no speaker. Each is quoted whole and cites its span.
 * @returns the items in transcript order ([] when none).
 */
export function findCommitments(segments: readonly ReadSegment[]): NoteItemDraft[] {
  const items: NoteItemDraft[] = [];
  for (const segment of segments) {
    if (segment.role === "therapist") continue;
    for (const sentence of segment.sentences) {
      const last = sentence.tokens[sentence.tokens.length - 1];
      if (last?.value === "?") continue;
      const committed = commitmentPhrases.some((phrase) =>
        phraseStarts(sentence.tokens, phrase).some((index) => commitsAt(sentence.tokens, index, phrase.split(" ").length, phrase)),
      );
      if (!committed) continue;
      const quote = segment.text.slice(sentence.start, sentence.end);
      items.push({
        text: quote,
        quote,
        ...(segment.role === "patient" ? { speaker: "patient" as const } : {}),
        evidence: [{ segmentId: segment.id, start: sentence.start, end: sentence.end }],
      });
    }
  }
  return items;
}
