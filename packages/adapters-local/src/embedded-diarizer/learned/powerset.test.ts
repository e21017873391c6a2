import { describe, expect, it } from "vitest";
import { decodePowerset, powersetClasses } from "./powerset.ts";

/** Log-probabilities of frames whose most likely class is `classes[i]` (probability 0.8). */
function frames(classes: number[]): Float32Array {
  const values = new Float32Array(classes.length * 7).fill(Math.log(0.2 / 6));
  classes.forEach((c, f) => (values[f * 7 + c] = Math.log(0.8)));
  return values;
}

describe("decodePowerset", () => {
  it("gives each of the 7 classes its set of local speakers", () => {
    const decoded = decodePowerset(frames([0, 1, 2, 3, 4, 5, 6]), 7);
    const rows = Array.from({ length: 7 }, (_, f) => Array.from(decoded.active.subarray(f * 3, f * 3 + 3)));
    expect(rows).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [1, 1, 0],
      [1, 0, 1],
      [0, 1, 1],
    ]);
    expect(powersetClasses).toHaveLength(7);
    expect(decoded.confidence[3]).toBeCloseTo(0.8, 5);
  });

  it("takes the most likely class, not each speaker's marginal", () => {
    // {1} 0.4, {1,2} 0.35, {2} 0.25: speaker 2's marginal (0.6) would make it speak; the class says it does not.
    const values = Float32Array.from([0.0001, 0.4, 0.25, 0.0001, 0.35, 0.0001, 0.0001].map(Math.log));
    expect(Array.from(decodePowerset(values, 1).active)).toEqual([1, 0, 0]);
  });

  it("refuses output of another shape", () => {
    expect(() => decodePowerset(new Float32Array(20), 3)).toThrow(RangeError);
  });
});
