/** The voice of one anonymous speaker of a recording, as the diarizer heard it. */
export interface SpeakerVoice {
  speaker: string;
  /** Embedding by the same function as enrolments (`Diarizer.embedVoice`), named by `SpeakerVoices.embedder`. */
  embedding: number[];
  /** Voiced speech it was computed from, in milliseconds. */
  speechMs: number;
}

/** The voices of a recording's speakers, and which embedding function made them. */
export interface SpeakerVoices {
  embedder: string;
  speakers: SpeakerVoice[];
}
