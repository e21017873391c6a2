import { runChildProcess } from "./child-process.ts";
import { isSpawnFailure, programUnavailableError, type LocalProgram } from "./local-program-errors.ts";

/**
 * How long a program check that passed is trusted: the adapters of one process that check the
 * same program in the same readiness round (the batch and the live engine both start
 * PocketSphinx, the engine and the diarizer both ffmpeg) share one run instead of each starting
 * it — starting a child process from a server holding a database in memory costs tens of
 * milliseconds of its event loop each time.
 */
export const programCheckTrustMs = 5_000;

const recentChecks = new Map<string, { at: number; passed: Promise<void> }>();

/**
 * Runs `check` for `key` unless one for the same key is running or passed within
 * `programCheckTrustMs`; a failed check is not kept (the next caller runs it again). The shared
 * run is not stopped by one caller's signal: that caller stops waiting for it.
 */
export function sharedProgramCheck(key: string, check: () => Promise<void>, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const now = Date.now();
  let entry = recentChecks.get(key);
  if (!entry || now - entry.at >= programCheckTrustMs) {
    const passed = check();
    const created = { at: now, passed };
    entry = created;
    recentChecks.set(key, created);
    passed.catch(() => {
      if (recentChecks.get(key) === created) recentChecks.delete(key);
    });
  }
  if (!signal) return entry.passed;
  const { passed } = entry;
  return new Promise<void>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    passed.then(resolve, reject).finally(() => signal.removeEventListener("abort", stop));
  });
}

/**
 * Starts an installed program with arguments that make it answer at once (its usage or version)
 * and waits for it to exit, whatever its exit status: the program is found the way every later
 * run finds it, and it loads. What a readiness probe can afford every few seconds — unlike
 * loading a speech model. Checks of the same program with the same arguments are shared
 * (`sharedProgramCheck`).
 * @throws ConfideError `speech.engine_unavailable` naming the program and its Debian package,
 *   when it cannot be started (not installed, not executable).
 */
export function assertProgramStarts(program: LocalProgram, path: string, args: string[], signal?: AbortSignal): Promise<void> {
  return sharedProgramCheck(
    ["starts", path, ...args].join("\0"),
    async () => {
      try {
        await runChildProcess(path, args);
      } catch (error) {
        if (isSpawnFailure(error)) throw programUnavailableError(program, path, error);
        throw error;
      }
    },
    signal,
  );
}
