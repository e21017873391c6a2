/**
 * From per-block statistics (`voice-features.ts`) to speaker turns, in the classical way
 * (see README.md): speech islands between pauses (cut every 1 s) as initial segments, linear
 * then hierarchical clustering by the generalised likelihood ratio (the ΔBIC distance) of their
 * Gaussians, for every speaker count allowed, each candidate refined by Viterbi
 * re-segmentation with one diagonal Gaussian per speaker on the frames, the count chosen by the
 * likelihood each extra speaker adds per frame (a BIC-like penalty, normalised by the number of
 * frames so it does not depend on the recording's length), and turns cut where the labels change.
 */
import { blockLayout, blockMs, cepstra, type BlockStatistics } from "./voice-features.ts";

export interface ClusteringOptions {
  minSpeakers: number;
  maxSpeakers: number;
  /** Likelihood (nats per speech frame) a further speaker must add to be kept. */
  speakerGainPerFrame?: number;
}

export interface FoundTurn {
  speaker: number;
  startMs: number;
  endMs: number;
  /** Mean posterior of the turn's blocks, in [0, 1]. */
  confidence: number;
}

export interface ClusteringResult {
  turns: FoundTurn[];
  /** Speakers in the turns (0 when no speech was found). */
  speakerCount: number;
  /** Per-frame likelihood gain of each candidate count over one speaker, for diagnostics. */
  gains: Record<number, number>;
}

const minSpeechFramesPerBlock = 3;
const islandGapBlocks = 2; // a pause of 200 ms ends a speech island
const islandMaxBlocks = 10; // islands are cut every 1 s
/** Clusters handed to the (cubic) hierarchical clustering; more are merged with their neighbours first. */
const maxClusters = 300;
const pitchWeight = 4;
const switchPenaltyNats = 150;
const bridgeGapBlocks = 5;
/** Runs shorter than this (300 ms) glued to another speaker's run are that speaker's. */
const minRunBlocks = 3;
const defaultSpeakerGainPerFrame = 0.8;
/** A speaker holding less than this share of the speech is not one. */
const minSpeakerShare = 0.04;

export interface Gaussian {
  mean: Float64Array;
  variance: Float64Array;
  logNorm: number;
  pitchMean: number;
  pitchVariance: number;
}

function speechBlocks(blocks: BlockStatistics): Int32Array {
  const indices: number[] = [];
  for (let b = 0; b < blocks.length; b += 1) if (blocks.row(b)[blockLayout.count]! >= minSpeechFramesPerBlock) indices.push(b);
  return Int32Array.from(indices);
}

/** One diagonal Gaussian (+ a 1-D pitch Gaussian) fitted to the frames of `members`. */
export function fit(blocks: BlockStatistics, members: Iterable<number>, floor: Gaussian): Gaussian {
  const sum = new Float64Array(cepstra);
  const squares = new Float64Array(cepstra);
  let count = 0;
  let pitchCount = 0;
  let pitchSum = 0;
  let pitchSquares = 0;
  for (const b of members) {
    const row = blocks.row(b);
    count += row[blockLayout.count]!;
    for (let d = 0; d < cepstra; d += 1) {
      sum[d]! += row[blockLayout.sum + d]!;
      squares[d]! += row[blockLayout.sumSquares + d]!;
    }
    pitchCount += row[blockLayout.pitchCount]!;
    pitchSum += row[blockLayout.pitchSum]!;
    pitchSquares += row[blockLayout.pitchSumSquares]!;
  }
  const mean = new Float64Array(cepstra);
  const variance = new Float64Array(cepstra);
  let logNorm = 0;
  for (let d = 0; d < cepstra; d += 1) {
    mean[d] = count > 0 ? sum[d]! / count : floor.mean[d]!;
    const raw = count > 1 ? squares[d]! / count - mean[d]! * mean[d]! : floor.variance[d]!;
    variance[d] = Math.max(raw, floor.variance[d]! * 0.05);
    logNorm += Math.log(2 * Math.PI * variance[d]!);
  }
  const pitchMean = pitchCount > 5 ? pitchSum / pitchCount : floor.pitchMean;
  const pitchVariance = Math.max(pitchCount > 5 ? pitchSquares / pitchCount - pitchMean * pitchMean : floor.pitchVariance, 0.002);
  return { mean, variance, logNorm, pitchMean, pitchVariance };
}

/** Log-likelihood of a block's frames under `model`, exactly, from its sufficient statistics. */
function blockLogLikelihood(row: Float64Array, model: Gaussian): number {
  const n = row[blockLayout.count]!;
  let quadratic = 0;
  for (let d = 0; d < cepstra; d += 1) {
    const mu = model.mean[d]!;
    quadratic += (row[blockLayout.sumSquares + d]! - 2 * mu * row[blockLayout.sum + d]! + n * mu * mu) / model.variance[d]!;
  }
  let ll = -0.5 * (n * model.logNorm + quadratic);
  const np = row[blockLayout.pitchCount]!;
  if (np > 0) {
    const mu = model.pitchMean;
    const q = (row[blockLayout.pitchSumSquares]! - 2 * mu * row[blockLayout.pitchSum]! + np * mu * mu) / model.pitchVariance;
    ll += -0.5 * pitchWeight * (np * Math.log(2 * Math.PI * model.pitchVariance) + q);
  }
  return ll;
}

/** Sufficient statistics of a group of blocks: enough for its Gaussian and for merging. */
export interface Cluster {
  count: number;
  sum: Float64Array;
  squares: Float64Array;
  pitchCount: number;
  pitchSum: number;
  pitchSquares: number;
  /** Indices into the speech blocks. */
  members: number[];
}

export function clusterOf(blocks: BlockStatistics, speech: Int32Array, from: number, to: number): Cluster {
  const cluster: Cluster = {
    count: 0,
    sum: new Float64Array(cepstra),
    squares: new Float64Array(cepstra),
    pitchCount: 0,
    pitchSum: 0,
    pitchSquares: 0,
    members: [],
  };
  for (let i = from; i < to; i += 1) {
    const row = blocks.row(speech[i]!);
    cluster.count += row[blockLayout.count]!;
    for (let d = 0; d < cepstra; d += 1) {
      cluster.sum[d]! += row[blockLayout.sum + d]!;
      cluster.squares[d]! += row[blockLayout.sumSquares + d]!;
    }
    cluster.pitchCount += row[blockLayout.pitchCount]!;
    cluster.pitchSum += row[blockLayout.pitchSum]!;
    cluster.pitchSquares += row[blockLayout.pitchSumSquares]!;
    cluster.members.push(i);
  }
  return cluster;
}

export function merged(a: Cluster, b: Cluster): Cluster {
  return {
    count: a.count + b.count,
    sum: a.sum.map((v, d) => v + b.sum[d]!),
    squares: a.squares.map((v, d) => v + b.squares[d]!),
    pitchCount: a.pitchCount + b.pitchCount,
    pitchSum: a.pitchSum + b.pitchSum,
    pitchSquares: a.pitchSquares + b.pitchSquares,
    members: a.members.concat(b.members),
  };
}

/** n/2 · Σ log σ² of the cluster's ML diagonal Gaussian (variances floored), pitch weighted in. */
function spread(cluster: Cluster, floor: Gaussian): number {
  let logDet = 0;
  for (let d = 0; d < cepstra; d += 1) {
    const mean = cluster.sum[d]! / cluster.count;
    const variance = Math.max(cluster.squares[d]! / cluster.count - mean * mean, floor.variance[d]! * 0.05);
    logDet += Math.log(variance);
  }
  let value = 0.5 * cluster.count * logDet;
  if (cluster.pitchCount > 0) {
    const mean = cluster.pitchSum / cluster.pitchCount;
    const variance = Math.max(cluster.pitchSquares / cluster.pitchCount - mean * mean, 0.002);
    value += 0.5 * pitchWeight * cluster.pitchCount * Math.log(variance);
  }
  return value;
}

/**
 * The generalised likelihood ratio of two clusters (Gish; the ΔBIC of Chen & Gopalakrishnan
 * without its constant penalty): how much likelihood is lost by modelling both with one Gaussian.
 */
export function mergeCost(a: Cluster, b: Cluster, floor: Gaussian): number {
  return spread(merged(a, b), floor) - spread(a, floor) - spread(b, floor);
}

/**
 * Speech islands — runs of speech blocks between pauses of 200 ms or more, cut every 1 s — as
 * the first clusters: one person usually speaks between two pauses.
 */
function islands(blocks: BlockStatistics, speech: Int32Array): Cluster[] {
  const found: Cluster[] = [];
  let start = 0;
  for (let i = 1; i <= speech.length; i += 1) {
    if (i < speech.length && speech[i]! - speech[i - 1]! - 1 < islandGapBlocks && i - start < islandMaxBlocks) continue;
    found.push(clusterOf(blocks, speech, start, i));
    start = i;
  }
  return found;
}

/** Merges neighbours in time (cheapest first) until at most `limit` clusters remain: LIUM's linear clustering. */
function linearClustering(clusters: Cluster[], limit: number, floor: Gaussian): Cluster[] {
  const list = [...clusters];
  const costs = list.slice(0, -1).map((c, i) => mergeCost(c, list[i + 1]!, floor));
  while (list.length > limit) {
    let best = 0;
    for (let i = 1; i < costs.length; i += 1) if (costs[i]! < costs[best]!) best = i;
    list.splice(best, 2, merged(list[best]!, list[best + 1]!));
    costs.splice(best, 1);
    if (best > 0) costs[best - 1] = mergeCost(list[best - 1]!, list[best]!, floor);
    if (best < list.length - 1) costs[best] = mergeCost(list[best]!, list[best + 1]!, floor);
  }
  return list;
}

/**
 * Hierarchical clustering by the GLR: repeatedly merges the two clusters that lose least
 * likelihood together; returns the clusters when `counts` of them remain.
 */
function agglomerate(initial: Cluster[], counts: number[], floor: Gaussian): Map<number, Cluster[]> {
  let clusters = [...initial];
  const result = new Map<number, Cluster[]>();
  const n = clusters.length;
  const cost: Float64Array[] = clusters.map(() => new Float64Array(n));
  for (let a = 0; a < n; a += 1) for (let b = a + 1; b < n; b += 1) cost[a]![b] = mergeCost(clusters[a]!, clusters[b]!, floor);
  const alive = new Uint8Array(n).fill(1);
  let remaining = n;
  if (counts.includes(remaining)) result.set(remaining, clusters.filter((_, i) => alive[i]));
  while (remaining > 1) {
    let bestA = -1;
    let bestB = -1;
    let best = Infinity;
    for (let a = 0; a < n; a += 1) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < n; b += 1) {
        if (alive[b] && cost[a]![b]! < best) {
          best = cost[a]![b]!;
          bestA = a;
          bestB = b;
        }
      }
    }
    clusters[bestA] = merged(clusters[bestA]!, clusters[bestB]!);
    alive[bestB] = 0;
    remaining -= 1;
    for (let c = 0; c < n; c += 1) {
      if (!alive[c] || c === bestA) continue;
      const value = mergeCost(clusters[bestA]!, clusters[c]!, floor);
      if (c < bestA) cost[c]![bestA] = value;
      else cost[bestA]![c] = value;
    }
    if (counts.includes(remaining)) result.set(remaining, clusters.filter((_, i) => alive[i]));
  }
  clusters = [];
  return result;
}

interface Labelling {
  labels: Int8Array;
  /** Per speech block: posterior of the chosen speaker. */
  posteriors: Float32Array;
  logLikelihood: number;
  speakers: number;
}

/** Viterbi re-segmentation of the speech blocks among `models`, with a cost per speaker change. */
function viterbi(blocks: BlockStatistics, speech: Int32Array, models: Gaussian[]): Labelling {
  const k = models.length;
  const n = speech.length;
  const back = new Int8Array(n * k);
  let score = new Float64Array(k);
  let next = new Float64Array(k);
  const emissions = new Float64Array(n * k);
  for (let i = 0; i < n; i += 1) {
    const row = blocks.row(speech[i]!);
    for (let s = 0; s < k; s += 1) emissions[i * k + s] = blockLogLikelihood(row, models[s]!);
  }
  for (let s = 0; s < k; s += 1) score[s] = emissions[s]!;
  for (let i = 1; i < n; i += 1) {
    const gap = speech[i]! - speech[i - 1]! - 1;
    const penalty = gap >= bridgeGapBlocks ? switchPenaltyNats / 3 : switchPenaltyNats;
    for (let s = 0; s < k; s += 1) {
      let best = -Infinity;
      let from = 0;
      for (let p = 0; p < k; p += 1) {
        const value = score[p]! - (p === s ? 0 : penalty);
        if (value > best) {
          best = value;
          from = p;
        }
      }
      next[s] = best + emissions[i * k + s]!;
      back[i * k + s] = from;
    }
    [score, next] = [next, score];
  }
  const labels = new Int8Array(n);
  let last = 0;
  for (let s = 1; s < k; s += 1) if (score[s]! > score[last]!) last = s;
  for (let i = n - 1; i >= 0; i -= 1) {
    labels[i] = last;
    last = back[i * k + last]!;
  }
  let logLikelihood = 0;
  const posteriors = new Float32Array(n);
  for (let i = 0; i < n; i += 1) {
    const own = emissions[i * k + labels[i]!]!;
    logLikelihood += own;
    const frames = blocks.row(speech[i]!)[blockLayout.count]!;
    // Posterior with the block's likelihoods per frame (the frames of a block are not independent).
    let total = 0;
    for (let s = 0; s < k; s += 1) total += Math.exp((emissions[i * k + s]! - own) / frames);
    posteriors[i] = 1 / total;
  }
  return { labels, posteriors, logLikelihood, speakers: k };
}

/**
 * What the speakers of `labelling` explain that one voice does not, island by island: each
 * island (≤ 1 s between pauses) scored under its best speaker's Gaussian against the Gaussian of
 * all speech. Splitting one voice by its sounds (vowels here, fricatives there) raises the
 * likelihood of frames but not of whole islands, which mix every sound; splitting two voices
 * raises both. Nats, summed over the islands.
 */
function islandGain(blocks: BlockStatistics, speech: Int32Array, pieces: Cluster[], labelling: Labelling, global: Gaussian): number {
  const members: number[][] = Array.from({ length: labelling.speakers }, () => []);
  for (let i = 0; i < speech.length; i += 1) members[labelling.labels[i]!]!.push(speech[i]!);
  const models = members.map((m) => fit(blocks, m, global));
  let gain = 0;
  for (const piece of pieces) {
    let base = 0;
    const scores = new Float64Array(models.length);
    for (const member of piece.members) {
      const row = blocks.row(speech[member]!);
      base += blockLogLikelihood(row, global);
      models.forEach((model, c) => (scores[c]! += blockLogLikelihood(row, model)));
    }
    gain += Math.max(...scores) - base;
  }
  return gain;
}

function refine(blocks: BlockStatistics, speech: Int32Array, initial: Int8Array, k: number, global: Gaussian): Labelling {
  let labels = initial;
  let result: Labelling | null = null;
  for (let iteration = 0; iteration < 3; iteration += 1) {
    const members: number[][] = Array.from({ length: k }, () => []);
    for (let i = 0; i < speech.length; i += 1) members[labels[i]!]!.push(speech[i]!);
    const models = members.map((m) => fit(blocks, m, global));
    result = viterbi(blocks, speech, models);
    if (result.labels.every((label, i) => label === labels[i])) break;
    labels = result.labels;
  }
  return result!;
}

/** A neutral Gaussian to floor a first fit with (unit variances). */
export function placeholderGaussian(): Gaussian {
  return { mean: new Float64Array(cepstra), variance: new Float64Array(cepstra).fill(1), logNorm: 0, pitchMean: Math.log(150), pitchVariance: 0.05 };
}

/** Speakers found in the blocks' statistics; see the file's comment. */
export function clusterSpeakers(blocks: BlockStatistics, options: ClusteringOptions): ClusteringResult {
  const speech = speechBlocks(blocks);
  const minK = Math.max(1, Math.min(options.minSpeakers, options.maxSpeakers));
  const maxK = Math.max(minK, options.maxSpeakers);
  if (speech.length === 0) return { turns: [], speakerCount: 0, gains: {} };
  const global = fit(blocks, speech, placeholderGaussian());
  const one = refine(blocks, speech, new Int8Array(speech.length), 1, global);
  const speechFrames = Array.from(speech).reduce((sum, b) => sum + blocks.row(b)[blockLayout.count]!, 0);
  const gains: Record<number, number> = { 1: 0 };
  const candidates = new Map<number, Labelling>([[1, one]]);
  const counts = [];
  for (let k = Math.max(2, minK); k <= maxK; k += 1) counts.push(k);
  const pieces = islands(blocks, speech);
  const initial = linearClustering(pieces, maxClusters, global);
  const partitions = counts.length > 0 ? agglomerate(initial, counts, global) : new Map<number, Cluster[]>();
  for (const [k, clusters] of partitions) {
    const labels = new Int8Array(speech.length);
    clusters.forEach((cluster, c) => {
      for (const member of cluster.members) labels[member] = c;
    });
    const labelling = refine(blocks, speech, labels, k, global);
    candidates.set(k, labelling);
    gains[k] = islandGain(blocks, speech, pieces, labelling, global) / speechFrames;
  }
  const threshold = options.speakerGainPerFrame ?? defaultSpeakerGainPerFrame;
  let chosen = candidates.get(minK) ?? one;
  for (let k = Math.max(2, minK); k <= maxK; k += 1) {
    const candidate = candidates.get(k);
    if (!candidate) continue;
    const previous = minK >= k ? 0 : (gains[k - 1] ?? 0);
    const shares = new Float64Array(k);
    for (let i = 0; i < speech.length; i += 1) shares[candidate.labels[i]!]! += blocks.row(speech[i]!)[blockLayout.count]!;
    const smallest = Math.min(...shares) / speechFrames;
    if (k <= minK || (gains[k]! - previous >= threshold && smallest >= minSpeakerShare)) chosen = candidate;
    else break;
  }
  return toTurns(speech, chosen, gains);
}

/**
 * Turn smoothing: a run of fewer than `minRunBlocks` speech blocks that touches another
 * speaker's run with no pause between them (the decaying end of a word, a breath) goes to that
 * speaker. A short run with pauses on both sides — a backchannel, "mm-hm" — stays.
 */
function absorbSlivers(speech: Int32Array, labels: Int8Array): void {
  const runs: Array<{ from: number; to: number }> = [];
  let start = 0;
  for (let i = 1; i <= speech.length; i += 1) {
    if (i < speech.length && labels[i] === labels[start] && speech[i]! - speech[i - 1]! === 1) continue;
    runs.push({ from: start, to: i });
    start = i;
  }
  const touches = (a: { from: number; to: number }, b: { from: number; to: number }) => speech[b.from]! - speech[a.to - 1]! === 1;
  runs.forEach((run, index) => {
    if (run.to - run.from >= minRunBlocks) return;
    const before = runs[index - 1];
    const after = runs[index + 1];
    const left = before && touches(before, run) && labels[before.from] !== labels[run.from] ? before : undefined;
    const right = after && touches(run, after) && labels[after.from] !== labels[run.from] ? after : undefined;
    const into = left && right ? (left.to - left.from >= right.to - right.from ? left : right) : (left ?? right);
    if (into) labels.fill(labels[into.from]!, run.from, run.to);
  });
}

/** Runs of one speaker over the speech blocks, short pauses inside a turn bridged. */
function toTurns(speech: Int32Array, labelling: Labelling, gains: Record<number, number>): ClusteringResult {
  absorbSlivers(speech, labelling.labels);
  const turns: FoundTurn[] = [];
  // Speakers numbered by their first turn.
  const order = new Map<number, number>();
  let start = 0;
  for (let i = 1; i <= speech.length; i += 1) {
    const ends =
      i === speech.length || labelling.labels[i] !== labelling.labels[start] || speech[i]! - speech[i - 1]! - 1 > bridgeGapBlocks;
    if (!ends) continue;
    const label = labelling.labels[start]!;
    if (!order.has(label)) order.set(label, order.size);
    let confidence = 0;
    for (let j = start; j < i; j += 1) confidence += labelling.posteriors[j]!;
    turns.push({
      speaker: order.get(label)!,
      startMs: Math.round(speech[start]! * blockMs),
      endMs: Math.round((speech[i - 1]! + 1) * blockMs),
      confidence: confidence / (i - start),
    });
    start = i;
  }
  return { turns, speakerCount: order.size, gains };
}
