import type { NoteItemDraft } from "@confide/core/ports";
import { contentWords, wordsOf } from "./conversation-fillers.ts";
import { emotionLexicon } from "./emotion-lexicon.ts";
import type { Scored } from "./sentiment-notes.ts";

const quoteCount = 3;
/** A statement of substance has at least this many words… */
export const quoteMinWords = 8;
/** …and this many content words (not stop words, not fillers): "yeah okay I don't know, I mean, yeah" has none. */
export const quoteMinContentWords = 4;
/** Past this many words a statement is quoted sentence by sentence, the weightiest sentence kept. */
const quoteMaxWords = 60;

const emotionWords = new Set(Object.values(emotionLexicon).flat());

interface Candidate {
  scored: Scored;
  start: number;
  end: number;
  weight: number;
}

/**
 * How much a statement weighs: the strength of its sentiment (|positive − negative| + mixed),
 * plus 0.25 for each emotion word of `emotionLexicon` and 0.02 for each content word (up to 20)
 * — what the patient said about their feelings and their life, not how polite it sounded.
 */
function weightOf(scored: Scored, contentCount: number, emotionCount: number): number {
  const { positive, negative, mixed } = scored.sentiment.scores;
  return Math.abs(positive - negative) + mixed + 0.25 * emotionCount + 0.02 * Math.min(contentCount, 20);
}

/**
 * Significant quotes: whole statements of the patient that say something — at least
 * `quoteMinWords` words and `quoteMinContentWords` content words, so bare agreement ("Yeah.",
 * "Okay, thank you.", "I don't know.") is never one — the weightiest `quoteCount` of them
 * (see `weightOf`), in transcript order. A statement is the patient's whole turn, or for a turn
 * longer than `quoteMaxWords` words its weightiest sentence that qualifies.
 * @returns at most `quoteCount` quotes ([] when the patient said nothing of substance).
 */
export function significantQuotes(scored: readonly Scored[]): NoteItemDraft[] {
  const candidates: Candidate[] = [];
  for (const item of scored) {
    const sentences = item.segment.sentences;
    const tokens = sentences.flatMap((sentence) => sentence.tokens);
    const parts = wordsOf(tokens).length > quoteMaxWords ? sentences.map((sentence) => [sentence]) : [sentences];
    let best: Candidate | null = null;
    for (const part of parts) {
      const partTokens = part.flatMap((sentence) => sentence.tokens);
      const content = contentWords(partTokens);
      if (wordsOf(partTokens).length < quoteMinWords || content.length < quoteMinContentWords) continue;
      const emotions = partTokens.filter((token) => emotionWords.has(token.lemma) || emotionWords.has(token.value.toLowerCase())).length;
      const candidate = { scored: item, start: part[0]!.start, end: part[part.length - 1]!.end, weight: weightOf(item, content.length, emotions) };
      if (best === null || candidate.weight > best.weight) best = candidate;
    }
    if (best) candidates.push(best);
  }
  return candidates
    .sort((a, b) => b.weight - a.weight || a.scored.segment.startMs - b.scored.segment.startMs)
    .slice(0, quoteCount)
    .sort((a, b) => a.scored.segment.startMs - b.scored.segment.startMs)
    .map(({ scored: item, start, end }) => {
      const quote = item.segment.text.slice(start, end);
      return { text: quote, quote, ...(item.segment.role === "patient" ? { speaker: "patient" as const } : {}), evidence: [{ segmentId: item.segment.id, start, end }] };
    });
}
