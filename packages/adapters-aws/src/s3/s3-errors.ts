import { httpFailureClass, unreachableCode } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";

/** What an SDK error carries: `name` is S3's error code, `$metadata` the HTTP status. */
interface SdkError {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** S3 asking the client to slow down; it announces no delay. */
const throttlingNames = new Set(["SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled"]);
/** Credentials or permissions an operator must fix. */
const refusalNames = new Set([
  "AccessDenied",
  "AllAccessDisabled",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "InvalidToken",
  "CredentialsProviderError",
  "KMS.DisabledException",
  "KMS.NotFoundException",
]);

/** S3 gives no Retry-After on SlowDown and asks for back-off: the first wait it suggests. */
export const throttledRetryAfterMs = 1_000;

function fieldsOf(error: unknown): SdkError {
  return typeof error === "object" && error !== null ? (error as SdkError) : {};
}

/** The HTTP status of S3's answer, when there was one. */
export function statusOf(error: unknown): number | undefined {
  const status = fieldsOf(error).$metadata?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
}

/** S3's error code (`NoSuchKey`, `SlowDown`, …) or the SDK's error name (`TimeoutError`). */
export function nameOf(error: unknown): string | undefined {
  const name = fieldsOf(error).name;
  return typeof name === "string" ? name : undefined;
}

/** True for the answer of a missing object (GET: NoSuchKey; HEAD, which has no body: NotFound). */
export function isMissingObject(error: unknown): boolean {
  const name = nameOf(error);
  return name === "NoSuchKey" || name === "NotFound" || (statusOf(error) === 404 && name !== "NoSuchBucket");
}

function unavailable(message: string, error: unknown, reason: string, retryable: boolean, retryAfterMs?: number): ConfideError {
  const status = statusOf(error);
  return new ConfideError("dependency.unavailable", message, {
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    cause: error,
    details: { dependency: "s3", reason, ...(status === undefined ? {} : { status }) },
  });
}

/**
 * Maps a failure of S3 (or of the way to it, or of the SDK before it sent anything) to
 * ConfideError `dependency.unavailable`: throttling, 5xx, timeouts and network errors retryable
 * (throttling with `retryAfterMs`); refused credentials, a missing bucket, other refusals and
 * the SDK's own failures (no region, no credentials found) not. A missing object and an
 * unsatisfiable range are the callers' to map (they depend on the operation). ConfideErrors
 * are returned unchanged.
 */
export function toS3Error(error: unknown, operation: string): ConfideError {
  if (ConfideError.is(error)) return error;
  const { $fault } = fieldsOf(error);
  const name = nameOf(error) ?? "unknown";
  const status = statusOf(error);
  const said = status === undefined ? name : `${name}, HTTP ${status}`;
  const failure = status === undefined ? undefined : httpFailureClass(status);
  // S3 answers 503 SlowDown when it throttles.
  if (throttlingNames.has(name) || status === 503 || failure === "throttled") {
    return unavailable(`S3 is throttling requests to ${operation} (${said}).`, error, name, true, throttledRetryAfterMs);
  }
  if (refusalNames.has(name) || failure === "credentials") {
    return unavailable(`S3 refused to ${operation} (${said}): check the credentials and the role's permissions.`, error, name, false);
  }
  if (name === "NoSuchBucket") return unavailable(`S3 could not ${operation}: the bucket does not exist.`, error, name, false);
  const lost = unreachableCode(error);
  if (name === "TimeoutError" || name === "RequestTimeout" || lost !== undefined) {
    const reason = lost ?? name;
    return unavailable(`S3 could not be reached to ${operation} (${reason}).`, error, reason, true);
  }
  if ($fault === "server" || failure === "unavailable") {
    return unavailable(`S3 failed to ${operation} (${said}).`, error, name, true);
  }
  if ($fault === "client" || status !== undefined) return unavailable(`S3 refused to ${operation} (${said}).`, error, name, false);
  // The SDK failing before any request: no region configured, a credential chain finding nothing.
  const why = error instanceof Error ? error.message : String(error);
  return unavailable(`S3 cannot be used to ${operation}: ${why}`, error, name, false);
}
