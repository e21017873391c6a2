import { ConfideError, type SpeechWarning, type TranscriptDraft, type TranscriptionSettings, type Word } from "@confide/core/ports";
import { badResponse } from "./azure-speech-errors.ts";

/** 1 tick = 100 ns. */
const ticksPerMs = 10_000;

/** The parts of a result file (`kind: "Transcription"`) this adapter reads. */
interface ResultFile {
  durationInTicks?: number;
  durationMilliseconds?: number;
  recognizedPhrases: ResultPhrase[];
}

interface ResultPhrase {
  recognitionStatus?: string;
  channel?: number;
  speaker?: number;
  locale?: string;
  offsetInTicks: number;
  durationInTicks: number;
  nBest?: Array<{
    confidence?: number;
    display?: string;
    words?: Array<{ word?: string; offsetInTicks?: number; durationInTicks?: number; confidence?: number }>;
    /** With `displayFormWordLevelTimestampsEnabled`: the words as the display text writes them. */
    displayWords?: Array<{ displayText?: string; offsetInTicks?: number; durationInTicks?: number }>;
  }>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

/**
 * Checks the JSON of a result file (the client parsed it; a body cut off is its error).
 * @throws ConfideError `provider.bad_response`, not retryable, when it lacks
 * `recognizedPhrases` or a phrase its times.
 */
export function parseResultFile(json: unknown): ResultFile {
  if (!isRecord(json) || !Array.isArray(json.recognizedPhrases)) {
    throw badResponse("a transcription result file has no recognizedPhrases.", { truncated: false });
  }
  for (const phrase of json.recognizedPhrases) {
    if (!isRecord(phrase) || !isCount(phrase.offsetInTicks) || !isCount(phrase.durationInTicks)) {
      throw badResponse("a recognized phrase has no offsetInTicks/durationInTicks.", { truncated: false });
    }
  }
  return json as unknown as ResultFile;
}

const msOf = (ticks: number) => Math.round(ticks / ticksPerMs);
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const confidenceOf = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? clamp(value, 0, 1) : undefined);

/** How the result's phrases become speakers. */
export type SpeakerLayout =
  /** One speaker per channel: labels `ch0`, `ch1` with their channel. */
  | { kind: "per-channel"; channels: number[] }
  /** Diarization: labels `S1`, `S2`… from the phrases' `speaker`. */
  | { kind: "diarized" }
  /** One speaker, `S1`. */
  | { kind: "single" };

/**
 * The phrase's words with times: the display-form words (`displayWords`, as the segment's text
 * writes them: "sleeping?", "20") when the result has them, else the lexical ones. A display
 * word takes the confidence of the lexical word starting at the same tick (lexical and display
 * forms split differently, so not by position).
 */
function wordsOf(phrase: ResultPhrase, startMs: number, endMs: number): Word[] {
  const words: Word[] = [];
  const lexical = phrase.nBest?.[0]?.words ?? [];
  const display = phrase.nBest?.[0]?.displayWords ?? [];
  const confidenceAt = new Map(lexical.filter((word) => isCount(word.offsetInTicks)).map((word) => [word.offsetInTicks, word.confidence]));
  const source =
    display.length > 0
      ? display.map((word) => ({ word: word.displayText, offsetInTicks: word.offsetInTicks, durationInTicks: word.durationInTicks, confidence: confidenceAt.get(word.offsetInTicks) }))
      : lexical;
  for (const word of source) {
    if (typeof word.word !== "string" || word.word === "" || !isCount(word.offsetInTicks)) continue;
    const wordStartMs = clamp(msOf(word.offsetInTicks), startMs, endMs);
    const wordEndMs = clamp(msOf(word.offsetInTicks + (isCount(word.durationInTicks) ? word.durationInTicks : 0)), wordStartMs, endMs);
    const confidence = confidenceOf(word.confidence);
    words.push({ text: word.word, startMs: wordStartMs, endMs: wordEndMs, ...(confidence === undefined ? {} : { confidence }) });
  }
  return words.sort((a, b) => a.startMs - b.startMs);
}

/** The locale heard longest among the phrases that name one (language identification). */
function identifiedLanguage(phrases: ResultPhrase[]): string | undefined {
  const heardMs = new Map<string, number>();
  for (const phrase of phrases) {
    if (typeof phrase.locale === "string" && phrase.locale !== "") heardMs.set(phrase.locale, (heardMs.get(phrase.locale) ?? 0) + phrase.durationInTicks);
  }
  return [...heardMs.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Turns the job's result files into a transcript draft: each successfully recognized phrase
 * with text becomes a segment (ticks → ms, `nBest[0].display`, its confidence, and its words
 * with times and confidence when `wordTimestamps` is on), its speaker by `layout`; segments
 * sorted by start. Warns (`other`, `minSpeakers`) when diarization found fewer speakers than
 * `minSpeakers`.
 * @throws ConfideError `speech.no_speech` when no phrase has text.
 */
export function transcriptFromResults(
  files: ResultFile[],
  settings: TranscriptionSettings,
  layout: SpeakerLayout,
  provider: string,
): { transcript: TranscriptDraft; warnings: SpeechWarning[] } {
  const phrases = files.flatMap((file) => file.recognizedPhrases);
  const segments: TranscriptDraft["segments"] = [];
  const diarizedSpeakers = new Set<number>();
  for (const phrase of phrases) {
    const best = phrase.nBest?.[0];
    const text = typeof best?.display === "string" ? best.display.trim() : "";
    if ((phrase.recognitionStatus !== undefined && phrase.recognitionStatus !== "Success") || text === "") continue;
    const startMs = msOf(phrase.offsetInTicks);
    const endMs = msOf(phrase.offsetInTicks + phrase.durationInTicks);
    let speaker = "S1";
    if (layout.kind === "per-channel") speaker = `ch${phrase.channel ?? 0}`;
    if (layout.kind === "diarized") {
      const number = Number.isInteger(phrase.speaker) ? (phrase.speaker as number) : 1;
      diarizedSpeakers.add(number);
      speaker = `S${number}`;
    }
    const confidence = confidenceOf(best?.confidence);
    const words = settings.wordTimestamps ? wordsOf(phrase, startMs, endMs) : [];
    segments.push({ speaker, startMs, endMs, text, ...(confidence === undefined ? {} : { confidence }), ...(words.length > 0 ? { words } : {}) });
  }
  if (segments.length === 0) {
    throw new ConfideError("speech.no_speech", "Azure Speech heard no speech in the recording.", { retryable: false, details: { provider } });
  }
  segments.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);

  let speakers: TranscriptDraft["speakers"];
  if (layout.kind === "per-channel") {
    const channels = [...new Set([...layout.channels, ...phrases.map((phrase) => phrase.channel ?? 0)])].sort((a, b) => a - b);
    speakers = channels.map((channel) => ({ label: `ch${channel}`, channel }));
  } else if (layout.kind === "diarized") {
    speakers = [...diarizedSpeakers].sort((a, b) => a - b).map((number) => ({ label: `S${number}` }));
  } else {
    speakers = [{ label: "S1" }];
  }

  const warnings: SpeechWarning[] = [];
  if (layout.kind === "diarized" && diarizedSpeakers.size < settings.minSpeakers) {
    warnings.push({
      type: "other",
      feature: "minSpeakers",
      message: `Azure found ${diarizedSpeakers.size} speaker(s), fewer than the ${settings.minSpeakers} asked for (Azure takes no minimum).`,
    });
  }
  const durationMs = Math.max(
    segments[segments.length - 1]!.endMs,
    ...files.map((file) => (isCount(file.durationMilliseconds) ? file.durationMilliseconds : isCount(file.durationInTicks) ? msOf(file.durationInTicks) : 0)),
  );
  const language = (settings.candidateLanguages?.length ?? 0) > 1 ? (identifiedLanguage(phrases) ?? settings.language) : (settings.candidateLanguages?.[0] ?? settings.language);
  return { transcript: { language, durationMs, speakers, segments, provider }, warnings };
}
