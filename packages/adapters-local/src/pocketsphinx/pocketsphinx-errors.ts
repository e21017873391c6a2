import { ConfideError } from "@confide/core/ports";
import type { ChildProcessResult } from "../local-programs/child-process.ts";
import { endedBySignalError, lastLines } from "../local-programs/local-program-errors.ts";

/** The model directory or one of its files is missing. */
export function modelUnavailableError(modelDirectory: string, missing: string, cause?: unknown): ConfideError {
  return new ConfideError(
    "speech.engine_unavailable",
    `The PocketSphinx model is not installed: "${missing}" is missing. Install the Debian package ` +
      `pocketsphinx-en-us or point modelDirectory (CONFIDE_POCKETSPHINX_MODEL_DIR) at a model directory.`,
    { retryable: true, cause, details: { modelDirectory, missing } },
  );
}

/**
 * PocketSphinx ended in failure. Stopped by a stop request (shutdown) is an interruption,
 * killed by another signal (memory) is transient; an exit status with ERROR lines is a broken installation (model files, arguments).
 */
export function recognitionFailedError(result: ChildProcessResult): ConfideError {
  if (result.exitCode === null) return endedBySignalError("pocketsphinx", result.exitSignal, "recognising");
  const errors = lastLines(result.stderrTail, /^(ERROR|FATAL)/, 3);
  return new ConfideError(
    "speech.engine_unavailable",
    `PocketSphinx failed (exit status ${result.exitCode})${errors ? `: ${errors}` : "."}`,
    { retryable: true, details: { program: "pocketsphinx", exitCode: result.exitCode, stderr: errors } },
  );
}

/** The session asks for a language the installed model does not speak. */
export function unsupportedLanguageError(requested: string[]): ConfideError {
  return new ConfideError(
    "provider.unsupported",
    `PocketSphinx here has only the en-US model; ${requested.join(", ")} cannot be transcribed.`,
    { retryable: false, details: { languages: requested, supported: ["en-US"] } },
  );
}

/** PocketSphinx answers at once: there are never jobs to poll. */
export function unknownJobError(ref: string): ConfideError {
  return new ConfideError("provider.rejected", "No such job: PocketSphinx transcribes at once and keeps no jobs.", {
    retryable: false,
    details: { ref },
  });
}
