import { isFiller } from "./conversation-fillers.ts";
import type { ReadSegment } from "./segment-reader.ts";

/** Capitalised words that are not names of people: days, months, the pronoun I, titles. */
const notNames = new Set([
  "i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
  "may", "june", "july", "august", "september", "october", "november", "december", "christmas", "easter", "god",
]);

/**
 * The names said in a session, as lower-cased words: every capitalised noun or proper noun
 * (wink-nlp's NOUN or PROPN) that does not start its sentence ("I rang Phil", "Hi Harold"), and
 * a proper noun that starts it before a comma ("Tom, how are you?"). A capital at the start of
 * a sentence alone says nothing: wink-nlp tags "Presentations can be hard" a proper noun. This
 * is read across both speakers, so a name tagged once
 * is a name everywhere in the session, also where wink-nlp tags it a common noun or a speech
 * recogniser wrote it in lower case. Fillers ("Hmm"), days and months are not names.
 * @returns the set of name words (empty when none is said).
 */
export function personNames(segments: readonly ReadSegment[]): Set<string> {
  const names = new Set<string>();
  for (const segment of segments) {
    for (const sentence of segment.sentences) {
      sentence.tokens.forEach((token, index) => {
        if (!/^\p{Lu}\p{Ll}/u.test(token.value) || isFiller(token)) return;
        const word = token.value.toLowerCase();
        if (notNames.has(word)) return;
        const vocative = index === 0 && token.pos === "PROPN" && sentence.tokens[1]?.value === ",";
        if (vocative || (index > 0 && (token.pos === "PROPN" || token.pos === "NOUN"))) names.add(word);
      });
    }
  }
  return names;
}

/** True when some text says one of `names` as a whole word. */
export function mentionsName(text: string, names: ReadonlySet<string>): boolean {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => names.has(word));
}
