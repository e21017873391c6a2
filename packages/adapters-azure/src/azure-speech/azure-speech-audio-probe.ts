/**
 * Reads a recording's channel count (and, where the header holds it, its duration) from the
 * container itself, before a job is submitted: Azure fails a stereo file when diarization is
 * asked for ("For stereo files, diarization is not possible"; Azure-Samples/
 * cognitive-services-speech-sdk issues 1051, 1109, 1340 — WAV and M4A alike), so the submission
 * must know whether to ask for channels or for diarization. Core's upload sniffing knows the
 * channels of a canonical WAV only. Parsed here, without a decoder or a cloud:
 *
 *   WAV   the `fmt ` chunk (walking the RIFF chunks)             channels, duration (PCM)
 *   FLAC  STREAMINFO                                             channels, duration
 *   OGG   the first page's Vorbis or Opus identification header   channels
 *   MP3   the first frame header after an ID3v2 tag (mode 11 = mono) channels
 *   WebM  Segment → Tracks → TrackEntry → Audio → Channels (EBML) channels
 *   MP4   moov → trak (handler `soun`) → stsd's audio sample entry; mvhd  channels, duration
 *         (the `moov` box may come after `mdat`: the media data is read past, not kept)
 *
 * Only the head is kept in memory (at most `maxHeadBytes`, and one `moov` box of at most
 * `maxMoovBytes`).
 */

export interface ProbedAudio {
  /** null: the container's header could not be read (damaged, or an unusual layout). */
  channels: number | null;
  /** null: not in the header (MP3, OGG, WebM), or not read. */
  durationMs: number | null;
}

const maxHeadBytes = 1024 * 1024;
const maxMoovBytes = 16 * 1024 * 1024;
const unknown: ProbedAudio = { channels: null, durationMs: null };

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

/** Reads a web stream as exact byte counts, and skips without keeping. */
class StreamReader {
  private buffered: Uint8Array = new Uint8Array(0);
  private done = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  constructor(reader: ReadableStreamDefaultReader<Uint8Array>) {
    this.reader = reader;
  }

  /** Makes at least `count` bytes available (fewer at the end). */
  async fill(count: number): Promise<Uint8Array> {
    while (this.buffered.length < count && !this.done) {
      const { value, done } = await this.reader.read();
      if (done) this.done = true;
      else if (value.length > 0) {
        const joined = new Uint8Array(this.buffered.length + value.length);
        joined.set(this.buffered);
        joined.set(value, this.buffered.length);
        this.buffered = joined;
      }
    }
    return this.buffered;
  }

  async take(count: number): Promise<Uint8Array> {
    const bytes = (await this.fill(count)).subarray(0, count);
    this.buffered = this.buffered.subarray(bytes.length);
    return bytes;
  }

  /** Skips `count` bytes; false when the stream ended first. */
  async skip(count: number): Promise<boolean> {
    let left = count;
    while (left > 0) {
      if (this.buffered.length === 0) {
        if (this.done) return false;
        const { value, done } = await this.reader.read();
        if (done) {
          this.done = true;
          return false;
        }
        this.buffered = value;
      }
      const step = Math.min(left, this.buffered.length);
      this.buffered = this.buffered.subarray(step);
      left -= step;
    }
    return true;
  }
}

function wav(head: Uint8Array): ProbedAudio {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let channels: number | null = null;
  let byteRate = 0;
  for (let offset = 12; offset + 8 <= head.length; ) {
    const id = ascii(head, offset, 4);
    const size = view.getUint32(offset + 4, true);
    if (id === "fmt " && offset + 24 <= head.length) {
      channels = view.getUint16(offset + 10, true);
      byteRate = view.getUint32(offset + 16, true);
    }
    if (id === "data") {
      const durationMs = byteRate > 0 && size !== 0xffffffff && size > 0 ? Math.round((size / byteRate) * 1000) : null;
      return { channels, durationMs };
    }
    offset += 8 + size + (size % 2);
  }
  return { channels, durationMs: null };
}

function flac(head: Uint8Array): ProbedAudio {
  // "fLaC", then the STREAMINFO block (type 0): 10 bytes of block and frame sizes, then 20 bits
  // of sample rate, 3 of channels − 1, 5 of bits per sample − 1, 36 of total samples.
  if (head.length < 26 || (head[4]! & 0x7f) !== 0) return unknown;
  const rate = (head[18]! << 12) | (head[19]! << 4) | (head[20]! >> 4);
  const channels = ((head[20]! >> 1) & 0x07) + 1;
  const samples = (head[21]! & 0x0f) * 2 ** 32 + ((head[22]! << 24) >>> 0) + (head[23]! << 16) + (head[24]! << 8) + head[25]!;
  return { channels, durationMs: rate > 0 && samples > 0 ? Math.round((samples / rate) * 1000) : null };
}

function ogg(head: Uint8Array): ProbedAudio {
  if (head.length < 28) return unknown;
  const packet = 27 + head[26]!;
  if (ascii(head, packet, 7) === "\x01vorbis" && head.length > packet + 11) return { channels: head[packet + 11]!, durationMs: null };
  if (ascii(head, packet, 8) === "OpusHead" && head.length > packet + 9) return { channels: head[packet + 9]!, durationMs: null };
  return unknown;
}

function mp3(head: Uint8Array): ProbedAudio {
  let offset = 0;
  if (ascii(head, 0, 3) === "ID3" && head.length >= 10) {
    const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    offset = 10 + size + ((head[5]! & 0x10) !== 0 ? 10 : 0);
  }
  // The first frame sync within a few KiB of the tag's end (some files pad).
  for (let at = offset; at + 4 <= head.length && at < offset + 8192; at += 1) {
    const [b0, b1, b2, b3] = [head[at]!, head[at + 1]!, head[at + 2]!, head[at + 3]!];
    if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0 && (b1 & 0x18) !== 0x08 && (b2 & 0xf0) !== 0xf0 && (b2 & 0x0c) !== 0x0c) {
      return { channels: b3 >> 6 === 3 ? 1 : 2, durationMs: null };
    }
  }
  return unknown;
}

/** An EBML variable-length integer at `at`: its value (marker removed unless `keepMarker`) and length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknownSize: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length || length > 8) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let index = 1; index < length; index += 1) {
    value = value * 256 + bytes[at + index]!;
    if (bytes[at + index] !== 0xff) allOnes = false;
  }
  return { value, length, unknownSize: !keepMarker && allOnes };
}

function webm(head: Uint8Array): ProbedAudio {
  // Masters to enter on the way to Audio/Channels; everything else is stepped over.
  const masters = new Set([0x18538067, 0x1654ae6b, 0xae, 0xe1]);
  let at = 0;
  while (at < head.length) {
    const id = vint(head, at, true);
    if (id === null) return unknown;
    const size = vint(head, at + id.length, false);
    if (size === null) return unknown;
    const body = at + id.length + size.length;
    if (id.value === 0x9f) {
      const channels = head.subarray(body, body + size.value).reduce((value, byte) => value * 256 + byte, 0);
      return { channels, durationMs: null };
    }
    if (id.value === 0x1f43b675) return unknown; // a Cluster before the Tracks: no channel count up front
    at = masters.has(id.value) || size.unknownSize ? body : body + size.value;
  }
  return unknown;
}

const audioSampleEntries = new Set(["mp4a", "alac", "Opus", "fLaC", "ac-3", "ec-3", "samr", "sawb", "lpcm", "ipcm", "fpcm", ".mp3", "sowt", "twos"]);

/** Children of an MP4 container box body. */
function* boxes(bytes: Uint8Array, start: number, end: number): Generator<{ type: string; body: number; end: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = start; at + 8 <= end; ) {
    let size = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    let header = 8;
    if (size === 1 && at + 16 <= end) {
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header || at + size > end) return;
    yield { type, body: at + header, end: at + size };
    at += size;
  }
}

/** An MPEG-4 descriptor (tag, variable length) at `at`: its body's start and end. */
function descriptor(bytes: Uint8Array, at: number, tag: number): { body: number; end: number } | undefined {
  if (bytes[at] !== tag) return undefined;
  let length = 0;
  let offset = at + 1;
  for (let count = 0; count < 4 && offset < bytes.length; count += 1) {
    const byte = bytes[offset]!;
    offset += 1;
    length = (length << 7) | (byte & 0x7f);
    if ((byte & 0x80) === 0) break;
  }
  return offset + length <= bytes.length ? { body: offset, end: offset + length } : undefined;
}

/**
 * channelConfiguration of an `esds` box's AudioSpecificConfig (ISO/IEC 14496-1 ES_Descriptor →
 * DecoderConfigDescriptor → DecoderSpecificInfo; 14496-3: 5 bits object type, 4 bits frequency
 * index (15: 24 more bits), 4 bits channels). undefined when absent or 0 (defined elsewhere).
 */
function aacChannels(esds: Uint8Array): number | undefined {
  const es = descriptor(esds, 0, 0x03);
  if (es === undefined) return undefined;
  const flags = esds[es.body + 2] ?? 0;
  let at = es.body + 3;
  if (flags & 0x80) at += 2;
  if (flags & 0x40) at += 1 + (esds[at] ?? 0);
  if (flags & 0x20) at += 2;
  const config = descriptor(esds, at, 0x04);
  const specific = config && descriptor(esds, config.body + 13, 0x05);
  if (specific === undefined || specific.end - specific.body < 2) return undefined;
  let bits = 0;
  let bitCount = 0;
  let offset = specific.body;
  const read = (count: number): number => {
    while (bitCount < count) {
      bits = (bits << 8) | (esds[offset] ?? 0);
      offset += 1;
      bitCount += 8;
    }
    bitCount -= count;
    return (bits >> bitCount) & ((1 << count) - 1);
  };
  if (read(5) === 31) read(6);
  if (read(4) === 15) {
    read(12);
    read(12);
  }
  const channels = read(4);
  return channels >= 1 && channels <= 7 ? (channels === 7 ? 8 : channels) : undefined;
}

function moov(bytes: Uint8Array): ProbedAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let durationMs: number | null = null;
  let channels: number | null = null;
  for (const box of boxes(bytes, 0, bytes.length)) {
    if (box.type === "mvhd") {
      const version = bytes[box.body]!;
      const timescale = view.getUint32(box.body + (version === 1 ? 20 : 12));
      const duration = version === 1 ? Number(view.getBigUint64(box.body + 24)) : view.getUint32(box.body + 16);
      if (timescale > 0 && duration > 0 && duration !== 0xffffffff) durationMs = Math.round((duration / timescale) * 1000);
    }
    if (box.type !== "trak" || channels !== null) continue;
    const mdia = [...boxes(bytes, box.body, box.end)].find((child) => child.type === "mdia");
    if (mdia === undefined) continue;
    const mdiaChildren = [...boxes(bytes, mdia.body, mdia.end)];
    const hdlr = mdiaChildren.find((child) => child.type === "hdlr");
    if (hdlr === undefined || ascii(bytes, hdlr.body + 8, 4) !== "soun") continue;
    const minf = mdiaChildren.find((child) => child.type === "minf");
    const stbl = minf && [...boxes(bytes, minf.body, minf.end)].find((child) => child.type === "stbl");
    const stsd = stbl && [...boxes(bytes, stbl.body, stbl.end)].find((child) => child.type === "stsd");
    // stsd: version/flags (4), entry count (4), then sample entries; an audio sample entry has
    // 6 reserved bytes, a data reference index (2), 8 reserved bytes, then the channel count.
    const entry = stsd && [...boxes(bytes, stsd.body + 8, stsd.end)][0];
    if (entry === undefined || !audioSampleEntries.has(entry.type) || entry.body + 28 > entry.end) continue;
    // ISO files write the sample entry's channel count as the template's 2 (ISO/IEC 14496-12,
    // AudioSampleEntry: "channelcount = 2"; ffmpeg and phones do): for AAC the real count is
    // the AudioSpecificConfig's channelConfiguration in `esds`.
    const esds = entry.type === "mp4a" ? [...boxes(bytes, entry.body + 28, entry.end)].find((child) => child.type === "esds") : undefined;
    channels = (esds && aacChannels(bytes.subarray(esds.body + 4, esds.end))) ?? view.getUint16(entry.body + 16);
  }
  return { channels, durationMs };
}

async function mp4(reader: StreamReader): Promise<ProbedAudio> {
  for (;;) {
    const header = await reader.take(8);
    if (header.length < 8) return unknown;
    const view = new DataView(header.buffer, header.byteOffset, 8);
    let size = view.getUint32(0);
    const type = ascii(header, 4, 4);
    let headerBytes = 8;
    if (size === 1) {
      const large = await reader.take(8);
      if (large.length < 8) return unknown;
      size = Number(new DataView(large.buffer, large.byteOffset, 8).getBigUint64(0));
      headerBytes = 16;
    } else if (size === 0) {
      if (type !== "moov") return unknown;
      size = headerBytes + maxMoovBytes;
    }
    if (size < headerBytes) return unknown;
    if (type === "moov") {
      if (size - headerBytes > maxMoovBytes) return unknown;
      return moov(await reader.take(size - headerBytes));
    }
    if (!(await reader.skip(size - headerBytes))) return unknown;
  }
}

/**
 * Probes the recording's container for its channel count and duration.
 * @returns nulls where the header could not be read; never throws for the content itself.
 * @throws the stream's own errors (the blob store's), and the caller's abort reason.
 */
export async function probeAudio(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<ProbedAudio> {
  const source = stream.getReader();
  const onAbort = () => void source.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener("abort", onAbort, { once: true });
  const reader = new StreamReader(source);
  try {
    const start = await reader.fill(12);
    signal?.throwIfAborted();
    if (ascii(start, 4, 4) === "ftyp") return await mp4(reader);
    const head = await reader.fill(maxHeadBytes);
    signal?.throwIfAborted();
    if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WAVE") return wav(head);
    if (ascii(head, 0, 4) === "fLaC") return flac(head);
    if (ascii(head, 0, 4) === "OggS") return ogg(head);
    if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return webm(head);
    return mp3(head);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await source.cancel().catch(() => undefined);
  }
}
