import { describe, expect, it } from "vitest";
import { agglomerativeClustering } from "./default-stages.ts";
import type { VoiceSpace } from "./stages.ts";

/** Voices as points on a line: pooled by weighted mean, apart by their distance. */
type Point = { at: number; weight: number };
const line: VoiceSpace<Point> = {
  pool: (a, b) => ({ at: (a.at * a.weight + b.at * b.weight) / (a.weight + b.weight), weight: a.weight + b.weight }),
  distance: (a, b) => Math.abs(a.at - b.at),
};
const clustering = agglomerativeClustering({ maxMergeCostPerFrame: 1, minSpeakerBlocks: 10, blockShare: 0.7 });
const points = (...at: number[]) => at.map((value) => ({ at: value, weight: 1 }));
const none = { cannotLink: () => false };

describe("agglomerativeClustering", () => {
  it("merges linked speakers whose voices are closer than the threshold, and keeps the others apart", () => {
    const voices = points(0, 0.5, 5, 5.4);
    expect(clustering.cluster(voices, [20, 20, 20, 20], line, { ...none, minSpeakers: 1, maxSpeakers: 4 })).toEqual([0, 0, 1, 1]);
  });

  it("never merges two linked speakers heard in one window, however alike they sound", () => {
    const voices = points(0, 0.2, 5);
    const cannotLink = (a: number, b: number) => (a === 0 && b === 1) || (a === 1 && b === 0);
    expect(clustering.cluster(voices, [20, 20, 20], line, { cannotLink, minSpeakers: 1, maxSpeakers: 4 })).toEqual([0, 1, 2]);
  });

  it("merges down to maxSpeakers and stops at minSpeakers", () => {
    const voices = points(0, 5, 10);
    expect(new Set(clustering.cluster(voices, [20, 20, 20], line, { ...none, minSpeakers: 1, maxSpeakers: 2 })).size).toBe(2);
    expect(new Set(clustering.cluster(points(0, 0.1, 0.2), [20, 20, 20], line, { ...none, minSpeakers: 2, maxSpeakers: 4 })).size).toBe(2);
  });

  it("gives a linked speaker with little speech to the nearest group it may join, and none to one without a voice", () => {
    const voices = [...points(0, 5, 4.8), null];
    const cannotLink = (a: number, b: number) => (a === 2 && b === 1) || (a === 1 && b === 2);
    // Speaker 2 (little speech) sounds like 1 but was heard with it: it joins 0's group.
    expect(clustering.cluster(voices, [20, 20, 3, 0], line, { cannotLink, minSpeakers: 1, maxSpeakers: 4 })).toEqual([0, 1, 0, -1]);
  });

  it("makes a linked speaker heard apart from every person found another person while there is room, else gives it to the nearest", () => {
    const voices = points(0, 5, 4.8);
    const cannotLink = (a: number, b: number) => a === 2 || b === 2;
    expect(clustering.cluster(voices, [20, 20, 3], line, { cannotLink, minSpeakers: 1, maxSpeakers: 4 })).toEqual([0, 1, 2]);
    expect(clustering.cluster(voices, [20, 20, 3], line, { cannotLink, minSpeakers: 1, maxSpeakers: 2 })).toEqual([0, 1, 1]);
  });
});
