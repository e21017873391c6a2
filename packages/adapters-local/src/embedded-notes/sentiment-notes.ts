import {
  labelOf,
  notAssessed,
  type MoodDraft,
  type NoteField,
  type NoteItemDraft,
  type SegmentSentiment,
  type SessionMood,
  type TrajectoryDraft,
} from "@confide/core/ports";
import { contentWords } from "./conversation-fillers.ts";
import type { ReadSegment } from "./segment-reader.ts";

/** A patient segment with its sentiment, in transcript order. */
export interface Scored {
  segment: ReadSegment;
  sentiment: SegmentSentiment;
  /** positive − negative, in [-1, 1]. */
  valence: number;
}

const moodEvidenceCount = 3;
/** A change of mean valence between the halves of the session that counts as a trajectory. */
const trajectoryChange = 0.2;
/** A standard deviation of valence past which a session without a trend fluctuates. */
const fluctuation = 0.4;

const round = (value: number) => Math.round(value * 100) / 100;

/** The whole of what was said in a segment: from its first sentence to its last. */
function wholeSpan(segment: ReadSegment): { start: number; end: number } | null {
  const first = segment.sentences[0];
  const last = segment.sentences[segment.sentences.length - 1];
  return first && last ? { start: first.start, end: last.end } : null;
}

/** The analysed segments not said by the therapist, in transcript order. */
export function scoredSegments(segments: readonly ReadSegment[], sentiment: readonly SegmentSentiment[]): Scored[] {
  const byId = new Map(sentiment.map((result) => [result.segmentId, result]));
  return segments.flatMap((segment) => {
    const result = byId.get(segment.id);
    if (!result || segment.role === "therapist" || wholeSpan(segment) === null) return [];
    return [{ segment, sentiment: result, valence: result.scores.positive - result.scores.negative }];
  });
}

const strength = (scored: Scored) => Math.max(scored.sentiment.scores.positive, scored.sentiment.scores.negative, scored.sentiment.scores.mixed);

function cite(scored: Scored): NoteItemDraft["evidence"][number] {
  const span = wholeSpan(scored.segment) as { start: number; end: number };
  return { segmentId: scored.segment.id, ...span };
}

/**
 * Grades of the conversational valence (`conversationalValence`). VADER's valence of a whole
 * substantive statement is small — on the labelled dev set (`bench/data/notes/`) the weighted
 * mean of a session lies between −0.11 and 0.15, where the raw mean of every turn lay between
 * 0.03 and 0.51 — so the grades sit much closer to zero than a single text's would. Tuned on
 * the dev set only; the held-out set's figures are in bench/README.md.
 */
const moodGrades = { veryNegative: -0.06, negative: -0.02, positive: 0.05, veryPositive: 0.12 };

function moodOf(valence: number, mixed: boolean): SessionMood {
  if (mixed) return "mixed";
  if (valence >= moodGrades.veryPositive) return "very_positive";
  if (valence >= moodGrades.positive) return "positive";
  if (valence <= moodGrades.veryNegative) return "very_negative";
  if (valence <= moodGrades.negative) return "negative";
  return "neutral";
}

/** A turn with fewer content words than this is a backchannel or politeness ("Yeah, okay.", "Thank you so much."): it does not count for the mood. */
export const moodMinContentWords = 3;
/** A statement counts for the mood by its content words, up to this many. */
const moodMaxWeight = 20;

/**
 * How much a patient turn counts for the session's mood: 0 for a backchannel, politeness or bare
 * agreement (fewer than `moodMinContentWords` content words) — sentiment lexicons read "yeah",
 * "okay", "thanks" and "sure" as positive, and on the labelled dev set those turns averaged a
 * valence of +0.59 against +0.01 for the statements a clinician would quote — otherwise its
 * number of content words, up to `moodMaxWeight`, so what the patient said at length about
 * their life weighs most.
 */
export function moodWeight(segment: ReadSegment): number {
  const count = contentWords(segment.sentences.flatMap((sentence) => sentence.tokens)).length;
  return count < moodMinContentWords ? 0 : Math.min(count, moodMaxWeight);
}

/**
 * The session's mood from the patient's sentiment, calibrated for conversation: the mean of
 * the scores weighted by `moodWeight` (backchannels and politeness left out); its label when
 * that is mixed, otherwise its valence (positive − negative) graded by `moodGrades`. It cites
 * the weighed segments that lean the mood's way most (any weighed ones when none does). When
 * every patient turn is a backchannel, the plain mean is used.
 * @returns the mood, or not assessed without analysed patient segments.
 */
export function sessionMood(scored: readonly Scored[]): NoteField<MoodDraft> {
  if (scored.length === 0) return notAssessed("No patient segment was analysed for sentiment.");
  const weighed = scored.map((item) => ({ item, weight: moodWeight(item.segment) })).filter((entry) => entry.weight > 0);
  const counted = weighed.length > 0 ? weighed : scored.map((item) => ({ item, weight: 1 }));
  const total = counted.reduce((sum, entry) => sum + entry.weight, 0);
  const mean = { positive: 0, neutral: 0, negative: 0, mixed: 0 };
  for (const { item, weight } of counted) {
    for (const key of Object.keys(mean) as Array<keyof typeof mean>) mean[key] += (item.sentiment.scores[key] * weight) / total;
  }
  const valence = mean.positive - mean.negative;
  const value = moodOf(valence, labelOf(mean) === "mixed");
  const direction = value.includes("negative") ? "negative" : value.includes("positive") ? "positive" : value;
  const items = counted.map((entry) => entry.item);
  const leaning = items.filter((item) => item.sentiment.label === direction);
  const cited = (leaning.length > 0 ? leaning : [...items]).sort((a, b) => strength(b) - strength(a)).slice(0, moodEvidenceCount);
  return {
    value,
    text:
      `Patient sentiment over ${counted.length} statement${counted.length === 1 ? "" : "s"} ` +
      `(${scored.length - counted.length} short agreements and thanks left out): ${value.replace("_", " ")} (valence ${round(valence)}).`,
    evidence: cited.sort((a, b) => a.segment.startMs - b.segment.startMs).map(cite),
  };
}

const meanValence = (items: readonly Scored[]) => items.reduce((sum, item) => sum + item.valence, 0) / Math.max(items.length, 1);

/**
 * How the patient's sentiment moved: the mean valence of the second half of the analysed
 * segments against the first — of the statements only, backchannels and thanks left out as for
 * the mood (`moodWeight`), when at least two are left; a change of `trajectoryChange` or more is improving or declining,
 * otherwise a standard deviation of `fluctuation` or more is fluctuating, else stable. It cites
 * the strongest segment of each half.
 * @returns the trajectory, or not assessed with fewer than two analysed patient segments.
 */
export function moodTrajectory(analysed: readonly Scored[]): NoteField<TrajectoryDraft> {
  if (analysed.length < 2) return notAssessed("A trajectory needs at least two analysed patient segments.");
  const statements = analysed.filter((item) => moodWeight(item.segment) > 0);
  const scored = statements.length >= 2 ? statements : analysed;
  const middle = Math.floor(scored.length / 2);
  const firstHalf = scored.slice(0, middle);
  const secondHalf = scored.slice(middle);
  const before = meanValence(firstHalf);
  const after = meanValence(secondHalf);
  const overall = meanValence(scored);
  const deviation = Math.sqrt(scored.reduce((sum, item) => sum + (item.valence - overall) ** 2, 0) / scored.length);
  const change = after - before;
  const value =
    change >= trajectoryChange ? "improving" : change <= -trajectoryChange ? "declining" : deviation >= fluctuation ? "fluctuating" : "stable";
  const strongest = (items: readonly Scored[]) => [...items].sort((a, b) => Math.abs(b.valence) - Math.abs(a.valence))[0] as Scored;
  return {
    value,
    text: `Patient valence went from ${round(before)} in the first half to ${round(after)} in the second: ${value}.`,
    evidence: [cite(strongest(firstHalf)), cite(strongest(secondHalf))],
  };
}
