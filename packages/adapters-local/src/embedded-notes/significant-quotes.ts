import type { NoteItemDraft } from "@confide/core/ports";
import { contentWords, isFiller, isWord, wordsOf } from "./conversation-fillers.ts";
import { phraseStarts } from "./lemma-phrases.ts";
import { emotionLexicon } from "./emotion-lexicon.ts";
import { riskPhrases } from "./mood-lexicon.ts";
import type { ReadSegment, ReadSentence } from "./segment-reader.ts";
import type { Scored } from "./sentiment-notes.ts";

const quoteCount = 3;
/** A statement of substance has at least this many words… */
export const quoteMinWords = 8;
/** …and this many content words (not stop words, not fillers): "yeah okay I don't know, I mean, yeah" has none. */
export const quoteMinContentWords = 4;
/** Past this many words an utterance is quoted sentence by sentence, the weightiest whole sentence kept. */
const quoteMaxWords = 60;

/** Words of feeling and symptoms (the emotional themes' lexicon). */
const feelingWords = new Set(Object.values(emotionLexicon).flat());
/** Goals and change talk: what the patient wants, needs or is ready to do, and the part of them that wants it ("Part of me really wants to stop, but…"). */
const changePhrases = ["i want to", "my goal", "i would like to", "i'm ready to", "i be ready to", "part of me"];

/**
 * Care left undone: a medicine not taken, a device not worn, a dose skipped ("I didn't wear my
 * pump", "I stopped taking my tablets", "I forgot to take it"). wink-nlp lemmas: "didn't" is "do not".
 */
const careLapses = ["not take my", "not wear my", "not use my", "not check my", "stop take my", "stop wear my", "stop use my", "skip my", "forget to take", "forget to check", "forget my tablet", "forget my medication"];

/** How much each kind of words weighs: risk first, then care left undone, then feelings and symptoms, goals and change talk. */
const riskWeight = 3;
const lapseWeight = 1;
const feelingWeight = 0.25;
const changeWeight = 0.25;

/** One utterance of the patient: consecutive segments with no one else's between, joined. */
interface Utterance {
  parts: Scored[];
}

interface Candidate {
  first: Scored;
  /** Cited spans, in order: whole segments, or one whole sentence. */
  spans: Array<{ scored: Scored; start: number; end: number }>;
  weight: number;
}

const count = (sentences: readonly ReadSentence[], phrases: readonly string[]) =>
  sentences.reduce((sum, sentence) => sum + phrases.reduce((found, phrase) => found + phraseStarts(sentence.tokens, phrase).length, 0), 0);

/**
 * How much a statement weighs clinically: `riskWeight` for each statement of risk, `lapseWeight`
 * for each time care was left undone (`careLapses`), `feelingWeight` for each word of feeling or a symptom, `changeWeight` for each goal or change
 * talk, then the strength of its sentiment and 0.02 for each content word (up to 20) — what the
 * patient said about their risk, their care, their feelings and what they want before the scene
 * they set ("we all wore really nice dresses" weighs less than "I didn't wear my pump").
 */
function weightOf(sentences: readonly ReadSentence[], scored: readonly Scored[]): number {
  const tokens = sentences.flatMap((sentence) => sentence.tokens);
  const strength = Math.max(...scored.map((item) => Math.abs(item.sentiment.scores.positive - item.sentiment.scores.negative) + item.sentiment.scores.mixed));
  return (
    riskWeight * count(sentences, [...riskPhrases]) +
    lapseWeight * count(sentences, careLapses) +
    feelingWeight * tokens.filter((token) => feelingWords.has(token.lemma) || feelingWords.has(token.value.toLowerCase())).length +
    changeWeight * count(sentences, changePhrases) +
    strength +
    0.02 * Math.min(contentWords(tokens).length, 20)
  );
}

/** Enough words and content words, and not broken off ("…we all wore really nice dresses-"). */
const substantial = (sentences: readonly ReadSentence[]) => {
  const tokens = sentences.flatMap((sentence) => sentence.tokens);
  const last = tokens[tokens.length - 1]?.value ?? "";
  return wordsOf(tokens).length >= quoteMinWords && contentWords(tokens).length >= quoteMinContentWords && !/[-–—]$/.test(last);
};

/** True when a sentence of a segment is whole: it starts the segment or follows an end mark, and ends with one or the segment. */
function isWholeSentence(text: string, sentence: ReadSentence): boolean {
  const before = text.slice(0, sentence.start).trimEnd();
  const quote = text.slice(sentence.start, sentence.end);
  const after = text.slice(sentence.end).trim();
  return (before === "" || /[.!?…"”]$/.test(before)) && (after === "" || /[.!?"”]$/.test(quote)) && !/[-–—]$/.test(quote);
}

/**
 * The patient's utterances: consecutive analysed segments of the patient with nothing between but
 * the other speaker's backchannels ("Mm-hmm."), joined — a turn the recognizer or an interjection
 * split in two is one utterance.
 */
function utterancesOf(scored: readonly Scored[], segments: readonly ReadSegment[]): Utterance[] {
  const place = new Map(segments.map((segment, index) => [segment.id, index]));
  const onlyBackchannels = (from: number, to: number) => segments.slice(from + 1, to).every(isBackchannel);
  const utterances: Utterance[] = [];
  for (const item of scored) {
    const last = utterances[utterances.length - 1];
    const previous = last?.parts[last.parts.length - 1];
    const at = place.get(item.segment.id) ?? -1;
    const joins = last && previous && saysSomething(item.segment) && saysSomething(previous.segment) && onlyBackchannels(place.get(previous.segment.id) ?? -2, at);
    if (joins) last.parts.push(item);
    else utterances.push({ parts: [item] });
  }
  return utterances;
}

/** A segment with a content word: not "Okay. Thank you." */
const saysSomething = (segment: ReadSegment) => contentWords(segment.sentences.flatMap((sentence) => sentence.tokens)).length > 0;

/** A segment of fillers only: "Mm-hmm.", "Right.", "Yeah, okay." */
function isBackchannel(segment: ReadSegment): boolean {
  const words = segment.sentences.flatMap((sentence) => sentence.tokens).filter(isWord);
  return words.length > 0 && words.length <= 3 && words.every(isFiller);
}

/**
 * Significant quotes: whole utterances of the patient — a turn split over several segments is
 * joined and quoted whole — that say something (at least `quoteMinWords` words and
 * `quoteMinContentWords` content words, so "Yeah.", "Okay, thank you." never are), the clinically
 * weightiest `quoteCount` of them (`weightOf`: risk, feelings and symptoms, goals and change talk
 * before scene-setting), in transcript order; never one broken off with a dash. An utterance longer than `quoteMaxWords` words is
 * quoted by its weightiest whole sentence (never a piece of one).
 * @param segments every segment of the transcript, in order, to tell what lies between two of the patient's.
 * @returns at most `quoteCount` quotes ([] when the patient said nothing of substance).
 */
export function significantQuotes(scored: readonly Scored[], segments: readonly ReadSegment[]): NoteItemDraft[] {
  const candidates: Candidate[] = [];
  for (const { parts } of utterancesOf(scored, segments)) {
    const sentences = parts.flatMap((part) => part.segment.sentences);
    if (wordsOf(sentences.flatMap((sentence) => sentence.tokens)).length <= quoteMaxWords) {
      if (!substantial(sentences)) continue;
      candidates.push({
        first: parts[0]!,
        spans: parts.map((part) => ({ scored: part, start: part.segment.sentences[0]!.start, end: part.segment.sentences[part.segment.sentences.length - 1]!.end })),
        weight: weightOf(sentences, parts),
      });
      continue;
    }
    let best: Candidate | null = null;
    for (const part of parts) {
      for (const sentence of part.segment.sentences) {
        if (!substantial([sentence]) || !isWholeSentence(part.segment.text, sentence)) continue;
        const candidate = { first: part, spans: [{ scored: part, start: sentence.start, end: sentence.end }], weight: weightOf([sentence], [part]) };
        if (best === null || candidate.weight > best.weight) best = candidate;
      }
    }
    if (best) candidates.push(best);
  }
  return candidates
    .sort((a, b) => b.weight - a.weight || a.first.segment.startMs - b.first.segment.startMs)
    .slice(0, quoteCount)
    .sort((a, b) => a.first.segment.startMs - b.first.segment.startMs)
    .map(({ spans }) => {
      const quote = spans.map(({ scored, start, end }) => scored.segment.text.slice(start, end)).join(" ");
      const patient = spans.every(({ scored }) => scored.segment.role === "patient");
      return { text: quote, quote, ...(patient ? { speaker: "patient" as const } : {}), evidence: spans.map(({ scored, start, end }) => ({ segmentId: scored.segment.id, start, end })) };
    });
}
