import { causeChain, parseRetryAfterMs, providerHttpError, unreachableCode } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";

const maxMessageLength = 500;

/** The server's own words from an error body: OpenAI `{error:{message}}`, FastAPI `{detail}`, or text. */
function messageFromBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed === "") return "";
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    // Not JSON (an HTML error page, plain text): the text itself is the message.
    return trimmed.slice(0, maxMessageLength);
  }
  if (typeof json === "object" && json !== null) {
    const error = json.error;
    if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
      return (error as { message: string }).message.slice(0, maxMessageLength);
    }
    if (typeof error === "string") return error.slice(0, maxMessageLength);
    if (typeof json.detail === "string") return json.detail.slice(0, maxMessageLength);
    if (Array.isArray(json.detail)) {
      return json.detail
        .map((item: unknown) => (typeof item === "object" && item !== null ? String((item as { msg?: unknown }).msg) : String(item)))
        .join("; ")
        .slice(0, maxMessageLength);
    }
    if (typeof json.message === "string") return json.message.slice(0, maxMessageLength);
  }
  return trimmed.slice(0, maxMessageLength);
}

/** Maps a non-2xx answer of the Whisper server to a ConfideError. Reads the response body. */
export async function errorFromResponse(response: Response, what: string): Promise<ConfideError> {
  let serverMessage: string;
  try {
    serverMessage = messageFromBody(await response.text());
  } catch (error) {
    serverMessage = `(the error body could not be read: ${error instanceof Error ? error.message : String(error)})`;
  }
  const said = serverMessage === "" ? "" : `: ${serverMessage}`;
  const status = response.status;
  return providerHttpError({
    provider: "whisper",
    status,
    retryAfterMs: parseRetryAfterMs(response.headers.get("retry-after")),
    messages: {
      throttled: `The Whisper server is throttling ${what} (HTTP 429)${said}`,
      credentials: `The Whisper server refused the credentials for ${what} (HTTP ${status})${said}. Check the API key.`,
      timeout: `The Whisper server timed out ${what} (HTTP 408)${said}`,
      unavailable: `The Whisper server failed ${what} (HTTP ${status})${said}`,
      refused: `The Whisper server refused ${what} (HTTP ${status})${said}`,
    },
  });
}

/**
 * Maps a request that got no HTTP answer (refused, reset, timed out) to a ConfideError. A
 * ConfideError raised while reading the recording (e.g. from the blob store) is returned as is.
 */
export function errorFromFailedRequest(error: unknown, what: string, timedOut: { afterMs: number } | null): ConfideError {
  const chain = causeChain(error);
  const inner = chain.find((link) => ConfideError.is(link));
  if (inner !== undefined) return inner as ConfideError;
  if (timedOut !== null) {
    return new ConfideError("provider.timeout", `The Whisper server did not finish ${what} within ${timedOut.afterMs} ms.`, {
      retryable: true,
      cause: error,
      details: { provider: "whisper", timeoutMs: timedOut.afterMs },
    });
  }
  if (chain.some((link) => typeof link === "object" && (link as { code?: unknown }).code === "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH")) {
    return new ConfideError("internal", "The recording's length differs from its stored size; it was not sent.", {
      retryable: false,
      cause: error,
    });
  }
  const code = unreachableCode(error);
  const reason = code ?? (chain.at(-1) instanceof Error ? (chain.at(-1) as Error).message : String(error));
  return new ConfideError("provider.unavailable", `The Whisper server could not be reached for ${what} (${reason}).`, {
    retryable: true,
    cause: error,
    details: { provider: "whisper", ...(code === undefined ? {} : { errorCode: code }) },
  });
}

/** The server answered 2xx with something that is not the verbose_json Confide asked for. */
export function badResponse(message: string, cause?: unknown): ConfideError {
  return new ConfideError("provider.bad_response", `The Whisper server's answer is not usable: ${message}`, {
    retryable: false,
    cause,
    details: { provider: "whisper" },
  });
}
