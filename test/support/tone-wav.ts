import { pcmWav } from "@confide/core/testing";

/**
 * A short WAV file (16-bit PCM, mono, a sine tone) built in memory: a real recording as far as
 * upload sniffing is concerned, for tests whose speech engine is a fake and only needs audio
 * bytes to pass along.
 */
export function makeToneWav(options: { durationMs?: number; sampleRateHz?: number; frequencyHz?: number } = {}): Uint8Array<ArrayBuffer> {
  const sampleRateHz = options.sampleRateHz ?? 16_000;
  const samples = Math.round(((options.durationMs ?? 1_000) / 1000) * sampleRateHz);
  return pcmWav({ dataBytes: samples * 2, sampleRateHz, toneHz: options.frequencyHz ?? 440 });
}
