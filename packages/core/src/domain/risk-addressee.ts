/**
 * Whom a turn of no known speaker reads as addressed to. With one microphone the screen cannot
 * tell the patient's words from the therapist's; a turn that speaks to the listener far more than
 * about the speaker ("you", "your" outnumbering "I", "me", "my") reads as the counsellor's — an
 * answer, a reflection, advice — and an explicit statement in it is listed to review, not paged.
 * This is the rule's data.
 */

/** Words addressing the listener. */
export const listenerWords: ReadonlySet<string> = new Set(["you", "your", "yours", "yourself", "yourselves", "you're", "you’re", "you've", "you’ve", "you'll", "you’ll", "you'd", "you’d"]);
/** Words of the speaker about themselves. */
export const speakerWords: ReadonlySet<string> = new Set(["i", "me", "my", "mine", "myself", "i'm", "i’m", "im", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d"]);
/** The fewest words addressing the listener for a turn to read as addressed to them: a patient's "you know, I…" does not. */
export const fewestListenerWords = 3;

/**
 * True when the texts (the segments a finding cites) address the listener more than they speak of
 * the speaker: at least `fewestListenerWords` of `listenerWords`, and more of them than of
 * `speakerWords`.
 */
export function addressesListener(texts: readonly string[]): boolean {
  const words = texts.join(" ").toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  const listener = words.filter((word) => listenerWords.has(word)).length;
  const speaker = words.filter((word) => speakerWords.has(word)).length;
  return listener >= fewestListenerWords && listener > speaker;
}
