import { pcmWavHeader } from "../domain/live-session.ts";

export interface PcmWavOptions {
  /** Bytes of samples after the 44-byte header; default 64,000 (2 s at 16 kHz mono). */
  dataBytes?: number;
  channels?: number;
  sampleRateHz?: number;
  /** A sine tone of this frequency; without it the samples are a fixed non-silent pattern. */
  toneHz?: number;
  /** Silence instead of the pattern (ignored with toneHz). */
  silent?: boolean;
}

/**
 * A canonical 16-bit PCM WAV file built in memory: a real recording as far as sniffing and
 * decoders are concerned, for tests and benchmarks that need audio bytes but not speech.
 */
export function pcmWav(options: PcmWavOptions = {}): Uint8Array<ArrayBuffer> {
  const { dataBytes = 64_000, channels = 1, sampleRateHz = 16_000 } = options;
  const bytes = new Uint8Array(44 + dataBytes);
  bytes.set(pcmWavHeader(dataBytes, channels, sampleRateHz));
  const view = new DataView(bytes.buffer);
  if (options.toneHz !== undefined) {
    const frames = Math.floor(dataBytes / (2 * channels));
    for (let frame = 0; frame < frames; frame += 1) {
      const sample = Math.round(8_000 * Math.sin((2 * Math.PI * options.toneHz * frame) / sampleRateHz));
      for (let channel = 0; channel < channels; channel += 1) view.setInt16(44 + (frame * channels + channel) * 2, sample, true);
    }
  } else if (!options.silent) {
    for (let index = 44; index < bytes.length; index += 1) bytes[index] = (index * 31) % 256;
  }
  return bytes;
}
