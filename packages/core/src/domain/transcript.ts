export type SpeakerRole = "therapist" | "patient" | "unknown";

export interface Word {
  text: string;
  startMs: number;
  endMs: number;
  confidence?: number;
}

export interface Speaker {
  /** Provider's anonymous label, e.g. "S1", "spk_0", "ch0". */
  label: string;
  role: SpeakerRole;
  /** Set for one-speaker-per-channel recordings. */
  channel?: number;
}

export interface Segment {
  id: string;
  speaker: string;
  startMs: number;
  endMs: number;
  text: string;
  confidence?: number;
  words?: Word[];
}

export interface Transcript {
  language: string;
  durationMs: number;
  speakers: Speaker[];
  segments: Segment[];
  /** Which adapter produced it, e.g. "pocketsphinx", "whisper", "azure". */
  provider: string;
  /** 1 when produced; increments on every review edit or relabel. */
  revision: number;
  /**
   * What the speech engine could not do as the session's settings asked (diarization of a
   * mono recording, language identification, punctuation…), so the therapist sees which
   * requested features were not honoured. Empty when every setting was honoured.
   */
  warnings: TranscriptWarning[];
}

/**
 * A requested feature the engine did not honour, in the AI SDK's shape:
 * `{ type: "unsupported", feature: "diarization", message }`.
 */
export interface TranscriptWarning {
  /** `unsupported`: the engine cannot do it; `other`: it was done differently than asked. */
  type: "unsupported" | "other";
  /** The setting that was not honoured, e.g. "diarization". */
  feature?: string;
  message: string;
}

/** What a SpeechToText adapter returns: a transcript before roles, ids and revision are assigned. */
export interface TranscriptDraft {
  language: string;
  durationMs: number;
  speakers: Array<{ label: string; channel?: number }>;
  segments: Array<Omit<Segment, "id">>;
  provider: string;
}
