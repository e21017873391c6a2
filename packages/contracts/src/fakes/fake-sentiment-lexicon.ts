/**
 * The keyword rule the fake sentiment services (Text Analytics, Comprehend) score by, so that
 * results are deterministic: words of `fakeSentimentLexicon.positive` count for, words of
 * `.negative` against; each fake turns the counts into its own service's answer.
 */
export const fakeSentimentLexicon = {
  positive: ["good", "better", "best", "great", "happy", "glad", "calm", "calmer", "love", "hopeful", "relieved", "thanks", "thank", "enjoy", "enjoyed", "well", "proud", "safe", "rested"],
  negative: ["bad", "worse", "worst", "sad", "anxious", "anxiety", "angry", "hate", "awful", "terrible", "afraid", "scared", "hopeless", "lonely", "worried", "hurt", "tired", "exhausted", "cry", "crying", "panic"],
};

/** How many positive and negative lexicon words `text` holds (case-insensitive, whole words). */
export function countSentimentWords(text: string): { positive: number; negative: number } {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return {
    positive: words.filter((word) => fakeSentimentLexicon.positive.includes(word)).length,
    negative: words.filter((word) => fakeSentimentLexicon.negative.includes(word)).length,
  };
}
