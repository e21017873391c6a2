/** The sample rate the server takes PCM at (`format: { encoding: "pcm" }`: 16 kHz s16le). */
export const pcmSampleRate = 16_000;

/**
 * Microphone blocks (float32, one array per channel, at `inputRate`) to the server's PCM: resampled
 * to 16 kHz by linear interpolation (a no-op when the input is already 16 kHz), clipped, converted
 * to signed 16-bit little-endian, interleaved when stereo, and cut into frames of `frameMs`.
 * Pure: it runs in the capture worklet and in unit tests alike.
 */
export class PcmEncoder {
  readonly #channels: number;
  readonly #step: number;
  readonly #frame: Int16Array;
  #filled = 0;
  /** Where the next output sample lies, in input samples from the start of the next block (-1 … 0: after the previous block's last sample). */
  #position = 0;
  #last: number[];

  constructor(options: { inputRate: number; channels: 1 | 2; frameMs: number }) {
    this.#channels = options.channels;
    this.#step = options.inputRate / pcmSampleRate;
    this.#frame = new Int16Array(Math.round((pcmSampleRate * options.frameMs) / 1000) * options.channels);
    this.#last = new Array<number>(options.channels).fill(0);
  }

  /** Takes one block; returns the frames it completed (each an ArrayBuffer of s16le bytes). */
  push(block: readonly Float32Array[]): ArrayBuffer[] {
    const length = block[0]?.length ?? 0;
    const frames: ArrayBuffer[] = [];
    if (length === 0) return frames;
    while (this.#position <= length - 1) {
      const index = Math.floor(this.#position);
      const fraction = this.#position - index;
      for (let channel = 0; channel < this.#channels; channel += 1) {
        const samples = block[Math.min(channel, block.length - 1)]!;
        const before = index < 0 ? this.#last[channel]! : samples[index]!;
        const after = fraction === 0 ? before : samples[index + 1]!;
        this.#frame[this.#filled++] = toInt16(before + (after - before) * fraction);
      }
      if (this.#filled === this.#frame.length) frames.push(this.#take());
      this.#position += this.#step;
    }
    this.#position -= length;
    for (let channel = 0; channel < this.#channels; channel += 1) this.#last[channel] = block[Math.min(channel, block.length - 1)]![length - 1]!;
    return frames;
  }

  /** The samples of an unfinished frame (at the end of the recording), or null when there are none. */
  flush(): ArrayBuffer | null {
    return this.#filled === 0 ? null : this.#take();
  }

  #take(): ArrayBuffer {
    const bytes = new ArrayBuffer(this.#filled * 2);
    const view = new DataView(bytes);
    for (let at = 0; at < this.#filled; at += 1) view.setInt16(at * 2, this.#frame[at]!, true);
    this.#filled = 0;
    return bytes;
  }
}

function toInt16(sample: number): number {
  const clipped = Math.max(-1, Math.min(1, sample));
  return Math.round(clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff);
}
