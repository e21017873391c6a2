/**
 * Text Analytics' answer for one document → Confide's sentiment (the table in README.md, beside
 * VADER's and Comprehend's).
 *
 * Azure scores each sentence with three confidences (positive, neutral, negative; they sum to 1)
 * and labels the document positive, neutral, negative or mixed (mixed: it has a positive and a
 * negative sentence). It gives no mixed score. Confide's four scores come from the sentences:
 *
 * - P, U, N: the means of the sentences' positive, neutral and negative confidences, each
 *   sentence weighted by its length (`sentimentWeight`: code points);
 * - P⁺: the part of P held by sentences labelled positive, N⁻ the part of N held by sentences
 *   labelled negative;
 * - mixed = 2 × min(P⁺, N⁻), taken equally from both sides: positive = P − mixed / 2,
 *   negative = N − mixed / 2, neutral = U.
 *
 * So a document whose sentences agree keeps mixed at 0, and one positive and one negative
 * sentence of equal length (0.9 each) give mixed 0.9 — as VADER's mapping turns the overlap of
 * positive and negative words into mixed. The four sum to 1 (renormalised against rounding).
 * The label is Azure's own document label. A document without sentences (the service found
 * none) takes the document's confidences, mixed 0.
 */
import { sentimentWeight } from "@confide/core/adapter-kit";
import type { SentimentLabel, SentimentResult, SentimentScores } from "@confide/core/ports";

interface Confidences {
  positive: number;
  neutral: number;
  negative: number;
}

/** What the mapping reads of a successful `AnalyzeSentimentResult`. */
export interface AzureDocumentSentiment {
  sentiment: string;
  confidenceScores: Confidences;
  sentences: ReadonlyArray<{ text: string; sentiment: string; confidenceScores: Confidences }>;
}

const labels: ReadonlySet<string> = new Set<SentimentLabel>(["positive", "neutral", "negative", "mixed"]);

const share = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0);

/**
 * Maps one scored document (see the module comment).
 * @returns Confide's result; undefined when the answer is not one Azure documents (an unknown
 * label, no usable scores) — the caller reports that as a bad response.
 */
export function sentimentFromAzure(document: AzureDocumentSentiment): SentimentResult | undefined {
  if (!labels.has(document.sentiment)) return undefined;
  let positive = 0;
  let neutral = 0;
  let negative = 0;
  let positiveOfPositive = 0;
  let negativeOfNegative = 0;
  let total = 0;
  const sentences = Array.isArray(document.sentences) ? document.sentences : [];
  for (const sentence of sentences) {
    const weight = sentimentWeight(typeof sentence.text === "string" ? sentence.text : "");
    const scores = sentence.confidenceScores ?? { positive: 0, neutral: 0, negative: 0 };
    positive += share(scores.positive) * weight;
    neutral += share(scores.neutral) * weight;
    negative += share(scores.negative) * weight;
    if (sentence.sentiment === "positive") positiveOfPositive += share(scores.positive) * weight;
    if (sentence.sentiment === "negative") negativeOfNegative += share(scores.negative) * weight;
    total += weight;
  }
  if (total === 0) {
    const scores = document.confidenceScores ?? { positive: 0, neutral: 0, negative: 0 };
    positive = share(scores.positive);
    neutral = share(scores.neutral);
    negative = share(scores.negative);
  }
  const mixed = 2 * Math.min(positiveOfPositive, negativeOfNegative);
  const raw: SentimentScores = { positive: positive - mixed / 2, neutral, negative: negative - mixed / 2, mixed };
  const sum = raw.positive + raw.neutral + raw.negative + raw.mixed;
  if (!(sum > 0)) return undefined;
  return {
    label: document.sentiment as SentimentLabel,
    scores: { positive: raw.positive / sum, neutral: raw.neutral / sum, negative: raw.negative / sum, mixed: raw.mixed / sum },
  };
}

/**
 * The language code Text Analytics takes for a transcript's BCP 47 tag: the primary subtag in
 * lower case (`en-US` → `en`), except Chinese and Portuguese, whose scripts and regions it tells
 * apart (`zh-Hans`/`zh-CN`/`zh-SG` → `zh-hans`, `zh-Hant`/`zh-TW`/`zh-HK`/`zh-MO` → `zh-hant`,
 * `pt-PT`, `pt-BR`). The service refuses a language it does not support (`provider.unsupported`).
 */
export function textAnalyticsLanguage(tag: string): string {
  const parts = tag.trim().replace(/_/g, "-").split("-");
  const primary = (parts[0] ?? "").toLowerCase();
  const rest = parts.slice(1).map((part) => part.toLowerCase());
  if (primary === "zh") {
    return rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part)) ? "zh-hant" : "zh-hans";
  }
  if (primary === "pt") {
    if (rest.includes("br")) return "pt-BR";
    if (rest.includes("pt")) return "pt-PT";
    return "pt";
  }
  return primary;
}
