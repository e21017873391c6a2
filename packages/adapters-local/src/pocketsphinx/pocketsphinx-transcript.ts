import { rm } from "node:fs/promises";
import { join } from "node:path";
import { segmentWords } from "@confide/core/adapter-kit";
import type { SpeechWarning, TranscriptDraft, TranscriptionSettings } from "@confide/core/ports";
import { convertToWav, splitChannels } from "../ffmpeg/ffmpeg-audio.ts";
import type { z } from "zod";
import type { pocketSphinxSettings } from "./settings.ts";
import type { PocketSphinxEngine } from "./pocketsphinx-engine.ts";
import { modelLanguage } from "./pocketsphinx-submission.ts";

/**
 * Runs `fn` for every item, at most `limit` at a time, in item order. On the first failure the
 * others are aborted (their processes killed) and awaited, then that failure is thrown.
 */
async function forEachLimited<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  fn: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", forward, { once: true });
  if (signal?.aborted) forward();
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (next < items.length && !controller.signal.aborted) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, controller.signal);
      } catch (error) {
        failure ??= { error };
        controller.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  } finally {
    signal?.removeEventListener("abort", forward);
  }
  if (signal?.aborted) throw signal.reason;
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

export interface PocketSphinxTranscription {
  /** The recording mixed to one 16 kHz channel and recognised as one speaker "S1". */
  transcribeMono(audio: ReadableStream<Uint8Array>, settings: TranscriptionSettings, work: string, signal: AbortSignal | undefined): Promise<TranscriptDraft>;
  /**
   * The recording split with ffmpeg, each channel recognised (`parallelChannels` at a time) as its
   * own speaker "ch0", "ch1"…; a one-channel recording is "ch0", with a `channelLayout` warning.
   */
  transcribePerChannel(
    audio: ReadableStream<Uint8Array>,
    settings: TranscriptionSettings,
    work: string,
    signal: AbortSignal | undefined,
    warnings: SpeechWarning[],
  ): Promise<TranscriptDraft>;
}

/** Transcripts of a recording converted into the work directory: words become segments at pauses. */
export function createPocketSphinxTranscription(resolved: z.output<typeof pocketSphinxSettings>, engine: PocketSphinxEngine): PocketSphinxTranscription {
  const recognize = engine.recognize;

  const segmentOptions = (settings: TranscriptionSettings) => ({
    gapMs: resolved.segmentGapMs,
    maxSegmentMs: resolved.maxSegmentMs,
    withWords: settings.wordTimestamps,
  });

  async function transcribeMono(
    audio: ReadableStream<Uint8Array>,
    settings: TranscriptionSettings,
    work: string,
    signal: AbortSignal | undefined,
  ): Promise<TranscriptDraft> {
    const wavPath = join(work, "mono.wav");
    const format = await convertToWav({
      ffmpegPath: resolved.ffmpegPath,
      audio,
      outputPath: wavPath,
      mixToMono: true,
      workDirectory: work,
      signal,
    });
    const words = await recognize(wavPath, format, signal);
    return {
      language: modelLanguage,
      durationMs: format.durationMs,
      speakers: [{ label: "S1" }],
      segments: segmentWords(words, "S1", segmentOptions(settings)),
      provider: "pocketsphinx",
    };
  }

  async function transcribePerChannel(
    audio: ReadableStream<Uint8Array>,
    settings: TranscriptionSettings,
    work: string,
    signal: AbortSignal | undefined,
    warnings: SpeechWarning[],
  ): Promise<TranscriptDraft> {
    const allPath = join(work, "channels.wav");
    const format = await convertToWav({
      ffmpegPath: resolved.ffmpegPath,
      audio,
      outputPath: allPath,
      mixToMono: false,
      workDirectory: work,
      signal,
    });
    const channelCount = Math.max(format.channels, 1);
    if (channelCount === 1) {
      warnings.push({
        type: "other",
        feature: "channelLayout",
        message: "The recording has one channel: it was transcribed as one speaker (ch0).",
      });
    }
    const files =
      channelCount === 1
        ? [{ channel: 0, path: allPath, format }]
        : await splitChannels({
            ffmpegPath: resolved.ffmpegPath,
            input: { path: allPath },
            channels: channelCount,
            workDirectory: work,
            signal,
          });
    if (channelCount > 1) await rm(allPath, { force: true });
    const channels = files.map((file) => file.channel);
    const perChannel = await forEachLimited(files, resolved.parallelChannels, signal, async (file, inner) => {
      const words = await recognize(file.path, file.format, inner);
      if (file.path !== allPath) await rm(file.path, { force: true });
      return segmentWords(words, `ch${file.channel}`, segmentOptions(settings)).map((segment) => ({
        segment,
        channel: file.channel,
      }));
    });
    const segments = perChannel
      .flat()
      .sort((a, b) => a.segment.startMs - b.segment.startMs || a.channel - b.channel)
      .map(({ segment }) => segment);
    return {
      language: modelLanguage,
      durationMs: format.durationMs,
      speakers: channels.map((channel) => ({ label: `ch${channel}`, channel })),
      segments,
      provider: "pocketsphinx",
    };
  }

  return { transcribeMono, transcribePerChannel };
}
