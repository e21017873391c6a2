/**
 * A LiveRecognition for engines that recognise whole utterances (PocketSphinx, a
 * Whisper-compatible server, the instant fake): the PCM stream is cut at pauses by the
 * utterance cutter, per channel for one-speaker-per-channel audio, and each utterance is
 * handed to `decode` as soon as it ends — or, for an engine that decodes while the utterance
 * is spoken, streamed to `stream` from its start. Finals come out in the order the utterances
 * ended; there are no partials.
 *
 * The cutter hears the ends of utterances by loudness, or, given a `speechModel` (a trained
 * detector), by its speech probabilities: the model runs first on each chunk written (it is
 * asynchronous), then the cutter takes its decisions for the frames the chunk completed. Chunks
 * are detected and cut one after another, in the order they were written.
 */
import { ConfideError } from "../errors.ts";
import type { Word } from "../domain/transcript.ts";
import type { LiveRecognition, LiveSpeechEvent, LiveSpeechSettings } from "../ports/live-speech-to-text.ts";
import { createEventQueue } from "./event-queue.ts";
import { createPcmChannelSplitter, mixToMono } from "./pcm-channels.ts";
import { createSpeechProbabilityCutter, type SpeechProbabilityCutterOptions } from "./speech-probability-cutter.ts";
import type { SpeechProbabilityModel } from "./speech-probability-model.ts";
import {
  createUtteranceCutter,
  type CutUtterance,
  type UtteranceCutterListener,
  type UtteranceCutterOptions,
} from "./utterance-cutter.ts";

/** One utterance to recognise: mono 16 kHz samples of `channel` (0 for a mono stream). */
export interface LiveUtterance extends CutUtterance {
  channel: number;
}

/** What an engine heard in one utterance; word times are from the utterance's start. */
export interface UtteranceTranscript {
  text: string;
  words: Word[];
  confidence?: number;
}

/**
 * Recognises one utterance. Resolves null (or an empty text) when it heard no words.
 * Throws a ConfideError for a failing engine; `signal` aborts when the recognition does.
 */
export type UtteranceDecoder = (utterance: LiveUtterance, signal: AbortSignal) => Promise<UtteranceTranscript | null>;

/** The decoding of one utterance while it is spoken (see `UtteranceStreamStarter`). */
export interface UtteranceStream {
  /**
   * More audio of the utterance (mono 16 kHz), in order; all of it adds up to the samples of the
   * utterance `finish` is given (quiet past the padding after the speech is held back until the
   * speech goes on). Does not throw.
   */
  write(samples: Int16Array): void;
  /**
   * The utterance was cut: no more audio comes. Resolves what was heard in it (null or an
   * empty text for no words; word times from `utterance.startMs`); throws a ConfideError for a
   * failing engine.
   */
  finish(utterance: LiveUtterance): Promise<UtteranceTranscript | null>;
  /** The burst was no utterance (too little speech) or the recognition stopped: drop the decoding and free what it holds. Does not throw. */
  cancel(): void;
}

/**
 * Starts decoding an utterance of `channel` that starts at `startMs` (the padding before its
 * speech included), as the cutter sees it start; `signal` aborts when the recognition does.
 * Exactly one of `finish` or `cancel` is then called on what it returns.
 */
export type UtteranceStreamStarter = (start: { channel: number; startMs: number }, signal: AbortSignal) => UtteranceStream;

/** How the engine takes each utterance: whole once it is cut (`decode`), or as it is spoken (`stream`). */
export type UtteranceEngine = { decode: UtteranceDecoder; stream?: never } | { stream: UtteranceStreamStarter; decode?: never };

export type UtteranceRecognitionOptions = UtteranceEngine & {
  /** The loudness cutter's options, used without a `speechModel`. */
  cutter?: UtteranceCutterOptions;
  /** A trained detector whose probabilities cut the utterances instead of loudness. */
  speechModel?: SpeechProbabilityModel;
  /** The probability cutter's options, used with a `speechModel`. */
  speechCutter?: SpeechProbabilityCutterOptions;
  /**
   * Utterances cut but not yet recognised before `write` waits (back-pressure); default 4.
   * A `decode` engine recognises one utterance at a time, in the order they ended; a `stream`
   * engine decodes them as they come, and their finals come out in the order they ended.
   */
  maxPendingUtterances?: number;
};

/** What `write` throws once a recognition has ended, been aborted or failed; shared by every engine. */
export const liveRecognitionClosedError = (): ConfideError =>
  new ConfideError("live.closed", "The live recognition has ended: no more audio can be written to it.", {
    retryable: false,
  });

/** A failure of `decode` as the `error` event carries it. */
function asConfideError(error: unknown): ConfideError {
  if (ConfideError.is(error)) return error;
  return new ConfideError("provider.unavailable", "The speech engine failed while recognising an utterance.", {
    retryable: true,
    cause: error,
  });
}

/** Starts a recognition that cuts `settings.format` PCM into utterances and decodes each. */
export function startUtteranceRecognition(settings: LiveSpeechSettings, options: UtteranceRecognitionOptions): LiveRecognition {
  const inputChannels = settings.format.channels;
  const perChannel = settings.channelLayout === "per-channel";
  const trackCount = perChannel ? inputChannels : 1;
  const splitter = createPcmChannelSplitter(inputChannels);
  const maxPending = Math.max(options.maxPendingUtterances ?? 4, 1);
  const events = createEventQueue<LiveSpeechEvent>();
  const controller = new AbortController();

  let state: "open" | "ending" | "closed" = "open";
  /** Read through a call: the state changes while a decode is awaited. */
  const isClosed = () => state === "closed";
  let pending = 0;
  let chain: Promise<void> = Promise.resolve();
  let waiting: Array<() => void> = [];
  const progressed = () => {
    const resolves = waiting;
    waiting = [];
    for (const resolve of resolves) resolve();
  };

  function close(drop: boolean): void {
    state = "closed";
    events.end({ drop });
    progressed();
  }

  function fail(error: unknown): void {
    if (state === "closed") return;
    events.push({ type: "error", error: asConfideError(error) });
    controller.abort(error);
    close(false);
  }

  /** The ends of the utterances cut and not yet recognised, in the order their finals come out. */
  const awaited: number[] = [];

  /** Queues the final of `utterance`; `recognise` runs in turn, or has already started (a stream). */
  function enqueue(utterance: LiveUtterance, recognise: () => Promise<UtteranceTranscript | null>): void {
    pending += 1;
    awaited.push(utterance.endMs);
    chain = chain.then(async () => {
      try {
        if (isClosed()) return;
        const heard = await recognise();
        if (isClosed() || heard === null || heard.text.trim() === "") return;
        const span = { startMs: utterance.startMs, endMs: utterance.endMs };
        const words = heard.words
          .map((word) => ({
            ...word,
            startMs: clamp(utterance.startMs + word.startMs, span),
            endMs: clamp(utterance.startMs + word.endMs, span),
          }))
          .filter((word) => word.text.trim() !== "");
        events.push({
          type: "final",
          speaker: perChannel ? `ch${utterance.channel}` : null,
          ...(perChannel ? { channel: utterance.channel } : {}),
          text: heard.text.trim(),
          startMs: span.startMs,
          endMs: span.endMs,
          words,
          ...(heard.confidence === undefined ? {} : { confidence: heard.confidence }),
        });
      } catch (error) {
        if (!controller.signal.aborted) fail(error);
      } finally {
        pending -= 1;
        awaited.shift();
        progressed();
      }
    });
  }

  /** Per channel, the stream of the utterance being spoken (stream engines). */
  const streams = new Map<number, UtteranceStream>();
  const cancelStreams = () => {
    for (const stream of streams.values()) stream.cancel();
    streams.clear();
  };
  controller.signal.addEventListener("abort", cancelStreams, { once: true });

  /** Streams each utterance of `channel` to the engine from its start. */
  function streamTo(start: UtteranceStreamStarter, channel: number): UtteranceCutterListener {
    return {
      started(startMs, samples) {
        if (controller.signal.aborted) return;
        const stream = start({ channel, startMs }, controller.signal);
        streams.set(channel, stream);
        stream.write(samples);
      },
      took(samples) {
        streams.get(channel)?.write(samples);
      },
      cut(cutUtterance) {
        const stream = streams.get(channel);
        streams.delete(channel);
        if (!stream) return;
        const utterance = { ...cutUtterance, channel };
        // Closed now, so the engine ends its decoding at once; the final waits its turn.
        const heard = stream.finish(utterance);
        heard.catch(() => undefined);
        enqueue(utterance, () => heard);
      },
      dropped() {
        streams.get(channel)?.cancel();
        streams.delete(channel);
      },
    };
  }

  const { decode, stream: startStream, speechModel } = options;
  const listenerOf = (channel: number) => (startStream ? streamTo(startStream, channel) : undefined);
  /** Per track: the detector's probabilities of a chunk (none for loudness), then the cut on them. */
  interface Track {
    detect(samples: Int16Array): Promise<number[] | null>;
    cut(samples: Int16Array, probabilities: number[] | null): CutUtterance[];
    flush(): CutUtterance[];
  }
  const tracks = Array.from({ length: trackCount }, (_, channel): Track => {
    if (!speechModel) {
      const cutter = createUtteranceCutter(options.cutter, listenerOf(channel));
      return { detect: async () => null, cut: (samples) => cutter.push(samples), flush: () => cutter.flush() };
    }
    const detector = speechModel.open();
    const cutter = createSpeechProbabilityCutter({ ...options.speechCutter, frameSamples: speechModel.frameSamples }, listenerOf(channel));
    return {
      detect: (samples) => detector.push(samples),
      cut: (samples, probabilities) => cutter.push(samples, probabilities ?? []),
      flush: () => cutter.flush(),
    };
  });

  function queue(channel: number, utterances: CutUtterance[]): void {
    if (!decode) return; // A stream engine has queued them as they were cut.
    for (const cutUtterance of utterances) {
      const utterance = { ...cutUtterance, channel };
      enqueue(utterance, () => decode(utterance, controller.signal));
    }
  }

  /** The chunks written so far, detected and cut in order; how many are not cut yet. */
  let detecting: Promise<void> = Promise.resolve();
  let inFlight = 0;
  function cut(channels: Int16Array[]): Promise<void> {
    inFlight += 1;
    detecting = detecting.then(async () => {
      try {
        const detected = await Promise.all(tracks.map((track, channel) => track.detect(channels[channel]!)));
        if (isClosed()) return;
        tracks.forEach((track, channel) => queue(channel, track.cut(channels[channel]!, detected[channel] ?? null)));
      } finally {
        inFlight -= 1;
      }
    });
    return detecting;
  }
  return {
    async write(chunk) {
      if (state !== "open") throw liveRecognitionClosedError();
      const channels = splitter.push(chunk);
      try {
        await cut(perChannel ? channels : [mixToMono(channels)]);
      } catch (error) {
        fail(error);
        throw liveRecognitionClosedError();
      }
      while (pending >= maxPending && state === "open") {
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },

    async end() {
      if (state === "open") {
        state = "ending";
        // Without a chunk in flight the end is cut at once: a stream engine's last decode starts now.
        if (inFlight > 0) await detecting.catch((error: unknown) => fail(error));
        if (!isClosed()) tracks.forEach((track, channel) => queue(channel, track.flush()));
      }
      await chain;
      if (state !== "closed") close(false);
    },

    abort() {
      if (state === "closed") return;
      controller.abort(new ConfideError("live.closed", "The live recognition was aborted.", { retryable: false }));
      close(true);
    },

    events,

    awaitedFinalEndMs: () => (state === "closed" ? null : (awaited[0] ?? null)),

    turnEnds: speechModel?.name ?? "loudness",
  };
}

function clamp(value: number, span: { startMs: number; endMs: number }): number {
  return Math.min(Math.max(value, span.startMs), span.endMs);
}
