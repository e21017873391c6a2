import {
  labelOf,
  meanScores,
  notAssessed,
  type MoodDraft,
  type NoteField,
  type NoteItemDraft,
  type SegmentSentiment,
  type SessionMood,
  type TrajectoryDraft,
} from "@confide/core";
import type { ReadSegment } from "./segment-reader.ts";

/** A patient segment with its sentiment, in transcript order. */
interface Scored {
  segment: ReadSegment;
  sentiment: SegmentSentiment;
  /** positive − negative, in [-1, 1]. */
  valence: number;
}

const quoteCount = 3;
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
 * Significant quotes: the patient segments with the strongest sentiment (positive, negative or
 * mixed; neutral ones never), quoted whole and attributed to the patient.
 * @returns at most `quoteCount`, in transcript order.
 */
export function significantQuotes(scored: readonly Scored[]): NoteItemDraft[] {
  return scored
    .filter((item) => item.sentiment.label !== "neutral")
    .sort((a, b) => strength(b) - strength(a) || a.segment.startMs - b.segment.startMs)
    .slice(0, quoteCount)
    .sort((a, b) => a.segment.startMs - b.segment.startMs)
    .map((item) => {
      const evidence = cite(item);
      const quote = item.segment.text.slice(evidence.start, evidence.end);
      return { text: quote, quote, ...(item.segment.role === "patient" ? { speaker: "patient" as const } : {}), evidence: [evidence] };
    });
}

function moodOf(valence: number, mixed: boolean): SessionMood {
  if (mixed) return "mixed";
  if (valence >= 0.5) return "very_positive";
  if (valence >= 0.15) return "positive";
  if (valence <= -0.5) return "very_negative";
  if (valence <= -0.15) return "negative";
  return "neutral";
}

/**
 * The session's mood from the patient's sentiment: the label of the mean scores when it is
 * mixed, otherwise the mean valence (positive − negative) graded at ±0.15 and ±0.5. It cites
 * the segments that lean the mood's way most (any analysed ones when none does).
 * @returns the mood, or not assessed without analysed patient segments.
 */
export function sessionMood(scored: readonly Scored[]): NoteField<MoodDraft> {
  if (scored.length === 0) return notAssessed("No patient segment was analysed for sentiment.");
  const mean = meanScores(scored.map((item) => item.sentiment.scores));
  const valence = mean.positive - mean.negative;
  const value = moodOf(valence, labelOf(mean) === "mixed");
  const direction = value.includes("negative") ? "negative" : value.includes("positive") ? "positive" : value;
  const leaning = scored.filter((item) => item.sentiment.label === direction);
  const cited = (leaning.length > 0 ? leaning : [...scored]).sort((a, b) => strength(b) - strength(a)).slice(0, moodEvidenceCount);
  return {
    value,
    text: `Mean patient sentiment over ${scored.length} analysed segment${scored.length === 1 ? "" : "s"}: ${value.replace("_", " ")} (valence ${round(valence)}).`,
    evidence: cited.sort((a, b) => a.segment.startMs - b.segment.startMs).map(cite),
  };
}

const meanValence = (items: readonly Scored[]) => items.reduce((sum, item) => sum + item.valence, 0) / Math.max(items.length, 1);

/**
 * How the patient's sentiment moved: the mean valence of the second half of the analysed
 * segments against the first; a change of `trajectoryChange` or more is improving or declining,
 * otherwise a standard deviation of `fluctuation` or more is fluctuating, else stable. It cites
 * the strongest segment of each half.
 * @returns the trajectory, or not assessed with fewer than two analysed patient segments.
 */
export function moodTrajectory(scored: readonly Scored[]): NoteField<TrajectoryDraft> {
  if (scored.length < 2) return notAssessed("A trajectory needs at least two analysed patient segments.");
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
