import { ConfideError } from "@confide/core/ports";

/**
 * The Vosk server's failures as core errors. Its WebSocket protocol has no error messages: a
 * server that cannot be reached, refuses the upgrade, or closes before answering `{"eof" : 1}`
 * has gone away — retryable `provider.unavailable` (the live session goes on recorded only).
 * An answer that is not the protocol's JSON is `provider.rejected` (not a Vosk server).
 */
export function voskUnavailable(what: string, cause?: unknown): ConfideError {
  return new ConfideError("provider.unavailable", `The Vosk speech server ${what}.`, { retryable: true, ...(cause === undefined ? {} : { cause }) });
}

export function voskBadAnswer(answer: string): ConfideError {
  return new ConfideError("provider.rejected", `The Vosk speech server answered something that is not its protocol: ${answer.slice(0, 80)}`, {
    retryable: false,
  });
}
