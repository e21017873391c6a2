/**
 * Splits a stream of 16-bit little-endian PCM bytes, interleaved when stereo, into one run of
 * samples per channel. Chunks may end anywhere, even inside a sample: the bytes of an
 * incomplete frame are kept for the next chunk.
 */
export interface PcmChannelSplitter {
  /** @returns the whole frames of `chunk` (and of the bytes left from before), one array per channel. */
  push(chunk: Uint8Array): Int16Array[];
  /** Bytes of an incomplete frame still held (0 when the stream ended on a frame boundary). */
  readonly heldBytes: number;
}

export function createPcmChannelSplitter(channels: number): PcmChannelSplitter {
  const frameBytes = 2 * channels;
  let held = new Uint8Array(0);
  return {
    get heldBytes() {
      return held.byteLength;
    },
    push(chunk) {
      const bytes = held.byteLength === 0 ? chunk : concatBytes(held, chunk);
      const frames = Math.floor(bytes.byteLength / frameBytes);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const out = Array.from({ length: channels }, () => new Int16Array(frames));
      for (let frame = 0; frame < frames; frame += 1) {
        for (let channel = 0; channel < channels; channel += 1) {
          out[channel]![frame] = view.getInt16((frame * channels + channel) * 2, true);
        }
      }
      held = bytes.slice(frames * frameBytes);
      return out;
    },
  };
}

/** The average of the channels, sample by sample: a stereo stream heard as one voice track. */
export function mixToMono(channels: Int16Array[]): Int16Array {
  if (channels.length === 1) return channels[0]!;
  const length = Math.min(...channels.map((samples) => samples.length));
  const mixed = new Int16Array(length);
  for (let index = 0; index < length; index += 1) {
    let sum = 0;
    for (const samples of channels) sum += samples[index]!;
    mixed[index] = Math.round(sum / channels.length);
  }
  return mixed;
}

function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(first.byteLength + second.byteLength);
  bytes.set(first, 0);
  bytes.set(second, first.byteLength);
  return bytes;
}
