/** Types for `vader-sentiment` (a CommonJS bundle without its own), as far as Confide uses it. */
declare module "vader-sentiment" {
  interface VaderPolarityScores {
    /** Shares of positive, neutral and negative words; they sum to 1 (0 for an empty text). */
    pos: number;
    neu: number;
    neg: number;
    /** Normalised overall valence in [-1, 1]. */
    compound: number;
  }
  export const SentimentIntensityAnalyzer: { polarity_scores(text: string): VaderPolarityScores };
  const vader: { SentimentIntensityAnalyzer: typeof SentimentIntensityAnalyzer };
  export default vader;
}
