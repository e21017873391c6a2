/**
 * Measures how long a stored recording plays, once, at upload: the speech providers' length
 * limits (Azure's 240 minutes with diarization, Amazon Transcribe's four hours) are checked
 * against it before anything is staged, for every container — MP3, OGG/Opus and the browser's
 * WebM/Opus carry no length in their header, PCM WAV does (core reads that one itself).
 */
export interface AudioProbe {
  /**
   * Reads `audio` to its end (never holding it whole) and times its first audio stream.
   * @returns the length in milliseconds, or null when this probe cannot measure (a host without one).
   * @throws ConfideError `upload.unreadable_audio` (no audio stream in it, not a recording it can read),
   * `dependency.unavailable` (the prober cannot be started or failed).
   */
  durationMs(audio: ReadableStream<Uint8Array>, options?: { signal?: AbortSignal }): Promise<number | null>;
}
