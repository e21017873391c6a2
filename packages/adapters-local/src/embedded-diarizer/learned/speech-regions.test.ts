import { describe, expect, it } from "vitest";
import { speechRegions } from "./speech-regions.ts";

const parameters = { threshold: 0.5, minSpeechMs: 60, minSilenceMs: 60, padMs: 0 };

describe("speechRegions", () => {
  it("starts at the threshold and ends after a silence under the lower threshold lasting minSilenceMs", () => {
    // 20 ms chunks: speech 2–5, a 40 ms dip (too short to end it), speech to 9, then silence.
    const p = [0.1, 0.2, 0.9, 0.9, 0.8, 0.2, 0.2, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1];
    expect(speechRegions(p, 20, parameters)).toEqual([{ startMs: 40, endMs: 180 }]);
  });

  it("keeps speech while the probability stays between the two thresholds (hysteresis)", () => {
    const p = [0.9, 0.9, 0.4, 0.4, 0.4, 0.4, 0.1, 0.1, 0.1];
    expect(speechRegions(p, 20, parameters)).toEqual([{ startMs: 0, endMs: 120 }]);
  });

  it("drops regions shorter than minSpeechMs and pads the others, joining what padding joins", () => {
    const p = [0.9, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1];
    expect(speechRegions(p, 20, { ...parameters, padMs: 40 })).toEqual([{ startMs: 60, endMs: 320 }]);
  });

  it("closes speech still going at the end", () => {
    expect(speechRegions([0.1, 0.9, 0.9, 0.9], 20, parameters)).toEqual([{ startMs: 20, endMs: 80 }]);
  });
});
