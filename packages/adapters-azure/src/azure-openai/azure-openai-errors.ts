/**
 * The one place the Azure OpenAI NoteWriter turns failures into ConfideErrors. No message built
 * here carries the transcript or the model's words: the service's own error message is left out
 * (a context-length refusal, a filter's verdict speak of the prompt); its status and `code` are kept.
 */
import { httpFailureClass, parseRetryAfterMs, providerHttpError } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { contentFiltered } from "@confide/llm-notes";
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { credentialErrorNames } from "../entra-id/credential-errors.ts";

const provider = "azure-openai";
const service = "Azure OpenAI";

/** Azure OpenAI throttled without saying for how long: the wait suggested to core. */
export const defaultThrottledRetryAfterMs = 1_000;

/**
 * The delay a throttled deployment asks for: `retry-after-ms` first, then `retry-after`
 * (seconds or an HTTP date), as Azure OpenAI's quota documentation describes both.
 * @returns milliseconds, or undefined when neither header is there or readable.
 */
export function retryAfterMsOf(headers: Headers | undefined): number | undefined {
  const milliseconds = headers?.get("retry-after-ms")?.trim();
  if (milliseconds !== undefined && /^\d+(\.\d+)?$/.test(milliseconds)) return Math.round(Number(milliseconds));
  return parseRetryAfterMs(headers?.get("retry-after"));
}

/**
 * Maps what the `AzureOpenAI` client (or the Entra ID credential) threw for one request.
 * @returns `provider.throttled` (429; retryable, `retryAfterMs` from the headers, else 1 s),
 * `provider.unavailable` (5xx, connection failures; retryable), `provider.timeout` (the deadline
 * passed, 408; retryable), `provider.rejected` with `details.reason`: `content_filter` (the
 * filter refused the transcript), `DeploymentNotFound`, `api_version` (the deployment needs a newer
 * API version), `context_length_exceeded`, `credentials`
 * (401/403, a credential that could not sign in) and other 4xx — none retryable.
 */
export function toAzureOpenAiError(error: unknown, what: string, timedOutAfterMs: number | undefined): ConfideError {
  if (ConfideError.is(error)) return error;
  if (timedOutAfterMs !== undefined || error instanceof APIConnectionTimeoutError) {
    return new ConfideError("provider.timeout", `${service} did not answer ${what} within ${timedOutAfterMs ?? "the client's"} ms.`, {
      retryable: true,
      details: { provider, ...(timedOutAfterMs === undefined ? {} : { timeoutMs: timedOutAfterMs }) },
    });
  }
  // The client wraps what the token provider threw ("Failed to get token from 'apiKey' function") with it as the cause.
  const tokenFailure = !(error instanceof APIError) && error instanceof Error && error.cause !== undefined ? error.cause : undefined;
  if (ConfideError.is(tokenFailure)) return tokenFailure;
  const name = [error, tokenFailure].map((candidate) => (typeof candidate === "object" && candidate !== null ? (candidate as { name?: unknown }).name : undefined)).find((candidate) => typeof candidate === "string" && credentialErrorNames.has(candidate));
  if (typeof name === "string") {
    return new ConfideError("provider.rejected", `${service}: no Entra ID credential could sign in (${name}); set CONFIDE_AZURE_OPENAI_KEY or give the host an identity.`, {
      retryable: false,
      cause: tokenFailure ?? error,
      details: { provider, reason: "credentials" },
    });
  }
  if (error instanceof APIConnectionError) {
    // The cause is a socket error (no request content in it).
    return new ConfideError("provider.unavailable", `${service} could not be reached for ${what}.`, { retryable: true, cause: error.cause, details: { provider } });
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const code = typeof error.code === "string" ? error.code : undefined;
    if (code === "content_filter") return contentFiltered(provider, service, "prompt");
    const reason = code === undefined ? {} : { reason: code };
    if (status === 404 && code === "DeploymentNotFound") {
      return new ConfideError("provider.rejected", `${service} has no deployment by the configured name (CONFIDE_AZURE_OPENAI_DEPLOYMENT).`, { retryable: false, details: { provider, status, ...reason } });
    }
    // "Model o4-mini is enabled only for api versions 2024-12-01-preview and later" (code BadRequest).
    if (status === 400 && error.message.includes("is enabled only for api versions")) {
      return new ConfideError("provider.rejected", `${service} serves this deployment only on a newer API version: set CONFIDE_AZURE_OPENAI_REASONING_MODEL=true for a reasoning deployment (o-series, GPT-5), or CONFIDE_AZURE_OPENAI_API_VERSION.`, {
        retryable: false,
        details: { provider, status, reason: "api_version" },
      });
    }
    if (code === "context_length_exceeded") {
      return new ConfideError("provider.rejected", `${service} refused ${what} as longer than the deployment's context: lower CONFIDE_AZURE_OPENAI_CONTEXT_TOKENS to the model's.`, {
        retryable: false,
        details: { provider, status, ...reason },
      });
    }
    const failure = httpFailureClass(status);
    return providerHttpError({
      provider,
      status,
      retryAfterMs: retryAfterMsOf(error.headers) ?? (failure === "throttled" ? defaultThrottledRetryAfterMs : undefined),
      messages: {
        throttled: `${service} is throttling ${what} (HTTP 429): the deployment's tokens-per-minute quota is spent.`,
        credentials: `${service} refused the credentials for ${what} (HTTP ${status}): check CONFIDE_AZURE_OPENAI_KEY, or the identity's role Cognitive Services OpenAI User on the resource.`,
        not_found: `${service} answered 404 for ${what}: check CONFIDE_AZURE_OPENAI_ENDPOINT and CONFIDE_AZURE_OPENAI_API_VERSION.`,
        timeout: `${service} timed out ${what} (HTTP 408).`,
        unavailable: `${service} failed ${what} (HTTP ${status}).`,
        refused: `${service} refused ${what} (HTTP ${status}${code === undefined ? "" : `, ${code}`}).`,
      },
      details: failure === "credentials" ? { reason: "credentials" } : reason,
    });
  }
  return new ConfideError("provider.unavailable", `${service} failed ${what}: ${error instanceof Error ? error.name : "unknown error"}.`, {
    retryable: true,
    details: { provider },
  });
}
