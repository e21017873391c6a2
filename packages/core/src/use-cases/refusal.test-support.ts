import { ConfideError } from "../errors.ts";

/** The ConfideError a call was refused with; fails the test when it resolved or threw anything else. */
export async function refusalOf(promise: Promise<unknown>): Promise<ConfideError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!ConfideError.is(error)) throw new Error(`Expected a ConfideError, got ${String(error)}`);
  return error;
}
