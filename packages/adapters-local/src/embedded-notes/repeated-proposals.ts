import type { NoteItemDraft } from "@confide/core/ports";
import type { ReadSegment, ReadSentence, ReadToken } from "./segment-reader.ts";

/**
 * Whether a patient's own commitment takes up, in their own words, what the therapist proposed
 * earlier in the session: "Have you thought about asking a temp agency?" … "I'll try asking a temp
 * agency about shifts." The rule's words; the same words tell when a plan line takes up an act still
 * to confirm.
 */

/** Parts of speech whose words carry what an act is about. */
const contentParts = new Set(["VERB", "NOUN", "PROPN", "ADJ"]);
/** Words too general to tie a commitment to a proposal: "I will try to do that", "get some help". */
const generalWords = new Set(["try", "do", "go", "get", "make", "be", "have", "will", "would", "could", "can", "feel", "think", "want", "need", "thing", "way", "time", "good", "help", "really", "something", "lot", "take", "keep", "let", "see"]);
/** How many content words a commitment must share with a proposal to repeat it. */
export const sharedWords = 2;

/** True when `said` shares at least `sharedWords` of its content words with `other`. */
const sharesEnough = (said: Iterable<string>, other: ReadonlySet<string>) => [...said].filter((lemma) => other.has(lemma)).length >= sharedWords;

const contentLemmas = (tokens: readonly ReadToken[]) =>
  new Set(tokens.filter((token) => contentParts.has(token.pos) && !token.stopWord && token.lemma.length > 2 && !generalWords.has(token.lemma)).map((token) => token.lemma));

/**
 * The therapist's proposals of a session (the sentences `proposes` finds in the therapist's
 * turns), read once; the answer is true when a sentence at segment `index` shares at least
 * `sharedWords` content words (by lemma, not `generalWords`) with a proposal made before it.
 */
export function earlierProposals(segments: readonly ReadSegment[], proposes: (sentence: ReadSentence) => boolean): (sentence: ReadSentence, index: number) => boolean {
  const proposals = segments.flatMap((segment, index) =>
    segment.role === "therapist" ? segment.sentences.filter(proposes).map((sentence) => ({ index, lemmas: contentLemmas(sentence.tokens) })) : [],
  );
  return (sentence, index) => {
    const said = contentLemmas(sentence.tokens);
    if (said.size < sharedWords) return false;
    return proposals.some((proposal) => proposal.index < index && sharesEnough(proposal.lemmas, said));
  };
}

/** The content words (`contentLemmas`) of what a span of a segment says. */
function spanLemmas(segments: ReadonlyMap<string, ReadSegment>, span: NoteItemDraft["evidence"][number]): Set<string> {
  const tokens = (segments.get(span.segmentId)?.sentences ?? []).flatMap((sentence) => sentence.tokens).filter((token) => token.start >= span.start && token.end <= span.end);
  return contentLemmas(tokens);
}

/**
 * Whether an item to confirm is taken up by a plan line: its first cited span (the idea, or the
 * proposal weighed) shares at least `sharedWords` content words with what a plan line cites
 * ("Maybe I could go to the medical room." … "I'll go to the medical room before lunch on Monday.";
 * "There's a stop smoking service here…" … "So to sum up, you're going to start with the stop
 * smoking service…" — "Yeah."). Such an item is that line's, not one more to confirm.
 */
export function takenUpByPlan(segments: readonly ReadSegment[], plan: readonly NoteItemDraft[]): (item: NoteItemDraft) => boolean {
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const planned = plan.map((line) => new Set(line.evidence.flatMap((span) => [...spanLemmas(byId, span)])));
  return (item) => {
    const first = item.evidence[0];
    if (first === undefined) return false;
    const said = spanLemmas(byId, first);
    return planned.some((lemmas) => sharesEnough(said, lemmas));
  };
}
