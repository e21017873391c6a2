import { httpFailureClass, isRetryableHttpFailure, parseRetryAfterMs } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { credentialErrorNames } from "../entra-id/credential-errors.ts";

interface AzureLikeError {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  details?: { errorCode?: unknown };
  response?: { headers?: { get(name: string): string | undefined } };
}

/** The HTTP status of a RestError, if it got an answer. */
export function azureStatusOf(error: unknown): number | undefined {
  const status = (error as AzureLikeError | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

/** Azure Storage's error code (`BlobNotFound`, `ContainerNotFound`, `AuthorizationFailure`…), or the socket code. */
export function azureErrorCodeOf(error: unknown): string | undefined {
  const azure = error as AzureLikeError | null;
  const code = azure?.details?.errorCode ?? azure?.code;
  return typeof code === "string" ? code : undefined;
}

/** True when the blob, or the container holding it, does not exist. */
export function isAzureNotFound(error: unknown): boolean {
  return azureStatusOf(error) === 404;
}

/** True when the container is missing (deleted behind the store's back, or never made). */
export function isContainerNotFound(error: unknown): boolean {
  return azureErrorCodeOf(error) === "ContainerNotFound";
}

/** Milliseconds the service asked to wait (`Retry-After`, as Storage sends with 503 ServerBusy: seconds or an HTTP date). */
function retryAfterMsOf(error: unknown): number | undefined {
  return parseRetryAfterMs((error as AzureLikeError | null)?.response?.headers?.get("retry-after"));
}

/**
 * Whether a failure may pass by itself: throttling (429, 503 ServerBusy), server errors, a
 * request timing out, the endpoint unreachable (a RestError without a status), a conflicting
 * concurrent operation (409 such as ContainerBeingDeleted or a lease) or a condition raced by
 * another writer (412).
 * Refusals that need an operator — 401/403 (a key, a role or a SAS missing) — are not.
 */
function isTransient(error: unknown): boolean {
  const status = azureStatusOf(error);
  if (status !== undefined) return isRetryableHttpFailure(httpFailureClass(status)) || status === 409 || status === 412;
  // No answer: refused, reset, DNS, or the per-try timeout aborting the request (the caller's own
  // signal is checked before mapping). Sign-in failures are not transient.
  const name = (error as AzureLikeError | null)?.name;
  return name === "RestError" || name === "AbortError";
}

/** True for errors of Azure Storage, the network or sign-in, as opposed to the caller's own (a body stream's error). */
function isAzureError(error: unknown): boolean {
  const azure = error as AzureLikeError | null;
  if (typeof azure !== "object" || azure === null) return false;
  if (azure.name === "RestError" || azureStatusOf(error) !== undefined) return true;
  if (typeof azure.name === "string" && credentialErrorNames.has(azure.name)) return true;
  return azure.name === "AbortError";
}

/**
 * Maps a failure of Azure Blob Storage to ConfideError `dependency.unavailable` (retryable when it
 * may pass, with `retryAfterMs` when the service says when; `reason` is the storage error code, the
 * socket code or the credential error's name, never a message that could hold a URL with a SAS).
 * 404 is `blob.not_found` and 416 `blob.range_not_satisfiable`; ConfideErrors and errors that are
 * not Azure's (a body stream's own error) are returned unchanged.
 */
export function toAzureBlobError(error: unknown, operation: string): unknown {
  if (ConfideError.is(error) || !isAzureError(error)) return error;
  const status = azureStatusOf(error);
  const code = azureErrorCodeOf(error);
  if (status === 404 && !isContainerNotFound(error)) {
    return new ConfideError("blob.not_found", "There is no object at this key.", { cause: error });
  }
  if (status === 416) return new ConfideError("blob.range_not_satisfiable", "The range starts past the end of the object.", { cause: error });
  const name = (error as AzureLikeError).name;
  const credential = typeof name === "string" && credentialErrorNames.has(name);
  const reason = credential ? name : (code ?? (status === undefined ? "unknown" : String(status)));
  const retryAfterMs = retryAfterMsOf(error);
  // A container deleted behind the store's back is made again by its next write.
  const retryable = isContainerNotFound(error) || isTransient(error);
  return new ConfideError(
    "dependency.unavailable",
    `Azure Blob Storage failed to ${operation} (${status === undefined ? reason : `${status} ${reason}`}).`,
    {
      retryable,
      cause: error,
      ...(retryable && retryAfterMs !== undefined ? { retryAfterMs } : {}),
      details: { dependency: "azure-blob", reason, ...(status === undefined ? {} : { status }) },
    },
  );
}
