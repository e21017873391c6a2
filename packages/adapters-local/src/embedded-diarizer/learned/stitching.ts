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
 * Each global frame is heard by every window that covers it (ten, with pyannote's step of a
 * tenth of a window), and its labels are their vote, as pyannote's `SpeakerDiarization` builds
 * them: the number of people speaking in the frame is the mean, over those windows, of the local
 * speakers active there, rounded (`speaker_count`); the chains that speak are that many of the
 * chains most often active there (`to_diarization`), at most two.
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

/** Chains kept per frame (of those any covering window heard there), most voted first. */
export const chainsPerFrame = 4;

/**
 * Per global frame: how many people speak (the windows' rounded mean count, at most two), the
 * chains the windows heard there with their votes, and the model's confidence.
 */
export interface StitchedFrames {
  length: number;
  /** `count[frame]`: people speaking in the frame (0, 1 or 2). */
  count: Uint8Array;
  /**
   * `chains[frame * chainsPerFrame + i]`: the chains heard in the frame, most voted first
   * (-1 when fewer); the first `count[frame]` of them speak there.
   */
  chains: Int32Array;
  /** `votes[frame * chainsPerFrame + i]`: windows in which `chains[…]` was active in the frame. */
  votes: Uint8Array;
  confidence: Float32Array;
}

/** The chains speaking in frame `frame`: the first `count[frame]` heard there. */
export function speakingChains(frames: StitchedFrames, frame: number): number[] {
  const found: number[] = [];
  for (let i = 0; i < frames.count[frame]!; i += 1) {
    const chain = frames.chains[frame * chainsPerFrame + i]!;
    if (chain >= 0) found.push(chain);
  }
  return found;
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
  private countOut = new Uint8Array(2048);
  private chainsOut = new Int32Array(2048 * chainsPerFrame).fill(-1);
  private votesOut = new Uint8Array(2048 * chainsPerFrame);
  private confidenceOut = new Float32Array(2048);
  /** Global frames written (decided) so far. */
  private written = 0;
  /** Votes of the frames from `written` on, heard by some window but not yet decided. */
  private pending: FrameVotes[] = [];
  /** Frames each chain is active (as the vote decided). */
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
   * one's start). `isLast`: no window follows, so every frame it heard is decided.
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
    // Frames before this window's start are heard by no later window: decide them.
    const offset = this.windows * stepFrames;
    this.decideUpTo(offset);
    for (let f = Math.max(0, this.written - offset); f < decoded.frames; f += 1) {
      const votes = this.votesOf(offset + f);
      votes.windows += 1;
      votes.confidence += decoded.confidence[f]!;
      for (let j = 0; j < localSpeakers; j += 1) {
        if (!decoded.active[f * localSpeakers + j] || chainOf[j]! < 0) continue;
        votes.speakers += 1;
        const at = votes.chains.indexOf(chainOf[j]!);
        if (at >= 0) votes.active[at]! += 1;
        else {
          votes.chains.push(chainOf[j]!);
          votes.active.push(1);
        }
      }
    }
    if (isLast) this.decideUpTo(offset + decoded.frames);
    this.previous = { decoded, chainOf };
    this.windows += 1;
  }

  private votesOf(frame: number): FrameVotes {
    while (this.written + this.pending.length <= frame) this.pending.push({ windows: 0, speakers: 0, confidence: 0, chains: [], active: [] });
    return this.pending[frame - this.written]!;
  }

  private decideUpTo(end: number): void {
    let done = 0;
    while (this.written + done < end && done < this.pending.length) {
      const g = this.ensure(this.written + done);
      const votes = this.pending[done]!;
      const { count, order } = decideFrame(votes);
      this.countOut[g] = count;
      order.slice(0, chainsPerFrame).forEach((i, slot) => {
        this.chainsOut[g * chainsPerFrame + slot] = votes.chains[i]!;
        this.votesOut[g * chainsPerFrame + slot] = votes.active[i]!;
        if (slot < count) this.activeFrames[votes.chains[i]!]! += 1;
      });
      this.confidenceOut[g] = this.pending[done]!.windows > 0 ? this.pending[done]!.confidence / this.pending[done]!.windows : 0;
      done += 1;
    }
    this.pending.splice(0, done);
    this.written += done;
  }

  private ensure(frame: number): number {
    if (frame >= this.confidenceOut.length) {
      const size = Math.max(frame + 1, this.confidenceOut.length * 2);
      const grown = <T extends Uint8Array | Int32Array | Float32Array>(from: T, make: (n: number) => T, per: number) => {
        const to = make(size * per);
        to.set(from);
        return to;
      };
      this.countOut = grown(this.countOut, (n) => new Uint8Array(n), 1);
      this.chainsOut = grown(this.chainsOut, (n) => new Int32Array(n).fill(-1), chainsPerFrame);
      this.votesOut = grown(this.votesOut, (n) => new Uint8Array(n), chainsPerFrame);
      this.confidenceOut = grown(this.confidenceOut, (n) => new Float32Array(n), 1);
    }
    return frame;
  }

  /** The decided frames so far. */
  result(): StitchedFrames {
    const n = this.written;
    return {
      length: n,
      count: this.countOut.subarray(0, n),
      chains: this.chainsOut.subarray(0, n * chainsPerFrame),
      votes: this.votesOut.subarray(0, n * chainsPerFrame),
      confidence: this.confidenceOut.subarray(0, n),
    };
  }
}

/** What the windows covering one frame heard there. */
export interface FrameVotes {
  /** Windows that covered the frame. */
  windows: number;
  /** Active local speakers, summed over those windows. */
  speakers: number;
  /** The model's confidence, summed over those windows. */
  confidence: number;
  /** The chains heard in the frame, and in how many windows each (`active[i]` for `chains[i]`). */
  chains: number[];
  active: number[];
}

/** Rounds half to even, as numpy's `rint` (pyannote rounds the mean count with it). */
export function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (Math.abs(fraction - 0.5) > 1e-9) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The vote of one frame: how many people speak there — the windows' mean count of active local
 * speakers, rounded half to even as pyannote's `speaker_count` does, at most two — and the
 * heard chains in order of votes (indices into `votes.chains`; the earlier chain on a tie).
 */
export function decideFrame(votes: FrameVotes): { count: number; order: number[] } {
  const order = votes.chains.map((_, i) => i).sort((a, b) => votes.active[b]! - votes.active[a]! || votes.chains[a]! - votes.chains[b]!);
  if (votes.windows === 0) return { count: 0, order };
  return { count: Math.min(2, roundHalfToEven(votes.speakers / votes.windows), votes.chains.length), order };
}
