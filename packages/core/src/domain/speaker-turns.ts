import type { SpeakerVoices } from "./voice-roles.ts";
import type { Segment, TranscriptDraft, TranscriptWarning, Word } from "./transcript.ts";

/** A stretch of speech by one speaker. */
export interface SpeakerTurn {
  /** Anonymous label, the same for every turn of one speaker ("S1", "S2"… by first turn). */
  speaker: string;
  startMs: number;
  endMs: number;
  /** How sure the diarizer is that this speaker spoke here, in [0, 1]. */
  confidence: number;
}

export interface Diarization {
  /** Turns in time order, not overlapping; pauses between them belong to no one. Empty when no speech was found. */
  turns: SpeakerTurn[];
  /** The speakers found, in order of their first turn (0 when no speech was found). */
  speakers: string[];
  /** What the diarizer could not do as asked, e.g. a speaker count outside the bounds. */
  warnings: TranscriptWarning[];
  /**
   * The voice embedding of each speaker found (the same function as `Diarizer.embedVoice`),
   * to recognise an enrolled therapist; null when this diarizer computes none.
   */
  voices: SpeakerVoices | null;
  /**
   * Which of the diarizer's pipelines found the turns, when it has several (the embedded one:
   * `learned`, with its speech models, or `classical`, voice features alone); recorded on the
   * transcript as `speakerDetection.pipeline`.
   */
  pipeline?: string;
}

/** A segment whose speaker is less sure than this is marked `speakerUncertain`. */
export const uncertainSpeakerBelow = 0.6;

type DraftSegment = Omit<Segment, "id">;

interface Attribution {
  speaker: string;
  /** Overlap-weighted confidence of the turns under the span. */
  confidence: number;
}

/**
 * The speaker of the span [startMs, endMs): the turn overlapping it most; a span in a pause
 * goes to the nearest turn, at half its confidence (the diarizer heard no one there).
 */
function attribute(turns: SpeakerTurn[], startMs: number, endMs: number): Attribution {
  const overlapBySpeaker = new Map<string, { overlap: number; weighted: number }>();
  for (const turn of turns) {
    if (turn.endMs <= startMs) continue;
    if (turn.startMs >= endMs) break;
    const overlap = Math.min(endMs, turn.endMs) - Math.max(startMs, turn.startMs);
    const entry = overlapBySpeaker.get(turn.speaker) ?? { overlap: 0, weighted: 0 };
    entry.overlap += overlap;
    entry.weighted += overlap * turn.confidence;
    overlapBySpeaker.set(turn.speaker, entry);
  }
  let best: Attribution | null = null;
  let bestOverlap = 0;
  let totalOverlap = 0;
  for (const [speaker, entry] of overlapBySpeaker) {
    totalOverlap += entry.overlap;
    if (entry.overlap > bestOverlap) {
      bestOverlap = entry.overlap;
      best = { speaker, confidence: entry.weighted / entry.overlap };
    }
  }
  // Another speaker under part of the span lowers the confidence by its share.
  if (best) return { speaker: best.speaker, confidence: best.confidence * (bestOverlap / totalOverlap) };
  const middle = (startMs + endMs) / 2;
  let nearest = turns[0]!;
  let nearestGap = Infinity;
  for (const turn of turns) {
    const gap = middle < turn.startMs ? turn.startMs - middle : middle > turn.endMs ? middle - turn.endMs : 0;
    if (gap < nearestGap) {
      nearestGap = gap;
      nearest = turn;
    }
  }
  return { speaker: nearest.speaker, confidence: nearest.confidence / 2 };
}

function withAttribution(segment: DraftSegment, attribution: Attribution): DraftSegment {
  const confidence = Math.round(attribution.confidence * 1000) / 1000;
  const { speakerUncertain: _previous, ...rest } = segment;
  return {
    ...rest,
    speaker: attribution.speaker,
    speakerConfidence: confidence,
    ...(confidence < uncertainSpeakerBelow ? { speakerUncertain: true } : {}),
  };
}

/**
 * Splits a segment where its words change speaker, so no segment mixes two people; a segment
 * without words keeps its span and gets the speaker under most of it.
 */
function resegment(segment: DraftSegment, turns: SpeakerTurn[]): DraftSegment[] {
  const words = segment.words ?? [];
  if (words.length === 0) return [withAttribution(segment, attribute(turns, segment.startMs, Math.max(segment.endMs, segment.startMs + 1)))];
  const runs: Array<{ speaker: string; words: Word[]; confidences: number[]; durations: number[] }> = [];
  for (const word of words) {
    const { speaker, confidence } = attribute(turns, word.startMs, Math.max(word.endMs, word.startMs + 1));
    const last = runs.at(-1);
    const duration = Math.max(1, word.endMs - word.startMs);
    if (last && last.speaker === speaker) {
      last.words.push(word);
      last.confidences.push(confidence);
      last.durations.push(duration);
    } else runs.push({ speaker, words: [word], confidences: [confidence], durations: [duration] });
  }
  const confidenceOf = (run: (typeof runs)[number]) => {
    const total = run.durations.reduce((sum, d) => sum + d, 0);
    return run.confidences.reduce((sum, c, i) => sum + c * run.durations[i]!, 0) / total;
  };
  if (runs.length === 1) return [withAttribution(segment, { speaker: runs[0]!.speaker, confidence: confidenceOf(runs[0]!) })];
  return runs.map((run, index) =>
    withAttribution(
      {
        ...segment,
        startMs: index === 0 ? segment.startMs : run.words[0]!.startMs,
        endMs: index === runs.length - 1 ? segment.endMs : run.words.at(-1)!.endMs,
        text: run.words.map((word) => word.text).join(" "),
        words: run.words,
      },
      { speaker: run.speaker, confidence: confidenceOf(run) },
    ),
  );
}

export interface AttributedDraft {
  draft: TranscriptDraft;
  warnings: TranscriptWarning[];
}

/**
 * Gives each segment of a one-speaker draft the speaker the diarizer heard, re-cutting segments
 * at the words' timestamps where the speaker changes. The draft's speakers become the
 * diarization's speakers that have words; `speakerDetection` says `diarizer` with the mean
 * confidence, weighted by duration. Warns when fewer speakers were found than `minSpeakers`.
 * A diarization without turns (no speech heard) leaves the draft as it was, with a warning.
 */
export function attributeSpeakers(
  draft: TranscriptDraft,
  diarization: Diarization,
  options: { diarizer: string; minSpeakers: number },
): AttributedDraft {
  const warnings = [...diarization.warnings];
  const turns = [...diarization.turns].sort((a, b) => a.startMs - b.startMs);
  if (turns.length === 0) {
    warnings.push({ type: "other", feature: "diarization", message: "The diarizer heard no speech: speakers were not separated." });
    return { draft: { ...draft, speakerDetection: { method: "none", confidence: null } }, warnings };
  }
  const segments = draft.segments.flatMap((segment) => resegment(segment, turns));
  const used = new Set(segments.map((segment) => segment.speaker));
  const speakers = diarization.speakers.filter((label) => used.has(label)).map((label) => ({ label }));
  let weighted = 0;
  let total = 0;
  for (const segment of segments) {
    const duration = Math.max(1, segment.endMs - segment.startMs);
    weighted += duration * (segment.speakerConfidence ?? 0);
    total += duration;
  }
  const confidence = total > 0 ? Math.round((weighted / total) * 1000) / 1000 : null;
  if (speakers.length < options.minSpeakers) {
    warnings.push({
      type: "other",
      feature: "diarization",
      message:
        `The diarizer found ${speakers.length} speaker${speakers.length === 1 ? "" : "s"} where the session expects at least ` +
        `${options.minSpeakers}: one label may stand for several people. Check the speakers in review.`,
    });
  }
  const uncertain = segments.filter((segment) => segment.speakerUncertain).length;
  if (uncertain > 0) {
    warnings.push({
      type: "other",
      feature: "diarization",
      message: `${uncertain} of ${segments.length} segments have an uncertain speaker (marked speakerUncertain): check them in review.`,
    });
  }
  const voices = diarization.voices
    ? { embedder: diarization.voices.embedder, speakers: diarization.voices.speakers.filter((voice) => used.has(voice.speaker)) }
    : null;
  return {
    draft: {
      ...draft,
      speakers,
      segments,
      speakerDetection: {
        method: "diarizer",
        diarizer: options.diarizer,
        ...(diarization.pipeline === undefined ? {} : { pipeline: diarization.pipeline }),
        confidence,
      },
      ...(voices ? { voices } : {}),
    },
    warnings,
  };
}
