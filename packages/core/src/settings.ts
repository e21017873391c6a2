import type { RetentionPolicy } from "./domain/retention.ts";
import { defaultTranscriptionSettings, type TranscriptionSettings } from "./domain/session.ts";

/** Tunables of the core. Hosts fill them from configuration; every field has a default. */
export interface CoreSettings {
  /** Largest accepted recording. */
  maxUploadBytes: number;
  /** Provider retries of one processing run before the session fails (retryable). */
  maxProviderAttempts: number;
  /** First retry delay; doubles each attempt, with full jitter, capped at maxRetryDelayMs. */
  baseRetryDelayMs: number;
  maxRetryDelayMs: number;
  /** A session in flight not written for this long is re-enqueued by the recovery sweep. */
  leaseMs: number;
  /**
   * Longest a provider transcription job may stay pending, from its submission: past it the
   * session fails with `speech.timeout` (retryable by the therapist) and the job is discarded.
   */
  transcriptionTimeoutMs: number;
  /** Width of a sentiment timeline window. */
  sentimentWindowMs: number;
  refreshTokenTtlMs: number;
  /** scrypt cost (N). Lower it only in tests. */
  passwordCost: number;
  minPasswordLength: number;
  /** Sessions of one therapist uploaded, queued, transcribing, analyzing or writing notes at once; another upload is refused. */
  maxSessionsInProcessing: number;
  /** Uploads one therapist may start per hour (every attempt admitted by `admitUpload` counts). */
  uploadsPerHour: number;
  /** Recording bytes one therapist may upload per 24 hours (a window from the first upload counted in it). */
  uploadBytesPerDay: number;
  transcription: TranscriptionSettings;
  live: LiveSessionSettings;
  /** When recordings and sessions are deleted (`sweepRetention`); every rule unset: kept forever. */
  retention: RetentionPolicy;
  /**
   * The configured processing providers (speech, language, notes) that send session data out of
   * the deployment, by provider name (`azure-speech`, `transcribe`, `openai-notes`…): processing
   * a patient's session needs their `cloud_processing` consent naming each (policies/consent.ts).
   * The host fills it from its adapters' descriptors (`sendsSessionDataOut`).
   */
  cloudProviders: string[];
}

/** Limits of live sessions (use-cases/live/). */
export interface LiveSessionSettings {
  /** Live sessions one therapist may run at once; another start is refused `live.too_many_sessions`. */
  maxSessions: number;
  /** How long a dropped live session may be resumed with its token; past it the session is ended with what was received. */
  resumeWindowMs: number;
  /** A connection that sends no audio this long is closed (`live.idle_timeout`); its session stays resumable. */
  idleTimeoutMs: number;
  /** Longest live session, in audio time; reaching it ends the session (`live.too_long`). */
  maxDurationMs: number;
  /** Longest time received audio waits before it is stored durably (a crash loses at most this much). */
  partIntervalMs: number;
  /**
   * The consent forms (their versions) whose text tells the patient that, during a live session,
   * a language model reads their words to suggest reflections to the therapist. A patient whose
   * `ai_notes` consent was last given on another form gets no reflection until they agree again
   * on one of these: consent to AI-written notes after the session is not consent to this.
   */
  reflectionConsentForms: string[];
}

export const defaultLiveSessionSettings: LiveSessionSettings = {
  maxSessions: 2,
  resumeWindowMs: 60_000,
  idleTimeoutMs: 30_000,
  maxDurationMs: 3 * 3600_000,
  partIntervalMs: 1_000,
  // The console's consent form from the version that names suggested reflections
  // (packages/console/src/consent/consent-form.ts; a test holds the two together).
  reflectionConsentForms: ["confide-console-consent-2"],
};

export const defaultCoreSettings: CoreSettings = {
  maxUploadBytes: 2 * 1024 ** 3,
  maxProviderAttempts: 5,
  baseRetryDelayMs: 2_000,
  maxRetryDelayMs: 5 * 60_000,
  leaseMs: 15 * 60_000,
  // The batch services accept recordings of up to 4 hours (Azure diarization: 240 minutes;
  // Transcribe: 4 hours) and process them faster than real time, after queueing that can
  // exceed 30 minutes at peak: 6 hours covers the longest recording at peak, with margin,
  // and still reports a stuck job the same working day.
  transcriptionTimeoutMs: 6 * 3600_000,
  sentimentWindowMs: 60_000,
  refreshTokenTtlMs: 30 * 24 * 3600_000,
  passwordCost: 2 ** 15,
  minPasswordLength: 12,
  maxSessionsInProcessing: 10,
  uploadsPerHour: 60,
  uploadBytesPerDay: 20 * 1024 ** 3,
  transcription: defaultTranscriptionSettings,
  live: defaultLiveSessionSettings,
  retention: {},
  cloudProviders: [],
};
