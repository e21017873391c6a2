/**
 * The one place the OpenAI-compatible NoteWriter turns failures into ConfideErrors. No message
 * built here carries the transcript or the model's words: a server's own error message is left
 * out (some servers echo the request in it); its status, `type` and `code` are kept.
 */
import { parseRetryAfterMs, providerHttpError } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";

const provider = "openai";

/**
 * The delay a throttled or failing server asks for: `retry-after-ms` (OpenAI, Azure OpenAI)
 * first, then `retry-after` (seconds or an HTTP date).
 * @returns milliseconds, or undefined when neither header is there or readable.
 */
export function retryAfterMsOf(headers: Headers | undefined): number | undefined {
  const milliseconds = headers?.get("retry-after-ms")?.trim();
  if (milliseconds !== undefined && /^\d+(\.\d+)?$/.test(milliseconds)) return Math.round(Number(milliseconds));
  return parseRetryAfterMs(headers?.get("retry-after"));
}

function said(error: APIError): string {
  const parts = [error.type, error.code].filter((part): part is string => typeof part === "string" && part !== "");
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`;
}

/**
 * Maps what the `openai` client threw for one request.
 * @returns `provider.throttled` (429, retryable, `retryAfterMs`), `provider.unavailable` (5xx,
 * connection failures; retryable), `provider.timeout` (the deadline passed; retryable),
 * `provider.rejected` (401/403 and other 4xx; not retryable).
 */
export function errorFromRequest(error: unknown, what: string, timedOutAfterMs: number | undefined): ConfideError {
  if (timedOutAfterMs !== undefined || error instanceof APIConnectionTimeoutError) {
    return new ConfideError("provider.timeout", `The model server did not answer ${what} within ${timedOutAfterMs ?? "the client's"} ms.`, {
      retryable: true,
      details: { provider, ...(timedOutAfterMs === undefined ? {} : { timeoutMs: timedOutAfterMs }) },
    });
  }
  if (error instanceof APIConnectionError) {
    // The cause is a socket error (no request content in it).
    return new ConfideError("provider.unavailable", `The model server could not be reached for ${what}.`, {
      retryable: true,
      cause: error.cause,
      details: { provider },
    });
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    return providerHttpError({
      provider,
      status,
      retryAfterMs: retryAfterMsOf(error.headers),
      details: typeof error.code === "string" ? { errorCode: error.code } : {},
      messages: {
        throttled: `The model server is throttling ${what} (HTTP 429)${said(error)}.`,
        credentials: `The model server refused the credentials for ${what} (HTTP ${status})${said(error)}. Check the API key.`,
        timeout: `The model server timed out ${what} (HTTP 408).`,
        unavailable: `The model server failed ${what} (HTTP ${status})${said(error)}.`,
        refused: `The model server refused ${what} (HTTP ${status})${said(error)}; check the model name and the context size.`,
      },
    });
  }
  return new ConfideError("provider.unavailable", `The model server failed ${what}: ${error instanceof Error ? error.name : "unknown error"}.`, {
    retryable: true,
    details: { provider },
  });
}
