import { causeChain, parseRetryAfterMs, providerHttpError, unreachableCode } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { credentialErrorNames } from "../entra-id/credential-errors.ts";

const provider = "azure-speech";
const maxMessageLength = 300;

/**
 * The service's code and words from an error body: the Speech API's `{ code, message,
 * innerError }`, the gateway's `{ error: { code, message } }`, or Storage's XML `<Code>`.
 * Never the request's URL (a result URL carries a SAS).
 */
function describeBody(body: string): { code: string | undefined; message: string } {
  const trimmed = body.trim();
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    const xmlCode = /<Code>([^<]{1,100})<\/Code>/.exec(trimmed)?.[1];
    return { code: xmlCode, message: "" };
  }
  const record = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  const error = (typeof record.error === "object" && record.error !== null ? record.error : record) as Record<string, unknown>;
  const inner = (typeof error.innerError === "object" && error.innerError !== null ? error.innerError : {}) as Record<string, unknown>;
  const code = typeof inner.code === "string" ? inner.code : typeof error.code === "string" ? error.code : undefined;
  const message = typeof error.message === "string" ? error.message.slice(0, maxMessageLength) : "";
  return { code, message };
}

/**
 * Maps a non-2xx answer of the Speech API (or of a result file's URL) to a ConfideError.
 * Reads the response body. 429 → `provider.throttled` with `retryAfterMs`; 5xx →
 * `provider.unavailable` (retryable, `retryAfterMs` when given); 408 → `provider.timeout`;
 * 401/403 → `provider.rejected`, not retryable (a key, role or SAS is wrong); 404 →
 * `provider.rejected` (the job is unknown); other 4xx → `provider.rejected` with the
 * service's code and message.
 */
export async function errorFromResponse(response: Response, what: string): Promise<ConfideError> {
  let said: { code: string | undefined; message: string };
  try {
    said = describeBody(await response.text());
  } catch {
    said = { code: undefined, message: "" };
  }
  const status = response.status;
  const words = `${said.code === undefined ? "" : ` ${said.code}`}${said.message === "" ? "" : `: ${said.message}`}`;
  return providerHttpError({
    provider,
    status,
    retryAfterMs: parseRetryAfterMs(response.headers.get("retry-after")),
    details: said.code === undefined ? {} : { reason: said.code },
    messages: {
      throttled: `Azure Speech is throttling ${what} (HTTP 429${words}).`,
      credentials: `Azure Speech refused the credentials for ${what} (HTTP ${status}${words}). Check the key, or the identity's role on the Speech resource.`,
      not_found: `Azure Speech does not know ${what} (HTTP 404${words}).`,
      timeout: `Azure Speech timed out ${what} (HTTP 408${words}).`,
      unavailable: `Azure Speech failed ${what} (HTTP ${status}${words}).`,
      refused: `Azure Speech refused ${what} (HTTP ${status}${words}).`,
    },
  });
}

/**
 * Maps a request that got no HTTP answer — refused, reset, past `timedOut.afterMs`, or a
 * sign-in that failed — to a ConfideError. A ConfideError in the chain (the blob store's, a
 * body's) is returned as is. The message names the socket code or the credential error's
 * class, never the error's own message (it may hold a URL with a SAS).
 */
export function errorFromFailedRequest(error: unknown, what: string, timedOut: { afterMs: number } | null): ConfideError {
  const chain = causeChain(error);
  const inner = chain.find((link) => ConfideError.is(link));
  if (inner !== undefined) return inner as ConfideError;
  if (timedOut !== null) {
    return new ConfideError("provider.timeout", `Azure Speech did not answer ${what} within ${timedOut.afterMs} ms.`, {
      retryable: true,
      cause: error,
      details: { provider, timeoutMs: timedOut.afterMs },
    });
  }
  const name = chain.map((link) => (link instanceof Error ? link.name : undefined)).find((value) => value !== undefined && credentialErrorNames.has(value));
  if (name !== undefined) {
    // No credential configured (CredentialUnavailableError) needs an operator; a sign-in that
    // failed on its way (AuthenticationError) may pass.
    const retryable = name !== "CredentialUnavailableError";
    return new ConfideError("provider.unavailable", `Could not sign in to Azure Speech for ${what} (${name}).`, {
      retryable,
      cause: error,
      details: { provider, reason: name },
    });
  }
  const code = unreachableCode(error);
  return new ConfideError("provider.unavailable", `Azure Speech could not be reached for ${what} (${code ?? "no answer"}).`, {
    retryable: true,
    cause: error,
    details: { provider, ...(code === undefined ? {} : { reason: code }) },
  });
}

/**
 * The service answered 2xx with a body that is not what the API documents. `truncated`: not
 * JSON at all (cut off on its way) — retryable, the next call may get it whole; JSON of the
 * wrong shape is not.
 */
export function badResponse(message: string, options: { truncated: boolean; cause?: unknown }): ConfideError {
  return new ConfideError("provider.bad_response", `Azure Speech's answer is not usable: ${message}`, {
    retryable: options.truncated,
    cause: options.cause,
    details: { provider },
  });
}

/** A job the service ended as Failed, with its own code and message (`properties.error`). */
export function failedJob(error: { code?: unknown; message?: unknown } | undefined): ConfideError {
  const code = typeof error?.code === "string" ? error.code : "unknown";
  const message = typeof error?.message === "string" ? error.message.slice(0, maxMessageLength) : "no reason given";
  return new ConfideError("provider.rejected", `Azure Speech could not transcribe the recording (${code}): ${message}`, {
    retryable: false,
    details: { provider, reason: code },
  });
}
