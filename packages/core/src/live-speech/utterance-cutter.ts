/**
 * Voice-activity detection for the utterance-level live engines (embedded PocketSphinx,
 * Whisper-compatible): an energy detector with hangover that cuts one channel of 16 kHz PCM at
 * the pauses between utterances.
 *
 * The audio is read in 20 ms frames. A frame whose RMS level is at or above `thresholdDbfs` is
 * speech. An utterance starts at the first speech frame (with `paddingMs` of the audio before
 * it) and ends once `pauseMs` of frames in a row are quiet (the hangover: short gaps between
 * words do not cut); it then holds the audio up to the last speech frame plus `paddingMs`.
 * Bursts with less than `minSpeechMs` of speech frames (a click, a cough) are dropped. An
 * utterance that reaches `maxUtteranceMs` is cut there, and the speech goes on as the next one.
 *
 * Why energy and not a trained VAD: the engines here run offline on a CPU shared with
 * recognition, and the maintained npm VADs (Silero through onnxruntime, WebRTC VAD bindings)
 * bring native or model downloads; an energy detector is enough for a close microphone or one
 * speaker per channel, which is what a therapist's room recording is. The threshold is a
 * setting for noisier rooms.
 *
 * An engine that decodes while the utterance is spoken (PocketSphinx) follows it through an
 * `UtteranceCutterListener`; the others take the whole utterances `push` and `flush` return.
 */

export interface UtteranceCutterOptions {
  /** Samples per second; default 16000. */
  sampleRateHz?: number;
  /** A 20 ms frame at least this loud (RMS, dB below full scale) is speech; default -40. */
  thresholdDbfs?: number;
  /** Quiet this long ends an utterance; default 600. */
  pauseMs?: number;
  /** Speech shorter than this in all is not an utterance; default 120. */
  minSpeechMs?: number;
  /** An utterance is cut at this length even without a pause; default 15000. */
  maxUtteranceMs?: number;
  /** Audio kept before the first and after the last speech frame; default 200. */
  paddingMs?: number;
}

export const utteranceCutterDefaults = {
  sampleRateHz: 16_000,
  thresholdDbfs: -40,
  pauseMs: 600,
  minSpeechMs: 120,
  maxUtteranceMs: 15_000,
  paddingMs: 200,
} as const satisfies Required<UtteranceCutterOptions>;

/** One utterance of one channel. Times are milliseconds from the first sample pushed. */
export interface CutUtterance {
  startMs: number;
  endMs: number;
  /** The audio from `startMs` to `endMs`. */
  samples: Int16Array;
  /** Where the last speech frame ended (`endMs` less the padding, unless cut at the maximum). */
  speechEndMs: number;
}

/**
 * Follows each utterance while it is spoken. Called from within `push` and `flush`, in the order
 * of the audio: `started`, `took` any number of times, then `cut` or `dropped`.
 */
export interface UtteranceCutterListener {
  /** An utterance starts at `startMs`; `samples` is its first audio (the padding before the speech and the first speech frame). */
  started(startMs: number, samples: Int16Array): void;
  /**
   * More audio of the utterance in progress, a frame at a time. Quiet frames past the padding
   * after the last speech are held back until the speech goes on (the hangover), so what
   * `started` and `took` give adds up to exactly the samples of the utterance that is cut.
   */
  took(samples: Int16Array): void;
  /** The utterance in progress ended: the same utterance `push` or `flush` returns. */
  cut(utterance: CutUtterance): void;
  /** The utterance in progress had less than `minSpeechMs` of speech (a click, a cough): it is none. */
  dropped(): void;
}

export interface UtteranceCutter {
  /** Reads more samples. @returns the utterances that ended within them, in order. */
  push(samples: Int16Array): CutUtterance[];
  /** The end of the audio. @returns the utterance in progress, if it has enough speech. */
  flush(): CutUtterance[];
}

const frameMs = 20;

/** A cutter of one channel; `listener`, when given, follows each utterance as it is spoken. */
export function createUtteranceCutter(options: UtteranceCutterOptions = {}, listener?: UtteranceCutterListener): UtteranceCutter {
  const settings = { ...utteranceCutterDefaults, ...definedOnly(options) };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isFinite(value) || (name !== "thresholdDbfs" && value < 0)) {
      throw new RangeError(`Utterance cutter setting ${name} must be a non-negative number (got ${value}).`);
    }
  }
  const frameSamples = Math.round((frameMs * settings.sampleRateHz) / 1000);
  const threshold = 32768 * 10 ** (settings.thresholdDbfs / 20);
  const loudSquareSum = threshold * threshold * frameSamples;
  const frames = createSpeechFrameCutter({ ...settings, frameMs }, listener);

  /** Samples of an incomplete frame, waiting for the next push. */
  let partial = new Int16Array(0);

  return {
    push(samples) {
      const out: CutUtterance[] = [];
      let all = samples;
      if (partial.length > 0) {
        all = new Int16Array(partial.length + samples.length);
        all.set(partial, 0);
        all.set(samples, partial.length);
      }
      let offset = 0;
      for (; offset + frameSamples <= all.length; offset += frameSamples) {
        const frame = all.slice(offset, offset + frameSamples);
        let squareSum = 0;
        for (const sample of frame) squareSum += sample * sample;
        frames.read(frame, squareSum >= loudSquareSum, out);
      }
      partial = all.slice(offset);
      return out;
    },
    flush: () => frames.flush(),
  };
}

/** How a speech-frame cutter counts: its frame length and the spans of `UtteranceCutterOptions` in it. */
export interface SpeechFrameLayout {
  frameMs: number;
  pauseMs: number;
  minSpeechMs: number;
  maxUtteranceMs: number;
  paddingMs: number;
}

/** The utterance cutting of frames already judged speech or not (by loudness, or by a trained detector). */
export interface SpeechFrameCutter {
  /** Reads the next frame and whether it is speech, adding the utterance it ends (if any) to `out`. */
  read(frame: Int16Array, speech: boolean, out: CutUtterance[]): void;
  /** The end of the audio. @returns the utterance in progress, if it has enough speech. */
  flush(): CutUtterance[];
}

/**
 * Cuts frames judged speech or not into utterances, as the module's comment says (hangover,
 * padding, least speech, longest utterance), each span rounded up to whole frames.
 */
export function createSpeechFrameCutter(layout: SpeechFrameLayout, listener?: UtteranceCutterListener): SpeechFrameCutter {
  const { frameMs: msPerFrame } = layout;
  const paddingFrames = Math.ceil(layout.paddingMs / msPerFrame);
  const pauseFrames = Math.max(Math.ceil(layout.pauseMs / msPerFrame), 1);
  const minSpeechFrames = Math.max(Math.ceil(layout.minSpeechMs / msPerFrame), 1);
  const maxFrames = Math.max(Math.floor(layout.maxUtteranceMs / msPerFrame), pauseFrames + 1);

  /** Index of the next frame. */
  let frameIndex = 0;
  /** The last `paddingFrames` quiet frames while no utterance runs. */
  let preroll: Int16Array[] = [];
  /** The utterance in progress: its frames, where it starts, its speech so far. */
  let current: {
    firstFrame: number;
    frames: Int16Array[];
    speechFrames: number;
    lastSpeechFrame: number;
    /** The frames before this one have been given to the listener. */
    toldFrame: number;
  } | null = null;

  /** Gives the listener the frames of the utterance in progress up to `endFrame` (exclusive). */
  function tell(endFrame: number): void {
    if (!listener || current === null) return;
    for (; current.toldFrame < endFrame; current.toldFrame += 1) listener.took(current.frames[current.toldFrame - current.firstFrame]!);
  }

  const msOfFrame = (frame: number) => Math.round(frame * msPerFrame);

  /** The utterance from `current`, its audio up to `endFrame` (exclusive). */
  function finish(endFrame: number, speechEndFrame: number): CutUtterance | null {
    tell(endFrame);
    const utterance = current;
    current = null;
    if (utterance === null) return null;
    if (utterance.speechFrames < minSpeechFrames) {
      listener?.dropped();
      return null;
    }
    const frames = utterance.frames.slice(0, endFrame - utterance.firstFrame);
    const samples = joinSamples(frames);
    const cut = {
      startMs: msOfFrame(utterance.firstFrame),
      endMs: msOfFrame(utterance.firstFrame + frames.length),
      samples,
      speechEndMs: msOfFrame(speechEndFrame),
    };
    listener?.cut(cut);
    return cut;
  }

  return {
    read(frame, speech, out) {
      const index = frameIndex;
      frameIndex += 1;

      if (current === null) {
        if (!speech) {
          preroll.push(frame);
          if (preroll.length > paddingFrames) preroll.shift();
          return;
        }
        current = { firstFrame: index - preroll.length, frames: [...preroll, frame], speechFrames: 1, lastSpeechFrame: index, toldFrame: index + 1 };
        preroll = [];
        if (listener) listener.started(msOfFrame(current.firstFrame), joinSamples(current.frames));
        return;
      }

      current.frames.push(frame);
      if (speech) {
        current.speechFrames += 1;
        current.lastSpeechFrame = index;
      }
      tell(Math.min(index + 1, current.lastSpeechFrame + 1 + paddingFrames));
      if (current.frames.length >= maxFrames) {
        // Cut mid-speech: the next frames start the next utterance at once, without padding.
        const cut = finish(index + 1, current.lastSpeechFrame + 1);
        if (cut) out.push(cut);
        return;
      }
      if (index - current.lastSpeechFrame >= pauseFrames) {
        const speechEnd = current.lastSpeechFrame + 1;
        const kept = current.frames.slice(speechEnd - current.firstFrame);
        const cut = finish(Math.min(speechEnd + paddingFrames, index + 1), speechEnd);
        if (cut) out.push(cut);
        preroll = paddingFrames === 0 ? [] : kept.slice(-paddingFrames);
      }
    },

    flush() {
      if (current === null) return [];
      const speechEnd = current.lastSpeechFrame + 1;
      const cut = finish(Math.min(speechEnd + paddingFrames, frameIndex), speechEnd);
      preroll = [];
      return cut ? [cut] : [];
    },
  };
}

/** The samples of `parts` one after the other. */
export function joinSamples(parts: readonly Int16Array[]): Int16Array {
  const samples = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part, offset);
    offset += part.length;
  }
  return samples;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
