import { describe, expect, it } from "vitest";
import { pcmWav } from "../testing/pcm-wav.ts";
import { sniffAudio } from "./audio-format.ts";

/** `prefix` (numbers are bytes, strings ASCII) padded with zeros to 64 bytes, as an upload's head. */
function head(...prefix: Array<number | string>): Uint8Array {
  const bytes = new Uint8Array(64);
  let offset = 0;
  for (const part of prefix) {
    if (typeof part === "number") bytes[offset++] = part;
    else for (const character of part) bytes[offset++] = character.charCodeAt(0);
  }
  return bytes;
}

const unknownLayout = { channels: null, durationMs: null };

describe("sniffing audio from its first bytes", () => {
  it("reads a canonical WAV header: channels and duration from the data size and byte rate", () => {
    // 2 channels at 16 kHz, 16-bit: 64,000 bytes a second; 96,000 bytes are 1.5 s.
    expect(sniffAudio(pcmWav({ channels: 2, sampleRateHz: 16_000, dataBytes: 96_000 }))).toEqual({
      format: "wav",
      contentType: "audio/wav",
      channels: 2,
      durationMs: 1_500,
      pcm: { dataOffsetBytes: 44, bytesPerSecond: 64_000 },
    });
  });

  it("rounds a WAV duration to the nearest millisecond", () => {
    // 8 kHz mono 16-bit: 16,000 bytes a second; 10,007 bytes are 625.4375 ms, 10,015 are 625.9375 ms.
    expect(sniffAudio(pcmWav({ sampleRateHz: 8_000, dataBytes: 10_007 }).subarray(0, 64))?.durationMs).toBe(625);
    expect(sniffAudio(pcmWav({ sampleRateHz: 8_000, dataBytes: 10_015 }).subarray(0, 64))?.durationMs).toBe(626);
  });

  it("needs only the 44-byte header of a WAV file", () => {
    const header = pcmWav({ channels: 1, sampleRateHz: 16_000, dataBytes: 32_000 }).slice(0, 44);
    expect(sniffAudio(header)).toMatchObject({ format: "wav", channels: 1, durationMs: 1_000 });
    expect(sniffAudio(header.subarray(0, 43))).toEqual({ format: "wav", contentType: "audio/wav", ...unknownLayout });
  });

  it("reads a WAV header at an offset inside a larger buffer", () => {
    const buffer = new Uint8Array(100);
    buffer.set(pcmWav({ channels: 2, dataBytes: 64_000 }).subarray(0, 44), 10);
    expect(sniffAudio(buffer.subarray(10, 54))).toMatchObject({ channels: 2, durationMs: 1_000 });
  });

  it("leaves the duration unknown when the header cannot give it", () => {
    const streaming = pcmWav({ dataBytes: 0 });
    new DataView(streaming.buffer).setUint32(40, 0xffffffff, true);
    expect(sniffAudio(streaming)).toMatchObject({ format: "wav", channels: 1, durationMs: null });

    expect(sniffAudio(pcmWav({ dataBytes: 0 }))).toMatchObject({ channels: 1, durationMs: null });

    // A compressed format inside WAV (0x55, MPEG) with no byte rate: nothing to reckon from.
    const noByteRate = pcmWav({ dataBytes: 1_000 });
    new DataView(noByteRate.buffer).setUint16(20, 0x55, true);
    new DataView(noByteRate.buffer).setUint32(28, 0, true);
    expect(sniffAudio(noByteRate)).toMatchObject({ channels: 1, durationMs: null });

    const listChunkFirst = pcmWav({ dataBytes: 1_000 });
    listChunkFirst.set([0x4c, 0x49, 0x53, 0x54], 36); // "LIST" where "data" usually is
    expect(sniffAudio(listChunkFirst)).toMatchObject({ channels: 1, durationMs: null });
  });

  it("leaves channels and duration unknown for a WAV whose fmt chunk is not first", () => {
    const other = pcmWav({ dataBytes: 1_000 });
    other.set([0x4a, 0x55, 0x4e, 0x4b], 12); // "JUNK"
    expect(sniffAudio(other)).toEqual({ format: "wav", contentType: "audio/wav", ...unknownLayout });
  });

  it.each([
    ["FLAC", head("fLaC", 0, 0, 0, 0x22), "flac", "audio/flac"],
    ["Ogg (Vorbis or Opus)", head("OggS", 0, 2), "ogg", "audio/ogg"],
    ["WebM (EBML)", head(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86), "webm", "audio/webm"],
    ["MP3 with an ID3 tag", head("ID3", 4, 0), "mp3", "audio/mpeg"],
    ["MP3 frame, MPEG-1 layer III, 128 kbit/s", head(0xff, 0xfb, 0x90, 0x64), "mp3", "audio/mpeg"],
    ["MP3 frame, MPEG-2 layer III", head(0xff, 0xf3, 0x48, 0xc4), "mp3", "audio/mpeg"],
    ["MP3 frame, MPEG-2.5 layer III", head(0xff, 0xe3, 0x18, 0xc4), "mp3", "audio/mpeg"],
    ["MP3 frame, layer I", head(0xff, 0xfe, 0x00), "mp3", "audio/mpeg"],
    ["MP3 frame, bitrate index 1110", head(0xff, 0xfb, 0xe0), "mp3", "audio/mpeg"],
  ])("recognises %s", (_name, bytes, format, contentType) => {
    expect(sniffAudio(bytes)).toEqual({ format, contentType, ...unknownLayout });
  });

  it.each(["M4A ", "M4B ", "mp41", "mp42", "isom", "iso2", "iso5", "iso9", "dash", "3gp4", "3gp6", "3gp9", "qt  ", "MSNV", "avc1"])(
    "recognises the ISO media brand %j as MP4 audio",
    (brand) => {
      expect(sniffAudio(head(0, 0, 0, 0x20, "ftyp", brand))).toEqual({ format: "mp4", contentType: "audio/mp4", ...unknownLayout });
    },
  );

  it.each(["heic", "avif", "iso1", "mp43", "3gp3", "M4V ", "crx ", "    "])("refuses the ISO media brand %j (not audio)", (brand) => {
    expect(sniffAudio(head(0, 0, 0, 0x20, "ftyp", brand))).toBeNull();
  });

  it.each([
    ["a RIFF file that is not WAVE (AVI)", head("RIFF", 0, 0, 0, 0, "AVI ")],
    ["WAVE without RIFF", head("RIFX", 0, 0, 0, 0, "WAVE")],
    ["flac in the wrong case", head("FLAC")],
    ["OggS one byte late", head(0, "OggS")],
    ["an EBML id with one wrong byte", head(0x1a, 0x45, 0xdf, 0xa2)],
    ["an EBML id with a wrong first byte", head(0x1b, 0x45, 0xdf, 0xa3)],
    ["an EBML id with a wrong second byte", head(0x1a, 0x44, 0xdf, 0xa3)],
    ["an EBML id with a wrong third byte", head(0x1a, 0x45, 0xde, 0xa3)],
    ["ftyp at the start instead of offset 4", head("ftypM4A ")],
    ["ID2 instead of ID3", head("ID2", 4)],
    ["a frame sync of 10 bits", head(0xff, 0xc3, 0x90)],
    ["a frame sync with a wrong first byte", head(0xfe, 0xfb, 0x90)],
    ["an MPEG frame with the reserved layer", head(0xff, 0xf9, 0x90)],
    ["an MPEG frame with the reserved version", head(0xff, 0xeb, 0x90)],
    ["an MPEG frame with the bad bitrate index 1111", head(0xff, 0xfb, 0xf0)],
    ["a PDF", head("%PDF-1.7")],
    ["a PNG", head(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a)],
    ["text", head("hello, world")],
    ["zeros", head()],
  ])("refuses %s", (_name, bytes) => {
    expect(sniffAudio(bytes)).toBeNull();
  });

  it("needs at least 12 bytes to decide", () => {
    expect(sniffAudio(head("fLaC").subarray(0, 11))).toBeNull();
    expect(sniffAudio(head("fLaC").subarray(0, 12))).toMatchObject({ format: "flac" });
    expect(sniffAudio(head(0xff, 0xfb, 0x90).subarray(0, 11))).toBeNull();
    expect(sniffAudio(new Uint8Array(0))).toBeNull();
  });
});
