/**
 * Powerset decoding of pyannote segmentation-3.0's output: per frame, log-probabilities of 7
 * classes, each a set of at most 2 of 3 local speakers — {}, {1}, {2}, {3}, {1,2}, {1,3}, {2,3} —
 * turned into per-speaker activity (the class of highest probability, as pyannote's
 * `Powerset.to_multilabel` does with hard decoding).
 */

/** The local speakers of each powerset class, in the model's class order. */
export const powersetClasses: ReadonlyArray<readonly number[]> = [[], [0], [1], [2], [0, 1], [0, 2], [1, 2]];
export const localSpeakers = 3;

export interface DecodedFrames {
  frames: number;
  /** `active[frame * 3 + speaker]`: 1 when the local speaker speaks in that frame. */
  active: Uint8Array;
  /** Probability of the chosen class per frame (how sure the model is of who speaks, or of silence). */
  confidence: Float32Array;
}

/** Decodes `logProbabilities` (frames × 7, row-major) into per-speaker activity. */
export function decodePowerset(logProbabilities: ArrayLike<number>, frames: number): DecodedFrames {
  const classes = powersetClasses.length;
  if (logProbabilities.length !== frames * classes) throw new RangeError(`expected ${frames} × ${classes} values, got ${logProbabilities.length}`);
  const active = new Uint8Array(frames * localSpeakers);
  const confidence = new Float32Array(frames);
  for (let f = 0; f < frames; f += 1) {
    let best = 0;
    for (let c = 1; c < classes; c += 1) if (logProbabilities[f * classes + c]! > logProbabilities[f * classes + best]!) best = c;
    for (const speaker of powersetClasses[best]!) active[f * localSpeakers + speaker] = 1;
    confidence[f] = Math.exp(logProbabilities[f * classes + best]!);
  }
  return { frames, active, confidence };
}
