/** Words that set an act in a time to come: "tomorrow", "next week", "on Monday", "tonight", "this weekend", "soon". */
export const timeAnchors: ReadonlySet<string> = new Set([
  "tomorrow", "tonight", "today", "week", "weekend", "month", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "morning", "afternoon", "evening", "soon", "next", "later", "immediately", "asap", "fall", "autumn", "spring", "summer", "winter", "appointment",
]);

/** Words a sentence that only tells when may hold beside `timeAnchors`: "This Wednesday.", "On Monday, first thing.", "Next week, probably.". */
export const whenWords: ReadonlySet<string> = new Set(["this", "on", "at", "by", "the", "first", "thing", "every", "then", "probably", "maybe", "hopefully", "perhaps"]);

/**
 * True when a sentence's words only tell when (`timeAnchors`, with `whenWords` around them): "This
 * Wednesday.", "Tomorrow.", "Next week, probably.". Said right after another sentence of the
 * speaker, it tells when that one's act is: the reader joins the two ("I'll go. This Wednesday.").
 */
export function onlyTellsWhen(words: readonly { lemma: string; value: string }[]): boolean {
  const said = (word: { lemma: string; value: string }) => [word.lemma, word.value.toLowerCase()];
  return words.some((word) => said(word).some((form) => timeAnchors.has(form))) && words.every((word) => said(word).some((form) => timeAnchors.has(form) || whenWords.has(form)));
}
