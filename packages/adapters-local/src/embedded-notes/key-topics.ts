import type { Evidence } from "@confide/core";
import type { ReadSegment, ReadToken } from "./segment-reader.ts";

/** A keyword of the session and where it was said. */
export interface KeyTopic {
  /** wink-nlp's lemma, lower case. */
  lemma: string;
  /** How it was first written. */
  firstValue: string;
  count: number;
  /** Up to `spansPerTopic` occurrences, in transcript order. */
  evidence: Evidence[];
}

const topicCount = 5;
const spansPerTopic = 3;
/** Nouns too general to be a topic of a session. */
const generalNouns = new Set(["thing", "things", "way", "lot", "bit", "kind", "sort", "time", "day", "week", "today", "yesterday", "tomorrow", "something", "anything", "everything", "nothing", "stuff", "people", "yeah", "okay"]);

function isTopicWord(token: ReadToken): boolean {
  return (
    (token.pos === "NOUN" || token.pos === "PROPN") &&
    !token.stopWord &&
    /^\p{L}[\p{L}-]{2,}$/u.test(token.value) &&
    !generalNouns.has(token.lemma)
  );
}

/**
 * Keywords of the session from the therapist's and the patient's turns: the nouns and proper
 * nouns wink-nlp tags (stop words and very general nouns left out), by lemma, ranked by how
 * often they were said, then by first mention.
 * @returns at most `topicCount` topics, each with its occurrences as evidence ([] for no nouns).
 */
export function findKeyTopics(segments: readonly ReadSegment[]): KeyTopic[] {
  const topics = new Map<string, KeyTopic & { first: number }>();
  let position = 0;
  for (const segment of segments) {
    for (const sentence of segment.sentences) {
      for (const token of sentence.tokens) {
        position += 1;
        if (!isTopicWord(token)) continue;
        const topic = topics.get(token.lemma) ?? { lemma: token.lemma, firstValue: token.value, count: 0, evidence: [], first: position };
        topic.count += 1;
        if (topic.evidence.length < spansPerTopic) topic.evidence.push({ segmentId: segment.id, start: token.start, end: token.end });
        topics.set(token.lemma, topic);
      }
    }
  }
  return [...topics.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, topicCount)
    .map(({ first: _first, ...topic }) => topic);
}
