/** One running decode: container bytes in, PCM out. */
export interface LiveAudioDecoding {
  /**
   * Queues encoded bytes (any split). Resolves when the decoder can take more.
   * @throws ConfideError `live.closed` after `end()`/`abort()`.
   */
  write(chunk: Uint8Array): Promise<void>;
  /** No more input: the decoder decodes what it has, and `pcm` ends after it. */
  end(): void;
  /** Stops at once; `pcm` ends. Idempotent. */
  abort(): void;
  /**
   * Signed 16-bit little-endian PCM at 16 kHz with the channels asked for, in order. Errors with
   * ConfideError `upload.not_audio` when the input is not the expected container,
   * `speech.engine_unavailable` when the decoder program cannot run.
   */
  readonly pcm: AsyncIterable<Uint8Array>;
}

/**
 * Decodes a live stream of WebM/Opus (a browser's MediaRecorder) to the PCM live engines take,
 * as it arrives. The embedded adapter runs ffmpeg (adapters-local
 * `startStreamingPcmDecoder`).
 */
export interface LiveAudioDecoder {
  /** Starts one decoding. Throws nothing: a decoder that cannot run fails on `write` and `pcm`. */
  open(options: { channels: 1 | 2 }): LiveAudioDecoding;
}
