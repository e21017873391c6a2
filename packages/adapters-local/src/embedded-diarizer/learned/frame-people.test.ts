import { describe, expect, it } from "vitest";
import { framePeople } from "./frame-people.ts";
import { chainsPerFrame, type StitchedFrames } from "./stitching.ts";

/** Frames from `[count, [[chain, votes], …]]` per frame. */
function frames(...rows: Array<[number, Array<[number, number]>]>): StitchedFrames {
  const chains = new Int32Array(rows.length * chainsPerFrame).fill(-1);
  const votes = new Uint8Array(rows.length * chainsPerFrame);
  rows.forEach(([, heard], f) =>
    heard.forEach(([chain, n], i) => {
      chains[f * chainsPerFrame + i] = chain;
      votes[f * chainsPerFrame + i] = n;
    }),
  );
  return { length: rows.length, count: Uint8Array.from(rows.map(([count]) => count)), chains, votes, confidence: new Float32Array(rows.length).fill(1) };
}

describe("framePeople", () => {
  it("adds up the votes of the chains that are one person", () => {
    // Chain 2 alone has the most votes, but chains 0 and 1 are one person with more together.
    const found = framePeople(frames([1, [[2, 4], [0, 3], [1, 2]]]), [0, 0, 1]);
    expect(Array.from(found)).toEqual([0]);
  });

  it("gives a frame no one where the count is zero, or where no heard chain is a person", () => {
    const found = framePeople(frames([0, [[0, 1]]], [1, [[1, 5]]], [1, []]), [0, -1]);
    expect(Array.from(found)).toEqual([-1, -1, -1]);
  });

  it("lets the person already speaking keep the floor where two speak, and else takes the most voted", () => {
    const found = framePeople(
      frames(
        [1, [[1, 5]]],
        [2, [[0, 6], [1, 4]]],
        [2, [[0, 6], [1, 4]]],
        [1, [[0, 6], [1, 4]]],
        [2, [[1, 6], [2, 4]]],
      ),
      [0, 1, 2],
    );
    expect(Array.from(found)).toEqual([1, 1, 1, 0, 1]);
  });
});
