/**
 * How the notes of one real conversation compare with its labels
 * (`bench/data/real-dialogue/notes-labels.jsonl`, rubric in `notes-rubric.md`): the figures
 * `bench/notes.ts` adds up for the dev, held-out and fresh parts (the fresh part's labels:
 * `notes-labels-fresh.jsonl`). Pure: the notes are written by the
 * caller; the conversation's text is read at run time and nothing of it is kept or printed.
 */
import { isNotAssessed, toConfirmLead } from "@confide/core/adapter-kit";
import { agreedPrefix } from "../../packages/adapters-local/src/embedded-notes/suggestions.ts";
import type { NoteItemDraft, NotesDraft } from "@confide/core/ports";
import { fillerWords, itemsOf, turnOf } from "./notes-quality.ts";

/** The labels of one conversation (see the rubric). */
export interface NotesLabel {
  id: string;
  /** Each item: the turn indices that make it. */
  plan: number[][];
  concern: string;
  concernTerms: string[];
  /** One clinician's label, or two (mixed), the stronger first. */
  mood: string[];
}

/** The clinician's mood labels of the rubric. */
export const clinicalMoods = ["distressed", "anxious", "low", "angry", "ambivalent", "hopeful", "calm"] as const;

/** Contractions, backchannels and chat fillers that are never a topic (beyond `fillerWords`). */
const chatFillers = new Set(["gonna", "wanna", "gotta", "thankyou", "thanku", "thanx", "thnx", "thx", "huh", "kinda", "sorta", "lol", "haha", "hehe", "lmao", "omg", "idk", "tbh", "btw", "ya", "yah", "yea", "hey", "hmm", "mhm", "mm-hmm", "uh-huh", "okey", "aww", "oops", "whoa", "wow", "bye", "hello", "hi"]);

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];

/** How a plan line was written: the patient's own commitment, "Agreed: <proposal> — “<assent>”", or "Agreed: “<assent>” — to “<the therapist's sentence>”". */
export type PlanForm = "own" | "stated" | "patient-words";
export const planFormOf = (text: string): PlanForm => (text.startsWith(`${agreedPrefix}“`) ? "patient-words" : text.startsWith(agreedPrefix) ? "stated" : "own");

export interface RealNotesQuality {
  /** The turns each written plan item cites. */
  planItems: number[][];
  /** Each written plan item's form, and whether it cites a turn of a labelled item. */
  planLines: Array<{ form: PlanForm; correct: boolean }>;
  planCorrect: number;
  labelsFound: number;
  /** The turns each item "to confirm" cites (follow-up items whose text opens "To confirm: "): shown apart from the plan, never scored as plan. */
  toConfirmItems: number[][];
  /** Items to confirm citing a turn of a labelled plan item. */
  toConfirmOnLabels: number;
  /** Labelled items found in the plan or among the items to confirm. */
  labelsFoundEither: number;
  /** The first topic line holds a stem of the labelled concern. */
  concernFirst: boolean;
  /** The topic summary's first line, as shown (printed by the bench's detail, read parts only). */
  firstTopicLine: string;
  /** The first key topic, as shown. */
  firstKeyTopic: string;
  /** The first key topic holds a stem of the labelled concern. */
  concernTopTopic: boolean;
  topics: number;
  /** Topics that are a filler, a contraction or a backchannel, or a broken word (a piece of a word said, cut from it: `isBroken`). */
  badTopics: string[];
  /** The writer's first mood label (null when it wrote none of the clinician's labels). */
  mood: string | null;
  moodValue: string;
  quotes: number;
  /** Quotes that are not whole sentences of a turn: cut before the sentence ends or starting in its middle. */
  fragmentQuotes: number;
  /** Each strategy line, by where its quoted sentence starts (`strategyKey`): what the strategy labels judge. */
  strategyKeys: string[];
  /** Each line of what the therapist did, by where its quoted sentence starts and the act it names (`interventionKey`): what the intervention labels judge. */
  interventionKeys: string[];
}

/** Where a strategy line's quote starts, as its judgement is kept (`strategies-rubric.md`): the conversation, the turn, the offset. */
export const strategyKey = (id: string, turn: number, start: number) => `${id}|${turn}|${start}`;

/** Where a line of what the therapist did quotes, and the act it names (`interventions-rubric.md`). */
export const interventionKey = (id: string, turn: number, start: number, act: string) => `${id}|${turn}|${start}|${act}`;

const turnsOf = (item: NoteItemDraft) => [...new Set(item.evidence.map((span) => turnOf(span.segmentId)))];

/**
 * True when a quote is a fragment of its turn: it ends with a dash (broken off), or with an
 * ellipsis before the turn goes on, or it starts after a letter or a comma of its sentence, or ends
 * before the sentence's end mark.
 */
export function isFragment(turnText: string, start: number, end: number): boolean {
  const quote = turnText.slice(start, end).trim();
  if (/[-–—]$/.test(quote)) return true;
  if (/(…|\.\.\.)$/.test(quote) && turnText.slice(end).trim() !== "") return true;
  const before = turnText.slice(0, start).trimEnd();
  if (before !== "" && !/[.!?:;"”)\]]$/.test(before)) return true;
  const after = turnText.slice(end).trimStart();
  return after !== "" && !/[.!?"”)\]]$/.test(quote) && !/^[A-Z("“]/.test(after);
}

/**
 * True when a topic is a piece of a word said, not a word said: one of its evidence spans starts
 * or ends inside a word of its turn (a letter right before its start or right at its end: "nau"
 * cut from "whānau"). A topic the writer names in its own words ("losing a job" for "I lost my
 * job") quotes whole words, and is not broken.
 */
function isBroken(item: NoteItemDraft, turns: readonly string[]): boolean {
  const letter = /[\p{L}\p{N}]/u;
  return item.evidence.some((span) => {
    const text = turns[turnOf(span.segmentId)] ?? "";
    return letter.test(text.charAt(span.start - 1)) || letter.test(text.charAt(span.end));
  });
}

/** The writer's first clinician's mood label, read from the mood's text. */
export function writtenMoodLabel(notes: NotesDraft): string | null {
  if (isNotAssessed(notes.sessionMood)) return null;
  const words = wordsOf(notes.sessionMood.text);
  return words.find((word) => (clinicalMoods as readonly string[]).includes(word)) ?? null;
}

export function realNotesQuality(label: NotesLabel, turns: readonly string[], notes: NotesDraft): RealNotesQuality {
  const planItems = itemsOf(notes.actionItems).map(turnsOf);
  const labelled = label.plan.map((item) => new Set(item));
  const citesLabel = (item: number[]) => labelled.some((turnsOfLabel) => item.some((turn) => turnsOfLabel.has(turn)));
  const planLines = itemsOf(notes.actionItems).map((item) => ({ form: planFormOf(item.text), correct: citesLabel(turnsOf(item)) }));
  const planCorrect = planItems.filter(citesLabel).length;
  const labelsFound = labelled.filter((turnsOfLabel) => planItems.some((item) => item.some((turn) => turnsOfLabel.has(turn)))).length;
  const toConfirmItems = itemsOf(notes.followUpTopics).filter((item) => item.text.startsWith(toConfirmLead)).map(turnsOf);
  const toConfirmOnLabels = toConfirmItems.filter((item) => labelled.some((turnsOfLabel) => item.some((turn) => turnsOfLabel.has(turn)))).length;
  const labelsFoundEither = labelled.filter((turnsOfLabel) => [...planItems, ...toConfirmItems].some((item) => item.some((turn) => turnsOfLabel.has(turn)))).length;
  const names = (text: string) => {
    const words = wordsOf(text);
    return label.concernTerms.some((stem) => {
      const parts = stem.toLowerCase().split(/\s+/);
      return words.some((_, index) => parts.every((part, offset) => (words[index + offset] ?? "").startsWith(part)));
    });
  };
  const firstTopicLine = itemsOf(notes.topicSummary)[0]?.text ?? "";
  const concernFirst = names(firstTopicLine);
  const firstKeyTopic = itemsOf(notes.keyTopics)[0]?.text ?? "";
  const concernTopTopic = names(firstKeyTopic);
  const topicItems = itemsOf(notes.keyTopics);
  const topics = topicItems.map((item) => item.text);
  const badTopics = topicItems
    .filter((item) => wordsOf(item.text).some((word) => fillerWords.has(word) || chatFillers.has(word)) || isBroken(item, turns))
    .map((item) => item.text);
  const quotes = itemsOf(notes.significantQuotes);
  const fragmentQuotes = quotes.filter((quote) => {
    const span = quote.evidence[0];
    if (!span) return false;
    const text = turns[turnOf(span.segmentId)] ?? "";
    return isFragment(text, span.start, span.end);
  }).length;
  return {
    planItems,
    planLines,
    planCorrect,
    labelsFound,
    toConfirmItems,
    toConfirmOnLabels,
    labelsFoundEither,
    concernFirst,
    firstTopicLine,
    firstKeyTopic,
    concernTopTopic,
    topics: topics.length,
    badTopics,
    mood: writtenMoodLabel(notes),
    moodValue: isNotAssessed(notes.sessionMood) ? "not_assessed" : notes.sessionMood.value,
    quotes: quotes.length,
    fragmentQuotes,
    strategyKeys: itemsOf(notes.strategies).flatMap((item) => (item.evidence[0] ? [strategyKey(label.id, turnOf(item.evidence[0].segmentId), item.evidence[0].start)] : [])),
    interventionKeys: itemsOf(notes.interventions ?? []).flatMap((item) =>
      item.evidence[0] ? [interventionKey(label.id, turnOf(item.evidence[0].segmentId), item.evidence[0].start, item.text.slice(0, item.text.indexOf(":")))] : [],
    ),
  };
}
