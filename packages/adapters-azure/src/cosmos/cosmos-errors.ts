import { httpFailureClass, isRetryableHttpFailure, unreachableCodes } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { credentialErrorNames } from "../entra-id/credential-errors.ts";

interface CosmosLikeError {
  name?: unknown;
  /** The HTTP status as a number (`@azure/cosmos` ErrorResponse), or a socket code as a string. */
  code?: unknown;
  substatus?: unknown;
  retryAfterInMs?: unknown;
  retryAfterInMilliseconds?: unknown;
  headers?: Record<string, unknown>;
  message?: unknown;
}

/**
 * The HTTP status Cosmos DB answered with (`@azure/cosmos` puts it in `code` as a number).
 * @returns the status, or undefined when the request got no answer.
 */
export function cosmosStatusOf(error: unknown): number | undefined {
  const code = (error as CosmosLikeError | null)?.code;
  return typeof code === "number" ? code : undefined;
}

/** True for 409 Conflict: an item with this id (or unique key) exists in the partition. */
export function isCosmosConflict(error: unknown): boolean {
  return cosmosStatusOf(error) === 409;
}

/** True for 412 Precondition Failed: the item's `_etag` is not the one given as `IfMatch`. */
export function isCosmosPreconditionFailed(error: unknown): boolean {
  return cosmosStatusOf(error) === 412;
}

/** True for 404 Not Found (an item, or a container or database that does not exist). */
export function isCosmosNotFound(error: unknown): boolean {
  return cosmosStatusOf(error) === 404;
}

/** Milliseconds Cosmos DB asked to wait (429's `x-ms-retry-after-ms`, which the SDK copies to `retryAfterInMs`). */
export function cosmosRetryAfterMsOf(error: unknown): number | undefined {
  const cosmos = error as CosmosLikeError | null;
  const header = cosmos?.headers?.["x-ms-retry-after-ms"];
  for (const candidate of [cosmos?.retryAfterInMs, cosmos?.retryAfterInMilliseconds, header]) {
    const value = typeof candidate === "string" ? Number(candidate) : candidate;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

function isTooLarge(error: unknown): boolean {
  const message = (error as CosmosLikeError | null)?.message;
  return cosmosStatusOf(error) === 413 || (typeof message === "string" && /request size is too large/i.test(message));
}

/** Why the request failed, for `details.reason`: a socket code, an error name, or the status. */
function reasonOf(error: unknown): string {
  const cosmos = error as CosmosLikeError;
  if (typeof cosmos.code === "string") return cosmos.code;
  if (typeof cosmos.name === "string" && cosmos.name !== "Error") return cosmos.name;
  return "unknown";
}

/** True for errors of Cosmos DB, the network, a timeout or sign-in, as opposed to our own bugs. */
function isCosmosError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const cosmos = error as CosmosLikeError;
  if (cosmosStatusOf(error) !== undefined) return true;
  if (typeof cosmos.code === "string" && (unreachableCodes.has(cosmos.code) || cosmos.code === "TimeoutError")) return true;
  return typeof cosmos.name === "string" && (credentialErrorNames.has(cosmos.name) || ["TimeoutError", "AbortError", "RestError"].includes(cosmos.name));
}

/**
 * Maps a failure of Cosmos DB to ConfideError `dependency.unavailable` — the one error map of the
 * Cosmos repositories (repositories first turn the statuses that mean something to their port,
 * 409, 412 and 404, into the port's errors):
 * - 429 (request rate too large): retryable, `retryAfterMs` from `x-ms-retry-after-ms` (the
 *   client makes no retries of its own, so throttling reaches the caller at once);
 * - 408, 449, 5xx (503 ServiceUnavailable), a timeout, a refused or dropped connection: retryable;
 * - 413 / "Request size is too large": not retryable, saying the item is over Cosmos DB's 2 MB;
 * - 401/403 and sign-in failures: not retryable (a key or a role is missing);
 * - 409/412 no repository handled: retryable (another writer raced this one);
 * - 404 no repository handled (the database or a container is missing): not retryable, saying
 *   to run `confide migrate`.
 * `reason` is the socket code, the error's name or the status, never a message.
 * ConfideErrors and errors that are not Cosmos DB's are returned unchanged.
 * @returns the error to throw.
 */
export function toCosmosError(error: unknown, operation: string): unknown {
  if (ConfideError.is(error) || !isCosmosError(error)) return error;
  const status = cosmosStatusOf(error);
  const details: Record<string, unknown> = { dependency: "cosmos", reason: status === undefined ? reasonOf(error) : String(status) };
  if (status !== undefined) details.status = status;
  if (isTooLarge(error)) {
    return new ConfideError(
      "dependency.unavailable",
      `Cosmos DB refused to ${operation}: the item is larger than its 2 MB limit (413 RequestEntityTooLarge).`,
      { retryable: false, cause: error, details: { ...details, reason: "RequestEntityTooLarge" } },
    );
  }
  if (status !== undefined && httpFailureClass(status) === "throttled") {
    const retryAfterMs = cosmosRetryAfterMsOf(error);
    return new ConfideError("dependency.unavailable", `Cosmos DB throttled the request to ${operation} (429 request rate too large).`, {
      retryable: true,
      cause: error,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      details: { ...details, reason: "throttled" },
    });
  }
  if (status === 404) {
    // Items a repository looked for are its own business (null, not found): a 404 that reaches
    // this map is the database or a container missing.
    return new ConfideError(
      "dependency.unavailable",
      `Cosmos DB failed to ${operation}: the database or a container does not exist (run \`confide migrate\`).`,
      { retryable: false, cause: error, details },
    );
  }
  const retryable =
    status === undefined
      ? !(typeof (error as CosmosLikeError).name === "string" && credentialErrorNames.has((error as CosmosLikeError).name as string))
      : isRetryableHttpFailure(httpFailureClass(status)) || status === 409 || status === 412 || status === 449;
  return new ConfideError(
    "dependency.unavailable",
    `Cosmos DB failed to ${operation} (${status === undefined ? details.reason : status}).`,
    { retryable, cause: error, details },
  );
}

/**
 * Runs `action`, mapping what it throws with `toCosmosError`.
 * @returns what `action` returns.
 * @throws the mapped error.
 */
export async function withCosmosErrors<T>(operation: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw toCosmosError(error, operation);
  }
}
