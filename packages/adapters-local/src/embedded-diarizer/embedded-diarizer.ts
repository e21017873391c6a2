/**
 * The embedded diarizer: decodes the recording to 16 kHz mono PCM with ffmpeg (onto disk, as
 * PocketSphinx's input is), reads it back in 64 KiB pieces, and finds the speakers with the
 * learned pipeline (Silero VAD, pyannote segmentation-3.0, voice features; `learned/`) when its
 * models are installed, else with the classical one (voice features alone, clustered from
 * per-block statistics). README.md. No network, CPU only; memory grows with the recording's
 * length by a few kilobytes a second, never by its samples.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSettings } from "@confide/core/adapter-kit";
import { type AudioSource, ConfideError, type Diarization, type DiarizeOptions, type Diarizer, type VoiceSample } from "@confide/core/ports";
import { checkFfmpeg, convertToWav } from "../ffmpeg/ffmpeg-audio.ts";
import { defaultModelsDirectory } from "../models/model-store.ts";
import type { LearnedPipeline } from "./learned/learned-diarization.ts";
import { OnlineSpeakers } from "./online-speakers.ts";
import { clusterSpeakers } from "./speaker-clustering.ts";
import { blocksOf, embedBlocks, embedSample, voiceEmbedder } from "./voice-embedding.ts";
import { embeddedDiarizerSettings, type EmbeddedDiarizerSettings } from "./settings.ts";
import { classicalPipelineName, learnedPipelineName } from "./learned/pipeline-names.ts";
import { VoiceFeatureExtractor } from "./voice-features.ts";

const invalidBounds = (options: DiarizeOptions) =>
  new ConfideError("validation.invalid_input", "Speaker bounds must satisfy 1 ≤ minSpeakers ≤ maxSpeakers ≤ 4.", {
    details: { minSpeakers: options.minSpeakers, maxSpeakers: options.maxSpeakers },
  });

/**
 * Finds speaker turns in 16 kHz 16-bit mono PCM bytes; the core of `diarize`, for tests and the
 * bench. With `learned`, its pipeline finds them; without, the classical clustering.
 */
export async function diarizePcm(
  pcm: AsyncIterable<Uint8Array>,
  options: Pick<DiarizeOptions, "minSpeakers" | "maxSpeakers" | "signal"> & { speakerGainPerFrame?: number; learned?: LearnedPipeline<unknown> | undefined },
): Promise<Diarization> {
  const extractor = new VoiceFeatureExtractor();
  const maxSpeakers = Math.min(4, options.maxSpeakers);
  let found: { turns: Array<{ speaker: number; startMs: number; endMs: number; confidence: number }>; speakerCount: number };
  if (options.learned) {
    const { learnedDiarize } = await import("./learned/learned-diarization.ts");
    found = await learnedDiarize(options.learned, pcm, {
      minSpeakers: Math.min(options.minSpeakers, maxSpeakers),
      maxSpeakers,
      onPcm: (bytes) => extractor.pushPcm(bytes),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } else {
    for await (const chunk of pcm) {
      options.signal?.throwIfAborted();
      extractor.pushPcm(chunk);
    }
    found = clusterSpeakers(extractor.blocks, {
      minSpeakers: options.minSpeakers,
      maxSpeakers,
      ...(options.speakerGainPerFrame === undefined ? {} : { speakerGainPerFrame: options.speakerGainPerFrame }),
    });
  }
  const label = (speaker: number) => `S${speaker + 1}`;
  const blocksBySpeaker = new Map<number, number[]>();
  for (const turn of found.turns) {
    const list = blocksBySpeaker.get(turn.speaker) ?? [];
    list.push(...blocksOf(turn.startMs, turn.endMs));
    blocksBySpeaker.set(turn.speaker, list);
  }
  const voices = [...blocksBySpeaker].map(([speaker, indices]) => {
    const voice = embedBlocks(extractor.blocks, indices);
    return { speaker: label(speaker), embedding: voice.embedding, speechMs: Math.round(voice.speechMs) };
  });
  return {
    turns: found.turns.map((turn) => ({
      speaker: label(turn.speaker),
      startMs: turn.startMs,
      endMs: turn.endMs,
      confidence: Math.round(turn.confidence * 1000) / 1000,
    })),
    speakers: Array.from({ length: found.speakerCount }, (_, i) => label(i)),
    warnings:
      options.maxSpeakers > 4
        ? [{ type: "other", feature: "maxSpeakers", message: "The embedded diarizer separates at most 4 speakers." }]
        : [],
    voices: { embedder: voiceEmbedder, speakers: voices },
    pipeline: options.learned ? learnedPipelineName : classicalPipelineName,
  };
}

/** The voice of a one-person sample in 16 kHz 16-bit mono PCM bytes; the core of `embedVoice`. */
export async function embedVoicePcm(pcm: AsyncIterable<Uint8Array>, options: { signal?: AbortSignal } = {}): Promise<VoiceSample> {
  const extractor = new VoiceFeatureExtractor();
  for await (const chunk of pcm) {
    options.signal?.throwIfAborted();
    extractor.pushPcm(chunk);
  }
  const sample = embedSample(extractor.blocks);
  return {
    embedding: sample.embedding,
    embedder: voiceEmbedder,
    durationMs: Math.round(extractor.durationMs),
    speechMs: Math.round(sample.speechMs),
    consistency: sample.consistency,
  };
}

/**
 * Creates the embedded diarizer. Every setting has a default (settings.ts); the models folder's is
 * `<dataDir>/models`, and with neither (no models folder) it runs the classical pipeline.
 * @throws ConfideError `validation.invalid_input` naming a bad setting.
 */
export function createEmbeddedDiarizer(settings: EmbeddedDiarizerSettings = {}, context: { dataDir?: string } = {}): Diarizer {
  const { ffmpegPath, speakerGainPerFrame, temporaryDirectory, modelsDirectory } = parseSettings(embeddedDiarizerSettings, settings);
  const models = modelsDirectory ?? (context.dataDir === undefined ? undefined : defaultModelsDirectory(context.dataDir));
  /** The learned pipeline when its models are installed (looked for at each call: an install needs no restart). */
  const learned = async () => {
    if (models === undefined) return undefined;
    const { learnedPipeline } = await import("./learned/learned-pipeline.ts");
    return learnedPipeline(models);
  };
  /** Decodes the audio to 16 kHz mono PCM in an owner-only temporary folder, reads it with `use`, deletes the folder. */
  async function withPcm<T>(
    audio: Pick<AudioSource, "open" | "contentType">,
    signal: AbortSignal | undefined,
    use: (pcm: AsyncIterable<Uint8Array>) => Promise<T>,
  ): Promise<T> {
    const work = await mkdtemp(join(temporaryDirectory ?? tmpdir(), "confide-diarize-"));
    try {
      const wavPath = join(work, "mono.wav");
      const format = await convertToWav({
        ffmpegPath,
        audio: await audio.open(signal),
        outputPath: wavPath,
        mixToMono: true,
        workDirectory: work,
        ...(signal ? { signal } : {}),
      });
      const pcm = createReadStream(wavPath, { start: format.dataOffset, highWaterMark: 64 * 1024, ...(signal ? { signal } : {}) });
      return await use(pcm as AsyncIterable<Uint8Array>);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return {
    provider: "embedded",
    async diarize(audio: Pick<AudioSource, "open" | "contentType">, options: DiarizeOptions): Promise<Diarization> {
      const { signal } = options;
      if (!(options.minSpeakers >= 1 && options.maxSpeakers >= options.minSpeakers)) throw invalidBounds(options);
      signal?.throwIfAborted();
      const pipeline = await learned();
      return withPcm(audio, signal, (pcm) =>
        diarizePcm(pcm, {
          minSpeakers: options.minSpeakers,
          maxSpeakers: options.maxSpeakers,
          ...(signal ? { signal } : {}),
          speakerGainPerFrame,
          learned: pipeline,
        }),
      );
    },
    async embedVoice(audio, options = {}) {
      const { signal } = options;
      signal?.throwIfAborted();
      return withPcm(audio, signal, (pcm) => embedVoicePcm(pcm, signal ? { signal } : {}));
    },
    follow({ maxSpeakers }) {
      return new OnlineSpeakers(Math.max(1, Math.min(4, maxSpeakers)));
    },
    async check(options) {
      await checkFfmpeg(ffmpegPath, options?.signal);
    },
    async close() {},
  };
}
