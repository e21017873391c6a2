import { httpFailureClass, unreachableCode } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";

/** What an SDK error carries: `name` is the service's error type, `$metadata` the HTTP status. */
interface SdkError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: unknown;
}

const provider = "transcribe";

/**
 * Transcribe announces no Retry-After. `ThrottlingException` is a request rate exceeded: the
 * SDK's own back-off (500 ms base) has already run out, so wait a little longer.
 * `LimitExceededException` also means the account's concurrent job quota is full, which frees
 * only as jobs finish: wait longer.
 */
export const throttledRetryAfterMs: Readonly<Record<string, number>> = {
  ThrottlingException: 2_000,
  TooManyRequestsException: 2_000,
  LimitExceededException: 30_000,
};

/** Credentials or permissions an operator must fix. */
const refusalNames = new Set([
  "AccessDeniedException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
  "ExpiredTokenException",
  "CredentialsProviderError",
]);

/** Transcribe's message for a job name it does not know (GetTranscriptionJob, DeleteTranscriptionJob). */
const jobNotFoundPattern = /couldn't be found|could not be found|does not exist/i;

/**
 * `LimitExceededException` is documented for two things (API reference, Transcribe "Common
 * errors" and StartTranscriptionJob/StartStreamTranscription: "You've either sent too many
 * requests or your input file is too long"; streaming: "This is typically the audio length
 * limit"). Only the message tells them apart; a message about the input's length, size or
 * duration is a refusal of this input, which no retry changes.
 */
const inputTooLongPattern = /(input|file|media|audio|stream)\b[^.]*\b(too long|too large|too big)|(maximum|max\.?|limit of)\s+(audio\s+|media\s+|file\s+)?(length|duration|size)|audio length limit/i;

function fieldsOf(error: unknown): SdkError {
  return typeof error === "object" && error !== null ? (error as SdkError) : {};
}

function nameOf(error: unknown): string {
  const name = fieldsOf(error).name;
  return typeof name === "string" ? name : "unknown";
}

function messageOf(error: unknown): string {
  const message = fieldsOf(error).message;
  return typeof message === "string" ? message.slice(0, 500) : "";
}

function statusOf(error: unknown): number | undefined {
  const status = fieldsOf(error).$metadata?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
}

/**
 * True when Transcribe answered that it has no job of that name (never made, or deleted): the
 * modelled `NotFoundException` (GetTranscriptionJob and DeleteTranscriptionJob list it in the
 * 2017-10-26 model), or the `BadRequestException` "couldn't be found" the service is seen to send.
 */
export function isJobNotFound(error: unknown): boolean {
  const name = nameOf(error);
  return name === "NotFoundException" || (name === "BadRequestException" && jobNotFoundPattern.test(messageOf(error)));
}

/** True for a `LimitExceededException` that refuses the input as too long or too large (not a rate or quota). */
export function isInputTooLong(error: unknown): boolean {
  return nameOf(error) === "LimitExceededException" && inputTooLongPattern.test(messageOf(error));
}

/**
 * True for Transcribe refusing to delete a job that has not finished (it deletes only COMPLETED
 * and FAILED jobs): a BadRequestException other than "not found".
 */
export function isDeleteRefused(error: unknown): boolean {
  return nameOf(error) === "BadRequestException" && !isJobNotFound(error);
}

/**
 * Maps a failure of a Transcribe call (or of the way to it, or of the SDK before it sent
 * anything) to a ConfideError:
 * - `LimitExceededException` whose message is about the input's length or size
 *   (`isInputTooLong`) → `provider.rejected`, not retryable (reason `input_too_long`);
 * - `ThrottlingException`, `LimitExceededException` → `provider.throttled`, retryable, with
 *   `retryAfterMs` (`throttledRetryAfterMs`);
 * - `BadRequestException`, `ConflictException`, `NotFoundException` and other client errors →
 *   `provider.rejected`, not retryable, with Transcribe's message;
 * - refused credentials or permissions, the SDK finding no region or credentials →
 *   `provider.unavailable`, not retryable (an operator must act);
 * - `TimeoutError` (a request past its timeout) → `provider.timeout`, retryable;
 * - 5xx, `InternalFailureException` and network errors → `provider.unavailable`, retryable;
 * - a 2xx answer the SDK could not read (malformed JSON) → `provider.bad_response`, retryable.
 * ConfideErrors are returned unchanged.
 */
export function toTranscribeError(error: unknown, operation: string): ConfideError {
  if (ConfideError.is(error)) return error;
  const { $fault, $response } = fieldsOf(error);
  const name = nameOf(error);
  const status = statusOf(error);
  const said = messageOf(error);
  const failure = status === undefined ? undefined : httpFailureClass(status);
  const details = { provider, operation, reason: name, ...(status === undefined ? {} : { status }) };
  if (isInputTooLong(error)) {
    return new ConfideError("provider.rejected", `Amazon Transcribe refused the recording as too long or too large to ${operation}: ${said}`, {
      retryable: false,
      cause: error,
      details: { ...details, reason: "input_too_long" },
    });
  }
  const retryAfterMs = throttledRetryAfterMs[name];
  if (retryAfterMs !== undefined || failure === "throttled") {
    return new ConfideError("provider.throttled", `Amazon Transcribe is throttling requests to ${operation} (${name}): ${said}`, {
      retryable: true,
      retryAfterMs: retryAfterMs ?? throttledRetryAfterMs.ThrottlingException!,
      cause: error,
      details,
    });
  }
  if (refusalNames.has(name) || failure === "credentials") {
    return new ConfideError(
      "provider.unavailable",
      `Amazon Transcribe refused to ${operation} (${name}): check the credentials, the region and the role's permissions.`,
      { retryable: false, cause: error, details },
    );
  }
  if (name === "TimeoutError" || name === "RequestTimeout") {
    return new ConfideError("provider.timeout", `Amazon Transcribe did not answer in time to ${operation}.`, { retryable: true, cause: error, details });
  }
  const lost = unreachableCode(error);
  if (lost !== undefined) {
    return new ConfideError("provider.unavailable", `Amazon Transcribe could not be reached to ${operation} (${lost}).`, {
      retryable: true,
      cause: error,
      details: { ...details, reason: lost },
    });
  }
  if ($fault === "server" || failure === "unavailable") {
    return new ConfideError("provider.unavailable", `Amazon Transcribe failed to ${operation} (${name}): ${said}`, { retryable: true, cause: error, details });
  }
  if ($fault === "client" || (status !== undefined && status >= 400)) {
    return new ConfideError("provider.rejected", `Amazon Transcribe refused to ${operation} (${name}): ${said}`, { retryable: false, cause: error, details });
  }
  if ($response !== undefined || error instanceof SyntaxError) {
    // The SDK got an answer it could not deserialize (cut off, not JSON).
    return new ConfideError("provider.bad_response", `Amazon Transcribe's answer to ${operation} could not be read: ${said}`, {
      retryable: true,
      cause: error,
      details,
    });
  }
  // The SDK failing before any request: no region configured, a credential chain finding nothing.
  return new ConfideError("provider.unavailable", `Amazon Transcribe cannot be used to ${operation}: ${said || name}`, {
    retryable: false,
    cause: error,
    details,
  });
}

/** A job that ended FAILED: Transcribe's FailureReason says why (the media, mostly). */
export function jobFailed(jobName: string, failureReason: string | undefined): ConfideError {
  return new ConfideError("provider.rejected", `Amazon Transcribe could not transcribe the recording: ${failureReason ?? "no reason given"}.`, {
    retryable: false,
    details: { provider, jobName, failureReason: failureReason ?? null },
  });
}

/** A job ref Transcribe does not know, or one that is not a job name at all. */
export function unknownJob(ref: string, cause?: unknown): ConfideError {
  return new ConfideError("provider.rejected", "Amazon Transcribe has no such transcription job (never started, or discarded).", {
    retryable: false,
    cause,
    details: { provider, ref: ref.slice(0, 200) },
  });
}

/** Transcribe's answer or transcript file is not what its API reference describes. */
export function badResponse(message: string, cause?: unknown): ConfideError {
  return new ConfideError("provider.bad_response", `Amazon Transcribe's answer is not usable: ${message}`, {
    retryable: false,
    cause,
    details: { provider },
  });
}
