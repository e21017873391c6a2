import { describe, expect, it } from "vitest";
import { speakerDetectionOf } from "./transcript.ts";

describe("how a transcript's speakers were found, when its adapter did not say", () => {
  it("is the adapter's own word when it gave one", () => {
    const said = { method: "diarizer" as const, diarizer: "embedded", confidence: 0.8 };
    expect(speakerDetectionOf({ speakers: [{ label: "S1", channel: 0 }, { label: "S2", channel: 1 }], speakerDetection: said })).toBe(said);
  });

  it("is the channels when any speaker has one", () => {
    expect(speakerDetectionOf({ speakers: [{ label: "S1" }, { label: "S2", channel: 1 }] })).toEqual({ method: "channels", confidence: null });
    expect(speakerDetectionOf({ speakers: [{ label: "S1", channel: 0 }] })).toEqual({ method: "channels", confidence: null });
  });

  it("is the provider when it told several speakers apart, and none for one speaker or none", () => {
    expect(speakerDetectionOf({ speakers: [{ label: "A" }, { label: "B" }] })).toEqual({ method: "provider", confidence: null });
    expect(speakerDetectionOf({ speakers: [{ label: "A" }] })).toEqual({ method: "none", confidence: null });
    expect(speakerDetectionOf({ speakers: [] })).toEqual({ method: "none", confidence: null });
  });
});
