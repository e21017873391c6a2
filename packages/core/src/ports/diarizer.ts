import type { Diarization } from "../domain/speaker-turns.ts";
import type { AudioSource } from "./speech-to-text.ts";

export interface DiarizeOptions {
  /** The number of speakers is estimated between these bounds (inclusive, 1 ≤ min ≤ max). */
  minSpeakers: number;
  maxSpeakers: number;
  signal?: AbortSignal;
}

/**
 * Tells speakers apart on a mixed (mono) recording: who spoke when. Used for speech engines
 * that return one speaker for everyone (PocketSphinx, most Whisper-compatible servers); cloud
 * services that diarize themselves do not need it.
 */
export interface Diarizer {
  /** Name recorded on the transcript (`speakerDetection.diarizer`), e.g. "embedded". */
  readonly provider: string;

  /**
   * Finds the speaker turns of a recording, reading it once as a stream (never holding it whole).
   * A recording with several channels is mixed down first.
   * @returns the turns; no speech at all is an empty `turns`, not an error.
   * @throws ConfideError `provider.rejected` when the audio cannot be decoded,
   * `speech.engine_unavailable` when a local program it needs is missing, `validation.invalid_input`
   * for bounds outside 1 ≤ min ≤ max; an aborted `signal` ends the call with its reason.
   */
  diarize(audio: Pick<AudioSource, "open" | "contentType">, options: DiarizeOptions): Promise<Diarization>;

  /** Tells whether it can run (its programs are installed); used by readiness checks. */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
