import type { PushOutcome } from "@confide/core/ports";

/** Codes that say the token will never work again (firebase-admin `messaging/*` codes). */
const deadTokenCodes = new Set(["messaging/registration-token-not-registered", "messaging/invalid-registration-token"]);

/** Failures that may pass: FCM overloaded, throttling, the network. */
const retryableCodes = new Set([
  "messaging/server-unavailable",
  "messaging/internal-error",
  "messaging/message-rate-exceeded",
  "messaging/device-message-rate-exceeded",
  "messaging/topics-message-rate-exceeded",
  "app/network-error",
  "app/network-timeout",
]);

/**
 * Failures of the link to FCM itself rather than of one token or message: when every token
 * fails with one of these, nothing could be sent at all.
 */
const transportCodes = new Set([
  "app/network-error",
  "app/network-timeout",
  "app/invalid-credential",
  "messaging/authentication-error",
  "messaging/server-unavailable",
]);

interface FirebaseLikeError {
  code?: unknown;
  message?: unknown;
  httpResponse?: { data?: unknown };
}

export function fcmErrorCode(error: unknown): string {
  const code = (error as FirebaseLikeError | null)?.code;
  return typeof code === "string" ? code : "unknown";
}

function fcmErrorMessage(error: unknown): string {
  const message = (error as FirebaseLikeError | null)?.message;
  return typeof message === "string" ? message : String(error);
}

/**
 * Whether an `invalid-argument` answer is about the token (FCM v1 names the field
 * `message.token` in a BadRequest detail, and says "registration token" in the message) rather
 * than about the payload, which would fail for every token alike.
 */
function isAboutToken(error: unknown): boolean {
  const data = (error as FirebaseLikeError | null)?.httpResponse?.data as
    | { error?: { details?: Array<{ fieldViolations?: Array<{ field?: unknown }> }> } }
    | undefined;
  const fields = (data?.error?.details ?? []).flatMap((detail) => detail.fieldViolations ?? []).map((violation) => violation.field);
  if (fields.some((name) => name === "message.token")) return true;
  return /registration token/i.test(fcmErrorMessage(error));
}

/** One token's outcome from the error firebase-admin reported for it. */
export function outcomeForError(token: string, error: unknown): PushOutcome {
  const code = fcmErrorCode(error);
  const reason = `${code}: ${fcmErrorMessage(error)}`;
  if (deadTokenCodes.has(code) || (code === "messaging/invalid-argument" && isAboutToken(error))) {
    return { token, status: "invalid-token", reason };
  }
  return { token, status: "failed", reason, retryable: retryableCodes.has(code) };
}

export function isRetryableFcmError(error: unknown): boolean {
  return retryableCodes.has(fcmErrorCode(error));
}

export function isTransportFcmError(error: unknown): boolean {
  return transportCodes.has(fcmErrorCode(error));
}
