/**
 * Comprehend's answer for one document → Confide's sentiment (the table in the repository
 * docs/clinical/sentiment.md, beside VADER's and Text Analytics').
 *
 * Comprehend already answers Confide's schema: a label POSITIVE, NEGATIVE, NEUTRAL or MIXED
 * and four scores (`SentimentScore.Positive`, `Negative`, `Neutral`, `Mixed`) that sum to about
 * 1. They are taken one to one — renormalised to sum to exactly 1 — and the label lower-cased.
 */
import type { SentimentLabel, SentimentResult } from "@confide/core/ports";

/** What the mapping reads of one `BatchDetectSentimentItemResult`. */
export interface ComprehendItemSentiment {
  Sentiment?: string | undefined;
  SentimentScore?: { Positive?: number | undefined; Negative?: number | undefined; Neutral?: number | undefined; Mixed?: number | undefined } | undefined;
}

const labels: Record<string, SentimentLabel> = { POSITIVE: "positive", NEGATIVE: "negative", NEUTRAL: "neutral", MIXED: "mixed" };

const share = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0);

/**
 * Maps one scored document.
 * @returns Confide's result; undefined when the item is not one Comprehend documents (an unknown
 * label, no scores) — the caller reports that as a bad response.
 */
export function sentimentFromComprehend(item: ComprehendItemSentiment): SentimentResult | undefined {
  const label = labels[item.Sentiment ?? ""];
  const scores = item.SentimentScore;
  if (label === undefined || scores === undefined) return undefined;
  const raw = { positive: share(scores.Positive), neutral: share(scores.Neutral), negative: share(scores.Negative), mixed: share(scores.Mixed) };
  const sum = raw.positive + raw.neutral + raw.negative + raw.mixed;
  if (!(sum > 0)) return undefined;
  return { label, scores: { positive: raw.positive / sum, neutral: raw.neutral / sum, negative: raw.negative / sum, mixed: raw.mixed / sum } };
}

/** The languages `BatchDetectSentiment` takes (the `LanguageCode` enum of Comprehend's 2017-11-27 model). */
export const comprehendLanguageCodes: readonly string[] = ["en", "es", "fr", "de", "it", "pt", "ar", "hi", "ja", "ko", "zh", "zh-TW"];

/**
 * Comprehend's language code for a transcript's BCP 47 tag: the primary subtag in lower case
 * (`en-US` → `en`, `pt-BR` → `pt`), Chinese as `zh` (simplified) or `zh-TW` (traditional:
 * `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`).
 * @returns the code, or undefined when Comprehend does not analyse the language.
 */
export function comprehendLanguage(tag: string): string | undefined {
  const parts = tag.trim().replace(/_/g, "-").split("-");
  const primary = (parts[0] ?? "").toLowerCase();
  if (primary === "zh") {
    return parts.slice(1).some((part) => ["hant", "tw", "hk", "mo"].includes(part.toLowerCase())) ? "zh-TW" : "zh";
  }
  return comprehendLanguageCodes.includes(primary) ? primary : undefined;
}
