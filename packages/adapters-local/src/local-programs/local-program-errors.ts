/**
 * Errors of the programs the local speech adapters run (ffmpeg, ffprobe, PocketSphinx): one
 * that cannot be started, and ffmpeg or ffprobe failing to read a recording.
 */
import { ConfideError } from "@confide/core/ports";
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
 * Signals that ask a program to stop (a terminal's Ctrl-C or quit, a service manager's stop,
 * a closed terminal), as opposed to a crash or the kernel's out-of-memory kill.
 */
const stopRequests: ReadonlySet<string> = new Set(["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"]);

/** ffmpeg catches the stop requests and exits with a status, saying so on stderr. */
const ffmpegStopped = /received signal (2|15|1|3)\b/;

/**
 * A program ended by a signal. A stop request means the host is being shut down (or someone
 * stopped the program by hand): `provider.interrupted`, which core treats as an interruption —
 * the job is left for redelivery and no attempt is counted. Any other signal (a crash, the
 * out-of-memory killer) is a retryable `provider.unavailable`.
 */
export function endedBySignalError(program: LocalProgram, signal: NodeJS.Signals | null, doing: string): ConfideError {
  const by = signal ?? "a signal";
  if (signal !== null && stopRequests.has(signal)) {
    return new ConfideError("provider.interrupted", `${displayName[program]} was stopped by ${by} while ${doing}.`, {
      retryable: true,
      details: { program, signal },
    });
  }
  return new ConfideError("provider.unavailable", `${displayName[program]} was ended by ${by} while ${doing}.`, {
    retryable: true,
    details: { program, signal },
  });
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
  if (result.exitCode === null) return endedBySignalError(program, result.exitSignal, "reading the recording");
  const stopped = ffmpegStopped.exec(result.stderrTail);
  if (stopped) {
    const signals: Record<string, NodeJS.Signals> = { "1": "SIGHUP", "2": "SIGINT", "3": "SIGQUIT", "15": "SIGTERM" };
    return endedBySignalError(program, signals[stopped[1] ?? ""] ?? null, "reading the recording");
  }
  return new ConfideError("provider.rejected", `The recording could not be decoded as audio${detail ? `: ${detail}` : "."}`, {
    retryable: false,
    details: { program, exitCode: result.exitCode, stderr: detail },
  });
}
