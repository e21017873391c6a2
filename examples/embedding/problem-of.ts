import { ConfideError, type Logger } from "@confide/core/ports";
import { errorStatus } from "@confide/http/compose";

/** What a host answers for a failed request: the status of the error's code (the table `confide serve` uses) and a problem body. */
export function problemOf(error: unknown, logger: Logger): { status: number; body: { code: string; title: string } } {
  if (!ConfideError.is(error)) {
    // A bug: logged whole, answered in plain words.
    logger.error("request failed", { error });
    return { status: 500, body: { code: "internal", title: "Something went wrong on our side." } };
  }
  return { status: errorStatus[error.code], body: { code: error.code, title: error.message } };
}
