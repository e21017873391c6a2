/**
 * Speech regions from a voice-activity model's per-chunk speech probabilities, with hysteresis
 * as Silero's own `get_speech_timestamps` does: speech starts where the probability reaches
 * `threshold`, and ends only after it stays under `threshold - 0.15` for `minSilenceMs`; regions
 * shorter than `minSpeechMs` are dropped, and each is padded by `padMs` on both sides.
 */
export interface SpeechRegionParameters {
  threshold: number;
  minSpeechMs: number;
  minSilenceMs: number;
  padMs: number;
}

export interface SpeechRegion {
  startMs: number;
  endMs: number;
}

export function speechRegions(probabilities: ArrayLike<number>, chunkMs: number, parameters: SpeechRegionParameters): SpeechRegion[] {
  const { threshold, minSpeechMs, minSilenceMs, padMs } = parameters;
  const low = threshold - 0.15;
  const regions: SpeechRegion[] = [];
  let start = -1;
  let silenceFrom = -1;
  const close = (endChunk: number) => {
    const region = { startMs: start * chunkMs, endMs: endChunk * chunkMs };
    if (region.endMs - region.startMs >= minSpeechMs) regions.push(region);
    start = -1;
    silenceFrom = -1;
  };
  for (let i = 0; i < probabilities.length; i += 1) {
    const p = probabilities[i]!;
    if (start < 0) {
      if (p >= threshold) start = i;
      continue;
    }
    if (p >= threshold) silenceFrom = -1;
    else if (p < low) {
      if (silenceFrom < 0) silenceFrom = i;
      if ((i + 1 - silenceFrom) * chunkMs >= minSilenceMs) close(silenceFrom);
    }
  }
  if (start >= 0) close(silenceFrom >= 0 ? silenceFrom : probabilities.length);
  const total = probabilities.length * chunkMs;
  const padded = regions.map((region) => ({ startMs: Math.max(0, region.startMs - padMs), endMs: Math.min(total, region.endMs + padMs) }));
  // Padding may join neighbours.
  const joined: SpeechRegion[] = [];
  for (const region of padded) {
    const last = joined.at(-1);
    if (last && region.startMs <= last.endMs) last.endMs = Math.max(last.endMs, region.endMs);
    else joined.push({ ...region });
  }
  return joined;
}
