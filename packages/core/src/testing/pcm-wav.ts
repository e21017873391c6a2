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
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index += 1) bytes[offset + index] = text.charCodeAt(index);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRateHz, true);
  view.setUint32(28, sampleRateHz * channels * 2, true); // byte rate
  view.setUint16(32, channels * 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
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
