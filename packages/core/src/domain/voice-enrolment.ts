/**
 * A therapist's enrolled voice: an embedding of a read-aloud sample, so the
 * sessions of that therapist can tell which speaker is the therapist. Never audio: the sample is
 * deleted once the embedding is computed. Biometric data: used for nothing but the roles of the
 * therapist's own sessions, erasable at any time, and never exported or shown as numbers.
 */
export interface VoiceEnrolment {
  /** The voice embedding; comparable only with embeddings of the same `embedder`. */
  embedding: number[];
  /** Which embedding function made it (`Diarizer.embedVoice`), e.g. "embedded-mfcc-pitch-1". */
  embedder: string;
  /** Voiced speech heard in the sample, in milliseconds. */
  speechMs: number;
  /** The sample's length, in milliseconds. */
  durationMs: number;
  /**
   * How alike the voice sounded across the sample (its two halves compared, `VoiceSample.consistency`),
   * in [0, 1]; low values mean noise, several voices or a poor microphone.
   */
  quality: number;
  /** The therapist's own consent to voice enrolment, recorded with it. */
  consent: { terms: string; agreedAt: Date };
  enrolledAt: Date;
}

/** The terms a therapist agrees to when enrolling their voice (shown by the console, sent by the client). */
export const voiceEnrolmentTerms = "voice-enrolment-v1";

/** Limits of an enrolment sample. */
export const voiceSampleLimits = {
  /** Voiced speech needed for a usable embedding. */
  minSpeechMs: 10_000,
  /** Under this much voiced speech the sample is taken to hold none (silence, noise, music). */
  noSpeechBelowMs: 1_000,
  /** Longest sample accepted (20–30 s are asked for). */
  maxDurationMs: 60_000,
  /** Largest sample accepted in bytes: 60 s of 48 kHz 16-bit stereo WAV, with room. */
  maxBytes: 12 * 1024 * 1024,
} as const;

/** What may leave core about an enrolment (the profile, the export): no embedding. */
export interface VoiceEnrolmentSummary {
  enrolled: boolean;
  enrolledAt: Date | null;
  speechMs: number | null;
  quality: number | null;
  embedder: string | null;
  consent: { terms: string; agreedAt: Date } | null;
}

export function summarizeVoiceEnrolment(enrolment: VoiceEnrolment | undefined): VoiceEnrolmentSummary {
  if (!enrolment) return { enrolled: false, enrolledAt: null, speechMs: null, quality: null, embedder: null, consent: null };
  return {
    enrolled: true,
    enrolledAt: enrolment.enrolledAt,
    speechMs: enrolment.speechMs,
    quality: enrolment.quality,
    embedder: enrolment.embedder,
    consent: enrolment.consent,
  };
}

/** A voice enrolment as a repository stores it (JSON): its dates as ISO text. */
export type VoiceEnrolmentDocument = Omit<VoiceEnrolment, "consent" | "enrolledAt"> & { consent: { terms: string; agreedAt: string }; enrolledAt: string };

/** The stored form of an enrolment, for every repository that keeps users. */
export function toVoiceDocument(voice: VoiceEnrolment): VoiceEnrolmentDocument {
  return { ...voice, consent: { terms: voice.consent.terms, agreedAt: voice.consent.agreedAt.toISOString() }, enrolledAt: voice.enrolledAt.toISOString() };
}

/** An enrolment read back from its stored form (`toVoiceDocument`). */
export function fromVoiceDocument(stored: VoiceEnrolmentDocument): VoiceEnrolment {
  return { ...stored, consent: { terms: stored.consent.terms, agreedAt: new Date(stored.consent.agreedAt) }, enrolledAt: new Date(stored.enrolledAt) };
}
