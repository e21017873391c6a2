/**
 * Utterance cutting on a trained voice-activity detector's speech probabilities (Silero VAD: one
 * per 512 samples, 32 ms at 16 kHz), for the utterance-level live engines when its model is
 * installed. The detector runs ahead, asynchronously, in the stage that reads the audio; this
 * cutter takes its decisions synchronously, frame by frame, as the loudness cutter does.
 *
 * A frame is speech with hysteresis: once speech has started it goes on while the probability
 * stays at or above `endThreshold`; from quiet, it takes `threshold` to start. The utterance ends
 * once `endSilenceMs` of frames in a row are not speech — the model tells a breath from the end of
 * a turn well enough that a fifth of a second is enough, where loudness needs `pauseMs` (600 ms) to
 * be sure. Padding, the least speech and the longest utterance are as for the loudness cutter.
 */
import {
  createSpeechFrameCutter,
  type CutUtterance,
  type UtteranceCutterListener,
} from "./utterance-cutter.ts";

export interface SpeechProbabilityCutterOptions {
  /** Samples per second; default 16000. */
  sampleRateHz?: number;
  /** Samples per probability; default 512. */
  frameSamples?: number;
  /** From quiet, a frame whose probability is at least this is speech; default 0.5. */
  threshold?: number;
  /** Once speaking, a frame whose probability is at least this is still speech; default 0.35. */
  endThreshold?: number;
  /** Frames not speech for this long end an utterance; default 192 (six 32 ms frames). */
  endSilenceMs?: number;
  /** Speech shorter than this in all is not an utterance; default 120. */
  minSpeechMs?: number;
  /** An utterance is cut at this length even without a pause; default 15000. */
  maxUtteranceMs?: number;
  /** Audio kept before the first and after the last speech frame; default 200. */
  paddingMs?: number;
}

export const speechProbabilityCutterDefaults = {
  sampleRateHz: 16_000,
  frameSamples: 512,
  threshold: 0.5,
  endThreshold: 0.35,
  endSilenceMs: 192,
  minSpeechMs: 120,
  maxUtteranceMs: 15_000,
  paddingMs: 200,
} as const satisfies Required<SpeechProbabilityCutterOptions>;

export interface SpeechProbabilityCutter {
  /**
   * Reads more samples with the probabilities of the frames they complete (a partial frame waits
   * for the next samples, as the detector waits for it).
   * @returns the utterances that ended within them, in order.
   * @throws RangeError when the probabilities are not one per frame completed.
   */
  push(samples: Int16Array, probabilities: readonly number[]): CutUtterance[];
  /** The end of the audio. @returns the utterance in progress, if it has enough speech. */
  flush(): CutUtterance[];
}

/** A cutter of one channel on speech probabilities; `listener`, when given, follows each utterance as it is spoken. */
export function createSpeechProbabilityCutter(options: SpeechProbabilityCutterOptions = {}, listener?: UtteranceCutterListener): SpeechProbabilityCutter {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const settings = { ...speechProbabilityCutterDefaults, ...given };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`Speech probability cutter setting ${name} must be a non-negative number (got ${value}).`);
  }
  if (settings.frameSamples < 1) throw new RangeError("Speech probability cutter setting frameSamples must be at least 1.");
  const { frameSamples, threshold, endThreshold } = settings;
  const frames = createSpeechFrameCutter(
    { ...settings, pauseMs: settings.endSilenceMs, frameMs: (frameSamples * 1000) / settings.sampleRateHz },
    listener,
  );
  let partial = new Int16Array(0);
  let speaking = false;

  return {
    push(samples, probabilities) {
      const all = new Int16Array(partial.length + samples.length);
      all.set(partial, 0);
      all.set(samples, partial.length);
      const whole = Math.floor(all.length / frameSamples);
      if (probabilities.length !== whole) {
        throw new RangeError(`Expected ${whole} speech probabilities for ${all.length} samples, got ${probabilities.length}.`);
      }
      const out: CutUtterance[] = [];
      probabilities.forEach((probability, index) => {
        speaking = probability >= (speaking ? endThreshold : threshold);
        frames.read(all.slice(index * frameSamples, (index + 1) * frameSamples), speaking, out);
      });
      partial = all.slice(whole * frameSamples);
      return out;
    },
    flush() {
      speaking = false;
      return frames.flush();
    },
  };
}
