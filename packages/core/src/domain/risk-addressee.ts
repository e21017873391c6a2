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

/** The fewest of `listenerWords` and `speakerWords` together a speaker must say for their way of speaking over a session to be read. */
export const fewestPersonWords = 10;
/** How far the share of a speaker's person words that address the listener must exceed every other speaker's for them to read as the counsellor. */
export const counsellorMargin = 0.2;

/** Of one speaker's words, how many address the listener and how many speak of the speaker. */
function personWords(texts: readonly string[]): { listener: number; speaker: number } {
  const words = texts.join(" ").toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  return { listener: words.filter((word) => listenerWords.has(word)).length, speaker: words.filter((word) => speakerWords.has(word)).length };
}

/**
 * True when `speaker`, over the whole session (`segments`), reads as the counsellor: of their
 * person words (at least `fewestPersonWords`), the share addressing the listener exceeds every
 * other speaker's share by `counsellorMargin` or more, each other speaker having said at least
 * `fewestPersonWords` too. A session of one speaker, or of speakers too quiet to read, reads
 * nobody as the counsellor.
 */
export function speaksAsCounsellor(speaker: string, segments: readonly { speaker: string; text: string }[]): boolean {
  const bySpeaker = new Map<string, string[]>();
  for (const segment of segments) bySpeaker.set(segment.speaker, [...(bySpeaker.get(segment.speaker) ?? []), segment.text]);
  const share = (texts: readonly string[]) => {
    const counts = personWords(texts);
    const total = counts.listener + counts.speaker;
    return total < fewestPersonWords ? null : counts.listener / total;
  };
  const own = share(bySpeaker.get(speaker) ?? []);
  const others = [...bySpeaker.entries()].filter(([label]) => label !== speaker).map(([, texts]) => share(texts));
  if (own === null || others.length === 0 || others.some((other) => other === null)) return false;
  // Shares are fractions: compared in thousandths, so that 0.6 against 0.4 is the margin exactly.
  return others.every((other) => Math.round((own - other!) * 1000) >= Math.round(counsellorMargin * 1000));
}
