import type { Segment, Word } from "@confide/core/ports";
import { badResponse } from "./whisper-errors.ts";

/** What Confide reads of `response_format=verbose_json`. */
export interface WhisperVerboseJson {
  text: string;
  /** ISO 639-1 code ("en") or an English name ("english"), depending on the server. */
  language: string | undefined;
  durationSeconds: number | undefined;
  segments: WhisperSegment[];
  /** Top-level words (OpenAI); some servers put them in each segment instead. */
  words: WhisperWord[];
}

export interface WhisperSegment {
  start: number;
  end: number;
  text: string;
  avgLogprob: number | undefined;
  words: WhisperWord[];
  /** The server's speaker label, when it diarizes (OpenAI `diarized_json`, WhisperX). */
  speaker: string | undefined;
}

export interface WhisperWord {
  word: string;
  start: number;
  end: number;
  probability: number | undefined;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

function readWords(value: unknown, where: string): WhisperWord[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badResponse(`${where} is not a list.`);
  return value.map((item: unknown, index) => {
    const word = item as Record<string, unknown> | null;
    if (typeof word !== "object" || word === null || typeof word.word !== "string" || !isFiniteNumber(word.start) || !isFiniteNumber(word.end)) {
      throw badResponse(`${where}[${index}] lacks word, start or end.`);
    }
    return {
      word: word.word,
      start: word.start,
      end: word.end,
      probability: isFiniteNumber(word.probability) ? word.probability : undefined,
    };
  });
}

/**
 * Parses and checks a verbose_json answer.
 * @throws ConfideError `provider.bad_response` (not retryable) for malformed JSON or missing fields.
 */
export function parseVerboseJson(body: string): WhisperVerboseJson {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw badResponse(`it is not JSON (${body.slice(0, 80).replaceAll(/\s+/g, " ")}…).`, error);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw badResponse("it is not a JSON object.");
  const root = json as Record<string, unknown>;
  if (typeof root.text !== "string") throw badResponse('"text" is missing.');
  if (!Array.isArray(root.segments)) {
    throw badResponse('"segments" is missing: the server did not honour response_format=verbose_json.');
  }
  const segments = root.segments.map((item: unknown, index): WhisperSegment => {
    const segment = item as Record<string, unknown> | null;
    if (
      typeof segment !== "object" ||
      segment === null ||
      typeof segment.text !== "string" ||
      !isFiniteNumber(segment.start) ||
      !isFiniteNumber(segment.end)
    ) {
      throw badResponse(`segments[${index}] lacks start, end or text.`);
    }
    return {
      start: segment.start,
      end: segment.end,
      text: segment.text,
      avgLogprob: isFiniteNumber(segment.avg_logprob) ? segment.avg_logprob : undefined,
      words: readWords(segment.words, `segments[${index}].words`),
      speaker:
        typeof segment.speaker === "string" && segment.speaker !== ""
          ? segment.speaker
          : isFiniteNumber(segment.speaker)
            ? String(segment.speaker)
            : undefined,
    };
  });
  return {
    text: root.text,
    language: typeof root.language === "string" && root.language !== "" ? root.language : undefined,
    durationSeconds: isFiniteNumber(root.duration) && root.duration >= 0 ? root.duration : undefined,
    segments,
    words: readWords(root.words, "words"),
  };
}

const toMs = (seconds: number) => Math.max(0, Math.round(seconds * 1000));
const clampUnit = (value: number) => Math.min(1, Math.max(0, value));

/** Index of the segment a word belongs to: the one holding its midpoint, else the nearest. */
function segmentIndexFor(segments: Array<Omit<Segment, "id">>, word: Word): number {
  const midMs = (word.startMs + word.endMs) / 2;
  let low = 0;
  let high = segments.length - 1;
  // Last segment starting at or before the midpoint.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (segments[middle]!.startMs <= midMs) low = middle;
    else high = middle - 1;
  }
  const candidate = segments[low]!;
  const next = segments[low + 1];
  if (midMs <= candidate.endMs || next === undefined) return low;
  return next.startMs - midMs < midMs - candidate.endMs ? low + 1 : low;
}

/**
 * The speakers the server found, in order of first appearance, when it labelled every segment
 * with text; null when it did not diarize (or labelled only some segments).
 */
export function serverSpeakers(json: WhisperVerboseJson): string[] | null {
  const spoken = json.segments.filter((segment) => segment.text.trim() !== "");
  if (spoken.length === 0 || spoken.some((segment) => segment.speaker === undefined)) return null;
  return [...new Set(spoken.map((segment) => segment.speaker!))];
}

/**
 * Turns a verbose_json answer into Confide segments of one speaker (or of the server's
 * speakers, when `serverSpeakers` found them), sorted by start time, in
 * whole milliseconds. Segments without text are dropped. With `wordTimestamps`, each word is
 * attached to the segment it falls in.
 */
export function toSegments(
  json: WhisperVerboseJson,
  speaker: string,
  wordTimestamps: boolean,
  options: { serverSpeakers?: boolean } = {},
): Array<Omit<Segment, "id">> {
  const segments: Array<Omit<Segment, "id">> = json.segments
    .map((segment) => {
      const startMs = toMs(segment.start);
      const mapped: Omit<Segment, "id"> = {
        speaker: (options.serverSpeakers ? segment.speaker : undefined) ?? speaker,
        startMs,
        endMs: Math.max(startMs, toMs(segment.end)),
        text: segment.text.trim(),
      };
      if (segment.avgLogprob !== undefined) mapped.confidence = clampUnit(Math.exp(segment.avgLogprob));
      return mapped;
    })
    .filter((segment) => segment.text !== "")
    .sort((a, b) => a.startMs - b.startMs);

  if (!wordTimestamps || segments.length === 0) return segments;
  const words = [...json.words, ...json.segments.flatMap((segment) => segment.words)]
    .map((word): Word => {
      const startMs = toMs(word.start);
      const mapped: Word = { text: word.word.trim(), startMs, endMs: Math.max(startMs, toMs(word.end)) };
      if (word.probability !== undefined) mapped.confidence = clampUnit(word.probability);
      return mapped;
    })
    .filter((word) => word.text !== "")
    .sort((a, b) => a.startMs - b.startMs);
  for (const word of words) {
    const segment = segments[segmentIndexFor(segments, word)]!;
    (segment.words ??= []).push(word);
  }
  return segments;
}

/** Duration of the recording: the server's, or the end of the last segment. */
export function durationMsOf(json: WhisperVerboseJson, segments: Array<Omit<Segment, "id">>): number {
  const lastEndMs = segments.reduce((latest, segment) => Math.max(latest, segment.endMs), 0);
  return Math.max(json.durationSeconds === undefined ? 0 : toMs(json.durationSeconds), lastEndMs);
}
