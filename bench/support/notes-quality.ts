/**
 * How the notes of one labelled session compare with its labels (`bench/data/notes/`): the
 * figures `bench/notes.ts` adds up per split. Pure: the notes are written by the caller.
 */
import { isNotAssessed } from "@confide/core/adapter-kit";
import type { NoteField, NoteItemDraft, NotesDraft } from "@confide/core/ports";
import type { NotesSession } from "../data/notes/build-dataset.ts";
// The writer's own marker of a proposal the patient took up: the counts follow it if it changes.
import { agreedPrefix } from "../../packages/adapters-local/src/embedded-notes/suggestions.ts";

/** Words that are never a topic of a session: fillers, backchannels, address words. */
export const fillerWords = new Set([
  "hmm", "mm", "mhm", "mm-hmm", "um", "uh", "er", "erm", "ah", "oh", "yeah", "yes", "yep", "no", "nah", "okay", "ok", "right", "like",
  "mate", "man", "dude", "guy", "guys", "sort", "kind", "stuff", "thing", "things", "bit", "lot", "way", "whatever", "gosh", "god",
  "sorry", "thanks", "thank", "cheers", "honestly", "literally", "actually", "basically", "dunno", "innit", "well", "sure",
]);

/** Titles said before a name ("Dr Okafor"): not a name on their own. */
const titles = new Set(["dr", "mr", "mrs", "ms", "miss", "professor", "sister", "auntie", "uncle", "big"]);

/** The name words of a session's labels, lower case ("Dr Okafor" → "okafor"). */
export function nameWords(session: NotesSession): Set<string> {
  return new Set(session.names.flatMap((name) => name.toLowerCase().split(/\s+/)).filter((word) => !titles.has(word)));
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];

export const itemsOf = (field: NoteField<NoteItemDraft[]>): NoteItemDraft[] => (isNotAssessed(field) ? [] : field);

/** The turn a segment id of `segmentsOf` points at. */
export const turnOf = (segmentId: string) => Number(segmentId.slice(segmentId.lastIndexOf("-t") + 2));

export interface SessionQuality {
  quoteWordCounts: number[];
  /** Quotes citing a turn labelled quotable. */
  quotesOnLabelledTurns: number;
  topics: number;
  fillerTopics: number;
  nameTopics: number;
  topicTexts: string[];
  mood: string;
  /** The patient's own commitments (plan items not "Agreed: …"): their cited turns. */
  commitmentTurns: number[];
  /** The therapist's proposals (the strategies discussed): their cited turns. */
  suggestionTurns: number[];
  /** Names found in the patient summary. */
  leakedNames: string[];
}

export function sessionQuality(session: NotesSession, notes: NotesDraft): SessionQuality {
  const quotes = itemsOf(notes.significantQuotes);
  const topics = itemsOf(notes.keyTopics);
  const names = nameWords(session);
  const actions = itemsOf(notes.actionItems);
  const summary = itemsOf(notes.patientSummary).map((item) => item.text).join(" ");
  const firstTurn = (item: NoteItemDraft) => turnOf(item.evidence[0]?.segmentId ?? "-t-1");
  return {
    quoteWordCounts: quotes.map((quote) => wordsOf(quote.quote ?? quote.text).length),
    quotesOnLabelledTurns: quotes.filter((quote) => session.quotes.includes(firstTurn(quote))).length,
    topics: topics.length,
    fillerTopics: topics.filter((topic) => wordsOf(topic.text).some((word) => fillerWords.has(word))).length,
    nameTopics: topics.filter((topic) => wordsOf(topic.text).some((word) => names.has(word))).length,
    topicTexts: topics.map((topic) => topic.text),
    mood: isNotAssessed(notes.sessionMood) ? "not_assessed" : notes.sessionMood.value,
    commitmentTurns: actions.filter((item) => !item.text.startsWith(agreedPrefix)).map(firstTurn),
    suggestionTurns: itemsOf(notes.strategies).map(firstTurn),
    leakedNames: [...names].filter((name) => wordsOf(summary).includes(name)),
  };
}
