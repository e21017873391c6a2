import type { NoteItemDraft } from "@confide/core/ports";
import { emotionLexicon } from "./emotion-lexicon.ts";
import { isNegatedAt } from "./lemma-phrases.ts";
import type { ReadSegment } from "./segment-reader.ts";

const spansPerTheme = 3;

/**
 * Emotional themes from what the patient (or an unknown speaker) said: a theme for each group
 * of `emotionLexicon` with a word said and not negated ("I'm not anxious" counts for nothing).
 * Each theme quotes the first word that raised it and cites up to three occurrences.
 * @returns the themes in order of first mention ([] when no emotion word was said).
 */
export function findEmotionalThemes(segments: readonly ReadSegment[]): NoteItemDraft[] {
  const themeOf = new Map<string, string>();
  for (const [theme, words] of Object.entries(emotionLexicon)) for (const word of words) themeOf.set(word, theme);
  const themes = new Map<string, NoteItemDraft>();
  for (const segment of segments) {
    if (segment.role === "therapist") continue;
    for (const sentence of segment.sentences) {
      sentence.tokens.forEach((token, index) => {
        const theme = themeOf.get(token.lemma) ?? themeOf.get(token.value.toLowerCase());
        if (theme === undefined || isNegatedAt(sentence.tokens, index)) return;
        const item = themes.get(theme) ?? { text: theme, quote: token.value, evidence: [] };
        if (item.evidence.length < spansPerTheme) item.evidence.push({ segmentId: segment.id, start: token.start, end: token.end });
        themes.set(theme, item);
      });
    }
  }
  return [...themes.values()];
}
