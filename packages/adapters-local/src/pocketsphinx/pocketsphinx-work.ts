import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { ConfideError } from "@confide/core/ports";
import type { z } from "zod";
import type { pocketSphinxSettings } from "./settings.ts";

/**
 * Work directories are named `confide-pocketsphinx-<host>-<pid>-<random>`, so that the
 * directories of a process that died without cleaning up (SIGKILL, out of memory, power) can be
 * recognised and removed later by any process on the same host.
 */
const workPrefix = "confide-pocketsphinx-";
const host = hostname().replace(/[^A-Za-z0-9]+/g, "_") || "host";
export const ownWorkPrefix = `${workPrefix}${host}-${process.pid}-`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Removes work directories of this host's processes that are no longer running: those named
 * with the id of a process that has ended, and those named with this process's own id but
 * last written before it started (an earlier process that had the same id — in a container
 * the server is often process 1 on every start).
 */
async function removeAbandonedWork(temporaryDirectory: string): Promise<string[]> {
  const pattern = new RegExp(`^${workPrefix}${host}-(\\d+)-`);
  const startedAtMs = performance.timeOrigin;
  const removed: string[] = [];
  for (const entry of await readdir(temporaryDirectory, { withFileTypes: true })) {
    const pid = Number(pattern.exec(entry.name)?.[1] ?? Number.NaN);
    if (!entry.isDirectory() || !Number.isInteger(pid)) continue;
    const path = join(temporaryDirectory, entry.name);
    if (pid === process.pid) {
      const written = await stat(path).catch(() => null);
      if (written === null || written.mtimeMs >= startedAtMs) continue;
    } else if (isRunning(pid)) {
      continue;
    }
    try {
      await rm(path, { recursive: true, force: true });
      removed.push(entry.name);
    } catch (error) {
      // Someone else's files (another user's process): not ours to remove.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EACCES" && code !== "EPERM") throw error;
    }
  }
  return removed;
}

export interface PocketSphinxWork {
  /** Creates this transcription's work directory (after removing crashed processes' ones). @throws ConfideError `provider.unavailable`, retryable. */
  prepare(): Promise<string>;
  /** The start-up sweep: settles when it has ended, its failure as the value (not this promise's to report). */
  removedAtStart: Promise<unknown>;
}

/**
 * Work directories in the temporary directory. Leftovers of crashed processes (a worker killed
 * with `kill -9` leaves its converted audio, as large as the recording) are removed once, from
 * the start: the sweep begins when the adapter is created, as its process starts. One that
 * failed is tried again before the next transcription, which reports its error.
 */
export function createPocketSphinxWork(resolved: z.output<typeof pocketSphinxSettings>): PocketSphinxWork {
  let abandonedWorkRemoved: Promise<string[]> | null = null;
  const removeAbandonedWorkOnce = (): Promise<string[]> =>
    (abandonedWorkRemoved ??= removeAbandonedWork(resolved.temporaryDirectory).catch((error: unknown) => {
      abandonedWorkRemoved = null;
      throw error;
    }));
  const removedAtStart: Promise<unknown> = removeAbandonedWorkOnce().catch((error: unknown) => error);

  async function prepare(): Promise<string> {
    try {
      await removeAbandonedWorkOnce();
      return await mkdtemp(join(resolved.temporaryDirectory, ownWorkPrefix));
    } catch (error) {
      throw new ConfideError(
        "provider.unavailable",
        `No work directory for the converted audio could be made in "${resolved.temporaryDirectory}" ` +
          `(${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
        { retryable: true, cause: error, details: { temporaryDirectory: resolved.temporaryDirectory } },
      );
    }
  }

  return { prepare, removedAtStart };
}
