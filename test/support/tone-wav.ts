/**
 * A short WAV file (16-bit PCM, mono, a sine tone) built in memory: a real recording as far as
 * upload sniffing is concerned, for tests whose speech engine is a fake and only needs audio
 * bytes to pass along.
 */
export function makeToneWav(options: { durationMs?: number; sampleRateHz?: number; frequencyHz?: number } = {}): Uint8Array<ArrayBuffer> {
  const sampleRateHz = options.sampleRateHz ?? 16_000;
  const frequencyHz = options.frequencyHz ?? 440;
  const samples = Math.round(((options.durationMs ?? 1_000) / 1000) * sampleRateHz);
  const dataBytes = samples * 2;
  const buffer = new ArrayBuffer(44 + dataBytes);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index += 1) view.setUint8(offset + index, text.charCodeAt(index));
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRateHz, true);
  view.setUint32(28, sampleRateHz * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  for (let index = 0; index < samples; index += 1) {
    view.setInt16(44 + index * 2, Math.round(Math.sin((2 * Math.PI * frequencyHz * index) / sampleRateHz) * 8_000), true);
  }
  return new Uint8Array(buffer);
}
