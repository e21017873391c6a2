/**
 * Voice embeddings from the diarizer's own block statistics (`voice-features.ts`): what a
 * therapist's enrolment sample and each speaker of a diarized session are compared by. The
 * embedding is the mean of the MFCCs c1…c19 over the voiced-speech frames (the spectral
 * envelope: vocal tract and voice quality) and the mean log F0, scaled so that a pitch
 * difference between two voices weighs about as much as their envelopes' (the clustering's
 * pitch weight). Core compares embeddings by cosine similarity after centring them on the
 * recording's mean (`assignRolesByVoice`), which removes what every voice of a recording and its
 * microphone share.
 */
import { blockLayout, cepstra, framesPerBlock, hopSamples, sampleRateHz, type BlockStatistics } from "./voice-features.ts";

/** Name and version of the embedding function, stored with every enrolment. */
export const voiceEmbedder = "embedded-mfcc-pitch-1";

/** Scale of the mean log F0 in the embedding: 0.1 in log F0 (≈10 % of pitch) counts as 0.8. */
const pitchScale = 8;
/** Speech blocks need this many speech frames (as the clustering's). */
const minSpeechFramesPerBlock = 3;
/**
 * A voice alternates voiced sounds (vowels) and unvoiced ones (consonants, pauses inside words):
 * between these shares of voiced frames among the sounding frames it is speech. Steady noise has
 * almost no voiced frames, an instrument or a tone almost only voiced ones.
 */
const voicedShareRange = [0.2, 0.88] as const;
const frameMs = (hopSamples * 1000) / sampleRateHz;

export interface BlockVoice {
  embedding: number[];
  /** Speech frames (sounding frames) in the blocks, as milliseconds. */
  speechMs: number;
  /** Share of the speech frames with a clear pitch. */
  voicedShare: number;
}

/** The embedding of the frames of `blocks` rows `indices` (speech blocks only are counted). */
export function embedBlocks(blocks: BlockStatistics, indices: Iterable<number>): BlockVoice {
  const sum = new Float64Array(cepstra);
  let count = 0;
  let pitchCount = 0;
  let pitchSum = 0;
  for (const index of indices) {
    const row = blocks.row(index);
    if (row[blockLayout.count]! < minSpeechFramesPerBlock) continue;
    count += row[blockLayout.count]!;
    for (let d = 0; d < cepstra; d += 1) sum[d]! += row[blockLayout.sum + d]!;
    pitchCount += row[blockLayout.pitchCount]!;
    pitchSum += row[blockLayout.pitchSum]!;
  }
  const embedding = Array.from(sum, (value) => (count > 0 ? value / count : 0));
  embedding.push(pitchScale * (pitchCount > 0 ? pitchSum / pitchCount : Math.log(150)));
  return {
    embedding: embedding.map((value) => Math.round(value * 1e5) / 1e5),
    speechMs: count * frameMs,
    voicedShare: count > 0 ? pitchCount / count : 0,
  };
}

/**
 * The scale of `consistency`: in this embedding a male and a female espeak-ng voice are 40–50
 * apart, two male voices 10–40, and the two halves of one voice's 20 s sample 13–18 (their
 * words differ).
 */
const differentVoicesDistance = 50;

function distance(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

export interface SampleVoice {
  embedding: number[];
  speechMs: number;
  consistency: number;
  voicedShare: number;
}

/**
 * The voice of a one-person sample: the embedding of all its speech blocks; `speechMs` 0 when
 * what sounds is not a voice (the voiced share outside `voicedShareRange`); `consistency` how
 * alike its two halves sound, 1 − d / 50 of the distance d between their embeddings, clamped to
 * [0, 1]: ~0.65–0.75 for one voice reading, ~0.1 for two voices taking turns.
 */
export function embedSample(blocks: BlockStatistics): SampleVoice {
  const speech: number[] = [];
  for (let b = 0; b < blocks.length; b += 1) if (blocks.row(b)[blockLayout.count]! >= minSpeechFramesPerBlock) speech.push(b);
  const whole = embedBlocks(blocks, speech);
  const isVoice = whole.voicedShare >= voicedShareRange[0] && whole.voicedShare <= voicedShareRange[1];
  const half = Math.floor(speech.length / 2);
  const first = embedBlocks(blocks, speech.slice(0, half));
  const second = embedBlocks(blocks, speech.slice(half));
  const consistency = half > 0 ? Math.max(0, Math.min(1, 1 - distance(first.embedding, second.embedding) / differentVoicesDistance)) : 0;
  return {
    embedding: whole.embedding,
    speechMs: isVoice ? whole.speechMs : 0,
    consistency: isVoice ? Math.round(consistency * 1000) / 1000 : 0,
    voicedShare: whole.voicedShare,
  };
}

/** Blocks of the span [startMs, endMs). */
export function blocksOf(startMs: number, endMs: number): number[] {
  const blockMs = framesPerBlock * frameMs;
  const indices: number[] = [];
  for (let b = Math.floor(startMs / blockMs); b < Math.ceil(endMs / blockMs); b += 1) indices.push(b);
  return indices;
}
