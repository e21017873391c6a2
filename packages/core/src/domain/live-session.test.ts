import { describe, expect, it } from "vitest";
import { liveAudioPartKey, pcmWavHeader } from "./live-session.ts";

describe("a live session's stored parts", () => {
  it("are numbered in the recording's own folder, six digits wide", () => {
    expect(liveAudioPartKey("sessions/s-1/audio.wav", 1)).toBe("sessions/s-1/live/000001");
    expect(liveAudioPartKey("tenant/a/sessions/s-2/recording", 123_456)).toBe("tenant/a/sessions/s-2/live/123456");
  });
});

describe("the WAV header a live recording is stored under", () => {
  it("is the canonical 44 bytes of 16-bit PCM, little-endian, for the channels and rate given", () => {
    const header = pcmWavHeader(96_000, 2, 24_000);
    const view = new DataView(header.buffer);
    const text = (offset: number) => String.fromCharCode(...header.subarray(offset, offset + 4));
    expect(header).toHaveLength(44);
    expect([text(0), text(8), text(12), text(36)]).toEqual(["RIFF", "WAVE", "fmt ", "data"]);
    expect(view.getUint32(4, true)).toBe(36 + 96_000);
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(24_000);
    expect(view.getUint32(28, true)).toBe(24_000 * 2 * 2);
    expect(view.getUint16(32, true)).toBe(4);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(96_000);
  });

  it("is 16 kHz unless told otherwise, and writes nothing past its 44 bytes", () => {
    const header = pcmWavHeader(0, 1);
    expect(new DataView(header.buffer).getUint32(24, true)).toBe(16_000);
    expect(new DataView(header.buffer).getUint32(28, true)).toBe(32_000);
    expect(header.buffer.byteLength).toBe(44);
  });
});
