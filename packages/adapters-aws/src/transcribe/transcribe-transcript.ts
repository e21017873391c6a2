/**
 * Reads the transcript file Amazon Transcribe writes for a batch job into a TranscriptDraft.
 * Both shapes of `results` are read: the older one with `items` only (each word with
 * `start_time`/`end_time` in seconds as strings, `alternatives[0].content` and `.confidence`,
 * `speaker_label` with ShowSpeakerLabels, `channel_label` with ChannelIdentification — or only
 * under `channel_labels.channels[].items` in older files; punctuation items without times),
 * cut into segments at a change of speaker and after a sentence's end; and the newer one that
 * adds `audio_segments` (`start_time`, `end_time`, `speaker_label`/`channel_label`, `items`
 * as ids into `items`), whose segments are taken as they are.
 */
import { ConfideError, type TranscriptDraft } from "@confide/core/ports";
import { z } from "zod";
import { badResponse } from "./transcribe-errors.ts";

const seconds = z.union([z.string(), z.number()]);

const itemSchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  type: z.string(),
  start_time: seconds.optional(),
  end_time: seconds.optional(),
  alternatives: z.array(z.object({ content: z.string(), confidence: seconds.optional() })).min(1),
  speaker_label: z.string().optional(),
  channel_label: z.string().optional(),
});

const outputSchema = z.object({
  results: z.object({
    items: z.array(itemSchema),
    channel_labels: z
      .object({ channels: z.array(z.object({ channel_label: z.string(), items: z.array(itemSchema) })) })
      .optional(),
    audio_segments: z
      .array(
        z.object({
          id: z.union([z.number(), z.string()]).optional(),
          transcript: z.string().optional(),
          start_time: seconds,
          end_time: seconds,
          speaker_label: z.string().optional(),
          channel_label: z.string().optional(),
          items: z.array(z.union([z.number(), z.string()])).optional(),
        }),
      )
      .optional(),
  }),
});

type OutputItem = z.infer<typeof itemSchema>;

export interface TranscriptReading {
  /** The job asked for ChannelIdentification: speakers are channels. */
  perChannel: boolean;
  wordTimestamps: boolean;
  /** "none": punctuation items are left out of the text. */
  punctuation: "automatic" | "none";
  /** The job's language (identified, or the one asked for). */
  language: string;
  provider: string;
}

interface Speaker {
  label: string;
  channel?: number;
}

interface Token {
  word: boolean;
  text: string;
  startMs: number | undefined;
  endMs: number | undefined;
  confidence: number | undefined;
  speaker: Speaker | undefined;
}

type DraftSegment = TranscriptDraft["segments"][number];

/** The label Transcribe gives the only speaker when it separated none. */
const singleSpeaker: Speaker = { label: "spk_0" };
const sentenceEnd = /^[.?!。？！]$/;

function milliseconds(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw badResponse(`a time of the transcript is not a number of seconds (${String(value).slice(0, 20)}).`);
  return Math.round(parsed * 1000);
}

function confidenceOf(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === "number" ? value : Number(value);
  return Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : undefined;
}

function channelSpeaker(label: string): Speaker {
  const match = /(\d+)$/.exec(label);
  return match === null ? { label } : { label, channel: Number(match[1]) };
}

/** Where an item sits, to find its channel in `channel_labels` when it carries none itself. */
const itemKey = (item: OutputItem) => `${item.type}|${item.start_time ?? ""}|${item.end_time ?? ""}|${item.alternatives[0]!.content}`;

function joinText(tokens: Token[]): string {
  return tokens.reduce((text, token) => (text === "" ? token.text : token.word ? `${text} ${token.text}` : text + token.text), "").trim();
}

function segmentOf(tokens: Token[], speaker: Speaker, reading: TranscriptReading, span?: { startMs: number; endMs: number }): DraftSegment | undefined {
  const shown = reading.punctuation === "none" ? tokens.filter((token) => token.word) : tokens;
  const text = joinText(shown);
  const words = tokens.filter((token) => token.word && token.startMs !== undefined && token.endMs !== undefined);
  if (text === "") return undefined;
  const startMs = span?.startMs ?? words[0]?.startMs;
  const endMs = span?.endMs ?? words.at(-1)?.endMs;
  if (startMs === undefined || endMs === undefined) return undefined;
  const confidences = words.map((word) => word.confidence).filter((value): value is number => value !== undefined);
  return {
    speaker: speaker.label,
    startMs,
    endMs: Math.max(startMs, endMs),
    text,
    ...(confidences.length === 0 ? {} : { confidence: confidences.reduce((sum, value) => sum + value, 0) / confidences.length }),
    ...(reading.wordTimestamps
      ? {
          words: words.map((word) => ({
            text: word.text,
            startMs: Math.max(startMs, word.startMs!),
            endMs: Math.min(Math.max(startMs, endMs), word.endMs!),
            ...(word.confidence === undefined ? {} : { confidence: word.confidence }),
          })),
        }
      : {}),
  };
}

/**
 * Parses a Transcribe transcript file (JSON text) into a draft transcript.
 * @throws ConfideError `provider.bad_response` when it is not JSON or not a transcript file;
 * `speech.no_speech` when it holds no words.
 */
export function readTranscribeTranscript(json: string, reading: TranscriptReading): TranscriptDraft {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw badResponse("the transcript file is not JSON.", error);
  }
  const checked = outputSchema.safeParse(parsed);
  if (!checked.success) throw badResponse(`the transcript file lacks ${checked.error.issues[0]?.path.join(".") ?? "its results"}.`, checked.error);
  const { items, channel_labels: channelLabels, audio_segments: audioSegments } = checked.data.results;

  const channelByItem = new Map<string, string>();
  for (const channel of channelLabels?.channels ?? []) {
    for (const item of channel.items) channelByItem.set(itemKey(item), channel.channel_label);
  }
  const speakerOfItem = (item: OutputItem): Speaker | undefined => {
    if (reading.perChannel) {
      const label = item.channel_label ?? channelByItem.get(itemKey(item));
      return label === undefined ? undefined : channelSpeaker(label);
    }
    return item.speaker_label === undefined ? undefined : { label: item.speaker_label };
  };

  const tokens: Token[] = [];
  const tokenById = new Map<string, Token>();
  let lastSpeaker: Speaker | undefined;
  for (const [index, item] of items.entries()) {
    const word = item.type !== "punctuation";
    const token: Token = {
      word,
      text: item.alternatives[0]!.content,
      startMs: word ? milliseconds(item.start_time) : undefined,
      endMs: word ? milliseconds(item.end_time) : undefined,
      confidence: word ? confidenceOf(item.alternatives[0]!.confidence) : undefined,
      // Punctuation goes with the word before it.
      speaker: speakerOfItem(item) ?? (word ? undefined : lastSpeaker),
    };
    lastSpeaker = token.speaker ?? lastSpeaker;
    tokens.push(token);
    tokenById.set(String(item.id ?? index), token);
  }

  const segments: DraftSegment[] = [];
  const speakers = new Map<string, Speaker>();
  const add = (segment: DraftSegment | undefined, speaker: Speaker) => {
    if (segment === undefined) return;
    segments.push(segment);
    if (!speakers.has(speaker.label)) speakers.set(speaker.label, speaker);
  };

  if (audioSegments !== undefined) {
    for (const audioSegment of audioSegments) {
      const own = (audioSegment.items ?? []).map((id) => tokenById.get(String(id))).filter((token): token is Token => token !== undefined);
      const label = reading.perChannel ? audioSegment.channel_label : audioSegment.speaker_label;
      const speaker = label === undefined ? (own.find((token) => token.speaker)?.speaker ?? singleSpeaker) : reading.perChannel ? channelSpeaker(label) : { label };
      const span = { startMs: milliseconds(audioSegment.start_time)!, endMs: milliseconds(audioSegment.end_time)! };
      const fallback: Token[] = own.length === 0 && audioSegment.transcript ? [{ word: true, text: audioSegment.transcript, startMs: undefined, endMs: undefined, confidence: undefined, speaker }] : own;
      add(segmentOf(fallback, speaker, reading, span), speaker);
    }
  } else {
    let current: Token[] = [];
    let currentSpeaker: Speaker = singleSpeaker;
    const flush = () => {
      add(segmentOf(current, currentSpeaker, reading), currentSpeaker);
      current = [];
    };
    for (const token of tokens) {
      const speaker = token.speaker ?? currentSpeaker;
      const previous = current.at(-1);
      const speakerChanged = token.word && current.length > 0 && speaker.label !== currentSpeaker.label;
      const sentenceEnded = token.word && previous !== undefined && !previous.word && sentenceEnd.test(previous.text);
      if (speakerChanged || sentenceEnded) flush();
      if (current.length === 0) currentSpeaker = speaker;
      current.push(token);
    }
    flush();
  }

  segments.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  if (segments.length === 0) {
    throw new ConfideError("speech.no_speech", "Amazon Transcribe heard no speech in the recording.", { retryable: false, details: { provider: reading.provider } });
  }
  const durationMs = Math.max(...segments.map((segment) => segment.endMs));
  return {
    language: reading.language,
    durationMs,
    speakers: [...speakers.values()].map((speaker) => (speaker.channel === undefined ? { label: speaker.label } : { label: speaker.label, channel: speaker.channel })),
    segments,
    provider: reading.provider,
  };
}
