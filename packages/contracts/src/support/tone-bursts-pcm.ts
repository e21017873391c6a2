const rate = 16_000;

/**
 * Synthetic "speech" for live engines that only need voice activity (fakes): 16 kHz 16-bit PCM,
 * `channels.length` channels interleaved, each carrying a 300 Hz tone (about -12 dBFS) during
 * its [startMs, endMs] bursts and exact silence elsewhere, `totalMs` long.
 */
export function toneBurstsPcm(channels: Array<Array<[startMs: number, endMs: number]>>, totalMs: number): Uint8Array {
  const frames = (rate * totalMs) / 1000;
  const bytes = new Uint8Array(frames * channels.length * 2);
  const view = new DataView(bytes.buffer);
  channels.forEach((bursts, channel) => {
    for (const [startMs, endMs] of bursts) {
      for (let frame = (rate * startMs) / 1000; frame < (rate * endMs) / 1000; frame += 1) {
        const sample = Math.round(8_000 * Math.sin((2 * Math.PI * 300 * frame) / rate));
        view.setInt16((frame * channels.length + channel) * 2, sample, true);
      }
    }
  });
  return bytes;
}
