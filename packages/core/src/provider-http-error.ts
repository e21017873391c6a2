/**
 * A provider's HTTP failure classified once, for every adapter's error map: which class a status
 * falls in, and the ConfideError that class becomes. Adapters keep their own words and their
 * provider's special cases (S3's 503 SlowDown, Cosmos DB's 449); the status classes are here.
 */
import { ConfideError, type ErrorCode } from "./errors.ts";

/**
 * What an HTTP status says about a provider's failure:
 * - `throttled`: 429, slow down (retryable, with the provider's Retry-After when it gave one);
 * - `timeout`: 408, the provider gave up waiting for the request (retryable);
 * - `unavailable`: 5xx, the provider failed (retryable);
 * - `credentials`: 401, 403, a key, a role or a token to fix (not retryable);
 * - `not_found`: 404 (not retryable: what it names is the adapter's to say);
 * - `refused`: any other status, the provider refused this request (not retryable).
 */
export type HttpFailureClass = "throttled" | "timeout" | "unavailable" | "credentials" | "not_found" | "refused";

/** The class of an HTTP status a provider answered with (see `HttpFailureClass`). */
export function httpFailureClass(status: number): HttpFailureClass {
  if (status === 429) return "throttled";
  if (status === 408) return "timeout";
  if (status >= 500) return "unavailable";
  if (status === 401 || status === 403) return "credentials";
  if (status === 404) return "not_found";
  return "refused";
}

/** True for the classes a later call may get past by itself: throttled, timeout, unavailable. */
export function isRetryableHttpFailure(failure: HttpFailureClass): boolean {
  return failure === "throttled" || failure === "timeout" || failure === "unavailable";
}

/** The ConfideError code of each class for a provider port (a speech, language or notes engine). */
export const providerFailureCodes: Readonly<Record<HttpFailureClass, ErrorCode>> = {
  throttled: "provider.throttled",
  timeout: "provider.timeout",
  unavailable: "provider.unavailable",
  credentials: "provider.rejected",
  not_found: "provider.rejected",
  refused: "provider.rejected",
};

export interface ProviderHttpFailure {
  /** The provider's name, for `details.provider` (`"whisper"`, `"azure-speech"`). */
  provider: string;
  /** The HTTP status it answered with. */
  status: number;
  /** The wait it asked for (Retry-After, in ms), when it gave one: kept on throttled and unavailable answers. */
  retryAfterMs?: number | undefined;
  /**
   * The adapter's words per class, naming the provider and what failed, never a secret or the
   * content sent; `refused` is said for any class left out.
   */
  messages: Partial<Record<HttpFailureClass, string>> & { refused: string };
  cause?: unknown;
  /** More non-sensitive detail (the provider's error code as `reason`); `provider` and `status` are added. */
  details?: Record<string, unknown>;
  /** Codes of this adapter that differ from `providerFailureCodes` (e.g. `credentials: "provider.unavailable"`). */
  codes?: Partial<Record<HttpFailureClass, ErrorCode>>;
}

/**
 * The ConfideError of a provider's failed HTTP answer: 429 → `provider.throttled` with
 * `retryAfterMs`; 408 → `provider.timeout`; 5xx → `provider.unavailable` (with `retryAfterMs`
 * when given); 401/403, 404 and other 4xx → `provider.rejected`, not retryable — unless `codes`
 * names another code for a class. Retryable follows the class (`isRetryableHttpFailure`).
 */
export function providerHttpError(failure: ProviderHttpFailure): ConfideError {
  const kind = httpFailureClass(failure.status);
  const code = failure.codes?.[kind] ?? providerFailureCodes[kind];
  const keepsRetryAfter = (kind === "throttled" || kind === "unavailable") && failure.retryAfterMs !== undefined;
  return new ConfideError(code, failure.messages[kind] ?? failure.messages.refused, {
    retryable: isRetryableHttpFailure(kind),
    ...(keepsRetryAfter ? { retryAfterMs: failure.retryAfterMs } : {}),
    ...(failure.cause === undefined ? {} : { cause: failure.cause }),
    details: { provider: failure.provider, status: failure.status, ...failure.details },
  });
}
