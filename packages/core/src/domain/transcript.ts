import type { SpeakerVoices } from "./speaker-voices.ts";

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
  /**
   * How sure the speaker attribution of this segment is, in [0, 1], when a diarizer assigned it
   * (absent when channels or the provider did).
   */
  speakerConfidence?: number;
  /** True when `speakerConfidence` is under the diarizer's threshold: the review should check it. */
  speakerUncertain?: boolean;
}

/**
 * How the speakers of a transcript were found: `channels` (one speaker per channel),
 * `provider` (the speech service separated them), `diarizer` (Confide's own diarizer on the
 * mixed audio, named in `diarizer`), `none` (not separated: one speaker stands for everyone).
 */
export interface SpeakerDetection {
  method: "channels" | "provider" | "diarizer" | "none";
  /** The diarizer's name when `method` is `diarizer`, e.g. "embedded". */
  diarizer?: string;
  /** Mean confidence of the attribution over the speech, in [0, 1]; null when the method gives none. */
  confidence: number | null;
}

/**
 * Which rule gave the speakers their roles: `voice` (the therapist's enrolled voice matched a
 * speaker, with `confidence`), `channels` (the session's channel roles), `heuristic` (the role
 * heuristic: with two speakers the one asking more questions is the therapist), `review` (the
 * therapist relabelled them).
 */
export interface RoleAssignment {
  method: "voice" | "channels" | "heuristic" | "review";
  /** For `voice`: how clearly the therapist's voice stood out, in [0, 1]; null otherwise. */
  confidence: number | null;
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
  /** How the speakers were found; absent on transcripts stored before it was recorded. */
  speakerDetection?: SpeakerDetection;
  /** Which rule assigned the speakers' roles; absent on transcripts stored before it was recorded. */
  roleAssignment?: RoleAssignment;
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
  /**
   * How the speakers were found. Absent: core infers it (a channel on the speakers → `channels`,
   * more than one speaker → `provider`, otherwise `none`).
   */
  speakerDetection?: SpeakerDetection;
  /**
   * The voice of each speaker, when a diarizer separated them and computed them: what core
   * compares with the therapist's enrolled voice to find the therapist. Used to assign roles,
   * never stored with the transcript.
   */
  voices?: SpeakerVoices;
}

/** `draft.speakerDetection`, or what the draft's speakers show when the adapter did not say. */
export function speakerDetectionOf(draft: Pick<TranscriptDraft, "speakers" | "speakerDetection">): SpeakerDetection {
  if (draft.speakerDetection) return draft.speakerDetection;
  if (draft.speakers.some((speaker) => speaker.channel !== undefined)) return { method: "channels", confidence: null };
  if (draft.speakers.length > 1) return { method: "provider", confidence: null };
  return { method: "none", confidence: null };
}
