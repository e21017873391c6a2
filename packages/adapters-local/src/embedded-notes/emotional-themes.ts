import type { NoteItemDraft } from "@confide/core/ports";
import { emotionLexicon } from "./emotion-lexicon.ts";
import { dislikesAnAct, namesAThing, positiveOfAThing, saidOfSomeoneElse, wishedFor } from "./feeling-subject.ts";
import { isNegatedAt } from "./lemma-phrases.ts";
import type { ReadSegment, ReadToken } from "./segment-reader.ts";

const spansPerTheme = 3;

/** Words after the verb "hope" that make it a courtesy: "I hope so", "hope you have a good night", "hope that helps". */
const courtesyAfterHope = new Set(["so", "not", "you", "u", "your", "ya"]);

/**
 * True when the emotion word at `index` is the verb "hope" said as a courtesy or an answer to
 * reassurance ("Thank you, I hope so", "Hope you have a good day", "hope this helps"): it shows
 * no hope of the patient's own.
 */
function isCourtesy(tokens: readonly ReadToken[], index: number): boolean {
  const token = tokens[index]!;
  if (token.lemma !== "hope" || token.pos !== "VERB") return false;
  const next = tokens[index + 1]?.value.toLowerCase() ?? "";
  return courtesyAfterHope.has(next) || (["this", "that", "it"].includes(next) && tokens[index + 2]?.lemma === "help");
}

/** Words of difficulty that, shortly before a feeling, say the patient lacks it: "trouble getting motivated", "hard to feel hopeful". */
const lackingCues = new Set(["trouble", "hard", "difficult", "struggle", "unable", "cannot"]);
/** How many tokens before the feeling a cue of `lackingCues` (or "can't") still speaks of it. */
const lackingReach = 3;

/** True when the emotion word at `index` is one the patient says they struggle to reach ("I have trouble getting motivated"): no theme of it. */
function isLacked(tokens: readonly ReadToken[], index: number): boolean {
  return tokens.slice(Math.max(0, index - lackingReach), index).some((token, at, before) => lackingCues.has(token.lemma) || lackingCues.has(token.value.toLowerCase()) || (token.lemma === "can" && ["not", "n't"].includes(before[at + 1]?.lemma ?? "")));
}

/** The themes of a pleasant feeling, which a wish for it does not show (`wishedFor`). */
const pleasantThemes = new Set(["hope", "joy"]);

/**
 * Emotional themes from what the patient (or an unknown speaker) said: a theme for each group
 * of `emotionLexicon` with a word said, not negated ("I'm not anxious" counts for nothing) and not
 * a courtesy (`isCourtesy`: "I hope so"), nor a feeling the patient struggles to reach (`isLacked`: "trouble getting motivated"), nor one said of someone else (`saidOfSomeoneElse`: "he seems happy"), nor a thing named (`namesAThing`: "blood pressure"), nor a pleasant one only wished for (`wishedFor`: "I could be happy in a quieter job"). Each theme quotes the first word that raised it and cites up to three occurrences.
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
        if (theme === undefined || isNegatedAt(sentence.tokens, index) || isCourtesy(sentence.tokens, index) || isLacked(sentence.tokens, index) || saidOfSomeoneElse(sentence.tokens, index, 1) || dislikesAnAct(sentence.tokens, index) || namesAThing(sentence.tokens, index)) return;
        if (pleasantThemes.has(theme) && (wishedFor(sentence.tokens, index) || positiveOfAThing(sentence.tokens, index))) return;
        const item = themes.get(theme) ?? { text: theme, quote: token.value, evidence: [] };
        if (item.evidence.length < spansPerTheme) item.evidence.push({ segmentId: segment.id, start: token.start, end: token.end });
        themes.set(theme, item);
      });
    }
  }
  return [...themes.values()];
}
