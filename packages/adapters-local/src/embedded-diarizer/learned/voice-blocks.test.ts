import { describe, expect, it } from "vitest";
import { chainsPerFrame, type StitchedFrames } from "./stitching.ts";
import { chainVoiceBlocks, voiceBlocks } from "./voice-blocks.ts";

const blocks = (entries: Array<[number, number]>) => new Map(entries);

describe("voiceBlocks", () => {
  it("takes the blocks where the chain speaks alone in enough of the frames, when there are enough of them", () => {
    const solo = blocks([
      [7, 6],
      [3, 5],
      [4, 1],
      [9, 6],
    ]);
    expect(voiceBlocks(solo, blocks([[5, 6]]), 4, 3)).toEqual([3, 7, 9]);
  });

  it("adds the overlapped speech when too little is alone, as pyannote embeds a speaker heard mostly over another", () => {
    const solo = blocks([[2, 6], [3, 2]]);
    const overlapped = blocks([[3, 3], [8, 6], [9, 1]]);
    expect(voiceBlocks(solo, overlapped, 4, 3)).toEqual([2, 3, 8]);
    expect(voiceBlocks(undefined, overlapped, 4, 3)).toEqual([8]);
    expect(voiceBlocks(undefined, undefined, 4, 3)).toEqual([]);
  });
});

/** Stitched frames from one string per frame group: the speaking chains' digits ("." none, "01" two). */
function stitched(...perFrame: string[]): StitchedFrames {
  const chains = new Int32Array(perFrame.length * chainsPerFrame).fill(-1);
  const votes = new Uint8Array(perFrame.length * chainsPerFrame);
  const count = new Uint8Array(perFrame.length);
  perFrame.forEach((speaking, f) => {
    if (speaking === ".") return;
    [...speaking].forEach((chain, i) => {
      chains[f * chainsPerFrame + i] = Number(chain);
      votes[f * chainsPerFrame + i] = 10 - i;
    });
    count[f] = speaking.length;
  });
  return { length: perFrame.length, count, chains, votes, confidence: new Float32Array(perFrame.length).fill(1) };
}

const fiveFramesABlock = (frame: number) => Math.floor(frame / 5);
const repeat = (what: string, times: number) => Array<string>(times).fill(what);

describe("chainVoiceBlocks", () => {
  it("measures each chain on its frames inside the voice-activity model's speech", () => {
    const frames = stitched(...repeat("0", 10), ...repeat("1", 10));
    const inSpeech = Array<number>(20).fill(1);
    expect(chainVoiceBlocks(frames, 2, inSpeech, fiveFramesABlock, { minFrames: 4, minBlocks: 1 })).toEqual([[0, 1], [2, 3]]);
  });

  it("keeps a chain to the voice-activity model's speech when any of its blocks is there", () => {
    const frames = stitched(...repeat("0", 20));
    const inSpeech = [...Array<number>(5).fill(1), ...Array<number>(15).fill(0)];
    expect(chainVoiceBlocks(frames, 1, inSpeech, fiveFramesABlock, { minFrames: 4, minBlocks: 1 })).toEqual([[0]]);
  });

  it("measures a chain the voice-activity model heard none of on the frames the segmentation gave it", () => {
    // Chain 1 speaks (alone, then over chain 0) only where the voice-activity model heard silence.
    const frames = stitched(...repeat("0", 10), ...repeat("1", 5), ...repeat("01", 5), ...repeat(".", 5));
    const inSpeech = [...Array<number>(10).fill(1), ...Array<number>(15).fill(0)];
    expect(chainVoiceBlocks(frames, 3, inSpeech, fiveFramesABlock, { minFrames: 4, minBlocks: 1 })).toEqual([[0, 1], [2], []]);
    expect(chainVoiceBlocks(frames, 3, inSpeech, fiveFramesABlock, { minFrames: 4, minBlocks: 2 })).toEqual([[0, 1], [2, 3], []]);
  });
});
