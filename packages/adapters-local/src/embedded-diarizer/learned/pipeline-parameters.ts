/**
 * The learned diarization pipeline's parameters, as data (pyannote's pipelines keep theirs the
 * same way): one object per stage. `learned-diarization.ts` runs the stages in order — voice
 * activity, segmentation (with stitching), voice features of each linked speaker, clustering —
 * then cuts turns.
 */
import type { SpeechRegionParameters } from "./speech-regions.ts";
import type { StitchingParameters } from "./stitching.ts";

export interface LearnedDiarizationParameters {
  voiceActivity: SpeechRegionParameters;
  segmentation: StitchingParameters;
  clustering: {
    /**
     * Two groups of linked speakers are one person when modelling them with one voice costs
     * less than this (nats per frame of the generalised likelihood ratio of their voice
     * features); higher finds fewer speakers.
     */
    maxMergeCostPerFrame: number;
    /**
     * Linked speakers with less speech than this (blocks of 100 ms) join the nearest speaker
     * instead of founding one; one with fewer solo blocks than this takes its voice from its
     * overlapped speech as well.
     */
    minSpeakerBlocks: number;
    /** A 100 ms block counts as one linked speaker's when it speaks alone in this share of its frames. */
    blockShare: number;
  };
  turns: {
    /** A pause shorter than this inside one speaker's speech does not end the turn. */
    bridgeMs: number;
    /** A run of one speaker shorter than this is given to its neighbours. */
    minTurnMs: number;
  };
}

export const learnedDiarizationParameters: LearnedDiarizationParameters = {
  voiceActivity: { threshold: 0.5, minSpeechMs: 250, minSilenceMs: 100, padMs: 120 },
  segmentation: {
    windowFrames: 589,
    // 59 frames of 270 samples: windows every 1 s (pyannote's default step, a tenth of the window).
    stepFrames: 59,
    minActiveFrames: 12,
    minAgreementFrames: 12,
    minAgreementShare: 0.5,
  },
  clustering: { maxMergeCostPerFrame: 1.2, minSpeakerBlocks: 10, blockShare: 0.7 },
  turns: { bridgeMs: 300, minTurnMs: 200 },
};
