/**
 * Every expected failure in Confide is a ConfideError with a stable string code.
 * The HTTP host maps codes to statuses in one place; clients switch on the code.
 */
export const errorCodes = [
  "validation.invalid_input",
  "auth.unauthenticated",
  "auth.invalid_credentials",
  "auth.refresh_invalid",
  "auth.refresh_reused",
  "auth.forbidden",
  "auth.throttled",
  "auth.weak_password",
  "user.not_found",
  "user.email_taken",
  "user.has_sessions",
  "care.not_linked",
  /** The patient has not consented to what was asked (`details.missingScopes`, `details.missingCloudProviders`). */
  "consent.missing",
  /** Processing stopped because the patient withdrew consent it needed (a session's `lastError`). */
  "consent.withdrawn",
  /** Another record was appended to the patient's consent history at the same time: read it again. */
  "consent.conflict",
  "session.not_found",
  "session.version_conflict",
  "session.version_required",
  "session.invalid_state",
  "session.segment_not_found",
  "session.speaker_not_found",
  /** No risk flag with that id in the session's current risk screen. */
  "session.risk_flag_not_found",
  /** Finalize refused: a current risk flag has not been acknowledged (`details.flagIds`). */
  "session.risk_unacknowledged",
  /** An acknowledgement can no longer be taken back: not its author's, or its short undo window has passed (`details.reason`). */
  "session.risk_acknowledgement_final",
  /** A legal hold covers the session (or its patient): it may not be deleted until released. */
  "session.legal_hold",
  /** The retention policy deleted the session's recording; its transcript remains. */
  "audio.deleted",
  "legal_hold.not_found",
  "upload.empty",
  "upload.not_audio",
  "upload.unreadable_audio",
  "upload.too_large",
  "upload.aborted",
  "upload.quota_exceeded",
  "blob.not_found",
  "blob.invalid_key",
  "blob.range_not_satisfiable",
  "device.not_found",
  "provider.throttled",
  "provider.unavailable",
  "provider.timeout",
  "provider.rejected",
  "provider.bad_response",
  "provider.unsupported",
  /** A local engine was stopped from outside (the host is shutting down): not the recording's fault. */
  "provider.interrupted",
  "speech.engine_unavailable",
  "speech.no_speech",
  /** A transcription stayed pending at the provider past `CoreSettings.transcriptionTimeoutMs`. */
  "speech.timeout",
  "dependency.unavailable",
  /** A voice enrolment was sent without the therapist's consent to the current voice-enrolment terms. */
  "voice.consent_required",
  /** The enrolment sample holds no voiced speech (silence, noise, music). */
  "voice.no_speech",
  /** The enrolment sample holds less voiced speech than needed (`details.minSpeechMs`, `details.speechMs`). */
  "voice.too_short",
  /** The enrolment sample is longer than allowed (`details.maxDurationMs`). */
  "voice.too_long",
  /** The enrolment sample looks like audio but cannot be decoded. */
  "voice.unreadable",
  /** This deployment's diarizer has no voice embeddings (e.g. CONFIDE_DIARIZER=none). */
  "voice.unavailable",
  /** Audio written to a live recognition or live session after it ended (end, abort, an engine error, a takeover). */
  "live.closed",
  /** A resume with a token that does not match, or past the resume window. */
  "live.resume_refused",
  /** The therapist already runs `maxLiveSessions` live sessions. */
  "live.too_many_sessions",
  /** A binary frame larger than the configured limit. */
  "live.frame_too_large",
  /** The live session reached its longest allowed length; it was ended with what was received. */
  "live.too_long",
  /** No audio for longer than the idle timeout; the connection was closed (resumable). */
  "live.idle_timeout",
  /** A message out of order or malformed in the live protocol (not JSON, unknown type, audio before start). */
  "live.protocol",
  /** No live speech engine is configured in this deployment. */
  "live.unavailable",
  /** `confide models install`: the model's upstream URL or mirror could not be read (`details.model`, `details.origin`). */
  "model.source_unreachable",
  /** `confide models install`: the file read has another size than the manifest pins (a truncated download). */
  "model.size_mismatch",
  /** `confide models install`: the file read has the pinned size but another sha256. */
  "model.checksum_mismatch",
  "internal",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ConfideErrorOptions {
  cause?: unknown;
  /** True when the same call may succeed later (throttling, outages, timeouts). */
  retryable?: boolean;
  /** Provider hint for when to try again. */
  retryAfterMs?: number;
  /** Structured, non-sensitive detail for clients (field errors, limits). */
  details?: Record<string, unknown>;
}

const brand = Symbol.for("confide.error");

export class ConfideError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly [brand] = true;

  constructor(code: ErrorCode, message: string, options: ConfideErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ConfideError";
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details;
  }

  /** Works across package copies, unlike instanceof. Optionally checks the code. */
  static is(value: unknown, code?: ErrorCode): value is ConfideError {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as Record<symbol, unknown>)[brand] === true &&
      (code === undefined || (value as ConfideError).code === code)
    );
  }
}

/** What a log line may say about any failure: its code, an error's class name, never its message. */
export function loggableCode(error: unknown): string {
  return ConfideError.is(error) ? error.code : error instanceof Error ? error.name : "unknown";
}

/** `validation.invalid_input` naming the offending field in `details.field`. */
export function invalidInput(message: string, field: string): ConfideError {
  return new ConfideError("validation.invalid_input", message, { details: { field } });
}
