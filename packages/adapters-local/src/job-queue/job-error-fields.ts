import { ConfideError } from "@confide/core/ports";

/** Log fields describing a handler's failure: its code when it has one, and its message. */
export function describeJobError(error: unknown): { errorCode: string; error: string } {
  if (ConfideError.is(error)) return { errorCode: error.code, error: error.message };
  if (error instanceof Error) return { errorCode: error.name, error: error.message };
  return { errorCode: "unknown", error: String(error) };
}
