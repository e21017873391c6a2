import type { NoteItemDraft } from "@confide/core";
import { phraseStarts } from "./lemma-phrases.ts";
import type { ReadSegment } from "./segment-reader.ts";

/**
 * First-person future commitments, as lemma phrases: "I will…", "I'll…", "I'm going to…",
 * "next week we're going to…", "I plan to…".
 */
const commitmentPhrases = [
  "i will",
  "we will",
  "i shall",
  "i be go to",
  "we be go to",
  "i'm go to",
  "i'm gonna",
  "i be gonna",
  "i plan to",
  "we plan to",
  "i be plan to",
  "i promise to",
  "i commit to",
];

/**
 * Action items: the sentences in which a speaker commits to doing something — a commitment
 * phrase followed by at least one word, in a sentence that is not a question. Each is quoted
 * whole, attributed to its speaker's role (patient or therapist) when known, and cites its span.
 * @returns the items in transcript order ([] when none).
 */
export function findCommitments(segments: readonly ReadSegment[]): NoteItemDraft[] {
  const items: NoteItemDraft[] = [];
  for (const segment of segments) {
    for (const sentence of segment.sentences) {
      const last = sentence.tokens[sentence.tokens.length - 1];
      if (last?.value === "?") continue;
      const committed = commitmentPhrases.some((phrase) =>
        phraseStarts(sentence.tokens, phrase).some((index) =>
          sentence.tokens.slice(index + phrase.split(" ").length).some((token) => /[\p{L}\p{N}]/u.test(token.value)),
        ),
      );
      if (!committed) continue;
      const quote = segment.text.slice(sentence.start, sentence.end);
      items.push({
        text: quote,
        quote,
        ...(segment.role === "unknown" ? {} : { speaker: segment.role }),
        evidence: [{ segmentId: segment.id, start: sentence.start, end: sentence.end }],
      });
    }
  }
  return items;
}
