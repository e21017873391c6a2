import type { Diarization } from "../domain/speaker-turns.ts";
import type { AudioSource } from "./speech-to-text.ts";

/** A live stream followed by a diarizer (`Diarizer.follow`). */
export interface LiveDiarization {
  /** The stream's next PCM bytes (any length), in order, from its first byte. */
  push(pcm: Uint8Array): void;
  /**
   * The speaker of the utterance [startMs, endMs) (times from the first byte pushed), decided
   * now and for good: later utterances never change it. Labels are "S1", "S2"… by first utterance.
   * @returns null when the span holds no speech the diarizer heard (pushed too little, silence).
   */
  speakerOf(startMs: number, endMs: number): { speaker: string; confidence: number } | null;
}

/** The voice of one person's sample (`Diarizer.embedVoice`). */
export interface VoiceSample {
  /** The voice embedding of the sample's voiced speech. */
  embedding: number[];
  /** The embedding function's name and version: embeddings of different embedders are not comparable. */
  embedder: string;
  /** The sample's length, in milliseconds. */
  durationMs: number;
  /**
   * Voiced speech heard, in milliseconds: 0 when what was heard is not speech (silence, steady
   * noise, music without a voice's alternation of voiced and unvoiced sounds).
   */
  speechMs: number;
  /**
   * How alike the sample's two halves sound, in [0, 1] on the embedder's own scale (1: one voice
   * throughout; low: noise, several voices, a poor microphone); 0 without speech.
   */
  consistency: number;
}

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

  /**
   * Starts following a live mono stream (16 kHz 16-bit PCM, as written to the live engine) to
   * name the speaker of each utterance as soon as it ends, never changing an answer given.
   * @returns the follower; it holds statistics of the audio, not the audio, and needs no closing.
   * @throws ConfideError `provider.unsupported` when this diarizer cannot follow live audio.
   */
  follow(options: { maxSpeakers: number }): LiveDiarization;

  /**
   * The voice embedding of a sample of one person speaking (a therapist's enrolment), with the
   * function that also gives `Diarization.voices`, reading the audio once as a stream; the audio
   * is not kept (a temporary decoded copy, if any, is deleted before the call returns).
   * @returns the embedding and what was heard; silence or noise is `speechMs: 0`, not an error.
   * @throws ConfideError `provider.rejected` when the audio cannot be decoded,
   * `provider.unsupported` when this diarizer has no voice embeddings, `speech.engine_unavailable`
   * when a program it needs is missing; an aborted `signal` ends the call with its reason.
   */
  embedVoice(audio: Pick<AudioSource, "open" | "contentType">, options?: { signal?: AbortSignal }): Promise<VoiceSample>;

  /** Tells whether it can run (its programs are installed); used by readiness checks. */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
