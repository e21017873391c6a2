export type SentimentLabel = "positive" | "neutral" | "negative" | "mixed";

/** Probabilities that sum to about 1. */
export interface SentimentScores {
  positive: number;
  neutral: number;
  negative: number;
  mixed: number;
}

export interface SentimentResult {
  label: SentimentLabel;
  scores: SentimentScores;
}

export interface SegmentSentiment extends SentimentResult {
  segmentId: string;
}

export interface SpeakerSentiment extends SentimentResult {
  speaker: string;
  segmentCount: number;
}

export interface TimelinePoint extends SentimentResult {
  startMs: number;
  endMs: number;
  segmentCount: number;
}

export interface SessionSentiment {
  language: string;
  /** One result per analysed (patient) segment. */
  segments: SegmentSentiment[];
  speakers: SpeakerSentiment[];
  windowMs: number;
  /** Windows with no analysed speech are omitted. */
  timeline: TimelinePoint[];
  /** Transcript revision the results were computed from. */
  transcriptRevision: number;
}

const labels: SentimentLabel[] = ["positive", "neutral", "negative", "mixed"];

export function labelOf(scores: SentimentScores): SentimentLabel {
  let best: SentimentLabel = "neutral";
  for (const label of labels) if (scores[label] > scores[best]) best = label;
  return best;
}

export function meanScores(results: SentimentScores[]): SentimentScores {
  const sum = { positive: 0, neutral: 0, negative: 0, mixed: 0 };
  for (const scores of results) for (const label of labels) sum[label] += scores[label];
  const count = Math.max(results.length, 1);
  return {
    positive: sum.positive / count,
    neutral: sum.neutral / count,
    negative: sum.negative / count,
    mixed: sum.mixed / count,
  };
}

/** One scored segment, as `summarizeSentiment` takes it. */
export interface AnalysedSegment {
  segmentId: string;
  speaker: string;
  startMs: number;
  endMs: number;
  result: SentimentResult;
}

/** A transcript segment with the analyzer's result for its text. */
export function analysedSegment(
  segment: { id: string; speaker: string; startMs: number; endMs: number },
  result: SentimentResult,
): AnalysedSegment {
  return {
    segmentId: segment.id,
    speaker: segment.speaker,
    startMs: segment.startMs,
    endMs: segment.endMs,
    result: { label: result.label, scores: result.scores },
  };
}

/** Builds per-speaker aggregates and a fixed-window timeline from per-segment results. */
export function summarizeSentiment(
  analysed: AnalysedSegment[],
  options: { language: string; windowMs: number; transcriptRevision: number },
): SessionSentiment {
  const bySpeaker = new Map<string, SentimentScores[]>();
  const byWindow = new Map<number, SentimentScores[]>();
  for (const item of analysed) {
    bySpeaker.set(item.speaker, [...(bySpeaker.get(item.speaker) ?? []), item.result.scores]);
    const window = Math.floor(Math.max(item.startMs, 0) / options.windowMs);
    byWindow.set(window, [...(byWindow.get(window) ?? []), item.result.scores]);
  }
  const speakers = [...bySpeaker].map(([speaker, all]) => {
    const scores = meanScores(all);
    return { speaker, segmentCount: all.length, scores, label: labelOf(scores) };
  });
  const timeline = [...byWindow]
    .sort(([a], [b]) => a - b)
    .map(([window, all]) => {
      const scores = meanScores(all);
      return {
        startMs: window * options.windowMs,
        endMs: (window + 1) * options.windowMs,
        segmentCount: all.length,
        scores,
        label: labelOf(scores),
      };
    });
  return {
    language: options.language,
    segments: analysed.map((item) => ({ segmentId: item.segmentId, ...item.result })),
    speakers,
    windowMs: options.windowMs,
    timeline,
    transcriptRevision: options.transcriptRevision,
  };
}
