/**
 * The stages of the learned diarization pipeline, each a small interface so that one can be
 * replaced alone (a learned speaker embedder is a new `EmbeddingStage`, nothing else):
 *
 *   voice activity → segmentation (local speakers, stitched across windows) → embedding (a
 *   voice per linked speaker) → clustering (linked speakers into people, the count estimated)
 *
 * Audio reaches every stage as it streams (16 kHz mono), so no stage holds the recording.
 */
import type { SpeechRegion } from "./speech-regions.ts";
import type { StitchedFrames } from "./stitching.ts";

/** Where people speak, from the samples. */
export interface VoiceActivityStage {
  open(): {
    /** The next samples, in [-1, 1]. */
    push(samples: Float32Array): Promise<void>;
    finish(): SpeechRegion[];
  };
}

/** Per model frame, which linked local speakers (chains) speak. */
export interface Segmentation {
  frames: StitchedFrames;
  /** Chains found (numbered from 0). */
  chains: number;
  /** Whether two chains were heard as different people in one window. */
  cannotLink(a: number, b: number): boolean;
  /** Start of frame `i` in milliseconds. */
  frameStartMs(i: number): number;
  frameMs: number;
}

export interface SegmentationStage {
  open(): {
    push(samples: Float32Array): Promise<void>;
    finish(): Promise<Segmentation>;
  };
}

/** How voices (of any embedder) are compared and pooled, for the clustering. */
export interface VoiceSpace<V> {
  /** The voice of two groups together. */
  pool(a: V, b: V): V;
  /** How unlike two voices are (0: alike); the clustering merges below its threshold. */
  distance(a: V, b: V): number;
}

/** A voice for a set of time spans, from the audio streamed through it. */
export interface EmbeddingStage<V> {
  readonly space: VoiceSpace<V>;
  open(): {
    push(pcm: Uint8Array): void;
    /** The voice of the speech inside `spans` (ms), or null when too little of it was heard. */
    voiceOf(spans: ReadonlyArray<{ startMs: number; endMs: number }>): V | null;
  };
}

/** Groups linked speakers into people. */
export interface ClusteringStage {
  /**
   * @returns per chain the person (0…k-1), or -1 for a chain with no voice; k between the bounds
   *   whenever there are enough voices.
   */
  cluster<V>(
    voices: ReadonlyArray<V | null>,
    weights: readonly number[],
    space: VoiceSpace<V>,
    constraints: { cannotLink(a: number, b: number): boolean; minSpeakers: number; maxSpeakers: number },
  ): number[];
}
