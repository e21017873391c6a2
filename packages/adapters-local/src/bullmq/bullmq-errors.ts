import { ConfideError } from "@confide/core/ports";

export function closedError(): ConfideError {
  return new ConfideError("dependency.unavailable", "The job queue is closed.", { retryable: true });
}

export function unavailable(message: string, cause?: unknown): ConfideError {
  return new ConfideError("dependency.unavailable", message, { retryable: true, cause });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
