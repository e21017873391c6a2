import { ConfideError } from "../errors.ts";

/**
 * Runs one provider request under a deadline: `call` gets a signal that aborts when the caller's
 * signal does or `timeoutMs` after the start, whichever comes first. The one rule for how an
 * adapter tells a caller's abort from its own timeout.
 * @returns what `call` resolves to.
 * @throws the caller's abort reason when the caller aborted; a ConfideError thrown by `call` as it
 * is; any other failure as `mapError` turns it into an error, told `timedOutAfterMs` when the
 * deadline had passed (undefined otherwise).
 */
export async function withDeadline<T>(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<T>,
  mapError: (error: unknown, timedOutAfterMs: number | undefined) => unknown,
): Promise<T> {
  callerSignal?.throwIfAborted();
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = callerSignal === undefined ? timeout : AbortSignal.any([callerSignal, timeout]);
  try {
    return await call(signal);
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (ConfideError.is(error)) throw error;
    throw mapError(error, timeout.aborted ? timeoutMs : undefined);
  }
}
