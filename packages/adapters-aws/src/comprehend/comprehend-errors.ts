import { httpFailureClass, unreachableCode } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";

/** What an SDK error carries: `name` is the service's error type, `$metadata` the HTTP status. */
interface SdkError {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Comprehend asking the client to slow down (it announces no delay). */
const throttlingNames = new Set(["ThrottlingException", "TooManyRequestsException", "Throttling", "RequestLimitExceeded"]);
/** Credentials or permissions an operator must fix. */
const refusalNames = new Set([
  "AccessDeniedException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "MissingAuthenticationTokenException",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "CredentialsProviderError",
]);

/** Comprehend sends no Retry-After when throttling: the first wait suggested to core. */
export const throttledRetryAfterMs = 1_000;

const fieldsOf = (error: unknown): SdkError => (typeof error === "object" && error !== null ? (error as SdkError) : {});

function statusOf(error: unknown): number | undefined {
  const status = fieldsOf(error).$metadata?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
}

/**
 * Maps a failed Comprehend request to ConfideError `provider.*` (the LanguageAnalyzer port):
 * - `ThrottlingException`, `TooManyRequestsException` (and 429) → `provider.throttled`,
 *   retryable, `retryAfterMs` 1 s (Comprehend announces no delay);
 * - the request outliving its timeout, and the SDK's `TimeoutError` → `provider.timeout`, retryable;
 * - `InternalServerException`, 5xx and no answer (refused, reset, DNS) → `provider.unavailable`, retryable;
 * - `UnsupportedLanguageException` → `provider.unsupported`;
 * - refused credentials or permissions, and a credential chain finding nothing → `provider.rejected` ("check the role");
 * - other client errors (`TextSizeLimitExceededException`, `BatchSizeLimitExceededException`,
 *   `ValidationException`, `InvalidRequestException`) → `provider.rejected`, not retryable;
 * - an answer that is not JSON → `provider.bad_response`;
 * - the SDK failing before sending otherwise (no region) → `provider.unavailable`, not retryable.
 * `details` hold the error's name and status, never credentials or texts. ConfideErrors are returned unchanged.
 */
export function toComprehendError(error: unknown, options: { timedOutAfterMs?: number } = {}): ConfideError {
  if (ConfideError.is(error)) return error;
  if (options.timedOutAfterMs !== undefined) {
    return new ConfideError("provider.timeout", `Amazon Comprehend did not answer within ${options.timedOutAfterMs} ms.`, {
      retryable: true,
      cause: error,
      details: { provider: "comprehend", timeoutMs: options.timedOutAfterMs },
    });
  }
  const { $fault } = fieldsOf(error);
  const rawName = fieldsOf(error).name;
  const name = typeof rawName === "string" ? rawName : "unknown";
  const status = statusOf(error);
  const details = { provider: "comprehend", reason: name, ...(status === undefined ? {} : { status }) };
  const said = status === undefined ? name : `${name}, HTTP ${status}`;
  const failure = status === undefined ? undefined : httpFailureClass(status);

  if (throttlingNames.has(name) || failure === "throttled") {
    return new ConfideError("provider.throttled", `Amazon Comprehend is throttling requests (${said}).`, {
      retryable: true,
      retryAfterMs: throttledRetryAfterMs,
      cause: error,
      details,
    });
  }
  if (name === "TimeoutError" || name === "RequestTimeout") {
    return new ConfideError("provider.timeout", `Amazon Comprehend timed out (${said}).`, { retryable: true, cause: error, details });
  }
  const lost = unreachableCode(error);
  if (lost !== undefined) {
    return new ConfideError("provider.unavailable", `Amazon Comprehend could not be reached (${lost}).`, {
      retryable: true,
      cause: error,
      details: { ...details, reason: lost },
    });
  }
  if (name === "SyntaxError" || error instanceof SyntaxError) {
    return new ConfideError("provider.bad_response", "Amazon Comprehend answered something that is not its JSON.", { retryable: false, cause: error, details });
  }
  if ($fault === "server" || failure === "unavailable") {
    return new ConfideError("provider.unavailable", `Amazon Comprehend failed (${said}).`, { retryable: true, cause: error, details });
  }
  if (name === "UnsupportedLanguageException") {
    return new ConfideError("provider.unsupported", `Amazon Comprehend does not analyse this language (${said}).`, { retryable: false, cause: error, details });
  }
  if (refusalNames.has(name) || failure === "credentials") {
    return new ConfideError("provider.rejected", `Amazon Comprehend refused the credentials (${said}): check the role's comprehend:BatchDetectSentiment permission.`, {
      retryable: false,
      cause: error,
      details,
    });
  }
  if ($fault === "client" || status !== undefined) {
    return new ConfideError("provider.rejected", `Amazon Comprehend refused the request (${said}).`, { retryable: false, cause: error, details });
  }
  // The SDK failing before any request: no region configured, a credential chain finding nothing.
  const why = error instanceof Error ? error.message : String(error);
  return new ConfideError("provider.unavailable", `Amazon Comprehend cannot be used as configured: ${why}`, { retryable: false, cause: error, details });
}

/**
 * Maps one `ErrorList` entry (that document failed, the others were scored): a service fault on it
 * (`INTERNAL_SERVER_ERROR`) → `provider.unavailable`, retryable; an unsupported language →
 * `provider.unsupported`; anything else (`TEXT_SIZE_LIMIT_EXCEEDED`, …) → `provider.rejected`.
 * `textIndex` names the text it came from.
 */
export function comprehendDocumentError(item: { ErrorCode?: string | undefined }, textIndex: number): ConfideError {
  const code = item.ErrorCode ?? "unknown";
  const details = { provider: "comprehend", reason: code, textIndex };
  if (/INTERNAL|SERVER|UNAVAILABLE|THROTTL/i.test(code)) {
    return new ConfideError("provider.unavailable", `Amazon Comprehend failed on text ${textIndex} (${code}).`, { retryable: true, details });
  }
  if (/LANGUAGE/i.test(code)) {
    return new ConfideError("provider.unsupported", `Amazon Comprehend does not analyse the language of text ${textIndex} (${code}).`, { retryable: false, details });
  }
  return new ConfideError("provider.rejected", `Amazon Comprehend refused text ${textIndex} (${code}).`, { retryable: false, details });
}

/** An answer without a usable result for a document. */
export function comprehendBadResponse(message: string): ConfideError {
  return new ConfideError("provider.bad_response", `Amazon Comprehend's answer is not usable: ${message}`, { retryable: false, details: { provider: "comprehend" } });
}
