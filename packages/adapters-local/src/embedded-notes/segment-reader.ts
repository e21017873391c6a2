import { createRequire } from "node:module";
import { intentLeads } from "@confide/core/adapter-kit";
import type { SpeakerRole } from "@confide/core/ports";
import winkNLP, { type ItemSentence, type ItsFunction, type WinkMethods } from "wink-nlp";
import { onlyTellsWhen } from "./time-words.ts";
import { withFragmentsJoined } from "./transcript-fragments.ts";

/** One word or mark of a segment, as wink-nlp read it, with its place in the segment's text. */
export interface ReadToken {
  /** As written. */
  value: string;
  /** wink-nlp's lemma, lower-cased ("hits" → "hit", "n't" → "not"). */
  lemma: string;
  /** Universal part of speech (NOUN, PROPN, VERB…). */
  pos: string;
  stopWord: boolean;
  /** wink-nlp's negation flag: the token is in the scope of a negation ("never hurt"). */
  negated: boolean;
  /** UTF-16 offsets `[start, end)` into the segment's text. */
  start: number;
  end: number;
  /** A word the model's English lexicon does not hold: a misspelling ("wokr"), a coinage or a rare name (always false from a reader that does not mark them, as the risk screen's). */
  unknown: boolean;
}

export interface ReadSentence {
  /** UTF-16 offsets `[start, end)` into the segment's text, from its first token to its last. */
  start: number;
  end: number;
  tokens: ReadToken[];
}

/** A transcript segment read by wink-nlp. */
export interface ReadSegment {
  id: string;
  speaker: string;
  role: SpeakerRole;
  startMs: number;
  text: string;
  sentences: ReadSentence[];
}

/** True when a sentence of a segment is broken off, ending in an ellipsis or a dash ("And you could try…"): no whole thing said to quote. */
export const brokenOff = (segment: Pick<ReadSegment, "text">, sentence: Pick<ReadSentence, "start" | "end">) => /(…|\.\.\.|[-–—])\s*$/.test(segment.text.slice(sentence.start, sentence.end));

type WinkModel = Parameters<typeof winkNLP>[0];
let model: WinkModel | undefined;

/**
 * The English lite model, loaded at the first reading, not when this module is imported: loading
 * it takes a tenth of a second and more, which a server should not pay before it listens.
 */
function englishModel(): WinkModel {
  model ??= createRequire(import.meta.url)("wink-eng-lite-web-model") as WinkModel;
  return model;
}

/**
 * Each reader's first id of a word its lexicon does not hold. wink-nlp numbers the lexicon's words
 * first and every other word read after them, in the order first read; so a word whose id is this
 * one's or above is not in the lexicon. Taken by reading a word no lexicon holds as the reader's
 * first reading.
 */
const firstUnknownIds = new WeakMap<WinkMethods, number>();
const firstUnknownWord = "qzxqvjkwpl";

function withUnknownWordsMarked(nlp: WinkMethods): WinkMethods {
  const ids = nlp.readDoc(firstUnknownWord).tokens().out(nlp.its.uniqueId) as unknown as number[];
  firstUnknownIds.set(nlp, ids[0] ?? Number.POSITIVE_INFINITY);
  return nlp;
}

let reader: WinkMethods | undefined;

/** wink-nlp with its English lite model, loaded once per process (about 0.3 s). */
export function englishReader(): WinkMethods {
  reader ??= withUnknownWordsMarked(winkNLP(englishModel()));
  return reader;
}

let leanReader: WinkMethods | undefined;

/**
 * wink-nlp with the same model doing only what the risk screen reads — sentences, negation,
 * parts of speech and lemmas — without named entities and sentiment (about a third less time
 * per segment; the tokens, tags and lemmas are the same: the bench's figures show it).
 */
export function englishReaderWithoutEntities(): WinkMethods {
  leanReader ??= winkNLP(englishModel(), ["sbd", "negation", "pos"]);
  return leanReader;
}

/**
 * Words right before a typed "ill" that may open "I'll" (as chat is typed: "ok ill call her", "I
 * think ill go", "atleast ill say it"), besides none, a mark, an interjection or a conjunction. Any
 * other word before it makes it the adjective: "I feel ill", "so ill", "make myself ill", "can ill
 * afford".
 */
const willOpeners = new Set([...intentLeads, "think", "guess", "suppose", "reckon", "hope", "maybe", "probably", "definitely", "then", "now", "atleast", "least", "well", "yep", "thanks", "that", "like"]);
const openerParts = new Set(["PUNCT", "INTJ", "CCONJ", "SCONJ"]);
/** Words right before "ill" that always take the adjective, whatever its capital: "I was Ill", "feeling Ill". */
const illAdjectiveBefore = new Set(["be", "become", "get", "feel", "seem", "look", "fall", "so", "very", "too", "quite", "really", "myself", "me", "him", "her", "them", "us", "you"]);
/** Words right after a typed "ill" that make it the adjective or its noun ("ill people", "ill health", "ill will", "ill at ease"). */
const illAdjectiveAfter = new Set(["people", "person", "patient", "health", "will", "effect", "feeling", "treatment", "today", "now", "again", "lately", "still", "too", "also", "since", "all", "not"]);
const illAfterParts = new Set(["PUNCT", "ADP", "CCONJ", "SCONJ", "SYM", "NUM"]);

/**
 * The tokens with each "ill" typed for "I'll" (no apostrophe) read as wink-nlp reads "i ll": "i"
 * (PRON) and "ll" (lemma "will", AUX), each its own part of the word as written. Only after none,
 * a mark, an interjection, a conjunction or a word of `willOpeners` (or, written "Ill", after any
 * word but one of `illAdjectiveBefore`: typed chat runs sentences together), and before a word that may be
 * an act: not a mark, a preposition, a conjunction, a word of `illAdjectiveAfter` or a participle
 * ("ill prepared").
 */
function withTypedWillSplit(tokens: ReadToken[]): ReadToken[] {
  if (!tokens.some((token) => token.value.length === 3 && token.value.toLowerCase() === "ill")) return tokens;
  return tokens.flatMap((token, index) => {
    if (token.value.toLowerCase() !== "ill") return [token];
    const before = tokens.slice(0, index).filter((other) => other.value.trim() !== "").at(-1);
    const after = tokens.slice(index + 1).find((other) => other.value.trim() !== "");
    // "Ill" written with a capital, as "I" is, opens "I'll" after any word but one that takes the adjective ("I was Ill").
    const opens = before === undefined || openerParts.has(before.pos) || willOpeners.has(before.lemma) || (token.value === "Ill" && !illAdjectiveBefore.has(before.lemma));
    if (!opens) return [token];
    if (after === undefined || illAfterParts.has(after.pos) || illAdjectiveAfter.has(after.lemma) || /ed$/i.test(after.value)) return [token];
    const { start, end } = token;
    return [
      { ...token, value: token.value.slice(0, 1), lemma: "i", pos: "PRON", stopWord: true, end: start + 1 },
      { ...token, value: token.value.slice(1), lemma: "will", pos: "AUX", stopWord: true, start: start + 1, end },
    ];
  });
}

/** Hedges as chat types them short: "prob", "probs", "prolly" read as "probably" ("ill prob just skip lunch"). */
const typedHedges = new Set(["prob", "probs", "prolly"]);
const withTypedHedge = (token: ReadToken): ReadToken => (typedHedges.has(token.value.toLowerCase()) ? { ...token, lemma: "probably", pos: "ADV" } : token);

/**
 * A transcriber's note in a transcript: "(pause)", "(long pause)", "(sighs)", "[inaudible]",
 * "[laughs]" — what the speaker did, not words said. Only these: words in brackets that a speaker
 * typed ("(I don't want to be here)") are said.
 */
export const transcriberNoteWords = String.raw`(?:long |short |brief |slight )?(?:pause[sd]?|laughs?|laughing|laughter|chuckles?|sighs?|sighing|cries|crying|sobs?|sobbing|tearful|coughs?|clears throat|inaudible|unclear|indistinct|crosstalk|overlapping|silence|sniffs?)`;
const transcriberNote = new RegExp(String.raw`[([]${transcriberNoteWords}[)\]]`, "gi");

/**
 * True for a token inside a transcriber's note of the text (`transcriberNote`): the reader of a
 * segment and the claim reader leave such words out, so "(pause) Fine." is read as "Fine." and
 * "pause" is never a topic. `notesIn` gives the notes' spans, read once per text.
 */
export function notesIn(text: string): Array<readonly [number, number]> {
  return [...text.matchAll(transcriberNote)].map((note) => [note.index ?? 0, (note.index ?? 0) + note[0].length] as const);
}
export const insideNote = (spans: ReadonlyArray<readonly [number, number]>, start: number) => spans.some(([from, to]) => start >= from && start < to);

/**
 * The sentences, each that only tells when (`onlyTellsWhen`: "This Wednesday.") joined to the
 * sentence before it when that one is not asked: "I'll go. This Wednesday." is one act and its time.
 */
function withWhenJoined(sentences: ReadSentence[]): ReadSentence[] {
  const joined: ReadSentence[] = [];
  for (const sentence of sentences) {
    const before = joined.at(-1);
    // Asked as `isAsked` reads a sentence: its last mark a "?".
    const asked = before?.tokens.at(-1)?.value === "?";
    if (before !== undefined && !asked && onlyTellsWhen(sentence.tokens.filter((token) => /\w/.test(token.value)))) {
      joined[joined.length - 1] = { start: before.start, end: sentence.end, tokens: [...before.tokens, ...sentence.tokens] };
    } else joined.push(sentence);
  }
  return joined;
}

/**
 * Reads a segment into sentences and tokens with their character offsets. wink-nlp keeps each
 * token's value as written and the whitespace before it, so the offsets are the running sum of
 * both: the text is rebuilt exactly (a test checks it). Each property is read for all tokens at
 * once (a column per property), not token by token: the same values, at a fraction of the cost.
 * @param nlp the reader to use: `englishReader()` unless a caller needs fewer annotations.
 * @returns the segment's sentences; none for blank text.
 */
export function readSegment(segment: { id: string; speaker: string; startMs: number; text: string }, role: SpeakerRole, nlp: WinkMethods = englishReader()): ReadSegment {
  const its = nlp.its;
  const doc = nlp.readDoc(segment.text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  // wink-nlp's types declare `its.lemma` with the model's add-ons as a parameter `out` does not pass.
  const lemmas = all.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const tags = all.out(its.pos) as string[];
  const stopWords = all.out(its.stopWordFlag) as boolean[];
  const negations = all.out(its.negationFlag) as boolean[];
  // Only a reader that marks unknown words (`withUnknownWordsMarked`) pays for the ids: the risk screen's lean reader does not.
  const firstUnknownId = firstUnknownIds.get(nlp);
  const ids = firstUnknownId === undefined ? [] : (all.out(its.uniqueId) as unknown as number[]);
  const tokens: ReadToken[] = [];
  let offset = 0;
  values.forEach((value, index) => {
    const start = offset + (spaces[index] ?? "").length;
    offset = start + value.length;
    tokens.push({ value, lemma: (lemmas[index] ?? "").toLowerCase(), pos: tags[index] ?? "", stopWord: stopWords[index] ?? false, negated: negations[index] ?? false, start, end: offset, unknown: firstUnknownId !== undefined && (ids[index] ?? 0) >= firstUnknownId });
  });
  // "(pause) Fine.": a transcriber's note is no words of the speaker's.
  const notes = notesIn(segment.text);
  const said = notes.length === 0 ? tokens : tokens.filter((token) => !insideNote(notes, token.start));
  const read = withTypedWillSplit(said).map(withTypedHedge);
  const sentences: ReadSentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    // Split tokens ("ill" read as "i" "ll") keep their offsets: the sentence is the tokens within its span.
    const from = tokens[first]?.start ?? 0;
    const to = tokens[last]?.end ?? 0;
    const span = read === tokens ? tokens.slice(first, last + 1) : read.filter((token) => token.start >= from && token.end <= to);
    const words = span.filter((token) => token.value.trim() !== "");
    const head = words[0];
    const tail = words[words.length - 1];
    if (head && tail) sentences.push({ start: head.start, end: tail.end, tokens: words });
  });
  return { id: segment.id, speaker: segment.speaker, role, startMs: segment.startMs, text: segment.text, sentences: withWhenJoined(withFragmentsJoined(segment.text, sentences)) };
}
