/**
 * How a cloud sentiment adapter sends texts to a provider with per-request limits, and reads one
 * result per text back: the one rule for Azure Text Analytics and Amazon Comprehend.
 *
 * 1. A text with nothing but whitespace is not sent: it is `neutralSentiment` (it says nothing).
 * 2. A text over the provider's document size is split into pieces (`splitText`: sentences,
 *    then words, never a code point) — each piece becomes one document.
 * 3. Documents go in batches of at most `documentsPerRequest`, one request at a time, in order.
 * 4. A text sent in pieces gets one result again (`combineSentiments`):
 *    - scores: the mean of the pieces' scores weighted by their length (`sentimentWeight`, code
 *      points without surrounding whitespace), so a long piece counts for what it holds and the
 *      four scores still sum to 1;
 *    - label: the rule Azure states for a document made of sentences — `mixed` when a piece is
 *      mixed or some pieces are positive and others negative; else `positive` when a piece is
 *      positive, `negative` when one is negative; `neutral` when every piece is.
 */
import { ConfideError } from "../errors.ts";
import type { SentimentLabel, SentimentResult, SentimentScores } from "./sentiment.ts";
import { splitText, type TextMeasure } from "./text-pieces.ts";

/** The result of a text that says nothing (empty, or whitespace only). */
export const neutralSentiment: SentimentResult = Object.freeze({
  label: "neutral",
  scores: Object.freeze({ positive: 0, neutral: 1, negative: 0, mixed: 0 }),
});

/** A provider's request limits. */
export interface SentimentDocumentLimits {
  /** Documents one request may carry (Azure 10, Comprehend 25). */
  documentsPerRequest: number;
  /** Largest document, in `measure` units (Azure 5,120 characters, counted as code points; Comprehend 5,000 UTF-8 bytes). */
  sizePerDocument: number;
  measure: TextMeasure;
}

/** One document of a batch: a text, or a piece of one, and the index of the text it came from. */
export interface SentimentDocument {
  text: string;
  textIndex: number;
}

/**
 * Scores one batch. Resolves with one result per document, in order; throws (a ConfideError
 * `provider.*`) when the request fails or any document of it fails — a failed document never
 * becomes a neutral result.
 */
export type ScoreSentimentBatch = (documents: readonly SentimentDocument[], signal: AbortSignal | undefined) => Promise<SentimentResult[]>;

/**
 * How much a text weighs when pieces or sentences are combined: its code points, without the
 * whitespace around it; at least 1.
 */
export function sentimentWeight(text: string): number {
  return Math.max(1, Array.from(text.trim()).length);
}

const scoreKeys = ["positive", "neutral", "negative", "mixed"] as const;

/** The label of a text from its parts' labels (Azure's rule for sentences in a document). */
export function combinedLabel(labels: readonly SentimentLabel[]): SentimentLabel {
  const seen = new Set(labels);
  if (seen.has("mixed") || (seen.has("positive") && seen.has("negative"))) return "mixed";
  if (seen.has("positive")) return "positive";
  if (seen.has("negative")) return "negative";
  return "neutral";
}

/**
 * One result from the results of a text's pieces (the rule in the module comment).
 * @returns the weighted mean of the scores, normalised to sum to 1, with `combinedLabel`;
 * `neutralSentiment` for no parts.
 */
export function combineSentiments(parts: ReadonlyArray<{ result: SentimentResult; weight: number }>): SentimentResult {
  if (parts.length === 0) return neutralSentiment;
  if (parts.length === 1) return (parts[0] as { result: SentimentResult }).result;
  const sum: SentimentScores = { positive: 0, neutral: 0, negative: 0, mixed: 0 };
  let total = 0;
  for (const { result, weight } of parts) {
    for (const key of scoreKeys) sum[key] += result.scores[key] * weight;
    total += weight;
  }
  const scoreTotal = scoreKeys.reduce((acc, key) => acc + sum[key], 0);
  const divisor = scoreTotal > 0 ? scoreTotal : total;
  const scores = Object.fromEntries(scoreKeys.map((key) => [key, sum[key] / divisor])) as unknown as SentimentScores;
  return { label: combinedLabel(parts.map((part) => part.result.label)), scores };
}

/** The documents to send for `texts`: pieces that fit, with the texts they belong to. */
export function sentimentDocuments(texts: readonly string[], limits: SentimentDocumentLimits, locale: string): SentimentDocument[] {
  const documents: SentimentDocument[] = [];
  texts.forEach((text, textIndex) => {
    if (text.trim() === "") return;
    for (const piece of splitText(text, { limit: limits.sizePerDocument, measure: limits.measure, locale })) {
      documents.push({ text: piece, textIndex });
    }
  });
  return documents;
}

/** Consecutive runs of at most `size` items. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/**
 * Scores `texts` through `scoreBatch` within `limits` (the steps of the module comment).
 * @returns one result per text, in order; [] for no texts (nothing is sent).
 * @throws what `scoreBatch` throws (the batches after it are not sent); the signal's reason
 * when `signal` is aborted between batches; ConfideError `provider.bad_response` when
 * `scoreBatch` answers a different number of results than documents.
 */
export async function scoreInBatches(
  texts: readonly string[],
  options: { limits: SentimentDocumentLimits; locale: string; signal?: AbortSignal },
  scoreBatch: ScoreSentimentBatch,
): Promise<SentimentResult[]> {
  const { limits, locale, signal } = options;
  const documents = sentimentDocuments(texts, limits, locale);
  const parts: Array<Array<{ result: SentimentResult; weight: number }>> = texts.map(() => []);
  for (const batch of batchesOf(documents, limits.documentsPerRequest)) {
    signal?.throwIfAborted();
    const results = await scoreBatch(batch, signal);
    if (results.length !== batch.length) {
      throw new ConfideError("provider.bad_response", "The sentiment provider answered a different number of results than documents sent.", {
        details: { sent: batch.length, received: results.length },
      });
    }
    batch.forEach((document, index) => {
      parts[document.textIndex]?.push({ result: results[index] as SentimentResult, weight: sentimentWeight(document.text) });
    });
  }
  return parts.map((textParts) => combineSentiments(textParts));
}
