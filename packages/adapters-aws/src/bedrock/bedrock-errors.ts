/**
 * The one place the Bedrock NoteWriter turns failures into ConfideErrors. Bedrock's own error
 * message is never copied into ours (a validation message may describe the input); the error's
 * name and HTTP status are kept.
 */
import { httpFailureClass, parseRetryAfterMs, unreachableCode } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";

const provider = "bedrock";
const service = "Amazon Bedrock";

/** Bedrock throttles without saying for how long: the first wait suggested to core. */
export const throttledRetryAfterMs = 1_000;

interface SdkError {
  name?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { headers?: Record<string, string | undefined> };
}

const fieldsOf = (error: unknown): SdkError => (typeof error === "object" && error !== null ? (error as SdkError) : {});

/** Asking the client to slow down: account quotas, a model still loading. */
const throttlingNames = new Set(["ThrottlingException", "ModelNotReadyException", "ServiceQuotaExceededException", "TooManyRequestsException"]);
/** Credentials or permissions an operator must fix. */
const credentialNames = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
  "ExpiredTokenException",
  "CredentialsProviderError",
]);

/**
 * Maps a failed Converse (or ListAsyncInvokes) request:
 * - `ThrottlingException`, `ModelNotReadyException`, `ServiceQuotaExceededException`, 429 →
 *   `provider.throttled`, retryable, `retryAfterMs` from `Retry-After` when sent, else 1 s;
 * - the deadline passing, `ModelTimeoutException` (408), the SDK's `TimeoutError` → `provider.timeout`, retryable;
 * - `InternalServerException`, `ServiceUnavailableException`, `ModelErrorException`, 5xx and no answer → `provider.unavailable`, retryable;
 * - `AccessDeniedException` → `provider.rejected` (`reason`: the name; the role's
 *   `bedrock:InvokeModel` permission or the model's access); refused credentials → `provider.rejected` (`credentials`);
 * - `ValidationException` → `provider.rejected`: an invalid model id (`model_id`), input longer
 *   than the model's context (`input_too_long`), `maxTokens` above the model's limit (`max_tokens`), else the name;
 * - `ResourceNotFoundException` → `provider.rejected` (the model id);
 * - the SDK failing before sending (no region, no credentials in the chain) → `provider.unavailable`, not retryable.
 * ConfideErrors are returned unchanged.
 */
export function toBedrockError(error: unknown, what: string, timedOutAfterMs: number | undefined): ConfideError {
  if (ConfideError.is(error)) return error;
  if (timedOutAfterMs !== undefined) {
    return new ConfideError("provider.timeout", `${service} did not answer ${what} within ${timedOutAfterMs} ms.`, {
      retryable: true,
      cause: error,
      details: { provider, timeoutMs: timedOutAfterMs },
    });
  }
  const fields = fieldsOf(error);
  const name = typeof fields.name === "string" ? fields.name : "unknown";
  const rawStatus = fields.$metadata?.httpStatusCode;
  const status = typeof rawStatus === "number" ? rawStatus : undefined;
  const serviceMessage = typeof fields.message === "string" ? fields.message : "";
  const failure = status === undefined ? undefined : httpFailureClass(status);
  const details = { provider, reason: name, ...(status === undefined ? {} : { status }) };
  const said = status === undefined ? name : `${name}, HTTP ${status}`;

  if (throttlingNames.has(name) || failure === "throttled") {
    return new ConfideError("provider.throttled", `${service} is throttling ${what} (${said}).`, {
      retryable: true,
      retryAfterMs: parseRetryAfterMs(fields.$response?.headers?.["retry-after"]) ?? throttledRetryAfterMs,
      cause: error,
      details,
    });
  }
  if (name === "ModelTimeoutException" || name === "TimeoutError" || name === "RequestTimeout" || failure === "timeout") {
    return new ConfideError("provider.timeout", `${service}'s model timed out on ${what} (${said}).`, { retryable: true, cause: error, details });
  }
  const lost = unreachableCode(error);
  if (lost !== undefined) {
    return new ConfideError("provider.unavailable", `${service} could not be reached for ${what} (${lost}).`, { retryable: true, cause: error, details: { ...details, reason: lost } });
  }
  if (fields.$fault === "server" || failure === "unavailable" || name === "ModelErrorException") {
    return new ConfideError("provider.unavailable", `${service} failed ${what} (${said}).`, { retryable: true, cause: error, details });
  }
  if (credentialNames.has(name)) {
    return new ConfideError("provider.rejected", `${service} refused the credentials for ${what} (${said}): check the AWS credentials the SDK's chain finds.`, {
      retryable: false,
      cause: error,
      details: { ...details, reason: "credentials" },
    });
  }
  if (name === "AccessDeniedException" || failure === "credentials") {
    return new ConfideError(
      "provider.rejected",
      `${service} denied ${what} (${said}): the role needs bedrock:InvokeModel on the model (or inference profile), and the account access to the model.`,
      { retryable: false, cause: error, details },
    );
  }
  if (name === "ValidationException") {
    // Classified by Bedrock's wording; the wording itself is not passed on.
    const [reason, hint] = /model identifier is invalid/i.test(serviceMessage)
      ? ["model_id", "the model id is not one Bedrock knows in this region: check CONFIDE_BEDROCK_MODEL_ID and CONFIDE_BEDROCK_REGION"]
      : /too long/i.test(serviceMessage)
        ? ["input_too_long", "the window is longer than the model's context: lower CONFIDE_BEDROCK_CONTEXT_TOKENS to the model's"]
        : /maximum tokens/i.test(serviceMessage)
          ? ["max_tokens", "CONFIDE_BEDROCK_MAX_OUTPUT_TOKENS is above the model's output limit"]
          : ["ValidationException", "check the model supports Converse with tool use"];
    // No cause kept: a validation message may describe the input.
    return new ConfideError("provider.rejected", `${service} refused ${what}: ${hint}.`, { retryable: false, details: { ...details, reason } });
  }
  if (name === "ResourceNotFoundException" || failure === "not_found") {
    return new ConfideError("provider.rejected", `${service} has no such model (${said}): check CONFIDE_BEDROCK_MODEL_ID.`, { retryable: false, cause: error, details });
  }
  if (fields.$fault === "client" || status !== undefined) {
    return new ConfideError("provider.rejected", `${service} refused ${what} (${said}).`, { retryable: false, cause: error, details });
  }
  // The SDK failing before any request: no region configured, a credential chain finding nothing.
  return new ConfideError("provider.unavailable", `${service} cannot be used as configured (${name}): set a region and credentials the SDK can find.`, {
    retryable: false,
    cause: error,
    details,
  });
}
