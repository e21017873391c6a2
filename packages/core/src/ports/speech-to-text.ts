import type { TranscriptionSettings } from "../domain/session.ts";
import type { TranscriptDraft, TranscriptWarning } from "../domain/transcript.ts";

export interface AudioSource {
  /** Blob key of the recording, for adapters that share the blob store's bucket/container. */
  key: string;
  contentType: string;
  sizeBytes: number;
  /** Channels from the header when known. */
  channels: number | null;
  /** Opens the recording as a stream (from the BlobStore). May be called more than once. */
  open(signal?: AbortSignal): Promise<ReadableStream<Uint8Array>>;
}

/** A setting the engine did not honour; stored on the transcript as it is. */
export type SpeechWarning = TranscriptWarning;

export type SpeechResult =
  | { status: "done"; transcript: TranscriptDraft; warnings: SpeechWarning[] }
  /** A cloud job is running: call `poll(ref)` again after `retryAfterMs`. */
  | { status: "pending"; ref: string; retryAfterMs: number };

/**
 * Turns a recording into a transcript with speakers separated. Short local engines answer
 * `done` at once; cloud batch jobs answer `pending` and are polled by a delayed job, so no
 * worker waits on them.
 */
export interface SpeechToText {
  /** Name recorded in the transcript, e.g. "pocketsphinx". */
  readonly provider: string;

  /**
   * Starts (or performs) a transcription.
   * @throws ConfideError with `retryable: true` for throttling, outages and timeouts
   * (`provider.throttled` with `retryAfterMs` when known, `provider.unavailable`,
   * `provider.timeout`); `retryable: false` for input the provider refuses
   * (`provider.rejected`, `provider.unsupported`, `speech.no_speech`); and
   * `speech.engine_unavailable` when a local engine is not installed.
   */
  submit(
    audio: AudioSource,
    settings: TranscriptionSettings,
    options?: { signal?: AbortSignal },
  ): Promise<SpeechResult>;

  /**
   * Asks about a job started by `submit`.
   * @throws as `submit`; a ref the provider no longer knows is `provider.rejected`.
   */
  poll(ref: string, options?: { signal?: AbortSignal }): Promise<SpeechResult>;

  /** Tells whether the engine or endpoint can be reached; used by readiness checks. */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
