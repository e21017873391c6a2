/**
 * A patient's commitment that names what it does only by a pronoun, said in answer to the
 * therapist's turn just before ("Would you be willing to call Dan if the thoughts come back?" —
 * "Yes, I'll call him."; "So you'll give the tablets to Dan on Saturday?" — "Yes. I'll give them to
 * him on Saturday."; "…a small pill case. Would that work for you?" — "I'll get one this week.";
 * "…the bereavement group at St Mark's… Have you thought any more about it?" — "I'll go. This Wednesday.").
 * Alone, "I'll call him" tells a reader of the note nothing: its line quotes
 * the patient's words with the therapist's sentence they answered, as an agreement in the
 * patient's words does ("Agreed: “<patient>” — to “<therapist>”"), citing both.
 */
import type { NoteItemDraft } from "@confide/core/ports";
import { emptyVerbs, namingWord } from "./commitments.ts";
import { isWord } from "./conversation-fillers.ts";
import { isAsked } from "./offered-acts.ts";
import type { ReadSegment, ReadSentence, ReadToken } from "./segment-reader.ts";
import { onlyTellsWhen } from "./time-words.ts";
import { agreedPrefix } from "./suggestions.ts";

/** Pronouns that stand for a person or a thing named before: "call him", "give them to her", "I'll get one". */
const standIns = new Set(["him", "her", "them", "it", "one"]);

/** True when the sentence names its object or person only by a pronoun (`standIns`): no noun but a word of time ("I'll give them to him on Saturday"). */
export function namesByPronounOnly(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  return words.some((token) => standIns.has(token.value.toLowerCase())) && !words.some(namingWord);
}


/**
 * True when the sentence's act is going or coming, said with nothing after it but when: "I'll go.
 * This Wednesday.", "Okay, I'll go next week.", "Yeah, I'll come." — to what the turn before named.
 */
export function goesToWhatWasNamed(sentence: ReadSentence): boolean {
  const words = sentence.tokens.filter(isWord);
  const at = words.findIndex((token) => (token.lemma === "go" || token.lemma === "come") && token.pos === "VERB");
  if (at === -1 || words.some(namingWord)) return false;
  const after = words.slice(at + 1);
  // "What is going on" goes nowhere: after "go", a word of when and nothing else; "I'll come." may end there.
  return onlyTellsWhen(after) || (words[at]!.lemma === "come" && after.length === 0);
}

/** The first verb of the sentence that names its act (`emptyVerbs` aside), by lemma: "I'll need to ring her to ask what happened" → "ring". */
const actVerb = (sentence: ReadSentence) => sentence.tokens.find((token) => token.pos === "VERB" && !emptyVerbs.has(token.lemma))?.lemma;

/**
 * The plan lines of firm commitments of the patient, in the segments given: each with the
 * therapist's sentence it answers when it names what it does only by a pronoun
 * (`namesByPronounOnly`) and a sentence of the therapist's turn just before names the same act with
 * a noun ("call Dan", "give the tablets to Dan"): the last such sentence. Any other item is returned
 * as it is — "I'll talk to her" after "Everything will be ok" is left alone. `indexOf` gives each
 * segment's index by id (the writer's, built once).
 */
export function withWhatItAnswers(segments: readonly ReadSegment[], indexOf: ReadonlyMap<string, number>): (item: NoteItemDraft) => NoteItemDraft {
  return (item) => {
    const span = item.evidence[0];
    const index = span === undefined ? undefined : indexOf.get(span.segmentId);
    const turn = index === undefined ? undefined : segments[index - 1];
    if (span === undefined || index === undefined || item.evidence.length !== 1 || turn?.role !== "therapist") return item;
    return answering(segments[index]!, turn, item, span);
  };
}

/** The item quoted with the therapist's sentence it answers (`withWhatItAnswers`), or as it is. */
function answering(segment: ReadSegment, turn: ReadSegment, item: NoteItemDraft, span: NoteItemDraft["evidence"][number]): NoteItemDraft {
  const sentence = segment.sentences.find((said) => said.start <= span.start && span.end <= said.end) ?? segment.sentences.find((said) => said.end === span.end);
  if (sentence === undefined) return item;
  const going = goesToWhatWasNamed(sentence);
  if (!going && !namesByPronounOnly(sentence)) return item;
  const act = actVerb(sentence);
  // "I'll get one this week", after "Some people carry a day's dose in a small pill case. Would that work for you?": "one" is a thing the turn named, in its last sentence told that names one; "I'll go. This Wednesday." goes to it.
  const oneOf = going || (act === undefined && sentence.tokens.some((token) => token.value.toLowerCase() === "one"));
  // Going or coming is to a thing named, not to a person ("I think Marcus goes most weeks" names who, not where).
  const names = (said: ReadSentence) => said.tokens.some((token) => namingWord(token) && (!going || token.pos === "NOUN"));
  const answered = turn.sentences.findLast((said) =>
    oneOf ? !isAsked(said) && names(said) : said.tokens.some((token) => token.pos === "VERB" && token.lemma === act) && said.tokens.some(namingWord),
  );
  if (answered === undefined) return item;
  const quote = turn.text.slice(answered.start, answered.end);
  // Citing both speakers, the line names neither (an agreement's line does not).
  const { speaker: _speaker, ...rest } = item;
  return {
    ...rest,
    text: `${agreedPrefix}“${item.quote}” — to “${quote}”`,
    evidence: [{ segmentId: turn.id, start: answered.start, end: answered.end }, ...item.evidence],
  };
}
