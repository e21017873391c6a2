import { describe, expect, it } from "vitest";
import type { DecodedFrames } from "./powerset.ts";
import { bestAssignment, decideFrame, roundHalfToEven, speakingChains, WindowStitcher } from "./stitching.ts";

const parameters = { windowFrames: 12, stepFrames: 4, minActiveFrames: 2, minAgreementFrames: 2, minAgreementShare: 0.5 };

/** A window from one string per local speaker ("1" active, "." silent), 12 frames each. */
function window(...speakers: string[]): DecodedFrames {
  const frames = speakers[0]!.length;
  const active = new Uint8Array(frames * 3);
  speakers.forEach((row, s) => [...row].forEach((c, f) => (active[f * 3 + s] = c === "1" ? 1 : 0)));
  return { frames, active, confidence: new Float32Array(frames).fill(0.9) };
}

/** The first chain speaking in every stitched frame, as a string ("." none). */
function firstChains(stitcher: WindowStitcher): string {
  const frames = stitcher.result();
  return Array.from({ length: frames.length }, (_, f) => String(speakingChains(frames, f)[0] ?? ".")).join("");
}

const silent = "............";

describe("bestAssignment", () => {
  it("maximises the summed agreement over permutations, leaving out pairs not allowed", () => {
    const agreement = [
      [5, 9, 0],
      [8, 7, 0],
      [0, 0, 0],
    ];
    const allowed = agreement.map((row) => row.map((v) => v > 0));
    expect(bestAssignment(agreement, allowed)).toEqual([1, 0, -1]);
  });
});

describe("WindowStitcher", () => {
  it("links a speaker whose local number changes between windows by their shared frames", () => {
    const stitcher = new WindowStitcher(parameters);
    // Window 1: A speaks frames 0–5 as local 0, B frames 6–11 as local 1.
    stitcher.push(window("111111......", "......111111", "............"), false);
    // Window 2 starts 4 frames later: B is now local 0 (frames 2–7 = global 6–11), A local 2 (0–1 = global 4–5).
    stitcher.push(window("..111111....", "............", "11.........."), true);
    expect(stitcher.chains).toBe(2);
    expect(firstChains(stitcher)).toBe("000000111111....");
    expect(stitcher.cannotLink(0, 1)).toBe(true);
  });

  it("starts a new chain for a speaker absent from the shared frames, and does not forbid linking chains never heard together", () => {
    const stitcher = new WindowStitcher(parameters);
    stitcher.push(window("1111........", "............", "............"), false);
    stitcher.push(window("............", "............", "............"), false);
    // Someone speaks only in frames the previous window did not hear.
    stitcher.push(window("............", "........1111", "............"), true);
    expect(stitcher.chains).toBe(2);
    expect(stitcher.cannotLink(0, 1)).toBe(false);
  });

  it("keeps two overlapping speakers of one frame apart, both in the frame", () => {
    const stitcher = new WindowStitcher(parameters);
    stitcher.push(window("11111111....", "....11111111", "............"), true);
    expect(speakingChains(stitcher.result(), 5)).toEqual([0, 1]);
    expect(speakingChains(stitcher.result(), 2)).toEqual([0]);
    expect(stitcher.cannotLink(1, 0)).toBe(true);
  });

  it("does not link on too little agreement", () => {
    const stitcher = new WindowStitcher(parameters);
    stitcher.push(window("....1.......", "............", "............"), false);
    stitcher.push(window("1111111.....", "............", "............"), true);
    // The first window's speaker had one active frame: not present, no chain; the second is new.
    expect(stitcher.chains).toBe(1);
  });

  it("makes a frame speech only where most windows covering it heard someone", () => {
    const stitcher = new WindowStitcher(parameters);
    // The first window hears a speaker throughout; the two windows after it hear no one.
    stitcher.push(window("111111111111", silent, silent), false);
    stitcher.push(window(silent, silent, silent), false);
    stitcher.push(window(silent, silent, silent), true);
    // Frames 0–3: one window of one (speech); 4–7: one of two (a tie, rounded to even: none);
    // 8–11: one of three; 12–19: none.
    expect(firstChains(stitcher)).toBe("0000................");
    expect(stitcher.activeFrames).toEqual([4]);
  });

  it("keeps a speaker the later windows agree on, from the first window's frames to the last", () => {
    const stitcher = new WindowStitcher(parameters);
    stitcher.push(window("....11111111", silent, silent), false);
    stitcher.push(window("1111111111..", silent, silent), false);
    stitcher.push(window("111111......", silent, silent), true);
    expect(stitcher.chains).toBe(1);
    // Frames 12–13: the two later windows hear the speaker; frames 14 on: no window does.
    expect(firstChains(stitcher)).toBe("....0000000000......");
  });
});

describe("the vote of one frame", () => {
  it("rounds the windows' mean count half to even, as numpy's rint", () => {
    expect([0.5, 1.5, 2.5, 0.4, 0.6, 1].map(roundHalfToEven)).toEqual([0, 2, 2, 0, 1, 1]);
  });

  it("counts the people speaking by the mean over the windows, at most two and no more than the chains heard", () => {
    const votes = (windows: number, speakers: number, chains: number[], active: number[]) => ({ windows, speakers, confidence: 0, chains, active });
    expect(decideFrame(votes(3, 2, [4], [2])).count).toBe(1);
    expect(decideFrame(votes(4, 2, [4], [2])).count).toBe(0);
    expect(decideFrame(votes(2, 6, [1, 2, 3], [2, 2, 2])).count).toBe(2);
    expect(decideFrame(votes(1, 2, [1], [1])).count).toBe(1);
    expect(decideFrame(votes(0, 0, [], [])).count).toBe(0);
  });

  it("orders the chains by the windows that heard them, the earlier chain first on a tie", () => {
    const { order } = decideFrame({ windows: 5, speakers: 6, confidence: 0, chains: [7, 2, 5], active: [1, 3, 2] });
    expect(order).toEqual([1, 2, 0]);
    expect(decideFrame({ windows: 2, speakers: 2, confidence: 0, chains: [7, 2], active: [1, 1] }).order).toEqual([1, 0]);
  });
});
