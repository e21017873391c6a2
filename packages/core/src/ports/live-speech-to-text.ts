import type { ConfideError } from "../errors.ts";
import type { Word } from "../domain/transcript.ts";

/**
 * What a live engine receives: raw PCM, signed 16-bit little-endian, interleaved when stereo.
 * Browsers' WebM/Opus is decoded to this by the host before it reaches an engine.
 */
export interface LivePcmFormat {
  encoding: "pcm_s16le";
  sampleRateHz: 16000;
  channels: 1 | 2;
}

export interface LiveSpeechSettings {
  /** BCP-47 locale, e.g. "en-US". */
  language: string;
  format: LivePcmFormat;
  /**
   * "mono": one mixed channel, speakers told apart by live diarization when the engine can.
   * "per-channel": one speaker per channel; finals carry the channel they came from.
   */
  channelLayout: "mono" | "per-channel";
  /** Upper bound for live diarization; engines that cannot bound it ignore it. */
  maxSpeakers: number;
}

/** What an engine can do; the contract checks each flag against what the engine emits. */
export interface LiveSpeechCapabilities {
  /** Emits `partial` hypotheses before an utterance's `final`. */
  partials: boolean;
  /** Separates speakers of a mono stream while it runs (`final.speaker` differs by voice). */
  liveDiarization: boolean;
  /** Accepts stereo with one speaker per channel and labels finals by channel. */
  perChannel: boolean;
}

/**
 * What one recognition costs the process that runs it, and the delay it should keep: the host
 * admits a live session only while the engine has room (`LiveCapacity`).
 */
export interface LiveStreamCost {
  /**
   * Fraction of one CPU core a running recognition takes in this process (measured; the embedded
   * engine about a third). 0 for an engine whose recognition runs elsewhere (a speech server, a
   * cloud service): this process is then not what limits the number of streams.
   */
  coresPerStream: number;
  /**
   * The delay from the end of an utterance's speech to its final that the engine keeps when it is
   * not overloaded (the pause its voice detector waits for included). Over it for a while, the
   * engine is falling behind: new live sessions are recorded only until it recovers.
   */
  finalDelayTargetMs: number;
}

/** Times are milliseconds from the first byte written to this recognition. */
export type LiveSpeechEvent =
  | {
      type: "partial";
      /** The hypothesis so far for the utterance in progress; replaced by the next partial or final. */
      text: string;
      startMs: number;
      speaker: string | null;
    }
  | {
      type: "final";
      /**
       * The engine's anonymous label ("ch0"/"ch1" for per-channel, the engine's speaker id for
       * live diarization, null when it cannot tell).
       */
      speaker: string | null;
      /** Channel index for per-channel recognition; otherwise undefined. */
      channel?: number;
      text: string;
      startMs: number;
      endMs: number;
      words: Word[];
      confidence?: number;
    }
  | {
      type: "error";
      /**
       * The same codes as `SpeechToText.submit` (`provider.throttled`, `provider.unavailable`,
       * `provider.rejected`, `speech.engine_unavailable`…). After an error no more events come
       * and the recognition is closed.
       */
      error: ConfideError;
    };

/** One running recognition: audio in, events out. */
export interface LiveRecognition {
  /**
   * Queues PCM bytes (any length; a frame may split a sample). Resolves when the engine can
   * take more — await it for back-pressure.
   * @throws ConfideError `live.closed` after `end()`/`abort()` or an `error` event.
   */
  write(chunk: Uint8Array): Promise<void>;

  /**
   * Marks the end of the audio. Resolves when the engine has emitted the final of the last
   * utterance and `events` has ended.
   */
  end(): Promise<void>;

  /** Stops at once: pending audio is dropped and `events` ends. Idempotent. */
  abort(): void;

  /** Every event in order; ends after `end()` completes, `abort()`, or an `error` event. */
  readonly events: AsyncIterable<LiveSpeechEvent>;

  /**
   * The end (ms from the first byte, as a final's `endMs`) of the oldest utterance whose speech
   * the engine has heard end and whose final (or its finding no words) has not come out yet;
   * null when none waits. What the capacity's delay watch reads to see an engine fall behind
   * before its late finals arrive. Left out by engines that cannot tell (their
   * utterances are cut by a server).
   */
  awaitedFinalEndMs?(): number | null;

  /**
   * What hears the utterances end, for engines that cut them in this process: a trained
   * detector's name (e.g. "silero-vad"), or "loudness" (the energy detector, which waits a longer
   * pause before a final). Left out by engines whose utterances a server or service cuts.
   */
  readonly turnEnds?: string;
}

/**
 * Recognises speech as it is spoken. Finals are what Confide stores; partials, when the engine
 * has them, are only shown. Engines without live diarization still serve per-channel
 * recordings (one speaker per channel) and mono ones with `speaker: null`.
 */
export interface LiveSpeechToText {
  /** Name recorded on the transcript, e.g. "pocketsphinx-live", "azure-live". */
  readonly provider: string;
  readonly capabilities: LiveSpeechCapabilities;
  /** What one recognition costs this process, and the delay the engine keeps (admission). */
  readonly streamCost: LiveStreamCost;

  /**
   * Starts a recognition.
   * @throws ConfideError `provider.unsupported` for settings the engine cannot serve (e.g.
   * stereo per-channel on an engine without `perChannel`), `speech.engine_unavailable`,
   * `provider.unavailable`/`provider.throttled` (retryable) when the service refuses to start.
   */
  open(settings: LiveSpeechSettings, options?: { signal?: AbortSignal }): Promise<LiveRecognition>;

  /** Tells whether the engine or service can be reached; used by readiness checks. */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
