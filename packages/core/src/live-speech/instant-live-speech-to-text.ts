import { ConfideError } from "../errors.ts";
import type { Word } from "../domain/transcript.ts";
import type { LiveSpeechCapabilities, LiveSpeechToText, LiveStreamCost } from "../ports/live-speech-to-text.ts";
import type { UtteranceCutterOptions } from "./utterance-cutter.ts";
import { startUtteranceRecognition, type LiveUtterance } from "./utterance-recognition.ts";

export interface InstantLiveSpeechOptions {
  /**
   * The text of each final, in order, per channel track (track 0 for mono): the n-th utterance
   * of a channel says `script[n]` (the last entry repeats). Without it: "utterance <n>".
   */
  script?: string[] | ((utterance: LiveUtterance, index: number) => string);
  /** Utterance cutting (pause length, threshold, maximum length). */
  cutter?: UtteranceCutterOptions;
  /** Fails the recognition with this error when the n-th utterance (0-based, any channel) ends. */
  failAt?: { utterance: number; error: ConfideError };
  /** Refuses to open with this error (an engine that is down). */
  openError?: ConfideError;
  /** What it declares a stream costs (default: nothing on this process, a 1.5 s final delay target). */
  streamCost?: LiveStreamCost;
}

/**
 * A LiveSpeechToText for tests, benchmarks and the `instant-fake` live adapter that answers at once: the audio is cut into
 * utterances by the same voice-activity detector as the embedded engines, and each utterance's
 * final is emitted as soon as the pause that ends it is heard, with the scripted text and its
 * words spread evenly over the utterance. Deterministic: the same audio gives the same finals.
 * Speakers come from channels only (no live diarization, no partials).
 */
export function createInstantLiveSpeechToText(options: InstantLiveSpeechOptions = {}): LiveSpeechToText {
  const capabilities: LiveSpeechCapabilities = { partials: false, liveDiarization: false, perChannel: true };
  const textOf = (utterance: LiveUtterance, index: number): string => {
    const { script } = options;
    if (typeof script === "function") return script(utterance, index);
    if (script && script.length > 0) return script[Math.min(index, script.length - 1)]!;
    return `utterance ${index + 1}`;
  };
  let closed = false;

  return {
    provider: "instant-fake",
    capabilities,
    streamCost: options.streamCost ?? { coresPerStream: 0, finalDelayTargetMs: 1_500 },

    async open(settings, openOptions = {}) {
      openOptions.signal?.throwIfAborted();
      if (closed) throw new ConfideError("speech.engine_unavailable", "The instant live engine was closed.", { retryable: false });
      if (options.openError) throw options.openError;
      const counts = new Map<number, number>();
      let total = 0;
      return startUtteranceRecognition(settings, {
        cutter: options.cutter,
        async decode(utterance) {
          const index = counts.get(utterance.channel) ?? 0;
          counts.set(utterance.channel, index + 1);
          if (options.failAt && total === options.failAt.utterance) throw options.failAt.error;
          total += 1;
          const text = textOf(utterance, index);
          return { text, words: spreadWords(text, utterance.endMs - utterance.startMs) };
        },
      });
    },

    async check(checkOptions = {}) {
      checkOptions.signal?.throwIfAborted();
    },

    async close() {
      closed = true;
    },
  };
}

/** The words of `text`, each given an equal share of `durationMs` (times from the utterance start). */
function spreadWords(text: string, durationMs: number): Word[] {
  const tokens = text.split(/\s+/).filter((token) => token.length > 0);
  const share = tokens.length === 0 ? 0 : durationMs / tokens.length;
  return tokens.map((token, index) => ({
    text: token,
    startMs: Math.round(index * share),
    endMs: Math.round((index + 1) * share),
    confidence: 1,
  }));
}
