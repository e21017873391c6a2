import type { AudioFormat } from "./session.ts";

export interface SniffedAudio {
  format: AudioFormat;
  contentType: string;
  /** From a WAV header when present. */
  channels: number | null;
  /**
   * From a WAV header when present, as the header claims it: a claim only. Use
   * `durationMsOf(sniffed, sizeBytes)` once the whole recording was read.
   */
  durationMs: number | null;
  /** Where a canonical WAV's samples start and how fast they play, for `durationMsOf`. */
  pcm?: { dataOffsetBytes: number; bytesPerSecond: number };
}

/** How many leading bytes `sniffAudio` needs to decide. */
export const sniffBytes = 64;

/** Most channels a recording may have (a WAV header may claim up to 65,535). */
export const maxAudioChannels = 8;

/** A WAV data size that means "unknown" (written by recorders that stream). */
const unknownWavDataBytes = 0xffffffff;

/** WAVE format codes of uncompressed samples: PCM, IEEE float, extensible. */
const pcmFormatCodes = new Set([0x0001, 0x0003, 0xfffe]);

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

function wavInfo(bytes: Uint8Array): Pick<SniffedAudio, "channels" | "durationMs" | "pcm"> {
  // Canonical header: "fmt " chunk at 12. Other layouts: channels/duration stay unknown.
  if (bytes.length < 44 || ascii(bytes, 12, 4) !== "fmt ") return { channels: null, durationMs: null };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const formatCode = view.getUint16(20, true);
  const channels = view.getUint16(22, true);
  const sampleRateHz = view.getUint32(24, true);
  const bitsPerSample = view.getUint16(34, true);
  // Uncompressed samples (PCM, float, extensible) play at a rate the header's other fields fix:
  // a byte rate that claims slower is not believed (the shorter duration wins).
  const pcmByteRate = pcmFormatCodes.has(formatCode) ? sampleRateHz * channels * Math.ceil(bitsPerSample / 8) : 0;
  const byteRate = Math.max(view.getUint32(28, true), pcmByteRate);
  const dataIsNext = ascii(bytes, 36, 4) === "data";
  const dataSize = dataIsNext ? view.getUint32(40, true) : 0;
  const durationMs =
    dataIsNext && byteRate > 0 && dataSize !== unknownWavDataBytes && dataSize > 0
      ? Math.round((dataSize / byteRate) * 1000)
      : null;
  return {
    channels,
    durationMs,
    ...(dataIsNext && byteRate > 0 ? { pcm: { dataOffsetBytes: 44, bytesPerSecond: byteRate } } : {}),
  };
}

/**
 * The duration of a stored recording, consistent with its size. For a canonical WAV it is
 * the playing time of the data bytes actually received: the header's own claim when the file
 * holds that much, else what the bytes allow — the smaller of the two, never more. A header
 * cannot make 4 KB last three days, and a recorder that streamed (data size 0 or unknown) or a
 * truncated file still gets the duration of what is there. Other formats: the header's claim
 * (null: unknown until transcribed).
 */
export function durationMsOf(sniffed: SniffedAudio, sizeBytes: number): number | null {
  if (!sniffed.pcm) return sniffed.durationMs;
  const dataBytes = Math.max(0, sizeBytes - sniffed.pcm.dataOffsetBytes);
  const allowedMs = Math.round((dataBytes / sniffed.pcm.bytesPerSecond) * 1000);
  return sniffed.durationMs === null ? allowedMs : Math.min(sniffed.durationMs, allowedMs);
}

/**
 * Recognises an audio container from its first bytes (not the file name or declared type).
 * Returns null for anything that is not WAV, MP3, OGG (Vorbis/Opus), FLAC, MP4/M4A or WebM.
 */
export function sniffAudio(head: Uint8Array): SniffedAudio | null {
  if (head.length < 12) return null;
  const unknown = { channels: null, durationMs: null };
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WAVE") {
    return { format: "wav", contentType: "audio/wav", ...wavInfo(head) };
  }
  if (ascii(head, 0, 4) === "fLaC") return { format: "flac", contentType: "audio/flac", ...unknown };
  if (ascii(head, 0, 4) === "OggS") return { format: "ogg", contentType: "audio/ogg", ...unknown };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return { format: "webm", contentType: "audio/webm", ...unknown };
  }
  if (ascii(head, 4, 4) === "ftyp") {
    const brand = ascii(head, 8, 4);
    // Audio-capable ISO base media brands (M4A, MP4, 3GP, QuickTime).
    if (/^(M4A |M4B |mp4[12]|isom|iso[2-9]|dash|3gp[4-9]|qt  |MSNV|avc1)/.test(brand)) {
      return { format: "mp4", contentType: "audio/mp4", ...unknown };
    }
    return null;
  }
  if (ascii(head, 0, 3) === "ID3") return { format: "mp3", contentType: "audio/mpeg", ...unknown };
  // MPEG audio frame sync: 11 set bits, a valid version/layer, bitrate index not 1111.
  const [b0, b1, b2] = [head[0] ?? 0, head[1] ?? 0, head[2] ?? 0];
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0 && (b1 & 0x18) !== 0x08 && (b2 & 0xf0) !== 0xf0) {
    return { format: "mp3", contentType: "audio/mpeg", ...unknown };
  }
  return null;
}
