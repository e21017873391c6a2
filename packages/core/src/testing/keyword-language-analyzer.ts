import { labelOf, type SentimentResult } from "../domain/sentiment.ts";
import type { LanguageAnalyzer } from "../ports/language-analyzer.ts";

const positive = /\b(good|better|best|great|happy|glad|calm|hope|hopeful|love|thank|thanks|relieved|well)\b/gi;
const negative = /\b(bad|worse|worst|sad|worried|worry|anxious|afraid|angry|hate|tired|alone|hopeless|awful)\b/gi;

/** Deterministic keyword sentiment for tests: counts positive and negative words. */
export function createKeywordLanguageAnalyzer(): LanguageAnalyzer {
  return {
    provider: "keywords",
    async sentiment(texts) {
      return texts.map((text): SentimentResult => {
        const up = text.match(positive)?.length ?? 0;
        const down = text.match(negative)?.length ?? 0;
        const total = up + down;
        const scores =
          total === 0
            ? { positive: 0, neutral: 1, negative: 0, mixed: 0 }
            : up > 0 && down > 0
              ? { positive: up / (2 * total), neutral: 0, negative: down / (2 * total), mixed: 0.5 }
              : { positive: up / total, neutral: 0, negative: down / total, mixed: 0 };
        return { label: labelOf(scores), scores };
      });
    },
    async check() {},
    async close() {},
  };
}
