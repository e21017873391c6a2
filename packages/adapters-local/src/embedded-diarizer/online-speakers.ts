/**
 * Live diarization: speakers of a mono stream told apart utterance by utterance, as they are
 * spoken, without ever relabelling an utterance already answered (online clustering). The PCM
 * is pushed as it arrives into the same streamed features as the offline diarizer; when the
 * live engine finishes an utterance, its blocks' statistics are compared with each speaker
 * heard so far by the generalised likelihood ratio per frame (the ΔBIC distance of the offline
 * clustering): the closest speaker under the threshold takes it (and its statistics grow), else
 * it opens a new speaker while fewer than `maxSpeakers` exist.
 */
import { blockLayout, blockMs, cepstra, VoiceFeatureExtractor } from "./voice-features.ts";
import { merged, mergeCost, type Cluster, type Gaussian } from "./speaker-clustering.ts";

/** GLR per frame of the utterance over which it is another voice. Calibrated on the bench's voices. */
const defaultNewSpeakerCost = 1.2;
/** An utterance with fewer speech frames than this (≈0.25 s) goes to the closest speaker, never a new one. */
const minFramesForNewSpeaker = 25;

const emptyCluster = (): Cluster => ({
  count: 0,
  sum: new Float64Array(cepstra),
  squares: new Float64Array(cepstra),
  pitchCount: 0,
  pitchSum: 0,
  pitchSquares: 0,
  members: [],
});

/** The variance floor of the clustering: the variances of all speech heard so far. */
function floorOf(all: Cluster): Gaussian {
  const variance = new Float64Array(cepstra);
  for (let d = 0; d < cepstra; d += 1) {
    const mean = all.sum[d]! / Math.max(1, all.count);
    variance[d] = Math.max(1e-3, all.squares[d]! / Math.max(1, all.count) - mean * mean);
  }
  return { mean: new Float64Array(cepstra), variance, logNorm: 0, pitchMean: 0, pitchVariance: 0.05 };
}

export interface OnlineSpeaker {
  speaker: string;
  confidence: number;
}

export class OnlineSpeakers {
  private readonly extractor = new VoiceFeatureExtractor();
  private readonly speakers: Cluster[] = [];
  private all = emptyCluster();
  private readonly maxSpeakers: number;
  private readonly newSpeakerCost: number;

  constructor(maxSpeakers: number, newSpeakerCost = defaultNewSpeakerCost) {
    this.maxSpeakers = maxSpeakers;
    this.newSpeakerCost = newSpeakerCost;
  }

  /** 16 kHz 16-bit mono PCM, as written to the live engine. */
  push(pcm: Uint8Array): void {
    this.extractor.pushPcm(pcm);
  }

  /**
   * The speaker of the utterance [startMs, endMs) (times from the first byte pushed), decided
   * now and for good. @returns null when the span holds no speech the features saw.
   */
  speakerOf(startMs: number, endMs: number): OnlineSpeaker | null {
    const { blocks } = this.extractor;
    const utterance = emptyCluster();
    const last = Math.min(blocks.length, Math.ceil(endMs / blockMs));
    for (let b = Math.max(0, Math.floor(startMs / blockMs)); b < last; b += 1) {
      const row = blocks.row(b);
      if (row[blockLayout.count]! < 3) continue;
      utterance.count += row[blockLayout.count]!;
      for (let d = 0; d < cepstra; d += 1) {
        utterance.sum[d]! += row[blockLayout.sum + d]!;
        utterance.squares[d]! += row[blockLayout.sumSquares + d]!;
      }
      utterance.pitchCount += row[blockLayout.pitchCount]!;
      utterance.pitchSum += row[blockLayout.pitchSum]!;
      utterance.pitchSquares += row[blockLayout.pitchSumSquares]!;
    }
    if (utterance.count === 0) return null;
    this.all = merged(this.all, utterance);
    const floor = floorOf(this.all);
    const costs = this.speakers.map((speaker) => mergeCost(speaker, utterance, floor) / utterance.count);
    let best = -1;
    costs.forEach((cost, index) => {
      if (best < 0 || cost < costs[best]!) best = index;
    });
    // A third or fourth voice must stand further apart: therapy sessions have two people.
    const bar = this.newSpeakerCost * (this.speakers.length >= 2 ? 1.5 : 1);
    const opensNew =
      best < 0 || (costs[best]! > bar && this.speakers.length < this.maxSpeakers && utterance.count >= minFramesForNewSpeaker);
    if (opensNew) {
      this.speakers.push(utterance);
      const nearest = best < 0 ? Infinity : costs[best]!;
      return { speaker: `S${this.speakers.length}`, confidence: round(best < 0 ? 1 : sigmoid(2 * (nearest - bar))) };
    }
    this.speakers[best] = merged(this.speakers[best]!, utterance);
    const second = Math.min(...costs.filter((_, index) => index !== best), bar);
    return { speaker: `S${best + 1}`, confidence: round(sigmoid(2 * (second - costs[best]!))) };
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (value: number) => Math.round(value * 1000) / 1000;
