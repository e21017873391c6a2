/**
 * Emotion words of the embedded note writer, by the theme they point to (lemmas or lower-cased
 * words). Changing it changes `embeddedRulesVersion`.
 */
export const emotionLexicon: Readonly<Record<string, readonly string[]>> = {
  anxiety: ["anxious", "anxiety", "worried", "worry", "nervous", "panic", "stressed", "stress", "stressful", "overwhelmed", "tense", "dread", "uneasy", "insecure", "concerned", "pressure", "apprehensive", "desperate"],
  sadness: ["sad", "sadness", "despair", "depressed", "depression", "hopeless", "empty", "cry", "crying", "grief", "grieve", "miserable", "upset", "heartbroken", "hurt", "numb", "unhappy", "worthless", "useless", "exhausted", "broken", "devastated", "suicidal", "suicide", "unbearable"],
  loneliness: ["lonely", "loneliness", "alone", "isolated"],
  anger: ["angry", "anger", "furious", "frustrated", "frustration", "frustrating", "mad", "irritated", "resentful", "annoyed", "annoying", "pissed", "hate", "resent", "unfair", "rage", "disgusted"],
  fear: ["afraid", "scared", "scare", "fear", "terrified", "frightened"],
  guilt: ["guilty", "guilt", "ashamed", "shame", "embarrassed", "failure"],
  hope: ["hopeful", "hope", "optimistic", "motivated", "encouraged", "confident", "positive"],
  joy: ["happy", "glad", "proud", "relieved", "grateful", "calm", "excited", "relaxed", "peaceful", "content"],
};
