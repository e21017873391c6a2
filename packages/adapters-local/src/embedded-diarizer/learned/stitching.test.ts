import { describe, expect, it } from "vitest";
import type { DecodedFrames } from "./powerset.ts";
import { bestAssignment, WindowStitcher } from "./stitching.ts";

const parameters = { windowFrames: 12, stepFrames: 4, minActiveFrames: 2, minAgreementFrames: 2, minAgreementShare: 0.5 };

/** A window from one string per local speaker ("1" active, "." silent), 12 frames each. */
function window(...speakers: string[]): DecodedFrames {
  const frames = speakers[0]!.length;
  const active = new Uint8Array(frames * 3);
  speakers.forEach((row, s) => [...row].forEach((c, f) => (active[f * 3 + s] = c === "1" ? 1 : 0)));
  return { frames, active, confidence: new Float32Array(frames).fill(0.9) };
}

/** The stitched first chain of every frame, as a string ("." none). */
function firstChains(stitcher: WindowStitcher): string {
  const { chains, length } = stitcher.result();
  return Array.from({ length }, (_, f) => (chains[2 * f]! < 0 ? "." : String(chains[2 * f]))).join("");
}

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
    const { chains } = stitcher.result();
    expect([chains[2 * 5], chains[2 * 5 + 1]]).toEqual([0, 1]);
    expect(stitcher.cannotLink(1, 0)).toBe(true);
  });

  it("does not link on too little agreement", () => {
    const stitcher = new WindowStitcher(parameters);
    stitcher.push(window("....1.......", "............", "............"), false);
    stitcher.push(window("1111111.....", "............", "............"), true);
    // The first window's speaker had one active frame: not present, no chain; the second is new.
    expect(stitcher.chains).toBe(1);
  });
});
