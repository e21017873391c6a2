import { ConfideError, type ErrorCode } from "@confide/core/ports";
import { expect } from "vitest";

/**
 * Awaits `promise` and asserts it rejected with a ConfideError of `code` (checked with
 * `ConfideError.is`, which works across package copies).
 * @returns the error, for further assertions.
 */
export async function expectConfideError(promise: Promise<unknown>, code: ErrorCode): Promise<ConfideError> {
  const outcome = await promise.then(
    (value: unknown) => ({ rejected: false as const, value }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) {
    expect.fail(`expected ConfideError ${code}, but the call succeeded with ${JSON.stringify(outcome.value)}`);
  }
  const { error } = outcome;
  const described = ConfideError.is(error) ? `ConfideError ${error.code}: ${error.message}` : String(error);
  expect(ConfideError.is(error, code), `expected ConfideError ${code}, got ${described}`).toBe(true);
  return error as ConfideError;
}
