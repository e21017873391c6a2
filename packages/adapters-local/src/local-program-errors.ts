/**
 * Errors of the programs the local speech adapters run (ffmpeg, ffprobe, PocketSphinx): one
 * that cannot be started, and ffmpeg or ffprobe failing to read a recording.
 */
import { ConfideError } from "@confide/core";
import type { ChildProcessResult } from "./child-process.ts";

/** Debian packages that provide each program the adapters run. */
export const debianPackages = {
  ffmpeg: "ffmpeg",
  ffprobe: "ffmpeg",
  pocketsphinx: "pocketsphinx pocketsphinx-en-us",
} as const;

export type LocalProgram = keyof typeof debianPackages;

const displayName: Record<LocalProgram, string> = {
  ffmpeg: "ffmpeg",
  ffprobe: "ffprobe",
  pocketsphinx: "PocketSphinx (pocketsphinx_continuous)",
};

/** The last `count` non-empty lines of `text` (those matching `pattern`, when given), joined by " | ". */
export function lastLines(text: string, pattern: RegExp | null, count: number): string {
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

/**
 * ffmpeg (or ffprobe) ended without reading the recording. A full disk is an outage
 * (retryable), and so is a kill by a signal; anything else means the bytes are not audio it can
 * decode, which no retry changes.
 */
export function decodeFailedError(result: ChildProcessResult, program: "ffmpeg" | "ffprobe" = "ffmpeg"): ConfideError {
  const detail = lastLines(result.stderrTail, null, 3);
  if (/No space left on device/i.test(result.stderrTail)) {
    return new ConfideError("provider.unavailable", "No space left for the converted audio.", {
      retryable: true,
      details: { program, stderr: detail },
    });
  }
  if (result.exitCode === null) {
    return new ConfideError("provider.unavailable", `${program} was ended by ${result.exitSignal ?? "a signal"}.`, {
      retryable: true,
      details: { program, signal: result.exitSignal },
    });
  }
  return new ConfideError("provider.rejected", `The recording could not be decoded as audio${detail ? `: ${detail}` : "."}`, {
    retryable: false,
    details: { program, exitCode: result.exitCode, stderr: detail },
  });
}
