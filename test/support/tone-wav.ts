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

/**
 * A WAV whose header names a codec no decoder has (format code 0x99) over one second of bytes:
 * accepted at upload (a RIFF/WAVE header whose length matches what arrived), refused when the
 * pipeline decodes it — how tests make a session that fails in processing.
 */
export function makeUndecodableWav(): Uint8Array<ArrayBuffer> {
  const dataBytes = 32_000;
  const wav = new Uint8Array(44 + dataBytes);
  const view = new DataView(wav.buffer);
  const ascii = (offset: number, text: string) => wav.set(new TextEncoder().encode(text), offset);
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 0x99, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16_000, true);
  view.setUint32(28, 32_000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  return wav;
}
