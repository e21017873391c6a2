import { describe, expect, it } from "vitest";
import { PcmEncoder } from "./pcm-encoder.ts";

const samplesOf = (frames: ArrayBuffer[]) => frames.flatMap((frame) => Array.from(new Int16Array(frame)));

describe("PcmEncoder", () => {
  it("converts 16 kHz float32 to s16le unchanged in length, clipped, in frames of the asked length", () => {
    const encoder = new PcmEncoder({ inputRate: 16_000, channels: 1, frameMs: 10 });
    const block = Float32Array.from({ length: 250 }, (_, index) => (index % 2 === 0 ? 0.5 : -2));
    const frames = encoder.push([block]);
    expect(frames.map((frame) => frame.byteLength)).toEqual([320]);
    const rest = encoder.flush();
    expect(rest?.byteLength).toBe(2 * 90);
    const samples = samplesOf([...frames, rest!]);
    expect(samples.length).toBe(250);
    expect(samples.slice(0, 2)).toEqual([Math.round(0.5 * 0x7fff), -0x8000]);
    expect(encoder.flush()).toBeNull();
  });

  it("resamples 48 kHz to 16 kHz by linear interpolation across block boundaries", () => {
    const encoder = new PcmEncoder({ inputRate: 48_000, channels: 1, frameMs: 1000 });
    // A ramp cut in 128-sample blocks (a render quantum): every third sample survives.
    const ramp = Float32Array.from({ length: 4800 }, (_, index) => index / 8192);
    for (let at = 0; at < ramp.length; at += 128) encoder.push([ramp.subarray(at, at + 128)]);
    const samples = samplesOf([encoder.flush()!]);
    expect(samples.length).toBe(1600);
    expect(samples.slice(0, 4)).toEqual([0, 3, 6, 9].map((index) => Math.round((index / 8192) * 0x7fff)));
    expect(samples[1599]).toBe(Math.round((4797 / 8192) * 0x7fff));
  });

  it("interpolates between blocks when the rate is not a whole multiple (44.1 kHz)", () => {
    const encoder = new PcmEncoder({ inputRate: 44_100, channels: 1, frameMs: 1000 });
    const ramp = Float32Array.from({ length: 4410 }, (_, index) => index / 8192);
    for (let at = 0; at < ramp.length; at += 128) encoder.push([ramp.subarray(at, at + 128)]);
    const samples = samplesOf([encoder.flush()!]);
    expect(samples.length).toBe(1600);
    // A linear ramp stays linear: output n sits at input n × 44100/16000.
    samples.forEach((sample, n) => expect(Math.abs(sample - ((n * 44_100) / 16_000 / 8192) * 0x7fff)).toBeLessThanOrEqual(1));
  });

  it("interleaves stereo left, right", () => {
    const encoder = new PcmEncoder({ inputRate: 16_000, channels: 2, frameMs: 1000 });
    encoder.push([Float32Array.of(0.25, 0.25), Float32Array.of(-0.25, -0.25)]);
    const quarter = Math.round(0.25 * 0x7fff);
    expect(samplesOf([encoder.flush()!])).toEqual([quarter, -0x2000, quarter, -0x2000]);
  });
});
