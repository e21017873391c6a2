import type { ErrorCode } from "@confide/core/ports";
import type { HostErrorCode } from "./host-error-codes.ts";

export type ProblemCode = ErrorCode | HostErrorCode;

/**
 * The one table from error code to HTTP status. Exhaustive: adding a code to core without a
 * status here fails the type check.
 */
export const errorStatus: Record<ProblemCode, number> = {
  "validation.invalid_input": 400,
  "auth.unauthenticated": 401,
  "auth.invalid_credentials": 401,
  "auth.refresh_invalid": 401,
  "auth.refresh_reused": 401,
  "auth.forbidden": 403,
  "auth.throttled": 429,
  "auth.weak_password": 400,
  "user.not_found": 404,
  "user.email_taken": 409,
  "user.has_sessions": 409,
  // The patient is not (or no longer) in the therapist's care.
  "care.not_linked": 403,
  // The patient's consent does not cover what was asked (details say which scopes/providers).
  "consent.missing": 403,
  // Processing stopped by a withdrawal: a session's lastError, or a retry refused for it.
  "consent.withdrawn": 403,
  "consent.conflict": 409,
  "session.not_found": 404,
  "session.version_conflict": 412,
  "session.version_required": 428,
  "session.invalid_state": 409,
  "session.segment_not_found": 404,
  "session.speaker_not_found": 404,
  "session.risk_flag_not_found": 404,
  "session.risk_unacknowledged": 409,
  "session.risk_acknowledgement_final": 409,
  // A legal hold suspends every deletion of what it covers; details name the holds.
  "session.legal_hold": 409,
  // Gone for good: the retention policy deleted the recording.
  "audio.deleted": 410,
  "legal_hold.not_found": 404,
  "upload.empty": 400,
  "upload.not_audio": 415,
  // A recognised container that does not decode, or a WAV header that claims more audio than arrived.
  "upload.unreadable_audio": 422,
  "upload.too_large": 413,
  // The client went away mid-upload; nobody reads this answer.
  "upload.aborted": 400,
  // Per-therapist upload quotas (uploads per hour, bytes per day, sessions in processing).
  "upload.quota_exceeded": 429,
  "blob.not_found": 404,
  // Keys are made by core: an invalid one is a bug, not a client error.
  "blob.invalid_key": 500,
  "blob.range_not_satisfiable": 416,
  "device.not_found": 404,
  "provider.throttled": 502,
  "provider.unavailable": 502,
  "provider.timeout": 502,
  "provider.rejected": 502,
  "provider.bad_response": 502,
  "provider.unsupported": 502,
  "provider.interrupted": 503,
  "speech.engine_unavailable": 503,
  "speech.no_speech": 422,
  // Recorded on a session (its provider job stayed pending too long), like the provider codes.
  "speech.timeout": 502,
  "dependency.unavailable": 503,
  // Voice enrolment (PUT /v1/me/voice): the sample or the consent is wrong; nothing was stored.
  "voice.consent_required": 400,
  "voice.no_speech": 422,
  "voice.too_short": 422,
  "voice.too_long": 422,
  "voice.unreadable": 422,
  "voice.unavailable": 501,
  // Audio sent after the live recognition ended: the client's order of messages is wrong.
  "live.closed": 409,
  // Live sessions (/v1/live): the statuses name the kind of failure; over the WebSocket the
  // codes travel in `error` messages.
  "live.resume_refused": 409,
  "live.too_many_sessions": 429,
  "live.frame_too_large": 413,
  "live.too_long": 413,
  "live.idle_timeout": 408,
  "live.protocol": 400,
  "live.unavailable": 501,
  // Installing a model (`confide models install`, a command, not a route): an upstream's fault.
  "model.source_unreachable": 502,
  "model.size_mismatch": 502,
  "model.checksum_mismatch": 502,
  internal: 500,
  "route.not_found": 404,
  "request.method_not_allowed": 405,
  "request.too_large": 413,
  "validation.invalid_encoding": 400,
  "request.header_too_large": 431,
  "request.unsupported_media_type": 415,
  "events.too_many_streams": 429,
  // Resumable uploads (tus 1.0): the statuses the protocol names.
  "upload.not_found": 404,
  "upload.expired": 410,
  "upload.offset_mismatch": 409,
  "upload.locked": 409,
  // The tus checksum extension's own status.
  "upload.checksum_mismatch": 460,
  "upload.unsupported_version": 412,
  "auth.csrf_rejected": 403,
};
