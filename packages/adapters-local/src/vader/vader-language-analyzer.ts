/**
 * LanguageAnalyzer on VADER (`vader-sentiment`), in process, English only (docs/architecture.md#profiles).
 *
 * VADER gives, per text, the shares of positive, neutral and negative words (`pos`, `neu`,
 * `neg`, which sum to 1) and a normalised overall valence `compound` in [-1, 1].
 *
 * Scores. When a text has both positive and negative words, the overlapping part of the two
 * shares is "mixed": mixed = 2 × min(pos, neg), taken equally from both, so
 *   positive = pos − mixed / 2, negative = neg − mixed / 2, neutral = neu
 * and the four still sum to 1 (rounding aside; they are renormalised). A purely positive text
 * keeps mixed = 0; "I love my kids but I hate my job" (pos 0.21, neg 0.40) gets mixed 0.41.
 * A text VADER cannot score (no words: all shares 0) is neutral 1.
 *
 * Label. VADER's recommended thresholds on compound: ≥ 0.05 positive, ≤ −0.05 negative,
 * otherwise neutral; but when both pos and neg reach `mixedShare` (0.15) the text is "mixed"
 * whatever the compound says.
 *
 * docs/clinical/sentiment.md sets this mapping beside Azure Text Analytics' and
 * Amazon Comprehend's.
 */
import { ConfideError, type LanguageAnalyzer, type SentimentLabel, type SentimentResult, type SentimentScores } from "@confide/core/ports";
import { createBackgroundProof } from "../local-programs/background-proof.ts";

interface VaderPolarity {
  pos: number;
  neu: number;
  neg: number;
  compound: number;
}

interface VaderAnalyzer {
  polarity_scores(text: string): VaderPolarity;
}

/** Both polarities at least this share of the words make a text "mixed". */
const mixedShare = 0.15;
const positiveCompound = 0.05;
const negativeCompound = -0.05;
/** Texts scored between two yields to the event loop, so a long batch does not block it. */
const textsPerTurn = 200;

const isEnglish = (language: string) => /^en(-|_|$)/i.test(language.trim());

const share = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

/** Maps VADER's polarity to Confide's sentiment (see the module comment). */
export function sentimentFromVader(polarity: VaderPolarity): SentimentResult {
  const pos = share(polarity.pos);
  const neg = share(polarity.neg);
  const neu = share(polarity.neu);
  const mixed = 2 * Math.min(pos, neg);
  const raw = { positive: pos - mixed / 2, neutral: neu, negative: neg - mixed / 2, mixed };
  const total = raw.positive + raw.neutral + raw.negative + raw.mixed;
  const scores: SentimentScores =
    total > 0
      ? {
          positive: raw.positive / total,
          neutral: raw.neutral / total,
          negative: raw.negative / total,
          mixed: raw.mixed / total,
        }
      : { positive: 0, neutral: 1, negative: 0, mixed: 0 };

  const compound = Number.isFinite(polarity.compound) ? polarity.compound : 0;
  let label: SentimentLabel;
  if (pos >= mixedShare && neg >= mixedShare) label = "mixed";
  else if (compound >= positiveCompound) label = "positive";
  else if (compound <= negativeCompound) label = "negative";
  else label = "neutral";
  return { label, scores };
}

/** Creates the VADER LanguageAnalyzer. The lexicon is loaded on first use. */
export function createVaderLanguageAnalyzer(): LanguageAnalyzer {
  let analyzer: Promise<VaderAnalyzer> | null = null;

  const load = () => {
    analyzer ??= import("vader-sentiment").then(
      (module) => {
        const found: VaderAnalyzer | undefined =
          module.SentimentIntensityAnalyzer ?? module.default?.SentimentIntensityAnalyzer;
        if (!found) {
          throw new ConfideError("provider.unavailable", "vader-sentiment has no SentimentIntensityAnalyzer.", {
            retryable: false,
          });
        }
        return found;
      },
      (error: unknown) => {
        analyzer = null;
        throw new ConfideError(
          "provider.unavailable",
          "The vader-sentiment package could not be loaded: install it (npm i vader-sentiment).",
          { retryable: false, cause: error },
        );
      },
    );
    return analyzer;
  };
  const lexiconLoads = createBackgroundProof(async () => {
    await load();
  });

  return {
    provider: "vader",

    async sentiment(texts: string[], options: { language: string; signal?: AbortSignal }): Promise<SentimentResult[]> {
      if (!isEnglish(options.language)) {
        throw new ConfideError(
          "provider.unsupported",
          `VADER scores English only; ${options.language} cannot be analysed.`,
          { retryable: false, details: { language: options.language, supported: ["en"] } },
        );
      }
      if (texts.length === 0) return [];
      const vader = await load();
      const results: SentimentResult[] = [];
      for (const [index, text] of texts.entries()) {
        if (index > 0 && index % textsPerTurn === 0) {
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (options.signal?.aborted) throw options.signal.reason;
        results.push(sentimentFromVader(vader.polarity_scores(text)));
      }
      return results;
    },

    async check(): Promise<void> {
      // The package is installed (found at once); loading its lexicon (a tenth of a second on a
      // busy machine) is proven in the background from the first check on, and a failed load is
      // what every later check reports.
      try {
        import.meta.resolve("vader-sentiment");
        lexiconLoads.report();
      } catch (error) {
        throw new ConfideError("dependency.unavailable", "The VADER lexicon could not be loaded.", {
          cause: error,
          details: { dependency: "vader" },
        });
      }
    },

    async close(): Promise<void> {
      // Nothing else is held: VADER is a lexicon in memory.
      lexiconLoads.close();
    },
  };
}
