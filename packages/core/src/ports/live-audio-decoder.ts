/** One running decode: container bytes in, PCM out. */
export interface LiveAudioDecoding {
  /**
   * Queues encoded bytes (any split). Resolves when the decoder can take more.
   * @throws ConfideError `live.closed` after `end()`/`abort()`.
   */
  write(chunk: Uint8Array): Promise<void>;
  /** No more input: resolves once `pcm` has ended. */
  end(): Promise<void>;
  /** Stops at once; `pcm` ends. Idempotent. */
  abort(): void;
  /**
   * Signed 16-bit little-endian PCM at 16 kHz with the channels asked for, in order. Errors with
   * ConfideError `upload.not_audio` when the input is not the expected container.
   */
  readonly pcm: AsyncIterable<Uint8Array>;
}

/**
 * Decodes a live stream of WebM/Opus (a browser's MediaRecorder) to the PCM live engines take,
 * as it arrives (issue 13). The embedded adapter runs ffmpeg.
 */
export interface LiveAudioDecoder {
  /**
   * @throws ConfideError `speech.engine_unavailable` when the decoder program is missing.
   */
  open(options: { channels: 1 | 2; signal?: AbortSignal }): Promise<LiveAudioDecoding>;
}
