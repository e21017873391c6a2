import type { NoteItemDraft } from "@confide/core/ports";
import { phraseStarts } from "./lemma-phrases.ts";
import type { ReadSegment, ReadToken } from "./segment-reader.ts";

/** What an item of the therapist's suggestion starts with: core's note model has no field that marks an item as suggested. */
export const suggestedPrefix = "Suggested: ";

/** Ways a therapist proposes something the patient could do, as lemma phrases. */
const suggestionPhrases = [
  "you could",
  "you might",
  "could you",
  "would you consider",
  "would you be willing",
  "what if you",
  "i would like",
  "i would also like",
  "i would suggest",
  "i suggest",
  "it might help",
  "it might also help",
  "it may help",
  "it might be worth",
  "it might be good",
  "would it help",
  "maybe you",
  "perhaps you",
  "one thing you",
  "one thing that can help",
  "some people find it help",
  "have you think about",
  "how about",
];

/** Questions that ask the patient for their own plan ("What could you do this week?") are not suggestions. */
const openQuestionStarts = new Set(["what", "how", "which", "who", "anything", "is"]);
/** Words that may open an imperative suggestion before its verb: "And try not to…", "Maybe plan something…". */
const openers = new Set(["and", "so", "then", "maybe", "perhaps", "also"]);
/** Verbs that, opening a therapist's sentence, propose something: "Try the slow breathing", "Maybe plan something for the evening". */
const proposingVerbs = new Set(["try", "plan", "write", "keep", "practise", "practice", "notice", "remember"]);

/** True for an imperative proposal: the sentence's first word after `openers` is one of `proposingVerbs`. */
function proposes(tokens: readonly ReadToken[]): boolean {
  const first = tokens.find((token) => !openers.has(token.lemma) && /[\p{L}]/u.test(token.value));
  return first !== undefined && proposingVerbs.has(first.lemma);
}

/** True when the phrase at `index` is negated right after it ("you couldn't get on the bus" proposes nothing). */
const negatedAfter = (tokens: readonly ReadToken[], index: number, length: number) => tokens[index + length]?.lemma === "not";

/**
 * The therapist's suggestions: sentences of the therapist's turns that propose something the
 * patient could do (`suggestionPhrases`: "maybe you could…", "I'd like you to…", "it might help
 * to…", "what if you tried…", not negated; or an imperative such as "try the slow breathing"),
 * except open questions that ask for the patient's own plan. Each
 * becomes an action item marked as suggested — its text "Suggested: " and the sentence, the
 * sentence quoted, attributed to the therapist — so it is never read as the patient's commitment.
 * @returns the items in transcript order ([] when none).
 */
export function findSuggestions(segments: readonly ReadSegment[]): NoteItemDraft[] {
  const items: NoteItemDraft[] = [];
  for (const segment of segments) {
    if (segment.role !== "therapist") continue;
    for (const sentence of segment.sentences) {
      const first = sentence.tokens[0]?.lemma ?? "";
      const whatIf = first === "what" && sentence.tokens[1]?.lemma === "if";
      const howAbout = first === "how" && sentence.tokens[1]?.lemma === "about";
      if (openQuestionStarts.has(first) && !whatIf && !howAbout) continue;
      const said = suggestionPhrases.some((phrase) =>
        phraseStarts(sentence.tokens, phrase).some((index) => !negatedAfter(sentence.tokens, index, phrase.split(" ").length)),
      );
      if (!said && !proposes(sentence.tokens)) continue;
      const quote = segment.text.slice(sentence.start, sentence.end);
      items.push({ text: `${suggestedPrefix}${quote}`, quote, speaker: "therapist", evidence: [{ segmentId: segment.id, start: sentence.start, end: sentence.end }] });
    }
  }
  return items;
}
