/**
 * Permutation-invariant stitching of the segmentation model's local speakers across sliding
 * windows. Each window numbers its (at most 3) speakers its own way; two consecutive windows
 * share most of their frames, so a local speaker of the new window is the same person as the
 * local speaker of the previous window whose activity agrees with it on the shared frames — the
 * assignment of greatest agreement over every permutation. Linked local speakers form a
 * *chain*; a local speaker that agrees with none starts a new chain (the later clustering by
 * voice decides whether it is someone heard before). Two chains active in the same window as
 * different local speakers are different people (`cannotLink`), whatever their voices say.
 *
 * Each global frame takes its labels from the window whose centre is nearest (the window's
 * middle is where the model hears the most context on both sides).
 */
import { localSpeakers, type DecodedFrames } from "./powerset.ts";

export interface StitchingParameters {
  /** Frames of one window (589 for segmentation-3.0's 10 s). */
  windowFrames: number;
  /** Frames between the starts of consecutive windows (a whole number of model frames). */
  stepFrames: number;
  /** A local speaker needs this many active frames in a window to count there. */
  minActiveFrames: number;
  /** Two local speakers are linked when co-active on at least this many shared frames… */
  minAgreementFrames: number;
  /** …and on at least this share of the shared frames where either of them is active. */
  minAgreementShare: number;
}

/** Per global frame: up to two speaking chains (-1: none) and the model's confidence. */
export interface StitchedFrames {
  length: number;
  /** `chains[2 * frame]`, `chains[2 * frame + 1]`: the chains active in the frame, -1 when fewer. */
  chains: Int32Array;
  confidence: Float32Array;
}

/** Best assignment of new local speakers to previous ones (or none), maximising the summed agreement. */
export function bestAssignment(agreement: number[][], allowed: boolean[][]): number[] {
  const n = agreement.length;
  const m = agreement[0]?.length ?? 0;
  let best: number[] = Array(n).fill(-1);
  let bestScore = 0;
  const current: number[] = Array(n).fill(-1);
  const used = new Array<boolean>(m).fill(false);
  const visit = (j: number, score: number) => {
    if (j === n) {
      if (score > bestScore) {
        bestScore = score;
        best = [...current];
      }
      return;
    }
    current[j] = -1;
    visit(j + 1, score);
    for (let k = 0; k < m; k += 1) {
      if (used[k] || !allowed[j]![k]) continue;
      used[k] = true;
      current[j] = k;
      visit(j + 1, score + agreement[j]![k]!);
      used[k] = false;
    }
    current[j] = -1;
  };
  visit(0, 0);
  return best;
}

export class WindowStitcher {
  private chainCount = 0;
  private previous: { decoded: DecodedFrames; chainOf: number[] } | null = null;
  private windows = 0;
  private readonly cannot = new Set<string>();
  private chainsOut = new Int32Array(4096).fill(-1);
  private confidenceOut = new Float32Array(2048);
  /** Global frames written so far. */
  private written = 0;
  /** Frames each chain is active (as the centre window saw it). */
  readonly activeFrames: number[] = [];

  readonly parameters: StitchingParameters;

  constructor(parameters: StitchingParameters) {
    this.parameters = parameters;
  }

  get chains(): number {
    return this.chainCount;
  }

  /** Whether two chains were heard as different people in one window. */
  cannotLink(a: number, b: number): boolean {
    return this.cannot.has(a < b ? `${a}:${b}` : `${b}:${a}`);
  }

  /**
   * Adds the next window (decoded frames of a window starting `stepFrames` after the previous
   * one's start). `isLast`: no window follows, so this one labels every frame to its end.
   */
  push(decoded: DecodedFrames, isLast: boolean): void {
    const { windowFrames, stepFrames, minActiveFrames, minAgreementFrames, minAgreementShare } = this.parameters;
    const counts = Array.from({ length: localSpeakers }, (_, s) => {
      let count = 0;
      for (let f = 0; f < decoded.frames; f += 1) count += decoded.active[f * localSpeakers + s]!;
      return count;
    });
    const present = counts.map((count) => count >= minActiveFrames);
    const chainOf: number[] = Array(localSpeakers).fill(-1);
    if (this.previous) {
      const before = this.previous;
      const shared = windowFrames - stepFrames;
      const agreement: number[][] = [];
      const allowed: boolean[][] = [];
      for (let j = 0; j < localSpeakers; j += 1) {
        agreement.push([]);
        allowed.push([]);
        for (let k = 0; k < localSpeakers; k += 1) {
          let both = 0;
          let either = 0;
          for (let f = 0; f < shared && f < decoded.frames; f += 1) {
            const now = decoded.active[f * localSpeakers + j]!;
            const then = before.decoded.active[(f + stepFrames) * localSpeakers + k]!;
            both += now & then;
            either += now | then;
          }
          agreement[j]!.push(both);
          allowed[j]!.push(present[j]! && before.chainOf[k]! >= 0 && both >= minAgreementFrames && both >= minAgreementShare * either);
        }
      }
      const assignment = bestAssignment(agreement, allowed);
      assignment.forEach((k, j) => {
        if (k >= 0) chainOf[j] = before.chainOf[k]!;
      });
    }
    for (let j = 0; j < localSpeakers; j += 1) {
      if (present[j] && chainOf[j] === -1) {
        chainOf[j] = this.chainCount;
        this.chainCount += 1;
        this.activeFrames.push(0);
      }
    }
    const here = chainOf.filter((chain, j) => chain >= 0 && present[j]);
    for (let a = 0; a < here.length; a += 1) {
      for (let b = a + 1; b < here.length; b += 1) {
        const [x, y] = here[a]! < here[b]! ? [here[a]!, here[b]!] : [here[b]!, here[a]!];
        this.cannot.add(`${x}:${y}`);
      }
    }
    // The frames this window labels: from where the previous window's share ended to the middle
    // of its overlap with the next one.
    const offset = this.windows * stepFrames;
    const from = this.written - offset;
    const to = isLast ? decoded.frames : Math.floor((windowFrames + stepFrames) / 2);
    for (let f = Math.max(0, from); f < to; f += 1) {
      const g = this.ensure(offset + f);
      let slot = 0;
      for (let j = 0; j < localSpeakers && slot < 2; j += 1) {
        if (!decoded.active[f * localSpeakers + j] || chainOf[j]! < 0) continue;
        this.chainsOut[2 * g + slot] = chainOf[j]!;
        this.activeFrames[chainOf[j]!]! += 1;
        slot += 1;
      }
      this.confidenceOut[g] = decoded.confidence[f]!;
      this.written = g + 1;
    }
    this.previous = { decoded, chainOf };
    this.windows += 1;
  }

  private ensure(frame: number): number {
    if (frame >= this.confidenceOut.length) {
      const size = Math.max(frame + 1, this.confidenceOut.length * 2);
      const chains = new Int32Array(2 * size).fill(-1);
      chains.set(this.chainsOut);
      const confidence = new Float32Array(size);
      confidence.set(this.confidenceOut);
      this.chainsOut = chains;
      this.confidenceOut = confidence;
    }
    return frame;
  }

  /** The stitched frames so far. */
  result(): StitchedFrames {
    return { length: this.written, chains: this.chainsOut.subarray(0, 2 * this.written), confidence: this.confidenceOut.subarray(0, this.written) };
  }
}
