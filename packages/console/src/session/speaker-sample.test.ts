import { describe, expect, it } from "vitest";
import { sampleMaxMs, speakerSample } from "./speaker-sample.ts";

const segment = (id: string, speaker: string, startMs: number, endMs: number, speakerUncertain?: boolean) => ({ id, speaker, startMs, endMs, ...(speakerUncertain ? { speakerUncertain } : {}) });

describe("a few seconds of a speaker", () => {
  it("plays the start of the speaker's longest certain segment, at most a few seconds", () => {
    const segments = [segment("a", "S1", 0, 2_000), segment("b", "S2", 2_000, 9_000), segment("c", "S1", 9_000, 20_000, true), segment("d", "S1", 20_000, 23_000)];
    expect(speakerSample(segments, "S1")).toEqual({ segmentId: "d", startMs: 20_000, endMs: 23_000 });
    expect(speakerSample(segments, "S2")).toEqual({ segmentId: "b", startMs: 2_000, endMs: 2_000 + sampleMaxMs });
  });

  it("falls back to an uncertain segment, and is null for a speaker with none", () => {
    const segments = [segment("a", "S1", 0, 1_500, true), segment("b", "S2", 1_500, 1_500)];
    expect(speakerSample(segments, "S1")).toEqual({ segmentId: "a", startMs: 0, endMs: 1_500 });
    expect(speakerSample(segments, "S2")).toBeNull();
    expect(speakerSample(segments, "S3")).toBeNull();
  });
});
