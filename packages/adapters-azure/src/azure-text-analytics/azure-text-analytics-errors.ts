import { httpFailureClass, parseRetryAfterMs, providerHttpError } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { credentialErrorNames } from "../entra-id/credential-errors.ts";

/** Throttled without a Retry-After: the wait suggested to core. */
export const defaultThrottledRetryAfterMs = 1_000;

interface RestErrorLike {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  details?: unknown;
  response?: { headers?: { get(name: string): string | undefined } };
}

const fieldsOf = (error: unknown): RestErrorLike => (typeof error === "object" && error !== null ? (error as RestErrorLike) : {});

/** The service's own error code: the inner error of a 400 (5.1 leaves it in `details`), else the outer code. */
function serviceCodeOf(error: unknown): string | undefined {
  const { code, details } = fieldsOf(error);
  const inner = (details as { error?: { innererror?: { code?: unknown } } } | undefined)?.error?.innererror?.code;
  if (typeof inner === "string") return inner;
  return typeof code === "string" ? code : undefined;
}

/** Retry-After in seconds (or an HTTP date) → milliseconds. */
function retryAfterMsOf(error: unknown): number | undefined {
  return parseRetryAfterMs(fieldsOf(error).response?.headers?.get("retry-after"));
}

/**
 * Maps a failed Text Analytics request to ConfideError `provider.*` (the LanguageAnalyzer port):
 * - 429 → `provider.throttled`, retryable, `retryAfterMs` from Retry-After (1 s when absent);
 * - 408 and the request outliving `timeoutMs` → `provider.timeout`, retryable;
 * - 5xx and no answer at all (refused, reset, DNS) → `provider.unavailable`, retryable;
 * - the SDK refusing before it sends (a bearer token over plain http) → `provider.unavailable`, not retryable;
 * - 401/403 and sign-in failures (`@azure/identity`) → `provider.rejected`: a key or a role to fix;
 * - other 4xx → `provider.rejected` with the service's inner code (`InvalidDocumentBatch`…);
 * - an answer that is not JSON → `provider.bad_response`.
 * `details` hold the status and the service's code — never the key, a token or the texts.
 * ConfideErrors are returned unchanged.
 */
export function toTextAnalyticsError(error: unknown, options: { timedOutAfterMs?: number } = {}): ConfideError {
  if (ConfideError.is(error)) return error;
  if (options.timedOutAfterMs !== undefined) {
    return new ConfideError("provider.timeout", `Azure Text Analytics did not answer within ${options.timedOutAfterMs} ms.`, {
      retryable: true,
      cause: error,
      details: { provider: "azure-text-analytics", timeoutMs: options.timedOutAfterMs },
    });
  }
  const { name, statusCode } = fieldsOf(error);
  const status = typeof statusCode === "number" ? statusCode : undefined;
  const code = serviceCodeOf(error);
  const details = { provider: "azure-text-analytics", ...(status === undefined ? {} : { status }), ...(code === undefined ? {} : { reason: code }) };
  const said = [status, code].filter((part) => part !== undefined).join(" ");

  if (typeof name === "string" && credentialErrorNames.has(name)) {
    return new ConfideError("provider.rejected", `Azure Text Analytics: no credential could sign in (${name}).`, {
      retryable: false,
      cause: error,
      details: { provider: "azure-text-analytics", reason: name },
    });
  }
  if (code === "PARSE_ERROR" || error instanceof SyntaxError) {
    return new ConfideError("provider.bad_response", "Azure Text Analytics answered something that is not its JSON.", {
      retryable: false,
      cause: error,
      details,
    });
  }
  if (status !== undefined) {
    const retryAfterMs = retryAfterMsOf(error) ?? (httpFailureClass(status) === "throttled" ? defaultThrottledRetryAfterMs : undefined);
    return providerHttpError({
      provider: "azure-text-analytics",
      status,
      retryAfterMs,
      cause: error,
      details: code === undefined ? {} : { reason: code },
      messages: {
        throttled: `Azure Text Analytics is throttling requests (${said}).`,
        timeout: `Azure Text Analytics timed out (${said}).`,
        unavailable: `Azure Text Analytics could not be reached or failed (${said}).`,
        credentials: `Azure Text Analytics refused the credentials (${said}): check the key, or the identity's role (Cognitive Services User).`,
        refused: `Azure Text Analytics refused the request (${said}).`,
      },
    });
  }
  if (name !== "RestError" && name !== "AbortError") {
    // The SDK refused before sending (a bearer token over plain http, a malformed endpoint): configuration.
    return new ConfideError("provider.unavailable", `Azure Text Analytics cannot be used as configured (${error instanceof Error ? error.message : String(error)}).`, {
      retryable: false,
      cause: error,
      details: { provider: "azure-text-analytics", reason: typeof name === "string" ? name : "unknown" },
    });
  }
  const retryAfterMs = retryAfterMsOf(error);
  return new ConfideError("provider.unavailable", `Azure Text Analytics could not be reached or failed (${said || String(name ?? "no answer")}).`, {
    retryable: true,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    cause: error,
    details,
  });
}

/**
 * Maps the error of one document of a batch (the others were scored): an unsupported language
 * → `provider.unsupported`; a document the service refuses (`InvalidDocument`, too large or
 * empty) → `provider.rejected`; a service fault on it (`InternalServerError`) →
 * `provider.unavailable`, retryable. `textIndex` names the text it came from.
 */
export function textAnalyticsDocumentError(error: { code?: unknown; message?: unknown }, textIndex: number): ConfideError {
  const code = typeof error.code === "string" ? error.code : "unknown";
  const details = { provider: "azure-text-analytics", reason: code, textIndex };
  if (code === "UnsupportedLanguageCode" || code === "InvalidLanguageCode") {
    return new ConfideError("provider.unsupported", `Azure Text Analytics does not analyse this language (${code}).`, { retryable: false, details });
  }
  if (code === "InternalServerError" || code === "ServiceUnavailable" || code === "Timeout") {
    return new ConfideError("provider.unavailable", `Azure Text Analytics failed on text ${textIndex} (${code}).`, { retryable: true, details });
  }
  return new ConfideError("provider.rejected", `Azure Text Analytics refused text ${textIndex} (${code}).`, { retryable: false, details });
}

/** An answer without a usable result for a document. */
export function textAnalyticsBadResponse(message: string): ConfideError {
  return new ConfideError("provider.bad_response", `Azure Text Analytics' answer is not usable: ${message}`, {
    retryable: false,
    details: { provider: "azure-text-analytics" },
  });
}
