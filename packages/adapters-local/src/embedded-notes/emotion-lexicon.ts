/**
 * Emotion words of the embedded note writer, by the theme they point to (lemmas or lower-cased
 * words). Changing it changes `embeddedRulesVersion`.
 */
export const emotionLexicon: Readonly<Record<string, readonly string[]>> = {
  anxiety: ["anxious", "anxiety", "worried", "worry", "nervous", "panic", "stressed", "stress", "overwhelmed", "tense"],
  sadness: ["sad", "sadness", "depressed", "depression", "hopeless", "empty", "cry", "crying", "grief", "miserable"],
  loneliness: ["lonely", "loneliness", "alone", "isolated"],
  anger: ["angry", "anger", "furious", "frustrated", "frustration", "mad", "irritated", "resentful"],
  fear: ["afraid", "scared", "fear", "terrified", "frightened"],
  guilt: ["guilty", "guilt", "ashamed", "shame", "embarrassed"],
  hope: ["hopeful", "hope", "optimistic", "motivated"],
  joy: ["happy", "glad", "proud", "relieved", "grateful", "calm", "excited"],
};
