import type { Evidence } from "@confide/core/ports";
import { isFiller } from "./conversation-fillers.ts";
import type { ReadSegment, ReadToken } from "./segment-reader.ts";

/** A topic of the session — a noun or a noun phrase — and where it was said. */
export interface KeyTopic {
  /** The topic as the notes name it, lower case: a noun's lemma ("exercise") or a phrase said more than once ("breathing exercise"). */
  lemma: string;
  /** How it was first written. */
  firstValue: string;
  count: number;
  /** Up to `spansPerTopic` occurrences, in transcript order. */
  evidence: Evidence[];
}

const topicCount = 5;
const spansPerTopic = 3;
/** How many times a phrase must be said to name its noun's topic instead of the noun alone. */
const phraseRepeats = 2;
/** Nouns too general to be a topic of a session. */
const generalNouns = new Set(["thing", "things", "way", "lot", "bit", "kind", "sort", "time", "day", "week", "today", "yesterday", "tomorrow", "something", "anything", "everything", "nothing", "stuff", "people", "yeah", "okay", "moment", "bit", "minute", "hour", "year", "month", "night", "morning", "evening", "one", "sense", "point", "idea", "step", "question"]);

/**
 * A word that can be a topic: a common noun (NOUN; a proper noun is a name, never a topic),
 * not a stop word, a filler ("hmm", "mate"), a very general noun or a name said in the session.
 */
function isTopicWord(token: ReadToken, names: ReadonlySet<string>): boolean {
  return (
    token.pos === "NOUN" &&
    !token.stopWord &&
    /^\p{L}[\p{L}-]{2,}$/u.test(token.value) &&
    !isFiller(token) &&
    !generalNouns.has(token.lemma) &&
    !names.has(token.value.toLowerCase()) &&
    !names.has(token.lemma)
  );
}

/** A modifier that may open a noun phrase before its noun: an adjective or noun that is neither a filler nor a name ("sleep diary", "breathing exercise"). */
function isModifier(token: ReadToken, names: ReadonlySet<string>): boolean {
  return (token.pos === "ADJ" || token.pos === "NOUN") && !token.stopWord && /^\p{L}[\p{L}-]+$/u.test(token.value) && !isFiller(token) && !names.has(token.value.toLowerCase());
}

interface Occurrence {
  segmentId: string;
  position: number;
  phrase: string;
  value: string;
  phraseStart: number;
  nounStart: number;
  end: number;
  nounValue: string;
}

/**
 * Topics of the session from the therapist's and the patient's turns: the common nouns
 * wink-nlp tags (stop words, fillers, very general nouns and the session's names left out),
 * by lemma, ranked by how often they were said, then by first mention. A noun said with the
 * same modifier at least `phraseRepeats` times is named by that phrase ("sleep diary"), which
 * then cites the phrase's occurrences.
 * @returns at most `topicCount` topics ([] for no nouns).
 */
export function findKeyTopics(segments: readonly ReadSegment[], names: ReadonlySet<string> = new Set()): KeyTopic[] {
  const byLemma = new Map<string, Occurrence[]>();
  let position = 0;
  for (const segment of segments) {
    for (const sentence of segment.sentences) {
      sentence.tokens.forEach((token, index) => {
        position += 1;
        if (!isTopicWord(token, names)) return;
        let first = index;
        while (first > 0 && index - first < 2 && isModifier(sentence.tokens[first - 1]!, names)) first -= 1;
        const head = sentence.tokens[first]!;
        const phrase = [...sentence.tokens.slice(first, index).map((word) => word.value.toLowerCase()), token.lemma].join(" ");
        const occurrences = byLemma.get(token.lemma) ?? [];
        occurrences.push({
          segmentId: segment.id,
          position,
          phrase,
          value: segment.text.slice(head.start, token.end),
          phraseStart: head.start,
          nounStart: token.start,
          end: token.end,
          nounValue: token.value,
        });
        byLemma.set(token.lemma, occurrences);
      });
    }
  }
  return [...byLemma.entries()]
    .sort(([, a], [, b]) => b.length - a.length || a[0]!.position - b[0]!.position)
    .slice(0, topicCount)
    .map(([lemma, occurrences]) => {
      const phraseCounts = new Map<string, number>();
      for (const occurrence of occurrences) if (occurrence.phrase !== lemma) phraseCounts.set(occurrence.phrase, (phraseCounts.get(occurrence.phrase) ?? 0) + 1);
      const [phrase] = [...phraseCounts.entries()].filter(([, count]) => count >= phraseRepeats).sort((a, b) => b[1] - a[1])[0] ?? [];
      if (phrase === undefined) {
        const cited = occurrences.slice(0, spansPerTopic);
        return { lemma, firstValue: cited[0]!.nounValue, count: occurrences.length, evidence: cited.map((item) => ({ segmentId: item.segmentId, start: item.nounStart, end: item.end })) };
      }
      const cited = occurrences.filter((occurrence) => occurrence.phrase === phrase).slice(0, spansPerTopic);
      return { lemma: phrase, firstValue: cited[0]!.value, count: occurrences.length, evidence: cited.map((item) => ({ segmentId: item.segmentId, start: item.phraseStart, end: item.end })) };
    });
}
