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
  const { listener, speaker } = personWords(texts);
  return listener >= fewestListenerWords && listener > speaker;
}

/** The fewest of `listenerWords` and `speakerWords` together a speaker must say for their way of speaking over a session to be read. */
export const fewestPersonWords = 10;
/** How far the share of a speaker's person words that address the listener must exceed every other speaker's for them to read as the counsellor. */
export const counsellorMargin = 0.2;

/** Of some words, how many address the listener and how many speak of the speaker. */
function personWords(texts: readonly string[]): { listener: number; speaker: number } {
  const words = texts.join(" ").toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  return { listener: words.filter((word) => listenerWords.has(word)).length, speaker: words.filter((word) => speakerWords.has(word)).length };
}

/**
 * The speaker who, over the whole session (`segments`), reads as the counsellor, or null: of their
 * person words (at least `fewestPersonWords`), the share addressing the listener exceeds every
 * other speaker's share by `counsellorMargin` or more, each other speaker having said at least
 * `fewestPersonWords` too. At most one speaker can; a session of one speaker, or of speakers too
 * quiet to read, has none.
 */
export function counsellorOf(segments: readonly { speaker: string; text: string }[]): string | null {
  const bySpeaker = new Map<string, string[]>();
  for (const segment of segments) {
    const texts = bySpeaker.get(segment.speaker);
    if (texts) texts.push(segment.text);
    else bySpeaker.set(segment.speaker, [segment.text]);
  }
  const shares = [...bySpeaker.entries()].map(([label, texts]) => {
    const counts = personWords(texts);
    const total = counts.listener + counts.speaker;
    return { label, share: total < fewestPersonWords ? null : counts.listener / total };
  });
  if (shares.length < 2 || shares.some((entry) => entry.share === null)) return null;
  // Shares are fractions: compared in thousandths, so that 0.6 against 0.4 is the margin exactly.
  const margin = Math.round(counsellorMargin * 1000);
  const counsellor = shares.find((entry) => shares.every((other) => other === entry || Math.round((entry.share! - other.share!) * 1000) >= margin));
  return counsellor?.label ?? null;
}
