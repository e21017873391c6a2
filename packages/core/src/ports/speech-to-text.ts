import type { TranscriptionSettings } from "../domain/session.ts";
import type { TranscriptDraft, TranscriptWarning } from "../domain/transcript.ts";

export interface AudioSource {
  /** Blob key of the recording, for adapters that share the blob store's bucket/container. */
  key: string;
  contentType: string;
  sizeBytes: number;
  /** Channels from the header when known. */
  channels: number | null;
  /**
   * Playing time when known (a WAV header, or an earlier transcript); absent or null: unknown.
   * Providers with a duration limit check it before a job starts.
   */
  durationMs?: number | null;
  /** Opens the recording as a stream (from the BlobStore). May be called more than once. */
  open(signal?: AbortSignal): Promise<ReadableStream<Uint8Array>>;
  /**
   * Present only when the blob store can sign URLs (`BlobStore.signedUrl`): a URL that reads the
   * recording without credentials until it expires, for providers that fetch the audio
   * themselves (Azure batch `contentUrls`, Transcribe `MediaFileUri`). Choose `expiresInSeconds`
   * to cover the time the provider may take to start reading (batch jobs can queue for 30+
   * minutes). Absent: stream the recording through `open()`.
   * @throws as `BlobStore.signedUrl`.
   */
  readUrl?(options: { expiresInSeconds: number; signal?: AbortSignal }): Promise<string>;
}

/**
 * What `discard` left at the provider. `discarded`: nothing of the job remains (engines that
 * keep nothing may resolve with no value, which means the same). `deferred`: the provider
 * refuses to delete a job while it runs (Azure batch transcription answers `DeleteNotAllowed`
 * to NotStarted and Running jobs and cannot stop them): every copy of the audio the adapter made
 * is gone, the job is marked at the provider — durably, not in memory — to be deleted once it
 * finishes, and a later call of the adapter completes that deletion. Polling the job answers
 * `provider.rejected` from then on, as for a deleted one.
 */
export type SpeechDiscardOutcome = { status: "discarded" } | { status: "deferred"; reason: "job_running" };

/** A setting the engine did not honour; stored on the transcript as it is. */
export type SpeechWarning = TranscriptWarning;

export type SpeechResult =
  | { status: "done"; transcript: TranscriptDraft; warnings: SpeechWarning[] }
  /** A cloud job is running: call `poll(ref, settings)` again after `retryAfterMs`. */
  | { status: "pending"; ref: string; retryAfterMs: number };

/**
 * Turns a recording into a transcript with speakers separated. Short local engines answer
 * `done` at once; cloud batch jobs answer `pending` and are polled by a delayed job, so no
 * worker waits on them. Core ends a job still pending past its own limit
 * (`CoreSettings.transcriptionTimeoutMs`) and discards it; adapters need no limit of their own.
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
   * Asks about a job started by `submit`. `settings` are the ones `submit` got (the session's),
   * for reading the result as they asked: the channel layout and channel roles, word timings.
   * An aborted `signal` ends the call with the signal's reason; the job itself goes on and can
   * be polled again.
   * @throws as `submit`; a ref the provider no longer knows (never made, or discarded) is
   * `provider.rejected`, not retryable.
   */
  poll(ref: string, settings: TranscriptionSettings, options?: { signal?: AbortSignal }): Promise<SpeechResult>;

  /**
   * Deletes a job started by `submit` and every copy the provider keeps of it: the job itself
   * (cancelled first if still running), its transcript, and any copy of the audio. Core calls it
   * when the transcript is stored, the job timed out, or its session is retried or deleted.
   * Idempotent: a ref the provider does not know, or no longer knows, resolves as success.
   * Engines that keep nothing between calls resolve at once. An aborted `signal` ends the call
   * with the signal's reason.
   * @returns nothing or `{ status: "discarded" }` when the provider holds nothing of the job any
   * more; `{ status: "deferred" }` when it refuses to delete the running job: the audio copies are
   * gone and the job is deleted once it finishes (see `SpeechDiscardOutcome`). Calling `discard`
   * again is safe in both cases.
   * @throws ConfideError, retryable, when the provider cannot be reached (`provider.unavailable`,
   * `provider.throttled`, `provider.timeout`): the copies may remain, and a later call may try again.
   */
  discard(ref: string, options?: { signal?: AbortSignal }): Promise<SpeechDiscardOutcome | void>;

  /** Tells whether the engine or endpoint can be reached; used by readiness checks. */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
