/**
 * The learned diarization pipeline: streams 16 kHz mono PCM once through its stages (voice
 * activity, segmentation, embedding; `stages.ts`), then clusters the linked speakers into people
 * and cuts the turns: per model frame (~17 ms) the person the windows' vote heard there
 * (`frame-people.ts`; where two overlap, the one already speaking keeps the floor), short pauses
 * inside a turn bridged and slivers given to their neighbour.
 */
import type { LearnedDiarizationParameters } from "./pipeline-parameters.ts";
import type { SpeechRegion } from "./speech-regions.ts";
import type { ClusteringStage, EmbeddingStage, Segmentation, SegmentationStage, VoiceActivityStage } from "./stages.ts";
import { framePeople } from "./frame-people.ts";
import { chainVoiceBlocks } from "./voice-blocks.ts";

export interface LearnedPipeline<V> {
  voiceActivity: VoiceActivityStage;
  segmentation: SegmentationStage;
  embedding: EmbeddingStage<V>;
  clustering: ClusteringStage;
  parameters: LearnedDiarizationParameters;
}

export interface LearnedTurn {
  speaker: number;
  startMs: number;
  endMs: number;
  confidence: number;
}

export interface LearnedResult {
  turns: LearnedTurn[];
  speakerCount: number;
}

/** Runs the pipeline over `pcm` (signed 16-bit little-endian mono at 16 kHz, any chunking). */
export async function learnedDiarize<V>(
  pipeline: LearnedPipeline<V>,
  pcm: AsyncIterable<Uint8Array>,
  options: { minSpeakers: number; maxSpeakers: number; signal?: AbortSignal; onPcm?: (bytes: Uint8Array) => void },
): Promise<LearnedResult> {
  const activity = pipeline.voiceActivity.open();
  const segmentation = pipeline.segmentation.open();
  const embedding = pipeline.embedding.open();
  let odd: number | null = null;
  for await (const chunk of pcm) {
    options.signal?.throwIfAborted();
    embedding.push(chunk);
    options.onPcm?.(chunk);
    const bytes: Uint8Array = odd === null ? chunk : Buffer.concat([Uint8Array.of(odd), chunk]);
    const count = Math.floor(bytes.length / 2);
    odd = bytes.length % 2 === 1 ? bytes[bytes.length - 1]! : null;
    const samples = new Float32Array(count);
    const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
    for (let i = 0; i < count; i += 1) samples[i] = view.getInt16(2 * i, true) / 32768;
    await activity.push(samples);
    await segmentation.push(samples);
  }
  const regions = activity.finish();
  const segmented = await segmentation.finish();
  return labelTurns(pipeline, segmented, regions, embedding, options);
}

function labelTurns<V>(
  pipeline: LearnedPipeline<V>,
  segmented: Segmentation,
  regions: SpeechRegion[],
  embedding: ReturnType<EmbeddingStage<V>["open"]>,
  bounds: { minSpeakers: number; maxSpeakers: number },
): LearnedResult {
  const { frames } = segmented;
  const { blockShare } = pipeline.parameters.clustering;
  // Each chain's voice from its speech, block by block (100 ms): `chainVoiceBlocks`. The turns
  // follow the segmentation's own speech activity (on far-field audio it misses less than the
  // voice-activity model), which only chooses the blocks a voice is measured on.
  const inSpeech = speechMask(segmented, regions);
  const { minSpeakerBlocks } = pipeline.parameters.clustering;
  const blocks = chainVoiceBlocks(frames, segmented.chains, inSpeech, (f) => Math.floor(segmented.frameStartMs(f) / 100), {
    minFrames: (blockShare * 100) / segmented.frameMs,
    minBlocks: minSpeakerBlocks,
  });
  const voices: Array<V | null> = [];
  const weights: number[] = [];
  for (const chosen of blocks) {
    voices.push(chosen.length > 0 ? embedding.voiceOf(chosen.map((b) => ({ startMs: b * 100, endMs: b * 100 + 100 }))) : null);
    weights.push(chosen.length);
  }
  const personOf = pipeline.clustering.cluster(voices, weights, pipeline.embedding.space, {
    cannotLink: segmented.cannotLink,
    minSpeakers: bounds.minSpeakers,
    maxSpeakers: bounds.maxSpeakers,
  });
  const labels = framePeople(frames, personOf);
  return toTurns(labels, frames.confidence, segmented, pipeline.parameters.turns);
}

/** Per frame: inside a speech region of the voice-activity model. */
function speechMask(segmented: Segmentation, regions: SpeechRegion[]): Uint8Array {
  const mask = new Uint8Array(segmented.frames.length);
  let r = 0;
  for (let f = 0; f < mask.length; f += 1) {
    const centre = segmented.frameStartMs(f) + segmented.frameMs / 2;
    while (r < regions.length && regions[r]!.endMs <= centre) r += 1;
    mask[f] = r < regions.length && regions[r]!.startMs <= centre ? 1 : 0;
  }
  return mask;
}

function toTurns(labels: Int16Array, confidence: Float32Array, segmented: Segmentation, parameters: LearnedDiarizationParameters["turns"]): LearnedResult {
  type Run = { speaker: number; from: number; to: number };
  const runs: Run[] = [];
  for (let f = 0; f < labels.length; f += 1) {
    if (labels[f]! < 0) continue;
    const last = runs.at(-1);
    const gapMs = last ? (f - last.to) * segmented.frameMs : Infinity;
    if (last && last.speaker === labels[f] && gapMs <= parameters.bridgeMs) last.to = f + 1;
    else runs.push({ speaker: labels[f]!, from: f, to: f + 1 });
  }
  // Slivers touching another speaker's run become that speaker's.
  const minFrames = parameters.minTurnMs / segmented.frameMs;
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i]!;
    if (run.to - run.from >= minFrames) continue;
    const before = runs[i - 1];
    const after = runs[i + 1];
    const touchesBefore = before && run.from - before.to <= 1;
    const touchesAfter = after && after.from - run.to <= 1;
    const into = touchesBefore && touchesAfter ? (before!.to - before!.from >= after!.to - after!.from ? before : after) : touchesBefore ? before : touchesAfter ? after : undefined;
    if (into) run.speaker = into.speaker;
  }
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.speaker === run.speaker && (run.from - last.to) * segmented.frameMs <= parameters.bridgeMs) last.to = run.to;
    else merged.push({ ...run });
  }
  const order = new Map<number, number>();
  const turns = merged.map((run) => {
    if (!order.has(run.speaker)) order.set(run.speaker, order.size);
    let sum = 0;
    for (let f = run.from; f < run.to; f += 1) sum += confidence[f]!;
    return {
      speaker: order.get(run.speaker)!,
      startMs: Math.round(segmented.frameStartMs(run.from)),
      endMs: Math.round(segmented.frameStartMs(run.to)),
      confidence: sum / (run.to - run.from),
    };
  });
  return { turns, speakerCount: order.size };
}
