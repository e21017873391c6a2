import { describe, expect, it } from "vitest";
import { segmentIndexAt, seekSecondsFor } from "./playing-segment.ts";

const segments = [
  { id: "a", startMs: 0, endMs: 3_000 },
  { id: "b", startMs: 3_500, endMs: 7_000 },
  { id: "c", startMs: 6_500, endMs: 9_000 },
  { id: "d", startMs: 12_000, endMs: 15_000 },
];

describe("segmentIndexAt", () => {
  it("finds the segment whose [start, end) holds the time", () => {
    expect(segmentIndexAt(segments, 0)).toBe(0);
    expect(segmentIndexAt(segments, 2_999)).toBe(0);
    expect(segmentIndexAt(segments, 3_500)).toBe(1);
    expect(segmentIndexAt(segments, 14_999)).toBe(3);
  });

  it("answers -1 in a pause, before the first and after the last segment", () => {
    expect(segmentIndexAt(segments, 3_000)).toBe(-1);
    expect(segmentIndexAt(segments, 10_000)).toBe(-1);
    expect(segmentIndexAt(segments, 15_000)).toBe(-1);
    expect(segmentIndexAt(segments, -1)).toBe(-1);
    expect(segmentIndexAt([], 1_000)).toBe(-1);
    expect(segmentIndexAt(segments, Number.NaN)).toBe(-1);
  });

  it("picks the later-starting of two overlapping segments, and the earlier once the later has not begun", () => {
    expect(segmentIndexAt(segments, 6_600)).toBe(2);
    expect(segmentIndexAt(segments, 6_400)).toBe(1);
    expect(segmentIndexAt(segments, 8_000)).toBe(2);
  });

  it("agrees with a linear scan over many segments", () => {
    const many = Array.from({ length: 500 }, (_, index) => ({ id: `s${index}`, startMs: index * 1_000, endMs: index * 1_000 + 700 }));
    for (let timeMs = 0; timeMs < 500_000; timeMs += 137) {
      const expected = many.findLastIndex((segment) => segment.startMs <= timeMs && timeMs < segment.endMs);
      expect(segmentIndexAt(many, timeMs)).toBe(expected);
    }
  });
});

describe("seekSecondsFor", () => {
  it("is the segment's start in seconds", () => {
    expect(seekSecondsFor({ id: "x", startMs: 3_500, endMs: 4_000 })).toBe(3.5);
  });
});
