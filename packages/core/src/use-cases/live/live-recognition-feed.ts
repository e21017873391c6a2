import { ConfideError, loggableCode } from "../../errors.ts";
import type { LiveAudioDecoding } from "../../ports/live-audio-decoder.ts";
import type { LiveRecognition, LiveSpeechEvent } from "../../ports/live-speech-to-text.ts";
import type { LiveStreamSlot } from "./live-capacity.ts";
import type { LiveDeps } from "./live-deps.ts";
import type { FinalDelayMarks } from "./live-final-delay.ts";
import type { LiveRunState, LiveUpdateListener } from "./live-run-state.ts";
import type { LiveSessionWrites } from "./live-session-writes.ts";

export interface LiveRecognitionFeedOptions {
  deps: LiveDeps;
  state: LiveRunState;
  writes: LiveSessionWrites;
  listener: LiveUpdateListener;
  /** Null: the session is recorded only (no decoding either). */
  recognition: LiveRecognition | null;
  decoding: LiveAudioDecoding | null;
  /** The admitted live stream, released when the recognition stops; null when there is none. */
  slot: LiveStreamSlot | null;
  delays: FinalDelayMarks;
  /** Handles each of the engine's events, in order: the loop awaits it before reading the next. */
  handle: (event: LiveSpeechEvent) => Promise<void>;
}

/**
 * The engine's side of one live run: hands the received audio to the engine (through the WebM
 * decoder for browsers), marking when which audio went, follows the engine's events and the
 * decoder's output from construction on, lets the engine finish at the end, and stops the
 * recognition when it fails — the session is recorded only from then on.
 */
export class LiveRecognitionFeed {
  /** No live text: the session is recorded only, or its recognition stopped. */
  private recognitionFailed: boolean;
  private readonly eventsDone: Promise<void>;
  private readonly decoderDone: Promise<void>;

  private readonly deps: LiveDeps;
  private readonly state: LiveRunState;
  private readonly writes: LiveSessionWrites;
  private readonly listener: LiveUpdateListener;
  private readonly recognition: LiveRecognition | null;
  private readonly decoding: LiveAudioDecoding | null;
  private readonly slot: LiveStreamSlot | null;
  private readonly delays: FinalDelayMarks;

  constructor(options: LiveRecognitionFeedOptions) {
    const { recognition } = options;
    this.deps = options.deps;
    this.state = options.state;
    this.writes = options.writes;
    this.listener = options.listener;
    this.recognition = recognition;
    this.decoding = options.decoding;
    this.slot = options.slot;
    this.delays = options.delays;
    this.recognitionFailed = recognition === null;
    // The watch reads how long the engine's oldest cut utterance has waited, as a final's delay is measured.
    const awaited = recognition?.awaitedFinalEndMs?.bind(recognition);
    if (awaited) this.slot?.watchAwaitedFinal(() => {
      const endMs = this.recognitionFailed ? null : awaited();
      return endMs === null ? null : this.delays.delayMs(endMs);
    });
    this.eventsDone = this.recognition ? this.followEvents(this.recognition, options.handle) : Promise.resolve();
    this.decoderDone = this.decoding ? this.followDecoder(this.decoding) : Promise.resolve();
  }

  /** True when the session is recorded only (from the start, or since its recognition stopped). */
  get failed(): boolean {
    return this.recognitionFailed;
  }

  /**
   * Hands received audio to the engine (to the decoder, if any) unless the recognition stopped;
   * a failure stops the recognition. Returns what to await for the engine's back-pressure, or
   * undefined when there is nothing to await (the caller then goes on without a pause).
   */
  take(audio: Uint8Array): Promise<void> | undefined {
    if (this.decoding) {
      if (!this.recognitionFailed) return this.decoding.write(audio).catch((error: unknown) => this.stop(error));
    } else if (!this.recognitionFailed) {
      return this.recognize(audio).catch((error: unknown) => this.stop(error));
    }
    return undefined;
  }

  /** Lets the engine finish what it heard (ending the decoder or the recognition), then waits for its last events. */
  async finish(): Promise<void> {
    try {
      if (this.recognitionFailed) return;
      if (this.decoding) {
        this.decoding.end();
        await this.decoderDone;
      } else await this.recognition?.end();
    } catch (error) {
      this.stop(error);
    } finally {
      await this.eventsDone;
    }
  }

  /**
   * The engine failed: audio is still stored, and the session will be transcribed from its
   * recording once it ends (its live transcript is dropped then: the session is recorded only
   * from now on, also after a resume), so nothing is lost.
   */
  stop(error: unknown): void {
    if (this.recognitionFailed) return;
    this.recognitionFailed = true;
    this.abortStreams();
    // Logged by the chain when it cannot be stored; the run then stops anyway.
    if (!this.state.closed) this.writes.saveLive((live) => ({ ...live, recordOnly: live.recordOnly ?? "engine_failed" })).catch(() => undefined);
    const code = ConfideError.is(error) ? error.code : "internal";
    this.deps.logger.warn("live.recognition_failed", { sessionId: this.state.session.id, code: loggableCode(error) });
    this.listener({
      type: "warning",
      code,
      message: "Live transcription stopped; the audio is still recorded and will be transcribed when the session ends.",
    });
  }

  /** Aborts the recognition and the decoding, and releases the stream. */
  abortStreams(): void {
    this.recognition?.abort();
    this.decoding?.abort();
    this.slot?.release();
  }

  private async followDecoder(decoding: LiveAudioDecoding): Promise<void> {
    try {
      for await (const pcm of decoding.pcm) {
        if (!this.recognitionFailed) await this.recognize(pcm);
      }
      if (!this.recognitionFailed) await this.recognition?.end();
    } catch (error) {
      this.stop(error);
    }
  }

  /** Hands PCM to the engine, marking when which audio went (the final delays are measured from it). */
  private async recognize(pcm: Uint8Array): Promise<void> {
    if (!this.recognition) return;
    this.delays.mark(pcm.byteLength, this.state.session);
    await this.recognition.write(pcm);
  }

  private async followEvents(recognition: LiveRecognition, handle: (event: LiveSpeechEvent) => Promise<void>): Promise<void> {
    try {
      for await (const event of recognition.events) await handle(event);
    } catch (error) {
      this.stop(error);
    }
  }
}
