/**
 * A trained voice-activity detector (Silero VAD in the local adapters) as the utterance-level
 * live engines run it: ahead of the cutter, on each channel's audio as it is written, its
 * probabilities then cut by `createSpeechProbabilityCutter`.
 */
export interface SpeechProbabilityModel {
  /** What ran, as a recognition reports it (`LiveRecognition.turnEnds`), e.g. "silero-vad". */
  readonly name: string;
  /** Samples (16 kHz) per probability. */
  readonly frameSamples: number;
  /** A stream for one channel, with its own state. Does not throw. */
  open(): SpeechProbabilityStream;
}

export interface SpeechProbabilityStream {
  /**
   * Reads more samples. Resolves the probability that each frame they complete is speech, in
   * order (a partial frame waits for the next samples); throws when the model's runtime fails.
   */
  push(samples: Int16Array): Promise<number[]>;
}
