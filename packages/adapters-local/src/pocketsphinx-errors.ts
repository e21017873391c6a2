import { ConfideError } from "@confide/core";
import type { ChildProcessResult } from "./child-process.ts";

/** Debian packages that provide each program the adapter runs. */
export const debianPackages = {
  ffmpeg: "ffmpeg",
  pocketsphinx: "pocketsphinx pocketsphinx-en-us",
} as const;

export type LocalProgram = keyof typeof debianPackages;

const displayName: Record<LocalProgram, string> = {
  ffmpeg: "ffmpeg",
  pocketsphinx: "PocketSphinx (pocketsphinx_continuous)",
};

function lastLines(text: string, pattern: RegExp | null, count: number): string {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && (pattern === null || pattern.test(line)));
  return lines.slice(-count).join(" | ");
}

/**
 * A program that could not be started (not installed, not executable). Retryable: once the
 * package is installed the same recording transcribes.
 */
export function programUnavailableError(program: LocalProgram, path: string, cause: unknown): ConfideError {
  const errno = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason = errno === "ENOENT" ? "was not found" : `could not be started (${errno ?? String(cause)})`;
  return new ConfideError(
    "speech.engine_unavailable",
    `${displayName[program]} ${reason} at "${path}": install the Debian package(s) ${debianPackages[program]} ` +
      `(apt-get install ${debianPackages[program]}) or configure its path.`,
    { retryable: true, cause, details: { program, path, packages: debianPackages[program] } },
  );
}

/** True for the errors `spawn` gives when the program itself cannot be run. */
export function isSpawnFailure(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "EACCES" || code === "ENOTDIR" || code === "EISDIR";
}

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
 * ffmpeg ended without producing audio. A full disk is an outage (retryable); anything else
 * means the bytes are not audio ffmpeg can decode, which no retry changes.
 */
export function decodeFailedError(result: ChildProcessResult): ConfideError {
  const detail = lastLines(result.stderrTail, null, 3);
  if (/No space left on device/i.test(result.stderrTail)) {
    return new ConfideError("provider.unavailable", "No space left for the converted audio.", {
      retryable: true,
      details: { program: "ffmpeg", stderr: detail },
    });
  }
  if (result.exitCode === null) {
    return new ConfideError("provider.unavailable", `ffmpeg was ended by ${result.exitSignal ?? "a signal"}.`, {
      retryable: true,
      details: { program: "ffmpeg", signal: result.exitSignal },
    });
  }
  return new ConfideError("provider.rejected", `The recording could not be decoded as audio${detail ? `: ${detail}` : "."}`, {
    retryable: false,
    details: { program: "ffmpeg", exitCode: result.exitCode, stderr: detail },
  });
}

/**
 * PocketSphinx ended in failure. Killed by a signal (memory, an operator) is transient; an
 * exit status with ERROR lines is a broken installation (model files, arguments).
 */
export function recognitionFailedError(result: ChildProcessResult): ConfideError {
  if (result.exitCode === null) {
    return new ConfideError(
      "provider.unavailable",
      `PocketSphinx was ended by ${result.exitSignal ?? "a signal"} while recognising.`,
      { retryable: true, details: { program: "pocketsphinx", signal: result.exitSignal } },
    );
  }
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
